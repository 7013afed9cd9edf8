// Writes prisma/postgres/schema.prisma from prisma/schema.prisma: the same models,
// with the PostgreSQL datasource and its own generated client. The SQLite schema is
// the one source of models; run this after changing it (a test checks they agree).
import { readFileSync, writeFileSync } from "node:fs";

export const SOURCE = "prisma/schema.prisma";
export const TARGET = "prisma/postgres/schema.prisma";

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresSchema(text) {
  const swapped = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    // Beside the default client (SQLite), loaded by src/db.ts for a postgresql:// URL.
    .replace(/(engineType\s*=\s*"client")/, '$1\n  output     = "../../node_modules/.prisma/client-postgres"');
  if (swapped === text || !swapped.includes("client-postgres")) throw new Error(`${SOURCE}: datasource or generator not found`);
  return `// GENERATED from ${SOURCE} by scripts/postgres-schema.mjs: do not edit.\n${swapped}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(TARGET, postgresSchema(readFileSync(SOURCE, "utf8")));
  console.log(`wrote ${TARGET}`);
}
