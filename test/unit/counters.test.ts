import { describe, expect, it } from "vitest";
import { Counters } from "../../src/stats/counters.js";
import { TestClock } from "../support/harness.js";
import { openTestDatabase } from "../support/db.js";

async function setup() {
  const prisma = await openTestDatabase();
  const clock = new TestClock();
  return { clock, prisma, counters: new Counters(prisma, clock) };
}

describe("anonymous counters", () => {
  it("count per day and name, and keep nothing else", async () => {
    const { clock, prisma, counters } = await setup();
    await Promise.all([counters.add("plan.saved"), counters.add("plan.saved"), counters.add("danger.level.high")]);
    clock.advance(24 * 60);
    await counters.add("plan.saved", 3);
    expect(await counters.read("2026-11-25", "2026-11-26")).toEqual([
      { day: "2026-11-25", name: "danger.level.high", count: 1 },
      { day: "2026-11-25", name: "plan.saved", count: 2 },
      { day: "2026-11-26", name: "plan.saved", count: 3 },
    ]);
    expect(await counters.read("2026-11-26", "2026-11-26", "plan.")).toEqual([{ day: "2026-11-26", name: "plan.saved", count: 3 }]);
    const [row] = await prisma.$queryRawUnsafe<object[]>(`SELECT * FROM "DailyCount" LIMIT 1`);
    expect(Object.keys(row!).sort()).toEqual(["count", "day", "name"]);
  });

  it("refuse names that could carry free text", async () => {
    const { counters } = await setup();
    await expect(counters.add("Plan saved by Olena")).rejects.toThrow(/bad counter name/);
  });
});
