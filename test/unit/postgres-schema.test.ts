import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// scripts/ is plain JavaScript (it runs at npm install, before anything is compiled).
const { postgresSchema, SOURCE, TARGET } = (await import("../../scripts/postgres-schema.mjs" as string)) as {
  postgresSchema: (text: string) => string;
  SOURCE: string;
  TARGET: string;
};

describe("one set of models for SQLite and PostgreSQL", () => {
  it("the PostgreSQL schema is the SQLite one with its datasource swapped (run node scripts/postgres-schema.mjs)", () => {
    expect(readFileSync(TARGET, "utf8")).toBe(postgresSchema(readFileSync(SOURCE, "utf8")));
  });

  it("every model has its table in the migrations of both databases", () => {
    const models = [...readFileSync(SOURCE, "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    for (const dir of ["prisma/migrations", "prisma/postgres/migrations"]) {
      const sql = readdirSync(dir)
        .filter((d) => /^\d+_/.test(d))
        .map((d) => readFileSync(`${dir}/${d}/migration.sql`, "utf8"))
        .join("\n");
      for (const model of models) expect(sql, `${dir}: ${model}`).toContain(`CREATE TABLE "${model}"`);
    }
  });
});
