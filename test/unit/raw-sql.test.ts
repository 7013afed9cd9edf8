import { afterEach, describe, expect, it } from "vitest";
import { prismaKeyValueStore } from "../../src/bot/session-store.js";
import { openDatabase } from "../../src/db.js";
import { MessageLog } from "../../src/privacy/messages.js";
import { TEST_DATABASE, testDatabase } from "../support/db.js";
import { TestClock } from "../support/harness.js";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function database() {
  const db = await testDatabase();
  const prisma = await openDatabase(db.url);
  cleanup.push(async () => {
    await prisma.$disconnect();
    await db.drop();
  });
  return prisma;
}

// The hot paths in raw SQL (sessions, message ids) must mean the same on SQLite and PostgreSQL.
describe(`raw SQL hot paths on ${TEST_DATABASE}`, () => {
  it("message ids: times bound by raw SQL read back exactly through the models, and the 48-hour window holds", async () => {
    const prisma = await database();
    const clock = new TestClock();
    const deleted: number[] = [];
    const log = new MessageLog(prisma, clock, async (_chat, ids) => void deleted.push(...ids));
    const now = clock.now().getTime();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3600_000 + 123); // milliseconds kept
    await log.track("42", [
      { id: 1, at: at(49) },
      { id: 2, at: at(47) },
      { id: 3, at: at(0) },
    ]);
    await log.track("42", [{ id: 3, at: at(0) }]); // delivered again: skipped
    const rows = await prisma.trackedMessage.findMany({ orderBy: { messageId: "asc" } });
    expect(rows.map((r) => [r.messageId, r.sentAt.toISOString()])).toEqual([
      [1, at(49).toISOString()],
      [2, at(47).toISOString()],
      [3, at(0).toISOString()],
    ]);
    expect(await log.erase("42")).toBe(2);
    expect(deleted).toEqual([2, 3]);
  });

  it("recording a message re-arms the chat's auto-erase, never backwards, and only where it is on", async () => {
    const prisma = await database();
    const clock = new TestClock();
    const log = new MessageLog(prisma, clock, async () => {});
    const now = clock.now().getTime();
    const at = (minutes: number) => new Date(now + minutes * 60_000 + 123);
    await prisma.eraseSchedule.create({ data: { chatId: "42", minutes: 15, lastAt: null } });
    await log.track("42", [{ id: 1, at: at(0) }]);
    await log.track("7", [{ id: 1, at: at(0) }]);
    await log.track("42", [
      { id: 3, at: at(5) },
      { id: 2, at: at(2) },
    ]);
    const lastAt = async () => (await prisma.eraseSchedule.findUniqueOrThrow({ where: { chatId: "42" } })).lastAt?.toISOString();
    expect(await lastAt()).toBe(at(5).toISOString());
    await log.track("42", [{ id: 4, at: at(4) }]); // an older date (a copied message counts from now; Telegram's dates may lag)
    expect(await lastAt()).toBe(at(5).toISOString());
    await log.track("42", [{ id: 5, at: at(6) }]);
    expect(await lastAt()).toBe(at(6).toISOString());
    expect(await prisma.eraseSchedule.count()).toBe(1); // chat 7 has auto-erase off: no row made
  });

  it("an erase forgets only the ids it read: a message tracked meanwhile waits for the next one", async () => {
    const prisma = await database();
    const clock = new TestClock();
    const log = new MessageLog(prisma, clock, async (chatId) => {
      if (chatId === "42") await log.track("42", [{ id: 9, at: clock.now() }]);
    });
    await log.track("42", [{ id: 1, at: clock.now() }]);
    expect(await log.erase("42")).toBe(1);
    expect((await prisma.trackedMessage.findMany()).map((r) => r.messageId)).toEqual([9]);
  });

  it("sessions and conversation state: insert, update in place, read, delete", async () => {
    const prisma = await database();
    for (const table of ["Session", "ConversationState"] as const) {
      const store = prismaKeyValueStore(prisma, table);
      expect(await store.read("7")).toBeUndefined();
      await store.write("7", "one");
      await store.write("7", "two");
      expect(await store.read("7")).toBe("two");
      await store.delete("7");
      expect(await store.read("7")).toBeUndefined();
    }
  });
});
