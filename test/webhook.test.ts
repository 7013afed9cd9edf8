import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/fake-telegram/index.js";
import { testDatabase } from "./support/db.js";
import { WEBHOOK_SECRET as SECRET, webhookBot as startWebhookBot } from "./support/webhook.js";
const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function fakeTelegram(): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
  fake.timeoutMs = 15_000;
  cleanup.push(() => fake.close());
  return fake;
}

const webhookBot = (fake: FakeTelegram, url: string, extra?: Record<string, string>) => startWebhookBot(fake, url, cleanup, extra);

describe("webhook mode (BOT_MODE=webhook)", () => {
  it("sets its webhook, answers people through it, and removes it on a clean stop when asked", async () => {
    const fake = await fakeTelegram();
    const db = await testDatabase();
    cleanup.push(() => db.drop());
    const bot = await webhookBot(fake, db.url, { WEBHOOK_DELETE_ON_STOP: "true" });
    expect(fake.webhook).toEqual({ url: `${bot.base}/telegram/hook`, secret: SECRET });
    const user = fake.user({ languageCode: "en" });
    await user.send("/start");
    expect(user.lastText).toContain("Is it safe for you to chat right now?");
    await user.press("Yes, it is safe");
    await user.press("English");
    expect(user.lastText).toContain("How can I help? Please choose.");
    await bot.stop();
    expect(fake.webhook).toBeUndefined();
  });

  it("refuses updates without Telegram's secret header, or with another secret", async () => {
    const fake = await fakeTelegram();
    const db = await testDatabase();
    cleanup.push(() => db.drop());
    const bot = await webhookBot(fake, db.url);
    const forged = JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 7, type: "private" }, from: { id: 7, is_bot: false, first_name: "X" }, text: "/start" } });
    const post = (headers: Record<string, string>) =>
      fetch(`${bot.base}/telegram/hook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: forged });
    expect((await post({})).status).toBe(401);
    expect((await post({ "x-telegram-bot-api-secret-token": "webhook-secret-0123456780" })).status).toBe(401);
    expect((await post({ "x-telegram-bot-api-secret-token": SECRET.slice(0, -1) })).status).toBe(401);
    expect((await fetch(`${bot.base}/telegram/hook`)).status).toBe(405);
    expect(fake.calls.filter((c) => c.chatId === 7)).toEqual([]); // the bot never answered the forged updates
  });

  it("serves /healthz, /readyz and Prometheus /metrics; not ready while stopping", async () => {
    const fake = await fakeTelegram();
    const db = await testDatabase();
    cleanup.push(() => db.drop());
    const bot = await webhookBot(fake, db.url);
    const user = fake.user({ languageCode: "en" });
    await user.send("/start");
    expect(await (await fetch(`${bot.base}/healthz`)).text()).toBe("ok\n");
    const ready = await fetch(`${bot.base}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, "ready\n"]);
    const metrics = await (await fetch(`${bot.base}/metrics`)).text();
    expect(metrics).toMatch(/^bot_updates_total\{type="message"\} 1$/m);
    expect(metrics).toMatch(/^bot_update_duration_seconds_count 1$/m);
    expect(metrics).toMatch(/^bot_update_errors_total 0$/m);
    expect(metrics).toMatch(/^bot_outbox_depth 0$/m);
    expect(metrics).toMatch(/^bot_referrals_waiting 0$/m);
    expect(metrics).toMatch(/^bot_referral_oldest_wait_seconds 0$/m);
    expect(metrics).toMatch(/^bot_referral_time_to_claim_seconds_count 0$/m);
    expect(metrics).not.toContain("bot_redis_up"); // no REDIS_URL
    expect(metrics).toMatch(/^bot_process_resident_memory_bytes \d+/m);
    expect((await fetch(`${bot.base}/nothing`)).status).toBe(404);
    const stopping = bot.stop();
    const late = await fetch(`${bot.base}/readyz`).then((r) => r.status, () => 0);
    expect([503, 0]).toContain(late); // 503 while it finishes, then no longer listening
    await stopping;
  });
});
