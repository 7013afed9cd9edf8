import { describe, expect, it } from "vitest";
import { prismaKeyValueStore } from "../../src/bot/session-store.js";
import { Broadcasts, DEFAULT_CAMPAIGN } from "../../src/campaign/broadcasts.js";
import { loadCampaign } from "../../src/campaign/days.js";
import { perTurn } from "../../src/shared/per-turn.js";
import { openTestDatabase, TEST_DATABASE } from "../support/db.js";
import { TestClock } from "../support/harness.js";

describe("calls of one turn share one run", () => {
  it("each caller gets its own result, and every caller of a failed run the error", async () => {
    const runs: number[][] = [];
    const double = perTurn<number, number>(async (items) => {
      runs.push(items);
      if (items.includes(0)) throw new Error("no zero");
      return items.map((i) => i * 2);
    });
    expect(await Promise.all([double(1), double(2), double(3)])).toEqual([2, 4, 6]);
    expect(await double(4)).toBe(8);
    const failed = await Promise.allSettled([double(5), double(0)]);
    expect(failed.map((f) => f.status)).toEqual(["rejected", "rejected"]);
    expect(runs).toEqual([[1, 2, 3], [4], [5, 0]]);
  });
});

// Batched statements must mean the same on SQLite and PostgreSQL (which refuses a key twice in one upsert).
describe(`batched hot-path SQL on ${TEST_DATABASE}`, () => {
  it("sessions: reads, writes and deletes of one turn, the last change of a key holding", async () => {
    const store = prismaKeyValueStore(await openTestDatabase());
    await Promise.all([store.write("1", "a"), store.write("2", "b"), store.write("3", "c")]);
    await Promise.all([store.write("1", "a2"), store.delete("2"), store.write("1", "a3"), store.write("2", "b2"), store.delete("3")]);
    expect(await Promise.all(["1", "2", "3", "4", "1"].map((k) => store.read(k)))).toEqual(["a3", "b2", undefined, undefined, "a3"]);
  });

  it("the campaign's list: a chat listed twice in one turn keeps its last language", async () => {
    const prisma = await openTestDatabase();
    const broadcasts = new Broadcasts(prisma, new TestClock(), loadCampaign(), DEFAULT_CAMPAIGN);
    await Promise.all([broadcasts.list("1", "uk"), broadcasts.list("2", "en"), broadcasts.list("1", "en")]);
    await broadcasts.list("2", "uk");
    const rows = await prisma.recipient.findMany({ orderBy: { chatId: "asc" }, select: { chatId: true, language: true, subscribed: true } });
    expect(rows).toEqual([
      { chatId: "1", language: "en", subscribed: false },
      { chatId: "2", language: "uk", subscribed: false },
    ]);
  });
});
