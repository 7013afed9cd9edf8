import { describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.js";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { features } from "../../src/features/index.js";
import { startInEnglish, TestBot } from "../support/harness.js";

const ADMIN = 7_770_000_001;
const UNKNOWN_COMMAND = "I don’t know that command. Here is what I can do:";

async function setup() {
  // The clock: 25 November, 11:00 in Kyiv. The campaign window is off so only broadcasts are sent.
  const t = await TestBot.start({ admins: [ADMIN] });
  const admin = t.user({ id: ADMIN, languageCode: "en" });
  await startInEnglish(admin);
  const en = t.user({ languageCode: "en" });
  await startInEnglish(en);
  await en.send("/subscribe");
  const uk = t.user({ languageCode: "uk" });
  await uk.send("/start");
  await uk.press("Так, безпечно");
  await uk.press("Українська");
  await uk.send("/subscribe");
  const listed = t.user({ languageCode: "en" }); // chose a language, did not subscribe
  await startInEnglish(listed);
  return { t, admin, en, uk, listed };
}

/** /broadcast, one text for all, to everyone (the four people of `setup`), now. */
async function sendNowToEveryone(admin: FakeUser, text: string): Promise<void> {
  await admin.send("/broadcast");
  await admin.press("One text for all");
  await admin.send(text);
  await admin.press("everyone who has not blocked the bot (4)");
  await admin.press("Now");
  await admin.press("✅ Send");
}

function broadcastsIn(user: FakeUser, fragment: string) {
  return user.messages.filter((m) => m.from === "bot" && m.text.includes(fragment));
}

describe("staff broadcasts", () => {
  it("non-admins never see staff commands: unknown-command answer, not in their command list", async () => {
    const { t, en } = await setup();
    for (const command of ["/broadcast", "/broadcasts", "/stats"]) {
      await en.send(command);
      expect(en.lastText).toBe(UNKNOWN_COMMAND);
    }
    await en.pressData("bcx:1", en.lastBotMessage!.id);
    expect(en.callbackAnswers.at(-1)).toEqual({ text: "This button no longer works. Here is the main menu." });
    await en.pressData("stats:csv", en.lastBotMessage!.id);
    expect(en.lastText).toContain("How can I help?");

    await registerCommands(t.bot.api, t.services.i18n, features, { adminIds: [ADMIN] });
    const names = (key: string) => (t.fake.commands.get(key) ?? []).map((c) => c.command);
    for (const key of ["default|", "default|uk", "default|ru"]) expect(names(key)).not.toContain("broadcast");
    expect(names("default|")).toContain("subscribe");
    expect(names(`chat:${ADMIN}|`)).toEqual(expect.arrayContaining(["broadcast", "broadcasts", "stats", "menu"]));
    expect(names(`chat:${ADMIN}|uk`)).toContain("stats");
  });

  it("/broadcast while a draft is open starts a new draft", async () => {
    const { t, admin } = await setup();
    await admin.send("/broadcast");
    await admin.press("One text for all");
    await admin.send("/broadcast");
    expect(admin.lastText).toContain("One text for every language, or a text in Ukrainian and one in English?");
    expect(t.problems).toEqual([]);
  });

  it("compose one text for all, preview it as recipients will see it, send now, and watch the progress", async () => {
    const { t, admin, en, uk, listed } = await setup();
    await admin.send("/broadcast");
    expect(admin.lastText).toContain("One text for every language, or a text in Ukrainian and one in English?");
    await admin.press("One text for all");
    await admin.send("<b>Hello</b> from the team");
    expect(admin.lastText).toBe("Who should get it?");
    expect(admin.buttons).toEqual([
      "all subscribers (2)",
      "subscribers reading Ukrainian (1)",
      "subscribers reading English (1)",
      "everyone who has not blocked the bot (4)",
      "✖ Cancel",
    ]);
    await admin.press("all subscribers (2)");
    const previews = admin.messages.filter((m) => m.text.endsWith("Hello from the team"));
    expect(previews.map((m) => m.text)).toEqual([
      "Добрий день! Коротка нотатка на сьогодні.\n\nHello from the team",
      "Hello! A short note for today.\n\nHello from the team",
    ]);
    expect(previews[1]!.buttons!.flat().map((b) => b.text)).toEqual(["🔕 Unsubscribe", "🚪 Quick exit"]);
    expect(admin.lastText).toBe("When should it go out?");
    await admin.press("Now");
    expect(admin.lastText).toBe("Send to 2 people (all subscribers), now?");
    const confirmation = admin.lastBotMessage!.id;
    await admin.press("✅ Send");
    expect(admin.history.get(confirmation)!.text).toBe("Broadcast #1: sending…");

    await t.drain();
    expect(broadcastsIn(en, "Hello from the team").map((m) => m.text)).toEqual(["Hello! A short note for today.\n\nHello from the team"]);
    expect(broadcastsIn(uk, "Hello from the team")[0]!.text).toBe("Добрий день! Коротка нотатка на сьогодні.\n\nHello from the team");
    expect(broadcastsIn(listed, "Hello from the team")).toEqual([]);
    expect(admin.history.get(confirmation)!.text).toBe(
      "Broadcast #1: finished\nSent 2 · failed 0 · remaining 0",
    );
    await admin.send("/broadcasts");
    expect(admin.lastText).toContain("#1 · finished · all subscribers · 25 November 2026 at 11:00\nRecipients 2, sent 2, failed 0");
    expect(admin.buttons).not.toContain("✖ Cancel #1");
  });

  it("one text per language, HTML checked, scheduled in Kyiv time, listed, cancelled: nobody gets it", async () => {
    const { t, admin, en, uk } = await setup();
    await admin.send("/broadcast");
    await admin.press("Ukrainian and English");
    expect(admin.lastText).toContain("Send the text in Українська");
    await admin.send("<b>Привіт");
    expect(admin.lastText).toContain("Telegram could not read this HTML");
    await admin.send("Привіт від команди");
    expect(admin.lastText).toContain("Send the text in English");
    await admin.send("Hi from the team");
    await admin.press("everyone who has not blocked the bot (4)");
    await admin.press("At a date and time");
    expect(admin.lastText).toBe("Send the date and time (Europe/Kyiv), e.g. 2026-12-05 14:30");
    await admin.send("tomorrow");
    expect(admin.lastText).toContain("I could not read that");
    await admin.send("2026-11-20 10:00");
    expect(admin.lastText).toBe("That time has passed. Please choose a time in the future.");
    await admin.send("2026-11-26 12:00");
    expect(admin.lastText).toBe("Send to 4 people (everyone who has not blocked the bot), 26 November 2026 at 12:00?");
    await admin.press("✅ Send");
    expect(admin.lastText).toContain("Broadcast #1 is scheduled: 26 November 2026 at 12:00.");
    const row = await t.prisma.broadcast.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.sendAt.toISOString()).toBe("2026-11-26T10:00:00.000Z");

    await admin.send("/broadcasts");
    expect(admin.lastText).toContain("#1 · scheduled · everyone who has not blocked the bot · 26 November 2026 at 12:00");
    await admin.press("✖ Cancel #1");
    expect(admin.lastText).toContain("Cancel broadcast #1?");
    await admin.press("✖ Yes, cancel it");
    expect(admin.lastText).toContain("#1 · cancelled");
    expect(admin.callbackAnswers.at(-1)).toEqual({ text: "Cancelled" });
    // A forged cancel without the confirmation's token does nothing.
    await admin.pressData("bcx:1:forged", admin.lastBotMessage!.id);
    expect(admin.lastText).toContain("#1 · cancelled");

    t.clock.advance(26 * 60);
    await t.runJob("broadcasts");
    await t.drain();
    expect(broadcastsIn(en, "from the team")).toEqual([]);
    expect(broadcastsIn(uk, "від команди")).toEqual([]);
  });

  it("a scheduled broadcast goes out at its time, each person in their language", async () => {
    const { t, admin, en, uk, listed } = await setup();
    await admin.send("/broadcast");
    await admin.press("Ukrainian and English");
    await admin.send("Привіт від команди");
    await admin.send("Hi from the team");
    await admin.press("everyone who has not blocked the bot (4)");
    await admin.press("At a date and time");
    await admin.send("2026-11-25 12:00");
    await admin.press("✅ Send");
    t.clock.advance(30);
    await t.runJob("broadcasts");
    await t.drain();
    expect(broadcastsIn(en, "Hi from the team")).toEqual([]);
    t.clock.advance(30);
    await t.runJob("broadcasts");
    await t.drain();
    expect(broadcastsIn(en, "Hi from the team")).toHaveLength(1);
    expect(broadcastsIn(listed, "Hi from the team")).toHaveLength(1);
    expect(broadcastsIn(uk, "Привіт від команди")).toHaveLength(1);
    expect(broadcastsIn(admin, "Hi from the team").length).toBeGreaterThanOrEqual(1);
    // Not for subscribers only: no Unsubscribe button.
    expect(broadcastsIn(listed, "Hi from the team")[0]!.buttons!.flat().map((b) => b.text)).toEqual(["🚪 Quick exit"]);
  });

  it("a running broadcast can be cancelled: nobody else gets it", async () => {
    const { t, admin, en, uk, listed } = await setup();
    await sendNowToEveryone(admin, "Stop me");
    await admin.send("/broadcasts");
    expect(admin.lastText).toContain("#1 · sending · everyone who has not blocked the bot");
    await admin.press("✖ Cancel #1");
    await admin.press("✖ Yes, cancel it");
    await t.drain();
    for (const u of [en, uk, listed]) expect(broadcastsIn(u, "Stop me")).toEqual([]);
    expect(await t.prisma.outbox.count({ where: { status: "cancelled" } })).toBe(4);
  });

  it("speaks Ukrainian to a Ukrainian admin", async () => {
    const t = await TestBot.start({ admins: [ADMIN] });
    const admin = t.user({ id: ADMIN, languageCode: "uk" });
    await admin.send("/broadcasts");
    expect(admin.lastText).toBe("Розсилок ще не було. Почати: /broadcast");
    await admin.send("/stats");
    expect(admin.lastText).toContain("Підписані на повідомлення «16 днів» зараз: 0");
    await admin.send("/broadcast");
    expect(admin.lastText).toContain("Один текст для всіх мов чи окремі тексти українською та англійською?");
    await admin.press("Один текст для всіх");
    await admin.send("Текст");
    expect(admin.buttons).toContain("усі, хто не заблокував бота (0)");
  });

  it("cancel mid-way in the compose flow; kind answers to the wrong input; the menu still works during it", async () => {
    const { admin } = await setup();
    await admin.send("/broadcast");
    await admin.send("hello?");
    expect(admin.lastText).toBe("Please choose with the buttons above.");
    await admin.send("/menu");
    expect(admin.lastText).toContain("How can I help?");
    await admin.press("One text for all", { messageId: admin.messages.find((m) => m.text.includes("New broadcast"))!.id });
    await admin.sendSticker();
    expect(admin.lastText).toBe("Please send the text as a message (no files or stickers).");
    await admin.press("✖ Cancel");
    expect(admin.lastText).toBe("Broadcast cancelled; nothing was sent.");
  });

  it("/stats: anonymous counters by day and in total, subscribers now, and a CSV", async () => {
    const { t, admin } = await setup();
    t.clock.advance(24 * 60);
    await t.services.counters.add("campaign.sent", 3);
    await admin.send("/stats");
    expect(admin.lastText).toContain("Subscribed to 16 Days messages now: 2");
    expect(admin.lastText).toContain("\n\ncampaign\ncampaign.sent: 3 · last 7 days: 3 (11-26: 3)\ncampaign.subscribed: 2");
    expect(admin.lastText).toContain("campaign.subscribed: 2 · last 7 days: 2 (11-25: 2)");
    expect(admin.lastText).toContain("campaign.sent: 3 · last 7 days: 3 (11-26: 3)");
    expect(admin.lastText).not.toMatch(/\d{7,}/); // no person in it
    await admin.press("📄 CSV, every day");
    const file = admin.lastBotMessage!.document!;
    expect(file.fileName).toBe("stats-2026-11-26.csv");
    expect(file.bytes.toString("utf8")).toBe("day,name,count\n2026-11-25,campaign.subscribed,2\n2026-11-25,people.new,4\n2026-11-26,campaign.sent,3");
  });
});

describe("the outbox across a crash", () => {
  it("rows a crashed worker held are sent after its lease runs out; nobody is lost or sent twice", async () => {
    const { t, admin } = await setup();
    await sendNowToEveryone(admin, "After the crash");
    const from = t.fake.calls.length; // after the previews
    // A worker claimed two rows and died before sending them.
    const rows = await t.prisma.outbox.findMany({ orderBy: { id: "asc" }, take: 2 });
    await t.prisma.outbox.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { status: "sending", claim: "dead-worker", leaseUntil: new Date(t.clock.now().getTime() + 10_000) },
    });
    await t.restart();
    await t.drain();
    expect(await t.prisma.outbox.count({ where: { status: "sent" } })).toBe(2);
    t.clock.advance(1);
    await t.drain();
    expect(await t.prisma.outbox.count({ where: { status: "sent" } })).toBe(4);
    const sends = t.fake.calls.slice(from).filter((c) => c.method === "sendMessage" && !c.error && String(c.payload.text).endsWith("After the crash"));
    expect(sends).toHaveLength(4);
    expect(new Set(sends.map((c) => c.chatId)).size).toBe(4);
  });
});
