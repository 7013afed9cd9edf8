import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

/**
 * Opens the database. SQLite runs in WAL mode with NORMAL sync: a commit no
 * longer waits for the disk (the driver blocks the event loop while it
 * does), and a power cut can lose at most the last moments, never corrupt.
 */
export async function openDatabase(url: string): Promise<PrismaClient> {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  return prisma;
}
