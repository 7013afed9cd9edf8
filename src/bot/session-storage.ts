import type { StorageAdapter } from "grammy";
import type { Cipher } from "../shared/crypto.js";

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

/** Stores sessions encrypted: the database never holds them in plain text. */
export function encrypted<T>(storage: StorageAdapter<string>, cipher: Cipher): StorageAdapter<T> {
  return {
    async read(key) {
      const sealed = await storage.read(key);
      return sealed === undefined ? undefined : (JSON.parse(cipher.decrypt(sealed)) as T);
    },
    write: (key, value) => storage.write(key, cipher.encrypt(JSON.stringify(value))),
    delete: (key) => storage.delete(key),
  };
}
