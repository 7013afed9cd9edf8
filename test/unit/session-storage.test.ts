import { describe, expect, it } from "vitest";
import type { StorageAdapter } from "grammy";
import { writeOnlyChanges } from "../../src/bot/session-storage.js";

/** An in-memory store that counts writes. */
function countingStore(initial: Record<string, object> = {}) {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  const writes: string[] = [];
  const store: StorageAdapter<{ locale?: string }> = {
    read: async (key) => (data.has(key) ? JSON.parse(data.get(key)!) : undefined),
    write: async (key, value) => {
      writes.push(key);
      data.set(key, JSON.stringify(value));
    },
    delete: async (key) => void data.delete(key),
  };
  return { store, data, writes };
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
