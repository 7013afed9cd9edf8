import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { isPostgresUrl } from "./env.js";

/** Connections per instance to PostgreSQL (pg's pool); the bot's queries are short. */
const POOL_SIZE = 10;

/**
 * Opens the database named by the URL: SQLite (`file:`) or PostgreSQL
 * (`postgresql://`). Both clients are generated from one set of models
 * (scripts/generate.mjs) and take the same queries, so the rest of the code
 * sees one `PrismaClient` type. SQLite runs in WAL mode with NORMAL sync: a
 * commit no longer waits for the disk (the driver blocks the event loop while
 * it does), and a power cut can lose at most the last moments, never corrupt.
 */
export async function openDatabase(url: string): Promise<PrismaClient> {
  if (isPostgresUrl(url)) {
    // Generated beside @prisma/client (node_modules/.prisma); src/ and dist/ are both one level down.
    const { PrismaClient: PostgresClient } = createRequire(import.meta.url)("../node_modules/.prisma/client-postgres/index.js") as {
      PrismaClient: typeof PrismaClient;
    };
    // Loaded only here: a SQLite bot never needs the PostgreSQL driver in memory.
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: POOL_SIZE }) });
  }
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  return prisma;
}

