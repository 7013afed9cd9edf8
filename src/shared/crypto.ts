import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

/**
 * Encryption at rest for every free-text or contact field (AES-256-GCM).
 * A ciphertext names the key that made it, `enc1.<key id>.<iv>.<data+tag>`,
 * so the key can be rotated: old keys still decrypt, `npm run rekey` moves
 * everything to the current key.
 */
export interface Cipher {
  /** Id of the current key. */
  readonly keyId: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Id of the key a ciphertext was made with. */
  keyIdOf(sealed: string): string;
  /** A keyed hash: the same input gives the same short token, which reveals nothing without the key. */
  hash(value: string): string;
}

const PREFIX = "enc1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Decodes a key given as 32 bytes in base64 (or base64url); throws a one-line error otherwise. */
export function parseKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error("must be 32 bytes in base64 (generate one with: openssl rand -base64 32)");
  return key;
}

export function newKey(): string {
  return randomBytes(32).toString("base64");
}

function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export function createCipher(current: Buffer, old: Buffer[] = []): Cipher {
  const keys = new Map([current, ...old].map((k) => [keyId(k), k] as const));
  const currentId = keyId(current);
  const hashKey = createHmac("sha256", current).update("keyed-hash").digest();

  function parts(sealed: string): [string, Buffer, Buffer] {
    const [prefix, kid, iv, data] = sealed.split(".");
    if (prefix !== PREFIX || !kid || !iv || !data) throw new Error("not a ciphertext");
    return [kid, Buffer.from(iv, "base64url"), Buffer.from(data, "base64url")];
  }

  return {
    keyId: currentId,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [PREFIX, currentId, iv.toString("base64url"), data.toString("base64url")].join(".");
    },
    decrypt(sealed) {
      const [kid, iv, data] = parts(sealed);
      const key = keys.get(kid);
      if (!key) throw new Error(`no key with id ${kid}: add it to DATA_ENCRYPTION_OLD_KEYS`);
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    },
    keyIdOf: (sealed) => parts(sealed)[0],
    hash: (value) => createHmac("sha256", hashKey).update(value).digest("base64url").slice(0, 12),
  };
}
