// npm install's postinstall: generates the two Prisma clients, SQLite (the
// default, @prisma/client) and PostgreSQL (node_modules/.prisma/client-postgres,
// loaded by src/db.ts). Prisma refuses a driver adapter of another provider
// than the client's schema, hence two clients of one set of models.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const generate = (DATABASE_URL) =>
  execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env: { ...process.env, DATABASE_URL } });
generate("file:./data/bot.db");
generate("postgresql://localhost/generate");
// The PostgreSQL client gets a private copy of the same runtime (the generator copies it for a
// custom output). One runtime for both, so SQL fragments (Prisma.sql, Prisma.join, Prisma.raw)
// made with @prisma/client are recognised by either client.
writeFileSync(
  "node_modules/.prisma/client-postgres/runtime/client.js",
  '"use strict";\nmodule.exports = require("@prisma/client/runtime/client.js");\n',
);
