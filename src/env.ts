import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/bot.db";

/** Loads `.env` from the working directory once, without overriding real environment variables. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** A PostgreSQL URL (postgres:// or postgresql://) rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * The database URL from the environment (or `.env`), with its folder created for SQLite.
 * Kept apart from the Prisma client so the Prisma CLI can use it before the client is generated.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  loadDotEnv();
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) mkdirSync(dirname(resolve(url.slice("file:".length))), { recursive: true });
  return url;
}
