/**
 * The directory of services at 50,000 entries: importing them (parse,
 * validate, plan, apply in one transaction), then "nearest 5 of a kind"
 * through the bounding-box search beside a full scan of the same kind, in the
 * same run. `npm run bench:services` (BENCH_QUICK=1 for a smoke run).
 */
import { rmSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { openDatabase } from "../src/db.js";
import { CATEGORIES, UKRAINE } from "../src/features/services/catalog.js";
import { Directory, haversineKm, type Point } from "../src/features/services/directory.js";
import { COLUMNS, parseServicesFile } from "../src/features/services/records.js";
import { freshDatabase } from "../test/support/db.js";

const QUICK = process.env.BENCH_QUICK === "1";
const SERVICES = 50_000;
const QUERIES = QUICK ? 100 : 1000;
const GOAL = { p95Ms: 20, importS: 30 };
const KINDS = CATEGORIES.filter((c) => c !== "hotline");

/** A fixed pseudo-random sequence, so every run measures the same data. */
let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const somewhere = (): Point => ({
  latitude: UKRAINE.minLat + 1.5 + random() * (UKRAINE.maxLat - UKRAINE.minLat - 2.5),
  longitude: UKRAINE.minLon + 1 + random() * (UKRAINE.maxLon - UKRAINE.minLon - 2),
});

/** Clearly fake rows: benchmark names, +000 numbers. */
function fakeCsv(): Buffer {
  const rows = Array.from({ length: SERVICES }, (_, i) => {
    const at = somewhere();
    return {
      id: `bench-${i}`,
      category: KINDS[i % KINDS.length],
      name_uk: `Тестова служба ${i}`,
      name_en: `Benchmark service ${i}`,
      address_uk: `вул. Тестова, ${i}`,
      hours_en: "9:00-18:00",
      oblast: "kyiv",
      city_uk: "Тест",
      city_en: "Test",
      latitude: at.latitude.toFixed(5),
      longitude: at.longitude.toFixed(5),
      phones: `+000 ${String(i).padStart(9, "0")}`,
      source: "benchmark",
      verified_at: "2026-01-01",
    };
  });
  return Buffer.from(stringify(rows, { header: true, columns: [...COLUMNS] }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(times: number[], run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  times.push(performance.now() - started);
}

const db = freshDatabase();
const prisma = await openDatabase(db.url);
try {
  const directory = new Directory(prisma);
  const csv = fakeCsv();
  const importStart = performance.now();
  const { services, errors } = parseServicesFile("bench.csv", csv);
  if (errors.length) throw new Error(`bench data has errors: ${JSON.stringify(errors.slice(0, 3))}`);
  await directory.apply(await directory.plan(services));
  const importS = (performance.now() - importStart) / 1000;

  const box: number[] = [];
  const scan: number[] = [];
  const origins = Array.from({ length: QUERIES }, () => ({ at: somewhere(), kind: pick(KINDS) }));
  // Warm-up: the first queries pay for compiling and caching.
  for (const { at, kind } of origins.slice(0, 20)) await directory.nearest(at, kind, 0, 5);
  for (const { at, kind } of origins) {
    await timed(box, () => directory.nearest(at, kind, 0, 5));
    await timed(scan, async () => {
      const all = await prisma.service.findMany({
        where: { active: true, category: kind, latitude: { not: null } },
        select: { id: true, latitude: true, longitude: true },
      });
      const ids = all
        .map((s) => ({ id: s.id, km: haversineKm(at, s as Point) }))
        .sort((a, b) => a.km - b.km)
        .slice(0, 5)
        .map((s) => s.id);
      return prisma.service.findMany({ where: { id: { in: ids } } });
    });
  }
  box.sort((a, b) => a - b);
  scan.sort((a, b) => a - b);
  const p95 = percentile(box, 95);
  console.log(`import of ${SERVICES.toLocaleString("en")} rows: ${importS.toFixed(1)} s (goal < ${GOAL.importS} s)`);
  console.log(`nearest 5 of a kind, bounding box: p50 ${percentile(box, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (goal < ${GOAL.p95Ms} ms)`);
  console.log(`nearest 5 of a kind, full scan:    p50 ${percentile(scan, 50).toFixed(2)} ms, p95 ${percentile(scan, 95).toFixed(2)} ms`);
  const ok = p95 < GOAL.p95Ms && importS < GOAL.importS;
  console.log(ok ? "goals met" : "GOAL MISSED");
  process.exitCode = ok ? 0 : 1;
} finally {
  await prisma.$disconnect();
  rmSync(db.dir, { recursive: true, force: true });
}
