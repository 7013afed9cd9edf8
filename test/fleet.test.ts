import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "@prisma/client";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { Broadcasts, DEFAULT_CAMPAIGN } from "../src/campaign/broadcasts.js";
import { loadCampaign } from "../src/campaign/days.js";
import { IN_FLIGHT, LEASE_MS, Outbox } from "../src/campaign/outbox.js";
import { openDatabase } from "../src/db.js";
import { createLogger } from "../src/logger.js";
import { Counters } from "../src/stats/counters.js";
import { FakeTelegram, type FakeUser } from "../src/fake-telegram/index.js";
import { databaseTickClaim } from "../src/scheduler/index.js";
import { postgresChatLock } from "../src/server/chat-lock.js";
import { redisSendBudget } from "../src/server/send-budget.js";
import { freshPostgresDatabase, postgresReachable, testDatabase, type TestDatabase } from "./support/db.js";
import { redisReachable, TEST_REDIS_URL as REDIS_URL } from "./support/redis.js";
import { TestClock } from "./support/harness.js";
import { webhookBot } from "./support/webhook.js";

// Several instances share one PostgreSQL (and Redis). Where the server is absent (a fresh developer
// machine) these tests skip and say why; CI starts both (README: Tests).
const POSTGRES = await postgresReachable();
const REDIS = await redisReachable();
if (!POSTGRES) console.warn("fleet tests skipped: no PostgreSQL at TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
if (!REDIS) console.warn(`fleet rate-limit test skipped: no Redis at ${REDIS_URL}`);

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function postgres(): Promise<TestDatabase> {
  const db = await freshPostgresDatabase();
  cleanup.push(() => db.drop());
  return db;
}

async function client(url: string): Promise<PrismaClient> {
  const prisma = await openDatabase(url);
  cleanup.push(() => prisma.$disconnect());
  return prisma;
}

/** The texts the bot sent to a chat, in order. */
const sent = (fake: FakeTelegram, user: FakeUser) => fake.calls.filter((c) => c.chatId === user.id && c.method === "sendMessage").map((c) => String(c.payload.text));

describe("scheduled jobs across instances", () => {
  it("each job runs once per tick, whichever instance claims it first", async () => {
    const db = await testDatabase();
    cleanup.push(() => db.drop());
    const instances = await Promise.all([1, 2, 3].map(() => client(db.url)));
    const claims = instances.map(databaseTickClaim);
    const tick = new Date(Date.UTC(2026, 11, 2, 10, 5));
    const next = new Date(tick.getTime() + 60_000);
    const won = async (name: string, at: Date) => (await Promise.all(claims.map((claim) => claim(name, at)))).filter(Boolean).length;
    expect(await won("auto-erase", tick)).toBe(1);
    expect(await won("auto-erase", tick)).toBe(0); // the same tick again (a late instance)
    expect(await won("broadcasts", tick)).toBe(1); // another job, same tick
    expect(await won("auto-erase", next)).toBe(1);
  });
});

describe("the outbox drained by three instances", () => {
  it("one dies halfway (its sends hang, its lease is never renewed): nobody is lost, at most its sends in flight go twice", async () => {
    const db = await testDatabase();
    cleanup.push(() => db.drop());
    const prisma = await client(db.url);
    const clock = new TestClock();
    const broadcasts = new Broadcasts(prisma, clock, loadCampaign(), DEFAULT_CAMPAIGN);
    for (let i = 0; i < 600; i++) await broadcasts.list(String(1000 + i), i % 2 ? "uk" : "en");
    await broadcasts.create({ content: { all: "Hi" }, audience: "everyone", sendAt: clock.now(), progressChat: "1" });
    await broadcasts.startDue();
    const sent: string[] = [];
    const hung: (() => void)[] = [];
    let over = false;
    const instance = (dies = false) =>
      new Outbox(
        prisma,
        clock,
        async (chatId) => {
          sent.push(chatId);
          // Killed: this send never ends (until the test is over and lets it fail).
          if (dies && over) throw new Error("killed");
          if (dies && sent.length > 40) await new Promise((_, reject) => hung.push(() => reject(new Error("killed"))));
          await sleep(1);
        },
        () => ({ text: "Hi", buttons: [], silent: true }),
        { rate: 100, logger: createLogger("silent"), counters: new Counters(prisma, clock) },
      );
    const dying = instance(true).drain();
    cleanup.push(() => {
      over = true;
      for (const end of hung) end();
      return dying.catch(() => {});
    });
    await expect.poll(() => sent.length).toBeGreaterThan(40);
    const [a, b] = [instance(), instance()];
    await Promise.all([a.drain(), b.drain()]);
    clock.advance(LEASE_MS / 60_000 + 0.1); // the dead instance's lease runs out
    await Promise.all([a.drain(), b.drain()]);
    expect(new Set(sent).size).toBe(600); // nobody lost
    expect(sent.length - 600).toBeLessThanOrEqual(IN_FLIGHT); // only what it had in flight, again
    expect(await prisma.outbox.count({ where: { status: "sent" } })).toBe(600);
  });
});

describe.skipIf(!POSTGRES)("several instances on one PostgreSQL", () => {
  it("npm start's first step (prisma migrate deploy) prepares an empty PostgreSQL database, and a second run finds nothing to do", async () => {
    const db = await freshPostgresDatabase({ empty: true });
    cleanup.push(() => db.drop());
    const migrate = () =>
      spawnSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" });
    const first = migrate();
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout + first.stderr).toContain("prisma/postgres/schema.prisma");
    const second = migrate();
    expect(second.stdout + second.stderr).toContain("No pending migrations to apply");
    const prisma = await client(db.url);
    expect(await prisma.jobRun.count()).toBe(0); // the newest model's table is there
    expect(await prisma.outbox.count()).toBe(0);
  }, 90_000);

  it("a chat's updates handled on different instances at once lose no session write (per-chat advisory lock)", async () => {
    const db = await postgres();
    const prisma = await client(db.url);
    await prisma.session.create({ data: { key: "42", value: "0" } });
    // Read, think, write back one more: the session's read-modify-write, as an update does it.
    const increment = async () => {
      const row = await prisma.session.findUniqueOrThrow({ where: { key: "42" } });
      await sleep(5);
      await prisma.session.update({ where: { key: "42" }, data: { value: String(Number(row.value) + 1) } });
    };
    await Promise.all(Array.from({ length: 12 }, increment));
    expect(Number((await prisma.session.findUniqueOrThrow({ where: { key: "42" } })).value)).toBeLessThan(12); // without a lock, writes are lost

    await prisma.session.update({ where: { key: "42" }, data: { value: "0" } });
    const instances = [postgresChatLock(db.url, 4), postgresChatLock(db.url, 4), postgresChatLock(db.url, 4)];
    cleanup.push(() => Promise.all(instances.map((l) => l.close())));
    await Promise.all(Array.from({ length: 12 }, (_, i) => instances[i % 3]!.run("42", increment)));
    expect((await prisma.session.findUniqueOrThrow({ where: { key: "42" } })).value).toBe("12");
  });

  it("three instances behind one webhook URL: every reply exactly once and in order, per chat", async () => {
    const db = await postgres();
    const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
    fake.timeoutMs = 30_000;
    cleanup.push(() => fake.close());
    const bots = [];
    for (let i = 0; i < 3; i++) bots.push(await webhookBot(fake, db.url, cleanup));
    fake.balance = bots.map((b) => b.base); // the load balancer: round-robin
    const script = ["/sos", "/privacy", "/menu", "/sos", "/start", "/menu", "/privacy", "/sos"];
    // What one person gets, one update at a time.
    const control = fake.user({ languageCode: "en" });
    for (const text of script) await control.send(text);
    const expected = sent(fake, control);
    expect(expected.length).toBeGreaterThanOrEqual(script.length);
    // Thirty people, each sending the whole script at once (Telegram still delivers a chat in order).
    const people = Array.from({ length: 30 }, () => fake.user({ languageCode: "en" }));
    await Promise.all(people.map((p) => Promise.all(script.map((text) => p.send(text)))));
    await expect.poll(() => people.every((p) => sent(fake, p).length >= expected.length), { timeout: 30_000 }).toBe(true);
    await sleep(300); // nothing more may come
    for (const p of people) expect(sent(fake, p)).toEqual(expected);
    // Every instance took part.
    const handled = await Promise.all(bots.map(async (b) => (await (await fetch(`${b.base}/metrics`)).text()).match(/^bot_updates_total\{type="message"\} (\d+)$/m)?.[1]));
    for (const n of handled) expect(Number(n)).toBeGreaterThan(20);
    expect(handled.reduce((s, n) => s + Number(n), 0)).toBe(script.length * 31);
  });

  it("a language chosen on one instance is the language of the next update on another (no session cache in webhook mode)", async () => {
    const db = await postgres();
    const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
    fake.timeoutMs = 30_000;
    cleanup.push(() => fake.close());
    const bots = [await webhookBot(fake, db.url, cleanup), await webhookBot(fake, db.url, cleanup)];
    fake.balance = bots.map((b) => b.base); // updates alternate: 1, 2, 1, 2, …
    const user = fake.user({ languageCode: "uk" });
    await user.send("/start"); // 1
    await user.press("Так, безпечно"); // 2: reads the session (empty) on instance 2
    await user.press("English"); // 1: writes the language
    await user.send("/menu"); // 2: must read it again, not remember the empty one
    expect(user.lastText).toContain("How can I help? Please choose.");
    await user.send("/language"); // 1
    await user.press("Українська"); // 2
    await user.send("/menu"); // 1
    expect(user.lastText).not.toContain("How can I help?");
  });

  it.skipIf(!REDIS)("with REDIS_URL, the per-person rate limit holds across instances", async () => {
    const db = await postgres();
    const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
    fake.timeoutMs = 30_000;
    cleanup.push(() => fake.close());
    const bots = [];
    for (let i = 0; i < 2; i++) bots.push(await webhookBot(fake, db.url, cleanup, { REDIS_URL }));
    fake.balance = bots.map((b) => b.base);
    // A fresh id per run: the counts live in Redis for the 5-second window.
    const user = fake.user({ id: 7_000_000_000 + Math.floor(Math.random() * 1e9), languageCode: "en" });
    // Ten in the window (five on each instance: alone, neither would limit), then the one warning.
    for (let i = 0; i < 11; i++) await user.send("/sos");
    expect(sent(fake, user).filter((t) => t.includes("That is a lot of messages at once")).length).toBe(1);
    // Operators see Redis in the metrics (not in /readyz: without it the bot works on).
    expect(await (await fetch(`${bots[0]!.base}/metrics`)).text()).toMatch(/^bot_redis_up 1$/m);
  });
});

describe.skipIf(!REDIS)("the outbox's rate across instances (REDIS_URL)", () => {
  it("two instances together send at most BROADCAST_RATE a second", async () => {
    const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    cleanup.push(() => clients.forEach((c) => c.disconnect()));
    const prefix = `outbox-rate-test-${process.pid}-${Date.now()}`;
    const budgets = clients.map((c) => redisSendBudget(c, 20, prefix));
    const seconds: number[] = [];
    // Each instance wants 30 sends at once: 60 at 20 a second need three seconds.
    await Promise.all(budgets.map((take) => Promise.all(Array.from({ length: 30 }, () => take().then(() => seconds.push(Math.floor(Date.now() / 1000)))))));
    const perSecond = new Map<number, number>();
    for (const s of seconds) perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
    expect(seconds.length).toBe(60);
    // Redis counts each second exactly; a place taken at x.999 may be noted in the next second here.
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(22);
    expect(perSecond.size).toBeGreaterThanOrEqual(3);
  });
});
