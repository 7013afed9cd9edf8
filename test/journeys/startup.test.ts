import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { FakeTelegram } from "../../src/fake-telegram/index.js";
import { createLogger } from "../../src/logger.js";
import { privacyJobs } from "../../src/privacy/jobs.js";
import { StartError, startBot, type RunningBot } from "../../src/start.js";
import { testDatabase } from "../support/db.js";
import { TestBot, type LogRecord } from "../support/harness.js";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The real start path (as npm start runs it), long polling a fake Bot API. */
async function start(fake: FakeTelegram): Promise<{ bot: RunningBot; logs: LogRecord[] }> {
  const db = await testDatabase();
  cleanup.push(() => db.drop());
  const logs: LogRecord[] = [];
  const logger = createLogger("info", { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: db.url,
    DATA_ENCRYPTION_KEY: "q3Bv8n0e5dJ8o3L0xYV6m1b2c3d4e5f6g7h8i9j0k1I=",
  });
  const bot = await startBot(config, logger, privacyJobs);
  cleanup.push(() => bot.stop());
  return { bot, logs };
}

async function fakeTelegram(): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
  cleanup.push(() => fake.close());
  return fake;
}

describe("start-up: long polling beside a webhook", () => {
  it("refuses to start, and says how to remove the webhook (it never takes a webhook fleet's updates)", async () => {
    const fake = await fakeTelegram();
    const set = await fetch(`${fake.apiRoot}/bot${fake.token}/setWebhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: "https://bot.example.org/telegram" }),
    });
    expect(set.ok).toBe(true);
    const failed = start(fake);
    await expect(failed).rejects.toBeInstanceOf(StartError);
    await expect(failed).rejects.toThrow(/has a webhook \(bot\.example\.org\).*BOT_MODE=webhook.*WEBHOOK_DELETE_ON_STOP=true/);
    expect((await (await fetch(`${fake.apiRoot}/bot${fake.token}/getWebhookInfo`)).json()).result.url).toBe("https://bot.example.org/telegram");
  });
});

describe("start-up: only getMe may stop the bot", () => {
  it("a Bot API without setMyCommands is a warning, and the bot answers people", async () => {
    const fake = await fakeTelegram();
    fake.failCall = (call) => (call.method === "setMyCommands" ? { code: 404, description: "Not Found: method not found" } : undefined);
    const { logs } = await start(fake);
    const user = fake.user({ languageCode: "en" });
    await user.send("/start");
    expect(user.lastText).toContain("Is it safe for you to chat right now?");
    await expect.poll(() => logs.find((l) => l.msg.startsWith("could not register the command list"))).toMatchObject({
      level: 40,
      err: { message: expect.stringContaining("method not found") },
    });
  });

  it("a 5xx to setMyCommands, retried in the background, does not hold up the answers", async () => {
    const fake = await fakeTelegram();
    let attempts = 0;
    fake.failCall = (call) => {
      if (call.method !== "setMyCommands") return undefined;
      attempts++;
      return { code: 500, description: "Internal Server Error" };
    };
    const { logs } = await start(fake);
    const user = fake.user({ languageCode: "en" });
    await user.send("/start");
    expect(user.lastText).toContain("Is it safe for you to chat right now?");
    expect(attempts).toBe(1); // still waiting to retry it
    expect(logs.map((l) => l.msg)).toContain("bot started");
  });

  it("a failing getMe (a wrong token, no connection) stops the start with one line", async () => {
    const fake = await fakeTelegram();
    fake.failCall = (call) => (call.method === "getMe" ? { code: 401, description: "Unauthorized" } : undefined);
    const failed = start(fake);
    await expect(failed).rejects.toBeInstanceOf(StartError);
    await expect(failed).rejects.toThrow(/^Cannot connect to Telegram: .*Unauthorized/);
  });
});

describe("side effects never turn a delivered answer into an error", () => {
  it("when recording message ids fails, the person still gets the right answers and the failure is logged", async () => {
    const t = await TestBot.start();
    await t.prisma.$executeRawUnsafe('DROP TABLE "TrackedMessage"');
    const user = t.user({ languageCode: "en" });
    await user.send("/start");
    expect(user.lastText).toContain("Is it safe for you to chat right now?");
    await user.press("Yes, it is safe");
    expect(user.lastText).toContain("Hello!");
    await user.send("/sos");
    expect(user.lastText).toContain("102");
    expect(user.messages.map((m) => m.text).join("\n")).not.toContain("something went wrong");
    const failures = t.problems.filter((l) => l.msg === "message tracking failed; the answer stands");
    expect(failures.length).toBeGreaterThanOrEqual(2); // the person's message and the bot's
    expect(t.problems.filter((l) => l.msg === "update failed")).toEqual([]);
  });

  it("a message date that makes no sense counts from the bot's clock", async () => {
    const t = await TestBot.start();
    // A Bot API emulator giving dates in milliseconds: thousands of years ahead.
    t.fake.clock = () => t.clock.now().getTime() * 1000;
    const user = t.user({ languageCode: "en" });
    await user.send("/start");
    const rows = await t.prisma.trackedMessage.findMany({ where: { chatId: String(user.id) } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.sentAt).toEqual(t.clock.now());
  });

  it("a real date from Telegram is kept as it is", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    t.clock.advance(-5); // the message was sent five minutes before the bot handles it
    const sent = t.clock.now();
    t.fake.clock = () => sent.getTime();
    t.clock.advance(5);
    await user.send("/start");
    const row = await t.prisma.trackedMessage.findFirst({ where: { chatId: String(user.id), messageId: 1 } });
    expect(row?.sentAt).toEqual(sent);
  });
});
