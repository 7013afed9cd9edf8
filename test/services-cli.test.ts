import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db.js";
import { Directory } from "../src/features/services/directory.js";
import { parseServicesFile } from "../src/features/services/records.js";
import { testDatabase, type TestDatabase } from "./support/db.js";
import { csvOf, fakeService, kyivRows } from "./support/services.js";

const ROOT = resolve(import.meta.dirname, "..");
const TSX = import.meta.resolve("tsx");
const dbs: TestDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.drop();
});

function cli(url: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", TSX, join(ROOT, "src/services-cli.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function services(url: string) {
  const prisma = await openDatabase(url);
  const all = await new Directory(prisma).all();
  await prisma.$disconnect();
  return all;
}

describe("npm run services:import / services:export", () => {
  it("dry run first, --yes applies, bad rows are listed and change nothing, export round-trips", async () => {
    const db = await testDatabase();
    dbs.push(db);
    const good = join(db.dir, "services.csv");
    writeFileSync(good, csvOf(kyivRows));

    const dry = cli(db.url, "import", good);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("added: 5\nchanged: 0\ndeactivated (not in the file): 0\nunchanged: 0");
    expect(dry.out).toContain("Dry run only: run again with --yes to apply.");
    expect(await services(db.url)).toEqual([]);

    const bad = join(db.dir, "bad.csv");
    writeFileSync(bad, csvOf([fakeService("a"), fakeService("b", { latitude: "10", longitude: "10" })]));
    const refused = cli(db.url, "import", bad, "--yes");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("Line 3 (latitude): coordinates outside Ukraine");
    expect(await services(db.url)).toEqual([]);

    expect(cli(db.url, "import", good, "--yes").code).toBe(0);
    const stored = await services(db.url);
    expect(stored.map((s) => s.id)).toEqual(["lviv-1", "near-1", "near-2", "near-3", "near-4"]);

    const out = join(db.dir, "export.csv");
    expect(cli(db.url, "export", out).out).toContain("Wrote 5 service(s)");
    expect(parseServicesFile("export.csv", readFileSync(out)).services).toEqual(stored);
    expect(cli(db.url, "import", out).out).toContain("unchanged: 5");
  });
});
