import { describe, expect, it } from "vitest";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { personWithSettings, startInEnglish, TestBot } from "../support/harness.js";

/** Found by trying the bot as an attacker and as a person in panic would. */

const MENU_FIRST = "🆘 I need help now";

function dataOf(user: FakeUser): string[] {
  return user.lastBotMessage!.buttons!.flat().map((b) => b.data ?? "");
}

async function sessionRows(t: TestBot, user: FakeUser): Promise<number> {
  return t.prisma.session.count({ where: { key: String(user.id) } });
}

describe("texts are never served to the wrong person", () => {
  it("after one person's /forget in English, a Ukrainian person's /forget is answered in Ukrainian", async () => {
    const t = await TestBot.start();
    const english = t.user({ languageCode: "uk" });
    await english.send("/start");
    await english.press("Так, безпечно");
    await english.press("English");
    await english.send("/forget");
    await english.press("🗑 Yes, delete my data");
    expect(english.lastText).toContain("the bot keeps nothing about you any more");

    const ukrainian = t.user({ languageCode: "uk" });
    await ukrainian.send("/forget");
    await ukrainian.press("🗑 Так, видалити мої дані");
    expect(ukrainian.lastText).not.toContain("the bot keeps nothing");
    expect(ukrainian.buttons).toContain("☰ Меню");
  });
});

describe("a flood of presses", () => {
  it("answers every press, and the limited ones with the emergency numbers", async () => {
    const t = await TestBot.start({ realRateLimit: true });
    const user = t.user({ languageCode: "en" });
    await user.send("/sos");
    const id = user.lastBotMessage!.id;
    for (let i = 0; i < 15; i++) await user.pressData("sos", id);
    expect(user.unansweredCallbacks).toBe(0);
    const limited = user.callbackAnswers.filter((a) => a.text?.startsWith("Too many taps"));
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0]).toMatchObject({ show_alert: true });
    expect(limited[0]!.text).toContain("Police 102");
    expect(limited[0]!.text).toContain("5 seconds");
  });

  it("warns once, with the real wait, the emergency numbers and quick exit", async () => {
    const t = await TestBot.start({ realRateLimit: true });
    const user = t.user({ languageCode: "uk" });
    for (let i = 0; i < 12; i++) await user.send(`повідомлення ${i}`);
    const warning = user.messages.find((m) => m.text.startsWith("Повідомлень забагато"))!;
    expect(warning.text).toContain("за 5 секунд.");
    expect(warning.buttons!.flat().map((b) => b.text)).toEqual(["🆘 Екстрені номери", "🚪 Швидкий вихід"]);

    // After the window, the person is heard again.
    await new Promise((r) => setTimeout(r, 5_100));
    await user.send("/menu");
    expect(user.lastText).not.toContain("забагато");
  });
});

describe("destructive routes act only from their confirmation", () => {
  it.each(["forget:yes", "forget:erase", "forget:yes:AAAAAAAA", "forget:erase:x"])(
    "a forged %s on another message deletes nothing and shows the confirmation",
    async (data) => {
      const t = await TestBot.start();
      const user = await personWithSettings(t);
      await user.send("/sos");
      const before = user.messages.length;
      await user.pressData(data, user.lastBotMessage!.id);
      expect(await sessionRows(t, user)).toBe(1);
      expect(await t.services.schedule.has(String(user.id))).toBe(true);
      expect(user.messages.length).toBe(before);
      expect(user.lastText).toContain("This is what the bot keeps about you");
      expect(user.unansweredCallbacks).toBe(0);
    },
  );

  it("an old confirmation's button stops working once a newer one was shown", async () => {
    const t = await TestBot.start();
    const user = await personWithSettings(t);
    await user.send("/forget");
    const first = user.lastBotMessage!;
    const stale = first.buttons!.flat().find((b) => b.text === "🗑 Yes, delete my data")!.data!;
    await user.send("/forget");
    await user.pressData(stale, first.id);
    expect(await sessionRows(t, user)).toBe(1);
    // The stale press showed the confirmation again, on its own message: that one works.
    expect(user.history.get(first.id)!.text).toContain("This is what the bot keeps about you");
    await user.press("🗑 Yes, delete my data", { messageId: first.id });
    expect(await sessionRows(t, user)).toBe(0);
    expect(user.history.get(first.id)!.text).toContain("the bot keeps nothing about you any more");
  });
});

describe("presses from someone else", () => {
  it("are answered and change nothing, even quick exit or delete", async () => {
    const t = await TestBot.start();
    const user = await personWithSettings(t);
    const intruder = t.user({ languageCode: "en" });
    await user.send("/forget");
    const confirm = user.lastBotMessage!;
    const before = user.messages.map((m) => m.id);
    for (const b of confirm.buttons!.flat()) await user.pressData(b.data!, confirm.id, { from: intruder.from });
    await user.pressData("exit", confirm.id, { from: intruder.from });
    expect(user.messages.map((m) => m.id)).toEqual(before);
    expect(await sessionRows(t, user)).toBe(1);
    expect(user.unansweredCallbacks).toBe(0);
  });
});

describe("route arguments are checked", () => {
  it("a back target that is not a known screen gives no way back, never a deleting button", async () => {
    const t = await TestBot.start();
    const user = await personWithSettings(t);
    const id = user.lastBotMessage!.id;
    for (const from of ["forget:yes", "forget:erase:abc", "x".repeat(60), "rights:nope", "rights:urgent:99", "sos"]) {
      await user.pressData(`sos:${from}`, id);
      expect(user.lastText).toContain("102");
      expect(user.buttons).not.toContain("← Back");
      for (const data of dataOf(user)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      await user.pressData(`lines:${from}`, id);
      expect(dataOf(user)).toContain("sos");
    }
    expect(await sessionRows(t, user)).toBe(1);
    expect(t.problems).toEqual([]);
  });

  it("a known screen is a way back, also through the other lines", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    const id = user.lastBotMessage!.id;
    await user.pressData("sos:rights:urgent", id);
    await user.press("📞 Other support lines");
    await user.press("← Back");
    expect(dataOf(user)).toContain("rights:urgent");
    await user.press("← Back");
    expect(user.lastText).toContain("Urgent");
    // Every feature's screens are known ways back.
    for (const route of ["menu", "lang", "about", "traces", "erase", "forget", "bystander", "svc", "svc:k:any", "svc:r:hub"]) {
      await user.pressData(`sos:${route}`, id);
      expect(dataOf(user), route).toContain(route);
    }
  });
});

describe("crafted buttons of every feature", () => {
  // Near misses of real routes: arguments out of range, unknown ids, other people's codes, staff routes.
  const crafted = [
    "svc:s:../../etc", "svc:s:nope", "svc:n:any:99:89.999:179.999", "svc:n:any:0:1e9:1", "svc:c:any:kyiv:x:99", "svc:m:nope",
    "svc:loc:nope", "ref:svc:nope", "ref:p:999999999", "ref:s:ZZZ-ZZZ", "ref:c:ZZZ-ZZZ", "ref:cx:ZZZ-ZZZ:token", "ref:r:ZZZ-ZZZ",
    "rf:to:hub", "rc:claim:1", "plan:edit:9", "plan:del:yes:forged", "plan:view", "pb:t:99:99", "pb:save",
    "danger:q" + "y".repeat(20), "danger:qx", "stats:csv", "bcs", "bc:x", "days:on", "lang:set:de", "erase:5", "kept",
    "x".repeat(64),
  ];

  it("are answered, change nothing, and fail nowhere", async () => {
    const t = await TestBot.start();
    const user = await personWithSettings(t);
    const id = user.lastBotMessage!.id;
    for (const data of crafted) await user.pressData(data, id);
    expect(user.unansweredCallbacks).toBe(0);
    expect(await sessionRows(t, user)).toBe(1);
    expect(await t.prisma.safetyPlan.count()).toBe(0);
    expect(await t.prisma.referral.count()).toBe(0);
    expect(t.problems).toEqual([]);
    expect(user.lastText).toBeDefined();
  });
});

describe("edits", () => {
  it("a typo put right into a command runs it; another edit gets no second answer", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.send("/sso");
    expect(user.lastText).toBe("I don’t know that command. Here is what I can do:");
    const typo = user.messages.find((m) => m.from === "user" && m.text === "/sso")!;
    await user.edit(typo.id, "/sos");
    expect(user.lastText).toContain("102");
    expect(user.lastBotMessage!.buttons!.flat().map((b) => b.text)).toContain("📞 Other support lines");

    await user.send("hello");
    const hello = user.messages.find((m) => m.from === "user" && m.text === "hello")!;
    const count = user.messages.length;
    await user.edit(hello.id, "hello again");
    expect(user.messages.length).toBe(count);
    expect(user.lastBotMessage!.buttons!.flat()[0]!.text).toBe(MENU_FIRST);
  });
});

describe("presses outside a private chat", () => {
  it("in a group or on an inline message are answered, and nothing is sent", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await user.send("/start");
    const group = { id: -1001234567890, type: "supergroup" as const, title: "Some group" };
    const message = { message_id: 7, date: t.fake.unixTime(), chat: group, text: "hi" };
    const sent = t.fake.calls.length;
    await t.fake.dispatch(user, { callback_query: { id: t.fake.newCallbackId(user), from: user.from, chat_instance: "1", data: "forget:yes", message } }, "group press");
    await t.fake.dispatch(user, { callback_query: { id: t.fake.newCallbackId(user), from: user.from, chat_instance: "2", data: "menu", inline_message_id: "abc" } }, "inline press");
    expect(user.unansweredCallbacks).toBe(0);
    expect(t.fake.calls.slice(sent).map((c) => c.method)).toEqual(["answerCallbackQuery", "answerCallbackQuery"]);
  });
});
