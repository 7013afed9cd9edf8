// `npm run services:import -- FILE [--yes]`: checks a CSV or JSON file of
// services, prints what it would change, and applies it (all or nothing)
// after confirmation. `npm run services:export -- [FILE]`: the directory as CSV.
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { createI18n } from "./bot/i18n.js";
import { openDatabase } from "./db.js";
import { databaseUrl } from "./env.js";
import { describeRowError, planSummary } from "./features/services/admin.js";
import { Directory } from "./features/services/directory.js";
import { parseServicesFile, servicesToCsv } from "./features/services/records.js";
import { createLogger } from "./logger.js";

const [command, ...args] = process.argv.slice(2);
const i18n = createI18n(createLogger("silent"));
const t = (key: string, vars?: Record<string, string | number>) => i18n.t("en", key, vars);

async function importFile(file: string | undefined, yes: boolean): Promise<number> {
  if (!file) {
    console.error("Usage: npm run services:import -- FILE [--yes]   (FILE: .csv or .json, format in the README)");
    return 2;
  }
  const { services, errors } = parseServicesFile(file, readFileSync(file));
  if (errors.length) {
    for (const e of errors) console.error(describeRowError(t, e));
    console.error(`\n${errors.length} bad row(s): nothing was changed.`);
    return 1;
  }
  const prisma = await openDatabase(databaseUrl());
  try {
    const directory = new Directory(prisma);
    const plan = await directory.plan(services);
    console.log(`${file}: ${services.length} service(s). Applying it would give:\n${planSummary(t, plan)}`);
    let apply = yes;
    if (!apply && process.stdin.isTTY) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      apply = /^y(es)?$/i.test((await rl.question("Apply? [y/N] ")).trim());
      rl.close();
    } else if (!apply) console.log("Dry run only: run again with --yes to apply.");
    if (!apply) return 0;
    const started = performance.now();
    await directory.apply(plan);
    console.log(`Applied in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

async function exportFile(file: string | undefined): Promise<number> {
  const prisma = await openDatabase(databaseUrl());
  try {
    const services = await new Directory(prisma).all();
    const csv = servicesToCsv(services);
    if (file) {
      writeFileSync(file, csv);
      console.log(`Wrote ${services.length} service(s) to ${file}.`);
    } else process.stdout.write(csv);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

const yes = args.includes("--yes") || args.includes("-y");
const file = args.find((a) => !a.startsWith("-"));
if (command === "import") process.exitCode = await importFile(file, yes);
else if (command === "export") process.exitCode = await exportFile(file);
else {
  console.error("Usage: services-cli import FILE [--yes] | export [FILE]");
  process.exitCode = 2;
}
