import { Prisma, type PrismaClient } from "@prisma/client";
import type { Clock } from "../shared/clock.js";
import { lastPerKey, perTurn } from "../shared/per-turn.js";

/** A counter's name: dotted lower-case words, e.g. `danger.level.high`. */
const NAME = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

export interface DayCount {
  day: string;
  name: string;
  count: number;
}

/**
 * Anonymous counters shared by every feature: how often something happened
 * on a (UTC) day. Nothing that could point to a person goes in: no chat or
 * user id, no time finer than the day, no free text in names.
 */
export class Counters {
  /** The counts of one turn of the event loop, summed: one statement however many. */
  private readonly write = perTurn<{ day: string; name: string; by: number }>(async (adds) => {
    const sums = new Map<string, { day: string; name: string; by: number }>();
    for (const a of adds) {
      const key = `${a.day} ${a.name}`;
      const sum = sums.get(key);
      if (sum) sum.by += a.by;
      else sums.set(key, { ...a });
    }
    // Rows in one order on every instance: two instances counting the same names at once cannot deadlock.
    const rows = lastPerKey([...sums]).map(([, s]) => Prisma.sql`(${s.day}, ${s.name}, ${s.by})`);
    // One statement, safe when several instances count at once (SQLite and PostgreSQL alike).
    await this.prisma.$executeRaw`INSERT INTO "DailyCount" ("day", "name", "count") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("day", "name") DO UPDATE SET "count" = "DailyCount"."count" + excluded."count"`;
  });

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** Counts one (or `by`) occurrence of `name` today. */
  async add(name: string, by = 1): Promise<void> {
    if (!NAME.test(name) || name.length > 64) throw new Error(`bad counter name: ${name}`);
    await this.write({ day: this.clock.now().toISOString().slice(0, 10), name, by });
  }

  /** The counts between two days (inclusive, `YYYY-MM-DD`), optionally of names starting with `prefix`. */
  async read(from: string, to: string, prefix = ""): Promise<DayCount[]> {
    return this.prisma.dailyCount.findMany({
      where: { day: { gte: from, lte: to }, name: { startsWith: prefix } },
      orderBy: [{ day: "asc" }, { name: "asc" }],
    });
  }
}
