// Prisma CLI config: runs migrations through the same driver adapter as the
// bot, so no schema-engine binary is downloaded (works offline).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./src/env.js";

// The schema reads DATABASE_URL; give it the same default as the bot.
const url = (process.env.DATABASE_URL = databaseUrl());

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
