import type { StorageAdapter } from "grammy";

/**
 * Wraps a session store so that a session is written only when it changed,
 * and an empty new session is not written at all: most updates (reading a
 * screen) then cost one read and no write, and a person who never chose a
 * setting leaves no row.
 */
export function writeOnlyChanges<T extends object>(storage: StorageAdapter<T>): StorageAdapter<T> {
  const stored = new WeakMap<object, string>();
  return {
    async read(key) {
      const value = await storage.read(key);
      if (value) stored.set(value, JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      const before = stored.get(value);
      if (json === before || (before === undefined && json === "{}")) return;
      await storage.write(key, value);
      stored.set(value, json);
    },
    delete: (key) => storage.delete(key),
  };
}
