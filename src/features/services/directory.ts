import { Prisma, type PrismaClient, type Service } from "@prisma/client";
import type { Category, Oblast } from "./catalog.js";

export interface Point {
  latitude: number;
  longitude: number;
}

export interface Found {
  service: Service;
  km: number;
}

export interface ImportPlan {
  added: Service[];
  changed: Service[];
  /** Active services the file no longer lists: they are kept, marked inactive. */
  deactivated: string[];
  unchanged: number;
}

const EARTH_KM = 6371;
const KM_PER_DEGREE = 111.32;
/** The search box starts this wide and doubles until enough services are inside its circle. */
const FIRST_RADIUS_KM = 10;
/** "Nothing nearby" past this distance: the answer then says so and shows what is further away. */
export const NEARBY_KM = 50;
/** Wider than Ukraine: past this, everything has been looked at. */
const MAX_RADIUS_KM = 2000;
/** Rows per insert statement: 27 parameters each, well below SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 500;
/** The model's columns, in insert order. */
const FIELDS = [
  "id", "category", "nameUk", "nameEn", "addressUk", "addressEn", "descriptionUk", "descriptionEn", "hoursUk",
  "hoursEn", "servesUk", "servesEn", "accessibilityUk", "accessibilityEn", "oblast", "cityUk", "cityEn", "latitude",
  "longitude", "phones", "website", "telegram", "takesReferrals", "source", "verifiedAt", "active",
] as const satisfies readonly (keyof Service)[];

/** Great-circle distance in km. */
export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A city's key in button data: its English name in lower-case ASCII. */
export function citySlug(cityEn: string): string {
  return cityEn.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 20) || "city";
}

/** True when the service's facts were checked within the last 12 months. */
export function isVerified(service: Pick<Service, "verifiedAt">, now: Date): boolean {
  if (!service.verifiedAt) return false;
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  return service.verifiedAt >= yearAgo;
}

function sameService(a: Service, b: Service): boolean {
  return (Object.keys(a) as (keyof Service)[]).every((k) => {
    const x = a[k];
    const y = b[k];
    return x instanceof Date || y instanceof Date ? x?.valueOf() === y?.valueOf() : x === y;
  });
}

/** What importing `incoming` (the whole directory) would do to `existing`. */
export function planImport(existing: Service[], incoming: Service[]): ImportPlan {
  const before = new Map(existing.map((s) => [s.id, s]));
  const listed = new Set(incoming.map((s) => s.id));
  const plan: ImportPlan = { added: [], changed: [], deactivated: [], unchanged: 0 };
  for (const s of incoming) {
    const old = before.get(s.id);
    if (!old) plan.added.push(s);
    else if (sameService(old, s)) plan.unchanged++;
    else plan.changed.push(s);
  }
  plan.deactivated = existing.filter((s) => s.active && !listed.has(s.id)).map((s) => s.id);
  return plan;
}

/**
 * The directory in the database. Queries stay within what Prisma builds for
 * both SQLite and PostgreSQL: nearest services are found with a bounding box
 * on the indexed latitude/longitude columns, then exact distances.
 */
export class Directory {
  constructor(private readonly prisma: PrismaClient) {}

  find(id: string): Promise<Service | null> {
    return this.prisma.service.findFirst({ where: { id, active: true } });
  }

  all(): Promise<Service[]> {
    return this.prisma.service.findMany({ orderBy: { id: "asc" } });
  }

  /** The national lines, in the order they were loaded. */
  hotlines(): Promise<Service[]> {
    return this.prisma.service.findMany({ where: { category: "hotline", active: true } });
  }

  /**
   * Services nearest to `origin`, nearest first: `take` of them after
   * skipping `skip`, and whether there are more. `category` undefined: any
   * kind (the national lines have no place and are shown apart). `among`:
   * only these services (e.g. those a referral partner is linked to).
   */
  async nearest(origin: Point, category: Category | undefined, skip: number, take: number, among?: string[]) {
    const need = skip + take + 1;
    for (let radius = FIRST_RADIUS_KM; ; radius *= 2) {
      const dLat = radius / KM_PER_DEGREE;
      const dLon = radius / (KM_PER_DEGREE * Math.max(0.01, Math.cos((origin.latitude * Math.PI) / 180)));
      const rows = await this.prisma.service.findMany({
        where: {
          active: true,
          ...(category ? { category } : {}),
          ...(among ? { id: { in: among } } : {}),
          latitude: { gte: origin.latitude - dLat, lte: origin.latitude + dLat },
          longitude: { gte: origin.longitude - dLon, lte: origin.longitude + dLon },
        },
        select: { id: true, latitude: true, longitude: true },
      });
      // Only what lies inside the circle is certainly nearer than anything outside the box.
      const inCircle = rows
        .map((r) => ({ id: r.id, km: haversineKm(origin, r as Point) }))
        .filter((r) => r.km <= radius || radius >= MAX_RADIUS_KM);
      if (inCircle.length < need && radius < MAX_RADIUS_KM) continue;
      inCircle.sort((a, b) => a.km - b.km || a.id.localeCompare(b.id));
      const page = inCircle.slice(skip, skip + take);
      const full = new Map((await this.prisma.service.findMany({ where: { id: { in: page.map((p) => p.id) } } })).map((s) => [s.id, s]));
      const found: Found[] = page.map((p) => ({ service: full.get(p.id)!, km: p.km }));
      return { found, more: inCircle.length > skip + take };
    }
  }

  /** Oblasts that have active services of the category. */
  async oblasts(category: Category | undefined): Promise<string[]> {
    const rows = await this.prisma.service.findMany({
      where: { active: true, oblast: { not: null }, ...(category ? { category } : {}) },
      select: { oblast: true },
      distinct: ["oblast"],
    });
    return rows.map((r) => r.oblast!);
  }

  /** Cities of an oblast that have active services of the category, with their keys. */
  async cities(category: Category | undefined, oblast: Oblast) {
    const rows = await this.prisma.service.findMany({
      where: { active: true, oblast, ...(category ? { category } : {}) },
      select: { cityUk: true, cityEn: true },
      distinct: ["cityEn"],
      orderBy: { cityEn: "asc" },
    });
    return rows.map((r) => ({ uk: r.cityUk ?? r.cityEn!, en: r.cityEn!, slug: citySlug(r.cityEn!) }));
  }

  /** Services of one city, verified first, `take` after `skip`, and whether there are more. */
  async inCity(category: Category | undefined, oblast: Oblast, cityEn: string, skip: number, take: number) {
    const rows = await this.prisma.service.findMany({
      where: { active: true, oblast, cityEn, ...(category ? { category } : {}) },
      orderBy: [{ verifiedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip,
      take: take + 1,
    });
    return { found: rows.slice(0, take), more: rows.length > take };
  }

  /** Loads `services` when the directory is empty (the first start); returns how many. */
  async seedIfEmpty(services: Service[]): Promise<number> {
    if ((await this.prisma.service.count()) > 0) return 0;
    await this.apply({ added: services, changed: [], deactivated: [], unchanged: 0 });
    return services.length;
  }

  /** What importing these services would change. */
  async plan(incoming: Service[]): Promise<ImportPlan> {
    return planImport(await this.all(), incoming);
  }

  /**
   * Applies a plan in one transaction: all of it or nothing. Changed rows are
   * replaced. Rows go in by multi-row INSERTs in raw SQL that SQLite and
   * PostgreSQL both accept: Prisma's createMany costs about 0.3 ms a row,
   * which 50,000 rows cannot afford (bench/services.ts).
   */
  async apply(plan: ImportPlan): Promise<void> {
    const columns = Prisma.raw(FIELDS.map((f) => `"${f}"`).join(", "));
    const rows = [...plan.changed, ...plan.added];
    await this.prisma.$transaction(
      async (tx) => {
        for (let i = 0; i < plan.changed.length; i += INSERT_CHUNK) {
          await tx.service.deleteMany({ where: { id: { in: plan.changed.slice(i, i + INSERT_CHUNK).map((s) => s.id) } } });
        }
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          const values = rows.slice(i, i + INSERT_CHUNK).map((s) => Prisma.sql`(${Prisma.join(FIELDS.map((f) => s[f]))})`);
          await tx.$executeRaw`INSERT INTO "Service" (${columns}) VALUES ${Prisma.join(values)}`;
        }
        for (let i = 0; i < plan.deactivated.length; i += INSERT_CHUNK) {
          const ids = plan.deactivated.slice(i, i + INSERT_CHUNK);
          await tx.service.updateMany({ where: { id: { in: ids } }, data: { active: false } });
        }
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }
}
