import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN } from "../../src/campaign/broadcasts.js";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { startInEnglish, TestBot } from "../support/harness.js";

/** The harness clock starts at 2026-11-25 09:00 UTC: 11:00 in Kyiv, day 1 of the campaign. */
const start = () => TestBot.start({ campaign: DEFAULT_CAMPAIGN });

/** Moves the clock to a Kyiv wall time (Kyiv is UTC+2 in winter). */
function setKyiv(t: TestBot, iso: string): void {
  const target = Date.parse(`${iso}:00+02:00`);
  t.clock.advance((target - t.clock.now().getTime()) / 60_000);
}

/** The bot's campaign messages in the chat, newest last. */
function campaignMessages(user: FakeUser) {
  return user.messages.filter((m) => m.from === "bot" && /^(Hello! A short note|Добрий день!|16 Days, day|16 днів, день)/.test(m.text));
}

/** The sendMessage call that made a message (same chat, same HTML). */
function sendCall(t: TestBot, user: FakeUser, messageId: number) {
  const html = user.history.get(messageId)!.html;
  return t.fake.calls.find((c) => c.method === "sendMessage" && c.chatId === user.id && !c.error && c.payload.text === html)!;
}

async function dailyRun(t: TestBot): Promise<void> {
  await t.runJob("broadcasts");
  await t.drain();
}

async function subscribedInEnglish(t: TestBot): Promise<FakeUser> {
  const user = t.user({ languageCode: "en" });
  await startInEnglish(user);
  await user.send("/subscribe");
  return user;
}

describe("16 Days messages: subscribing", () => {
  it("opt in from the menu mid-campaign: today's message at once, silent, neutral first line, with buttons; opt out from the message", async () => {
    const t = await start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("📣 16 Days messages");
    expect(user.lastText).toContain("From 25 November to 10 December, one short message a day at 10:00 (Kyiv time)");
    expect(user.lastText).toContain("You are not subscribed.");
    await user.press("📣 Subscribe");
    expect(user.lastText).toContain("You are subscribed.");
    expect(user.buttons).toEqual(expect.arrayContaining(["🔕 Unsubscribe", "🔇 Without sound: on", "🙈 Neutral first line: on"]));
    expect(user.callbackAnswers.at(-1)).toEqual({ text: "Subscribed" });

    await t.drain();
    const [day1] = campaignMessages(user);
    expect(day1!.text.split("\n")[0]).toBe("Hello! A short note for today.");
    expect(day1!.text).toContain("16 Days, day 1 of 16: The 16 Days begin");
    expect(day1!.text).toContain("International Day for the Elimination of Violence against Women");
    expect(day1!.buttons!.flat().map((b) => b.text)).toEqual(["⚖️ My rights", "🆘 Emergency numbers", "🔕 Unsubscribe", "🚪 Quick exit"]);
    expect(sendCall(t, user, day1!.id).payload.disable_notification).toBe(true);

    await dailyRun(t);
    expect(campaignMessages(user)).toHaveLength(1); // never twice the same day

    await user.press("🔕 Unsubscribe", { messageId: day1!.id });
    expect(user.lastText).toContain("You are not subscribed.");
    expect((await t.prisma.recipient.findUnique({ where: { chatId: String(user.id) } }))!.subscribed).toBe(false);
    const messages = user.messages.length;
    setKyiv(t, "2026-11-26T10:00");
    await dailyRun(t);
    expect(user.messages).toHaveLength(messages);
  });

  it("in Ukrainian, with /subscribe and /unsubscribe; resubscribing the same day sends nothing twice", async () => {
    const t = await start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/start");
    await user.press("Так, безпечно");
    await user.press("Українська");
    await user.send("/subscribe");
    expect(user.lastText).toContain("З 25 листопада до 10 грудня — одне коротке повідомлення щодня о 10:00");
    expect(user.lastText).toContain("Ви підписані.");
    await t.drain();
    const [day1] = campaignMessages(user);
    expect(day1!.text.split("\n")[0]).toBe("Добрий день! Коротка нотатка на сьогодні.");
    expect(day1!.text).toContain("16 днів, день 1 із 16: Починаються 16 днів");
    expect(day1!.buttons!.flat().map((b) => b.text)).toContain("🔕 Відписатися");
    // Its buttons lead into the bot.
    await user.press("⚖️ Мої права", { messageId: day1!.id });
    expect(user.history.get(day1!.id)!.text).toContain("Коротко про те, що каже український закон");

    await user.send("/unsubscribe");
    expect(user.lastText).toContain("Ви не підписані.");
    await user.send("/subscribe");
    await dailyRun(t);
    expect(campaignMessages(user)).toHaveLength(0); // day 1 was had (and turned into the rights screen)
    setKyiv(t, "2026-11-26T10:00");
    await dailyRun(t);
    expect(campaignMessages(user).at(-1)!.text).toContain("16 днів, день 2 із 16: Насильство — це не лише синці");
  });

  it("silent and neutral can be turned off: the message then rings and names the campaign in its first line", async () => {
    const t = await start();
    const user = await subscribedInEnglish(t);
    await user.press("🔇 Without sound: on");
    expect(user.buttons).toContain("🔔 Without sound: off");
    await user.press("🙈 Neutral first line: on");
    expect(user.buttons).toContain("👁 Neutral first line: off");
    setKyiv(t, "2026-11-26T10:00");
    await dailyRun(t);
    const day2 = campaignMessages(user).at(-1)!;
    expect(day2.text.split("\n")[0]).toBe("16 Days, day 2 of 16: Violence is not only bruises");
    expect(sendCall(t, user, day2.id).payload.disable_notification).toBe(false);
  });
});

describe("16 Days messages: the schedule", () => {
  it("sends only inside the window, at the send time in Kyiv, not in UTC", async () => {
    const t = await start();
    setKyiv(t, "2026-11-24T12:00");
    const user = await subscribedInEnglish(t);
    await t.drain();
    expect(campaignMessages(user)).toHaveLength(0); // before the campaign: nothing at once

    setKyiv(t, "2026-11-25T00:30"); // 24 November in UTC, already the 25th in Kyiv
    await dailyRun(t);
    setKyiv(t, "2026-11-25T09:59");
    await dailyRun(t);
    expect(campaignMessages(user)).toHaveLength(0);
    setKyiv(t, "2026-11-25T10:00"); // 08:00 UTC
    await dailyRun(t);
    expect(campaignMessages(user).map((m) => m.text)).toEqual([expect.stringContaining("day 1 of 16")]);

    setKyiv(t, "2026-12-10T10:00");
    await dailyRun(t);
    expect(campaignMessages(user).at(-1)!.text).toContain("day 16 of 16: Human Rights Day");
    setKyiv(t, "2026-12-11T10:00");
    await dailyRun(t);
    expect(campaignMessages(user)).toHaveLength(2);
  });

  it("another CAMPAIGN_TIMEZONE: the subscription screen gives its offset, not \"Kyiv time\"", async () => {
    const t = await TestBot.start({ campaign: { ...DEFAULT_CAMPAIGN, timeZone: "Europe/Warsaw" } });
    const user = t.user({ languageCode: "uk" });
    await user.send("/start");
    await user.press("Так, безпечно");
    await user.press("Українська");
    await user.send("/subscribe");
    await user.send("/unsubscribe");
    expect(user.lastText).toContain("щодня о 10:00 (GMT+1)");
  });

  it("a bot that was down at send time catches up that day's message, not older ones", async () => {
    const t = await start();
    const user = await subscribedInEnglish(t);
    await t.drain(); // day 1 at once
    // Down from day 1 until day 3 at 15:00.
    setKyiv(t, "2026-11-27T15:00");
    await t.restart();
    await dailyRun(t);
    const texts = campaignMessages(user).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("day 3 of 16: Whom the law protects");
    await t.restart();
    await dailyRun(t);
    expect(campaignMessages(user)).toHaveLength(2);
  });
});

describe("16 Days messages: no nagging, and the privacy layer covers them", () => {
  it("offers the subscription once, back at the menu after using the bot, and only during the campaign", async () => {
    const t = await start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("⚖️ My rights");
    await user.press("☰ Menu");
    expect(user.lastText).toContain("How can I help?");
    expect(user.lastText).toContain("the bot can send you one short message a day");
    expect(user.buttons.slice(0, 3)).toEqual(["📣 Yes, please", "No, thanks", "🆘 I need help now"]);
    await user.press("No, thanks");
    expect(user.lastText).toBe("How can I help? Please choose.\n\nYou can come back to this menu any time: /menu");
    expect(user.callbackAnswers.at(-1)!.text).toContain("I won’t ask again");
    await user.send("/menu");
    await user.press("⚖️ My rights");
    await user.press("☰ Menu");
    expect(user.lastText).toBe("How can I help? Please choose.\n\nYou can come back to this menu any time: /menu");

    const outside = await TestBot.start();
    const other = outside.user({ languageCode: "en" });
    await startInEnglish(other);
    await other.press("⚖️ My rights");
    await other.press("☰ Menu");
    expect(other.lastText).toContain("How can I help?");
  });

  it("an accepted offer subscribes", async () => {
    const t = await start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/start");
    await user.press("Так, безпечно");
    await user.press("Українська");
    await user.send("/menu");
    await user.press("⚖️ Мої права");
    await user.press("☰ Меню");
    expect(user.lastText).toContain("Бажаєте?");
    await user.press("📣 Так, будь ласка");
    expect(user.lastText).toContain("Ви підписані.");
  });

  it("/forget lists the subscription and deletes it; quick exit erases campaign messages", async () => {
    const t = await start();
    const user = await subscribedInEnglish(t);
    await t.drain();
    expect(campaignMessages(user)).toHaveLength(1);
    await user.send("/forget");
    expect(user.lastText).toContain("• this chat’s number and language, so the bot can send you announcements");
    expect(user.lastText).toContain("• 16 Days messages: subscribed (without sound, neutral first line)");
    await user.press("🗑 Yes, delete my data");
    expect(await t.prisma.recipient.count()).toBe(0);
    expect(await t.prisma.outbox.count()).toBe(0);

    const other = await subscribedInEnglish(t);
    await t.drain();
    expect(campaignMessages(other)).toHaveLength(1);
    await other.send("/exit");
    expect(campaignMessages(other)).toHaveLength(0);
  });
});

describe("16 Days messages: delivery problems", () => {
  it("a person who blocked the bot is unsubscribed; a transient error is retried with backoff", async () => {
    const t = await start();
    const flaky = await subscribedInEnglish(t);
    const blocker = await subscribedInEnglish(t);
    await t.drain();
    t.fake.block(blocker.id);
    t.fake.failNextSends = 1;
    setKyiv(t, "2026-11-26T10:00");
    await dailyRun(t);
    expect(await t.prisma.recipient.findUnique({ where: { chatId: String(blocker.id) } })).toBeNull();
    expect(t.fake.refused).toEqual({ rateLimited: 0, blocked: 1, failed: 1 });
    expect(campaignMessages(flaky)).toHaveLength(1); // the 502: not yet
    await t.drain();
    expect(campaignMessages(flaky)).toHaveLength(1); // waits its backoff (2 s)
    t.clock.advance(1);
    await t.drain();
    expect(campaignMessages(flaky)).toHaveLength(2);
    const counts = await t.services.counters.read("2026-11-26", "2026-11-26", "campaign.");
    expect(counts.map((c) => [c.name, c.count])).toEqual([["campaign.blocked", 1], ["campaign.sent", 1]]);
  });

  it("429: waits retry_after and loses nobody", async () => {
    const t = await start();
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await subscribedInEnglish(t));
    t.fake.sendRateLimit = 2;
    const started = Date.now();
    await t.drain();
    expect(t.fake.refused.rateLimited).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    for (const u of users) expect(campaignMessages(u)).toHaveLength(1);
  });
});
