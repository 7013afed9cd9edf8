import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { loadDotEnv } from "./env.js";

export const DEFAULT_DATABASE_URL = "file:./data/bot.db";

/** The database URL from the environment (or `.env`), with its folder created. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  loadDotEnv();
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) mkdirSync(dirname(resolve(url.slice("file:".length))), { recursive: true });
  return url;
}

export function createPrisma(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
