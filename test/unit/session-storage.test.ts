import { describe, expect, it } from "vitest";
import type { StorageAdapter } from "grammy";
import { cached, writeOnlyChanges } from "../../src/bot/session-storage.js";

/** An in-memory store that counts writes. */
function countingStore(initial: Record<string, object> = {}) {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  const writes: string[] = [];
  const reads: string[] = [];
  const store: StorageAdapter<{ locale?: string }> = {
    read: async (key) => {
      reads.push(key);
      return data.has(key) ? JSON.parse(data.get(key)!) : undefined;
    },
    write: async (key, value) => {
      writes.push(key);
      data.set(key, JSON.stringify(value));
    },
    delete: async (key) => void data.delete(key),
  };
  return { store, data, writes, reads };
}

describe("writeOnlyChanges", () => {
  it("does not write a session that was read and left unchanged", async () => {
    const { store, writes } = countingStore({ a: { locale: "uk" } });
    const wrapped = writeOnlyChanges(store);
    const value = (await wrapped.read("a"))!;
    await wrapped.write("a", value);
    expect(writes).toEqual([]);
  });

  it("writes a session that changed, once", async () => {
    const { store, data, writes } = countingStore({ a: { locale: "uk" } });
    const wrapped = writeOnlyChanges(store);
    const value = (await wrapped.read("a"))!;
    value.locale = "en";
    await wrapped.write("a", value);
    await wrapped.write("a", value);
    expect(writes).toEqual(["a"]);
    expect(data.get("a")).toBe('{"locale":"en"}');
  });

  it("does not store an empty new session, but stores a filled one", async () => {
    const { store, data, writes } = countingStore();
    const wrapped = writeOnlyChanges(store);
    expect(await wrapped.read("b")).toBeUndefined();
    await wrapped.write("b", {});
    expect(writes).toEqual([]);
    await wrapped.write("b", { locale: "en" });
    expect(data.get("b")).toBe('{"locale":"en"}');
  });
});

describe("cached", () => {
  it("reads each key from the store once, including a missing one", async () => {
    const { store, reads } = countingStore({ a: { locale: "uk" } });
    const c = cached(store, 10);
    expect(await c.read("a")).toEqual({ locale: "uk" });
    expect(await c.read("a")).toEqual({ locale: "uk" });
    expect(await c.read("b")).toBeUndefined();
    expect(await c.read("b")).toBeUndefined();
    expect(reads).toEqual(["a", "b"]);
  });

  it("hands out copies, so a change that is never written stays out of the cache", async () => {
    const { store } = countingStore({ a: { locale: "uk" } });
    const c = cached(store, 10);
    const value = (await c.read("a"))!;
    value.locale = "en";
    expect(await c.read("a")).toEqual({ locale: "uk" });
  });

  it("writes and deletes through to the store", async () => {
    const { store, data, reads } = countingStore();
    const c = cached(store, 10);
    await c.write("a", { locale: "en" });
    expect(data.get("a")).toBe('{"locale":"en"}');
    expect(await c.read("a")).toEqual({ locale: "en" });
    await c.delete("a");
    expect(data.has("a")).toBe(false);
    expect(await c.read("a")).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it("forgets the least recently used key beyond its size", async () => {
    const { store, reads } = countingStore({ a: {}, b: {}, c: {} });
    const c = cached(store, 2);
    await c.read("a");
    await c.read("b");
    await c.read("a");
    await c.read("c"); // evicts b
    await c.read("a");
    await c.read("b");
    expect(reads).toEqual(["a", "b", "c", "b"]);
  });
});
