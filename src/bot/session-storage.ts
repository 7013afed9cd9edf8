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

/**
 * Keeps recently used sessions in memory in front of the store, written
 * through, so the database stays the truth and a restart loses nothing.
 * Correct only while this process sees every update of a chat, as with long
 * polling (Telegram serves one consumer); several webhook instances must not
 * use it. Reads return a fresh copy, so a failed update leaves no trace here.
 */
export function cached<T>(storage: StorageAdapter<T>, maxEntries: number): StorageAdapter<T> {
  const cache = new Map<string, string | null>(); // JSON, or null for "no session"
  const remember = (key: string, json: string | null) => {
    cache.delete(key); // re-inserting keeps the Map in least-recently-used order
    cache.set(key, json);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  };
  return {
    async read(key) {
      const hit = cache.get(key);
      if (hit !== undefined) {
        remember(key, hit);
        return hit === null ? undefined : (JSON.parse(hit) as T);
      }
      const value = await storage.read(key);
      remember(key, value === undefined ? null : JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      await storage.write(key, value);
      remember(key, JSON.stringify(value));
    },
    async delete(key) {
      await storage.delete(key);
      remember(key, null);
    },
  };
}
