// `npm run rekey`: after setting a new DATA_ENCRYPTION_KEY and moving the old
// one to DATA_ENCRYPTION_OLD_KEYS, re-encrypts all data with the new key.
import { readSettings } from "./config.js";
import { openDatabase } from "./db.js";
import { loadCipher } from "./privacy/keys.js";
import { reencryptAll } from "./privacy/rekey.js";

const config = readSettings();
const prisma = await openDatabase(config.DATABASE_URL);
const cipher = loadCipher(config, console.warn);
let moved: number;
try {
  moved = await reencryptAll(prisma, cipher);
} catch (err) {
  // One clear line (e.g. data under a key that is neither current nor old), no stack trace.
  console.error(`Cannot re-encrypt: ${err instanceof Error ? err.message : String(err)}`);
  await prisma.$disconnect();
  process.exit(1);
}
await prisma.$disconnect();
console.log(`Re-encrypted ${moved} record(s) with key ${cipher.keyId}. The old keys can now be removed.`);
