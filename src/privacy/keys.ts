import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Config } from "../config.js";
import { createCipher, newKey, parseKey, type Cipher } from "../shared/crypto.js";

/**
 * The cipher for data at rest. With DATA_ENCRYPTION_KEY unset (a first local
 * run), a key is made once and kept beside the database, readable by the
 * owner only, so that `npm start` works without setup; production sets the
 * key in the environment, away from the data.
 */
export function loadCipher(
  config: Pick<Config, "DATA_ENCRYPTION_KEY" | "DATA_ENCRYPTION_OLD_KEYS" | "DATABASE_URL">,
  warn: (msg: string) => void,
): Cipher {
  const oldKeys = config.DATA_ENCRYPTION_OLD_KEYS;
  if (config.DATA_ENCRYPTION_KEY) return createCipher(config.DATA_ENCRYPTION_KEY, oldKeys);
  const file = join(dirname(resolve(config.DATABASE_URL.replace(/^file:/, ""))), "encryption.key");
  if (!existsSync(file)) {
    writeFileSync(file, newKey() + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  warn(`DATA_ENCRYPTION_KEY is not set: using the key in ${file}`);
  return createCipher(parseKey(readFileSync(file, "utf8")), oldKeys);
}
