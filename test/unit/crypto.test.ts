import { describe, expect, it } from "vitest";
import { createCipher, newKey, parseKey } from "../../src/shared/crypto.js";

describe("encryption at rest", () => {
  const key = parseKey(newKey());

  it("round-trips text and never repeats a ciphertext", () => {
    const c = createCipher(key);
    const a = c.encrypt("мій план: зібрати документи");
    expect(c.decrypt(a)).toBe("мій план: зібрати документи");
    expect(a).not.toContain("план");
    expect(c.encrypt("мій план: зібрати документи")).not.toBe(a);
    expect(c.keyIdOf(a)).toBe(c.keyId);
  });

  it("detects tampering", () => {
    const c = createCipher(key);
    const sealed = c.encrypt("secret");
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => c.decrypt(tampered)).toThrow();
  });

  it("reads old keys after rotation, and says which key is missing", () => {
    const before = createCipher(key);
    const sealed = before.encrypt("old text");
    const next = parseKey(newKey());
    expect(createCipher(next, [key]).decrypt(sealed)).toBe("old text");
    expect(() => createCipher(next).decrypt(sealed)).toThrow(/DATA_ENCRYPTION_OLD_KEYS/);
    expect(createCipher(next, [key]).keyIdOf(sealed)).toBe(before.keyId);
  });

  it("rejects keys of the wrong size", () => {
    expect(() => parseKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });

  it("hashes consistently per key and differently across keys", () => {
    const c = createCipher(key);
    expect(c.hash("5550000001")).toBe(c.hash("5550000001"));
    expect(c.hash("5550000001")).not.toBe(c.hash("5550000002"));
    expect(createCipher(parseKey(newKey())).hash("5550000001")).not.toBe(c.hash("5550000001"));
    expect(c.hash("5550000001")).not.toContain("5550000001");
  });
});
