// `npm run rekey`: after setting a new DATA_ENCRYPTION_KEY and moving the old
// one to DATA_ENCRYPTION_OLD_KEYS, re-encrypts all data with the new key.
import { loadConfig } from "./config.js";
import { openDatabase } from "./db.js";
import { databaseUrl, loadDotEnv } from "./env.js";
import { loadCipher } from "./privacy/keys.js";
import { reencryptAll } from "./privacy/rekey.js";

loadDotEnv();
process.env.DATABASE_URL = databaseUrl();
const config = loadConfig(process.env);
const prisma = await openDatabase(config.DATABASE_URL);
const cipher = loadCipher(
  { key: config.DATA_ENCRYPTION_KEY, oldKeys: config.DATA_ENCRYPTION_OLD_KEYS, databaseUrl: config.DATABASE_URL },
  console.warn,
);
const moved = await reencryptAll(prisma, cipher);
await prisma.$disconnect();
console.log(`Re-encrypted ${moved} record(s) with key ${cipher.keyId}. The old keys can now be removed.`);
