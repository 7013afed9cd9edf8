import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { onTestFinished } from "vitest";
import { openDatabase } from "../../src/db.js";

const MIGRATIONS = "prisma/migrations";
const POSTGRES_MIGRATIONS = "prisma/postgres/migrations";

/** Where the PostgreSQL tests create their databases (a role that may CREATE DATABASE). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The database the whole suite runs on: SQLite unless TEST_DATABASE=postgres (.ci/run runs both). */
export const TEST_DATABASE = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

const migrationFiles = (dir: string) =>
  readdirSync(dir)
    .filter((d) => /^\d+_/.test(d))
    .sort()
    .map((d) => readFileSync(join(dir, d, "migration.sql"), "utf8"));

/** A new SQLite file with the committed migrations applied, as `prisma migrate deploy` would. */
export function freshDatabase(): { dir: string; file: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), "bot-test-"));
  const file = join(dir, "bot.db");
  const db = new Database(file);
  for (const sql of migrationFiles(MIGRATIONS)) db.exec(sql);
  db.close();
  return { dir, file, url: `file:${file}` };
}

export interface TestDatabase {
  /** A folder of its own for other files of the test. */
  dir: string;
  url: string;
  /** Deletes the database (and the folder). */
  drop(): Promise<void>;
}

/** A fresh database of the suite's kind (TEST_DATABASE), migrated. */
export function testDatabase(): Promise<TestDatabase> {
  return TEST_DATABASE === "postgres" ? freshPostgresDatabase() : Promise.resolve(sqliteTestDatabase());
}

/** A fresh database opened with the bot's client, for a unit test; closed and dropped when the test ends. */
export async function openTestDatabase(): Promise<PrismaClient> {
  const db = await testDatabase();
  const prisma = await openDatabase(db.url);
  onTestFinished(async () => {
    await prisma.$disconnect();
    await db.drop();
  });
  return prisma;
}

function sqliteTestDatabase(): TestDatabase {
  const { dir, url } = freshDatabase();
  return { dir, url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** True when the test PostgreSQL server answers (checked once). */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const withUrlDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new PostgreSQL database (`empty`: with no tables), copied from a template that holds the committed
 * migrations (made once per set of migrations, under an advisory lock so
 * parallel test files do not race), as `prisma migrate deploy` would leave it.
 */
export async function freshPostgresDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const migrations = migrationFiles(POSTGRES_MIGRATIONS);
  const template = `bot_template_${createHash("sha256").update(migrations.join("\n")).digest("hex").slice(0, 12)}`;
  const name = `bot_test_${randomBytes(6).toString("hex")}`;
  await admin(POSTGRES_ADMIN_URL, async (c) => {
    await c.query("SELECT pg_advisory_lock(770001)");
    try {
      const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (!rowCount) {
        await c.query(`DROP DATABASE IF EXISTS "${template}_new"`); // a run that died while making it
        await c.query(`CREATE DATABASE "${template}_new"`);
        await admin(withUrlDatabase(POSTGRES_ADMIN_URL, `${template}_new`), async (t) => {
          for (const sql of migrations) await t.query(sql);
        });
        await c.query(`ALTER DATABASE "${template}_new" RENAME TO "${template}"`);
      }
    } finally {
      await c.query("SELECT pg_advisory_unlock(770001)");
    }
    await c.query(opts.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
  const dir = mkdtempSync(join(tmpdir(), "bot-test-"));
  return {
    dir,
    url: withUrlDatabase(POSTGRES_ADMIN_URL, name),
    async drop() {
      rmSync(dir, { recursive: true, force: true });
      await admin(POSTGRES_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Every row of every table (the whole schema, so new tables are covered), by table. */
export async function tableRows(url: string): Promise<Record<string, Record<string, unknown>[]>> {
  const result: Record<string, Record<string, unknown>[]> = {};
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'").all() as { name: string }[];
    for (const { name } of tables) result[name] = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    db.close();
    return result;
  }
  return admin(url, async (c) => {
    const tables = await c.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename != '_prisma_migrations'");
    for (const { name } of tables.rows) result[name] = (await c.query(`SELECT * FROM "${name}"`)).rows;
    return result;
  });
}

/**
 * Everything the database holds, as text: for SQLite the file and its
 * write-ahead log as someone who copied them would see them; for PostgreSQL
 * every row of every table.
 */
export async function databaseText(url: string): Promise<string> {
  if (!url.startsWith("file:")) return JSON.stringify(await tableRows(url));
  const file = url.slice("file:".length);
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("");
}
