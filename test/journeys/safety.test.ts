import { describe, expect, it } from "vitest";
import { RATE_LIMIT } from "../../src/bot/create-bot.js";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { startInEnglish, TestBot } from "../support/harness.js";

const tracked = (t: TestBot, user: FakeUser) => t.prisma.trackedMessage.count({ where: { chatId: String(user.id) } });

describe("first contact: is it safe to talk?", () => {
  it("asks before anything else, in both languages, with quick exit", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/start");
    expect(user.lastText).toContain("Чи безпечно вам зараз переписуватися?");
    expect(user.lastText).toContain("Is it safe for you to chat right now?");
    expect(user.buttons).toEqual(["Так, безпечно", "Ні, не зараз", "🚪 Швидкий вихід"]);
  });

  it("'no' gives one neutral line, and the numbers without any explanation", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await user.send("/start");
    await user.press("No, not now");
    expect(user.lastText).toBe("All right. Come back whenever it suits you.");
    expect(user.buttons).toEqual(["📞 Numbers", "🚪 Quick exit"]);
    await user.press("📞 Numbers");
    expect(user.lastText).toBe("102\n103\n112\n1547\n116 123");
    expect(user.buttons).toEqual(["← Back", "🚪 Quick exit"]);
  });
});

describe("quick exit", () => {
  async function conversation(t: TestBot): Promise<FakeUser> {
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("⚖️ My rights");
    await user.send("is this about me?");
    await user.send("/sos");
    await user.sendPhoto();
    return user;
  }

  it("erases every message of both sides from a button, leaving nothing by default", async () => {
    const t = await TestBot.start();
    const user = await conversation(t);
    expect(user.messages.filter((m) => m.from === "user").length).toBe(4);
    await user.press("🚪 Quick exit");
    expect(user.messages).toEqual([]);
    expect(user.unansweredCallbacks).toBe(0);
    expect(await tracked(t, user)).toBe(0);
    expect(t.problems).toEqual([]);
  });

  it("/exit works mid-journey and leaves exactly the configured neutral message", async () => {
    const t = await TestBot.start({ exitText: "🌤 Weather: sunny" });
    const user = await conversation(t);
    await user.send("/forget"); // a confirmation is open
    await user.send("/exit");
    expect(user.messages.map((m) => [m.from, m.text, m.buttons])).toEqual([["bot", "🌤 Weather: sunny", undefined]]);
  });

  it("deletes nothing older than 48 hours (Telegram would refuse) and forgets those ids on schedule", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    const old = user.messages.map((m) => m.id);
    t.clock.advance(49 * 60);
    await user.send("/sos");
    await user.send("/exit");
    expect(user.messages.map((m) => m.id)).toEqual(old);
    expect(t.problems).toEqual([]);

    await user.send("/menu");
    expect(await t.runJob("purge-message-ids")).toEqual({ purged: 0 });
    t.clock.advance(49 * 60);
    expect(await t.runJob("purge-message-ids")).toEqual({ purged: 2 });
    expect(await tracked(t, user)).toBe(0);
  });

  it("is never rate limited, even after a flood", async () => {
    const t = await TestBot.start({ realRateLimit: true });
    const user = t.user({ languageCode: "en" });
    for (let i = 0; i < 30; i++) await user.send(`flood ${i}`);
    await user.send("/exit now");
    expect(user.messages).toEqual([]);
  });
});

describe("a flood of messages", () => {
  it("gets a bounded answer: at most the limit, plus one kind warning", async () => {
    const t = await TestBot.start({ realRateLimit: true });
    const user = t.user({ languageCode: "en" });
    for (let i = 0; i < 200; i++) await user.send(`message number ${i}`);
    const replies = user.messages.filter((m) => m.from === "bot");
    expect(replies.length).toBe(RATE_LIMIT.updates + 1);
    const warnings = replies.filter((m) => m.text.startsWith("That is a lot of messages"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toContain("If you are in danger, call 102.");
    // Every message is still known to quick exit, which erases them in batches Telegram accepts.
    expect(await tracked(t, user)).toBe(200 + replies.length);
    await user.send("/exit");
    expect(user.messages).toEqual([]);
    const batches = t.fake.calls.filter((c) => c.method === "deleteMessages").map((c) => c.payload.message_ids.length);
    expect(batches).toEqual([100, 100, 12]);
    expect(t.problems).toEqual([]);
  });
});

describe("auto-erase", () => {
  it("erases the chat the chosen time after the person's last action, and can be turned off", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("ℹ️ About & privacy");
    await user.press("⏱ Auto-erase: off");
    expect(user.lastText).toContain("Auto-erase is off now.");
    await user.press("15 min");
    expect(user.buttons).toContain("✓ 15 min");
    expect(user.lastText).toContain("On now: the conversation is erased 15 min after your last action or the bot’s last message.");
    await user.pressData("erase:999", user.lastBotMessage!.id); // not a choice the bot offers
    expect(user.callbackAnswers.at(-1)?.text).toBe("This button no longer works. Here is the main menu.");
    expect(await t.prisma.eraseSchedule.count()).toBe(1);

    t.clock.advance(10);
    await user.send("still here");
    t.clock.advance(10);
    expect(await t.runJob("auto-erase")).toEqual({ erased: 0 });
    expect(user.messages.length).toBeGreaterThan(0);
    t.clock.advance(6);
    expect(await t.runJob("auto-erase")).toEqual({ erased: 1 });
    expect(user.messages).toEqual([]);
    expect(await t.runJob("auto-erase")).toEqual({ erased: 0 });

    await user.send("/privacy");
    await user.press("⏱ Auto-erase: 15 min");
    await user.press("off");
    expect(user.buttons).toContain("✓ off");
    expect(await t.prisma.eraseSchedule.count()).toBe(0);
  });

  it("keeps working after a restart", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.send("/privacy");
    await user.press("⏱ Auto-erase: off");
    await user.press("1 hour");
    await t.restart();
    t.clock.advance(61);
    expect(await t.runJob("auto-erase")).toEqual({ erased: 1 });
    expect(user.messages).toEqual([]);
  });
});
