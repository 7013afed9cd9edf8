import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = "prisma/migrations";

/** A new SQLite file with the committed migrations applied, as `prisma migrate deploy` would. */
export function freshDatabase(): { dir: string; file: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), "bot-test-"));
  const file = join(dir, "bot.db");
  const db = new Database(file);
  for (const dir of readdirSync(MIGRATIONS).filter((d) => /^\d+_/.test(d)).sort()) {
    db.exec(readFileSync(join(MIGRATIONS, dir, "migration.sql"), "utf8"));
  }
  db.close();
  return { dir, file, url: `file:${file}` };
}

/** A database file and its write-ahead log as text, as someone who copied them would see them. */
export function databaseFileText(url: string): string {
  const file = url.slice("file:".length);
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("");
}
