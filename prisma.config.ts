// Prisma CLI config: runs migrations through the same driver adapter as the
// bot, so no schema-engine binary is downloaded (works offline). The URL
// picks the database: SQLite (prisma/schema.prisma, the one source of models)
// or PostgreSQL (prisma/postgres/, generated from it by scripts/postgres-schema.mjs).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { databaseUrl, isPostgresUrl } from "./src/env.js";

// The schema reads DATABASE_URL; give it the same default as the bot.
const url = (process.env.DATABASE_URL = databaseUrl());
const postgres = isPostgresUrl(url);
const dir = postgres ? "prisma/postgres" : "prisma";

/**
 * Prisma 6.19's schema engine reads catalog columns of PostgreSQL's type
 * `name`, which @prisma/adapter-pg does not map (prisma/orm#27403: "Column type
 * 'name' could not be deserialized"). For migrations only, they are read as text.
 */
function postgresForMigrations(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // performIO is defined once, on the base class of connections and transactions.
    let proto = Object.getPrototypeOf(adapter);
    while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
    if (proto && !proto.performIO.patched) {
      const performIO = proto.performIO;
      proto.performIO = Object.assign(async function (this: unknown, ...args: unknown[]) {
        const result = await performIO.apply(this, args);
        for (const field of result.fields ?? []) if (field.dataTypeID === 19) field.dataTypeID = 25; // name → text
        return result;
      }, { patched: true });
    }
    return adapter;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `${dir}/schema.prisma`,
  migrations: { path: `${dir}/migrations` },
  adapter: async () => (postgres ? postgresForMigrations(url) : new PrismaBetterSQLite3({ url })),
});
