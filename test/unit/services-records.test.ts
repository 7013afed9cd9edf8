import { readFileSync } from "node:fs";
import type { PrismaClient } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { Directory, planImport } from "../../src/features/services/directory.js";
import { parseServicesFile, servicesToCsv } from "../../src/features/services/records.js";
import { shippedServices } from "../../src/features/services/shipped.js";
import { hotlines } from "../../src/shared/hotlines.js";
import { testDatabase, type TestDatabase } from "../support/db.js";
import { openDatabase } from "../../src/db.js";
import { csvOf, fakeService, kyivRows } from "../support/services.js";

describe("services import format", () => {
  it("reports every bad row with its CSV line and reason, and nothing else", () => {
    const rows = [
      fakeService("ok-1"),
      fakeService("no-name", { name_uk: "", name_en: " " }),
      fakeService("abroad", { latitude: "52.52", longitude: "13.40" }),
      fakeService("bad-phone", { phones: "+000 00 000 00 01; call me" }),
      fakeService("bad-kind", { category: "spa" }),
      fakeService("ok-1"),
      fakeService("Bad Id!"),
      fakeService("no-source", { source: "" }),
      fakeService("half-coords", { longitude: "" }),
      fakeService("no-region", { oblast: "atlantis" }),
      fakeService("no-city", { city_en: "" }),
      fakeService("bad-date", { verified_at: "2026-02-30" }),
      fakeService("bad-flag", { takes_referrals: "maybe" }),
      fakeService("bad-site", { website: "not a site" }),
      fakeService("bad-tg", { telegram: "@x" }),
      fakeService("long", { hours_en: "x".repeat(401) }),
    ];
    const { services, errors } = parseServicesFile("services.csv", csvOf(rows));
    expect(services.map((s) => s.id)).toEqual(["ok-1"]);
    expect(errors).toEqual([
      { line: 3, code: "missing-name", column: "name_uk" },
      { line: 4, code: "outside-ukraine", column: "latitude" },
      { line: 5, code: "bad-phone", column: "phones" },
      { line: 6, code: "unknown-category", column: "category" },
      { line: 7, code: "duplicate-id", column: "id" },
      { line: 8, code: "bad-id", column: "id" },
      { line: 9, code: "missing-source", column: "source" },
      { line: 10, code: "bad-coordinates", column: "longitude" },
      { line: 11, code: "unknown-oblast", column: "oblast" },
      { line: 12, code: "missing-city", column: "city_en" },
      { line: 13, code: "bad-date", column: "verified_at" },
      { line: 14, code: "bad-flag", column: "takes_referrals" },
      { line: 15, code: "bad-website", column: "website" },
      { line: 16, code: "bad-telegram", column: "telegram" },
      { line: 17, code: "too-long", column: "hours_en" },
    ]);
  });

  it("counts lines of quoted multi-line fields, and reads JSON with entry numbers", () => {
    const csv = csvOf([fakeService("multi", { description_en: "one\ntwo\nthree" }), fakeService("after", { category: "spa" })]);
    expect(parseServicesFile("s.csv", csv).errors).toEqual([{ line: 5, code: "unknown-category", column: "category" }]);
    const json = Buffer.from(JSON.stringify([fakeService("a"), { ...fakeService("b"), latitude: 10, longitude: 10 }]));
    const parsed = parseServicesFile("s.json", json);
    expect(parsed.services.map((s) => s.id)).toEqual(["a"]);
    expect(parsed.errors).toEqual([{ line: 2, code: "outside-ukraine", column: "latitude" }]);
    expect(parseServicesFile("s.json", Buffer.from("{ nope")).errors).toEqual([{ line: 0, code: "file" }]);
    expect(parseServicesFile("s.csv", Buffer.from("id,category\na,shelter\nb,shelter,extra\n")).errors).toEqual([{ line: 3, code: "file" }]);
  });

  it("exports CSV that imports back to the same services", () => {
    const { services } = parseServicesFile("s.csv", csvOf(kyivRows));
    const all = [...shippedServices(), ...services];
    const again = parseServicesFile("export.csv", Buffer.from(servicesToCsv(all)));
    expect(again.errors).toEqual([]);
    expect(again.services).toEqual(all);
  });

  it("the README's example file is valid, and its example row is inactive", () => {
    const { services, errors } = parseServicesFile("services-example.csv", readFileSync("docs/services-example.csv"));
    expect(errors).toEqual([]);
    expect(services.find((s) => s.id === "example-shelter")?.active).toBe(false);
  });

  it("ships only the national lines (numbers from hotlines.ts) and unverified hub and relief cities", () => {
    const shipped = shippedServices();
    const lines = shipped.filter((s) => s.category === "hotline");
    const numbers = new Set(Object.values(hotlines).map((h) => h.number));
    for (const s of lines) for (const p of s.phones!.split("; ")) expect(numbers.has(p), p).toBe(true);
    const places = shipped.filter((s) => s.category !== "hotline");
    expect(places.map((s) => s.category).sort()).toEqual([...Array(9).fill("hub"), ...Array(10).fill("relief")]);
    for (const s of places) {
      expect(s, s.id).toMatchObject({ verifiedAt: null, phones: null, addressUk: null, addressEn: null, website: null, telegram: null });
      expect(s.source).toMatch(/unverified/);
    }
    for (const s of shipped) expect(s.source.length).toBeGreaterThan(5);
  });
});

describe("the directory in the database", () => {
  const open: { db: TestDatabase; prisma: PrismaClient }[] = [];
  afterEach(async () => {
    for (const { db, prisma } of open.splice(0)) {
      await prisma.$disconnect();
      await db.drop();
    }
  });
  async function directory() {
    const db = await testDatabase();
    const prisma = await openDatabase(db.url);
    open.push({ db, prisma });
    return { prisma };
  }

  it("plans and applies imports: adds, changes, deactivates; re-importing the same changes nothing", async () => {
    const { prisma } = await directory();
    const d = new Directory(prisma);
    const first = parseServicesFile("a.csv", csvOf(kyivRows)).services;
    await d.apply(await d.plan(first));
    const second = parseServicesFile("b.csv", csvOf([
      ...kyivRows.slice(0, 3),
      fakeService("near-4", { hours_en: "Mon-Fri (test)" }),
      fakeService("new-1"),
    ])).services;
    const plan = await d.plan(second);
    expect({ added: plan.added.map((s) => s.id), changed: plan.changed.map((s) => s.id), deactivated: plan.deactivated, unchanged: plan.unchanged })
      .toEqual({ added: ["new-1"], changed: ["near-4"], deactivated: ["lviv-1"], unchanged: 3 });
    await d.apply(plan);
    expect((await d.find("near-4"))?.hoursEn).toBe("Mon-Fri (test)");
    expect(await d.find("lviv-1")).toBeNull();
    expect((await prisma.service.findUnique({ where: { id: "lviv-1" } }))?.active).toBe(false);
    expect(await d.plan(second)).toMatchObject({ added: [], changed: [], deactivated: [], unchanged: 5 });
  });

  it("applies all or nothing", async () => {
    const { prisma } = await directory();
    const d = new Directory(prisma);
    await d.apply(await d.plan(parseServicesFile("a.csv", csvOf(kyivRows.slice(0, 2))).services));
    const before = await d.all();
    const [fresh] = parseServicesFile("b.csv", csvOf([fakeService("fresh-1")])).services;
    // The second row collides with a stored id: the whole plan fails, the first row too.
    const [existing] = parseServicesFile("c.csv", csvOf([kyivRows[0]!])).services;
    await expect(d.apply({ added: [fresh!, existing!], changed: [], deactivated: ["near-3"], unchanged: 0 })).rejects.toThrow();
    expect(await d.all()).toEqual(before);
  });

  it("finds the nearest exactly like a full scan, by kind, page by page", async () => {
    const { prisma } = await directory();
    const d = new Directory(prisma);
    let seed = 7;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647);
    const rows = Array.from({ length: 400 }, (_, i) =>
      fakeService(`r-${i}`, {
        category: i % 3 ? "shelter" : "legal",
        latitude: (45 + random() * 7).toFixed(4),
        longitude: (23 + random() * 16).toFixed(4),
      }),
    );
    const services = parseServicesFile("r.csv", csvOf(rows)).services;
    await d.apply(await d.plan(services));
    const { haversineKm } = await import("../../src/features/services/directory.js");
    for (const origin of [{ latitude: 50.45, longitude: 30.52 }, { latitude: 44.5, longitude: 34.1 }, { latitude: 51.5, longitude: 24 }]) {
      const expected = services
        .filter((s) => s.category === "legal")
        .map((s) => ({ id: s.id, km: haversineKm(origin, { latitude: s.latitude!, longitude: s.longitude! }) }))
        .sort((a, b) => a.km - b.km);
      const first = await d.nearest(origin, "legal", 0, 5);
      const second = await d.nearest(origin, "legal", 5, 5);
      expect([...first.found, ...second.found].map((f) => f.service.id)).toEqual(expected.slice(0, 10).map((e) => e.id));
      expect(first.found[0]!.km).toBeCloseTo(expected[0]!.km, 6);
      expect(first.more).toBe(true);
    }
    const last = await d.nearest({ latitude: 50, longitude: 30 }, "legal", 130, 5);
    expect(last.more).toBe(false);
  });

  it("is filled with the shipped entries only when empty", async () => {
    const { prisma } = await directory();
    const d = new Directory(prisma);
    expect(await d.seedIfEmpty(shippedServices())).toBe(shippedServices().length);
    expect(await d.seedIfEmpty(shippedServices())).toBe(0);
    expect(planImport(await d.all(), shippedServices()).unchanged).toBe(shippedServices().length);
  });
});
