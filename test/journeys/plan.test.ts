import { describe, expect, it } from "vitest";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { databaseText } from "../support/db.js";
import { startInEnglish, TestBot } from "../support/harness.js";

/** Rows that hold a chat's plan: the saved plan and any conversation in progress. */
async function planRows(t: TestBot, user: FakeUser) {
  const chatId = String(user.id);
  return {
    plan: await t.prisma.safetyPlan.count({ where: { chatId } }),
    conversation: await t.prisma.conversationState.count({ where: { key: chatId } }),
  };
}

/** The database file (and its write-ahead log) as text, as someone who copied it would see it. */
async function databaseBytes(t: TestBot): Promise<string> {
  await t.prisma.$disconnect();
  const text = await databaseText(t.dbUrl);
  await t.restart();
  return text;
}

/** Counter totals over all days, by name. */
async function counts(t: TestBot, prefix: string): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const r of await t.services.counters.read("2000-01-01", "2100-01-01", prefix)) totals[r.name] = (totals[r.name] ?? 0) + r.count;
  return totals;
}

/** Texts of the bot's messages in the chat that cannot be forwarded or saved. */
function protectedTexts(user: FakeUser): string[] {
  return user.messages.filter((m) => m.from === "bot" && m.raw.has_protected_content).map((m) => m.text);
}

/** Walks every step in English: a tick on step 1 and 4, a note on step 1, the rest skipped; ends at the choice. */
async function makePlanInEnglish(user: FakeUser, note = "the blue door key is at Olha's") {
  await user.send("/plan");
  await user.press("▶️ Make a plan");
  expect(user.lastText).toContain("Step 1 of 9: Safe places and a way out");
  await user.press("⬜️ A way out of the home I can use");
  await user.press("✏️ Add a note");
  expect(user.lastText).toContain("would not put you at risk if someone looked through this phone");
  await user.send(note);
  expect(user.lastText).toContain("✓ The note is added.");
  await user.press("Next →");
  await user.press("Skip →");
  await user.press("Skip →");
  expect(user.lastText).toContain("Step 4 of 9: An emergency bag");
  await user.press("⬜️ Medicine");
  await user.press("⬜️ Phone charger");
  await user.press("Next →");
  for (let step = 5; step <= 9; step++) await user.press("Skip →");
  expect(user.lastText).toContain("That is the whole plan.");
}

describe("safety plan", () => {
  it("is made step by step, saved encrypted, shown protected, edited one step, and deleted after a confirmation", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("🛡 Safety plan");
    expect(user.lastText).toContain("We will go through 9 short steps");
    await makePlanInEnglish(user, "the <b>blue</b> door & key");
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 1 });

    await user.press("💾 Keep my plan");
    const summary = protectedTexts(user).join("\n");
    expect(summary).toContain("🛡 My safety plan");
    expect(summary).toContain("1. Safe places and a way out\n✓ A way out of the home I can use\n📝 the <b>blue</b> door & key");
    expect(user.messages.find((m) => m.text.includes("🛡 My safety plan"))?.html).toContain("&lt;b&gt;blue&lt;/b&gt; door &amp; key");
    expect(summary).toContain("4. An emergency bag\n✓ Medicine\n✓ Phone charger");
    expect(summary).not.toContain("2. Trusted people");
    expect(user.lastText).toContain("What can help next");
    expect(user.buttons).toEqual(
      expect.arrayContaining(["Urgent restraining order (police)", "Restrictive order (court)", "⚠️ Am I in danger?", "🆘 Emergency numbers", "🚪 Quick exit"]),
    );
    expect(await planRows(t, user)).toEqual({ plan: 1, conversation: 0 });
    expect(await counts(t, "plan.")).toEqual({ "plan.started": 1, "plan.saved": 1 });

    // Later: "My plan" shows it, and one step can be changed.
    await user.send("/plan");
    expect(user.lastText).toContain("Your plan is kept here, encrypted.");
    await user.press("✏️ Change a step");
    await user.press("Children");
    expect(user.lastText).toContain("Children");
    expect(user.buttons).toContain("💾 Save the change");
    await user.press("⬜️ They know whom to call");
    await user.press("💾 Save the change");
    expect(user.lastText).toContain("The change is saved.");
    await user.press("📄 Show my plan");
    const again = protectedTexts(user).at(-1)!;
    expect(again).toContain("6. Children\n✓ They know whom to call");
    expect(again).toContain("4. An emergency bag\n✓ Medicine");
    expect(await counts(t, "plan.")).toEqual({ "plan.started": 1, "plan.saved": 1, "plan.edited": 1 });

    // A forged or old "yes" does not delete; the confirmation does.
    await user.pressData("plan:del:yes:forged", user.lastBotMessage!.id);
    expect(user.lastText).toContain("Delete your safety plan?");
    expect(await planRows(t, user)).toEqual({ plan: 1, conversation: 0 });
    await user.press("🗑 Yes, delete my plan");
    expect(user.lastText).toContain("Your safety plan is deleted.");
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 0 });
    await user.send("/plan");
    expect(user.buttons).toContain("▶️ Make a plan");
    expect(user.unansweredCallbacks).toBe(0);
    expect(t.fake.calls.filter((c) => c.error).map((c) => `${c.method}: ${c.error}`)).toEqual([]);
  });

  it("in Ukrainian, chosen in the bot: “just show me” stores nothing", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await user.send("/start");
    await user.press("Yes, it is safe");
    await user.press("Українська");
    await user.press("🛡 План безпеки");
    await user.press("▶️ Скласти план");
    expect(user.lastText).toContain("Крок 1 з 9: Безпечні місця й вихід");
    await user.press("⬜️ Кімната з виходом, не кухня і не ванна");
    await user.press("Далі →");
    await user.press("← Назад");
    expect(user.buttons).toContain("✅ Кімната з виходом, не кухня і не ванна");
    for (let step = 1; step <= 9; step++) await user.press(step === 1 ? "Далі →" : "Пропустити →");
    await user.press("👁 Просто показати");
    const summary = protectedTexts(user).join("\n");
    expect(summary).toContain("1. Безпечні місця й вихід\n✓ Кімната з виходом, не кухня і не ванна");
    expect(user.lastText).toContain("Скласти план знову можна будь-коли");
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 0 });
    expect(await counts(t, "plan.")).toEqual({ "plan.started": 1, "plan.shown": 1 });
    await user.send("/plan");
    expect(user.buttons).toContain("▶️ Скласти план");
  });

  it("resumes at the same step after a restart, and a day later offers to continue or start over", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.send("/plan");
    await user.press("▶️ Make a plan");
    await user.press("Skip →");
    await user.press("⬜️ We agreed a code word");
    await t.restart();
    await user.press("⬜️ Someone I trust knows what is happening");
    expect(user.lastText).toContain("Step 2 of 9");
    expect(user.buttons).toEqual(expect.arrayContaining(["✅ We agreed a code word", "✅ Someone I trust knows what is happening"]));

    t.clock.advance(24 * 60);
    await user.send("/plan");
    expect(user.lastText).toContain("You started a plan earlier and did not finish it.");
    await user.press("▶️ Continue");
    expect(user.lastText).toContain("Step 2 of 9");
    expect(user.buttons).toContain("✅ We agreed a code word");
    await user.send("/menu");
    await user.press("🛡 Safety plan");
    await user.press("↺ Start over");
    expect(user.lastText).toContain("Step 1 of 9");
    await user.press("Skip →");
    expect(user.buttons).toContain("⬜️ We agreed a code word");
    expect(await counts(t, "plan.")).toEqual({ "plan.started": 2 });
  });

  it("never traps: menu, emergency numbers and commands work mid-plan, and the plan waits", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/plan");
    await user.press("▶️ Скласти план");
    await user.press("⬜️ Шлях із дому, яким я можу скористатися");
    await user.press("🆘 Екстрені номери");
    expect(user.lastText).toContain("Якщо вам загрожує небезпека");
    await user.press("← Назад");
    expect(user.lastText).toContain("Крок 1 з 9");
    expect(user.buttons).toContain("✅ Шлях із дому, яким я можу скористатися");
    // The waiting plan is not written again while the person is elsewhere (a new write has a new IV).
    const before = await t.prisma.conversationState.findFirstOrThrow();
    await user.send("/sos");
    expect(user.lastText).toContain("Якщо вам загрожує небезпека");
    expect(await t.prisma.conversationState.findFirstOrThrow()).toEqual(before);
    await user.send("/menu");
    expect(user.lastText).toContain("Чим я можу допомогти?");
    await user.press("⚖️ Мої права");
    expect(user.lastText).toContain("Оберіть тему");
    await user.send("/plan");
    await user.press("▶️ Продовжити");
    expect(user.buttons).toContain("✅ Шлях із дому, яким я можу скористатися");
    await user.press("⏹ Зупинитися");
    expect(user.lastText).toContain("Нічого з цього плану не збережено");
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 0 });
    // A button of the ended plan leads to the plan's start, not into nothing.
    await user.pressData("pb:x:0", user.lastBotMessage!.id);
    expect(user.buttons).toContain("▶️ Скласти план");
    expect(user.unansweredCallbacks).toBe(0);
  });

  it("answers free text, stickers and a 5,000-character note kindly, losing nothing; double taps are harmless", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.send("/plan");
    await user.press("▶️ Make a plan");
    await user.send("where do I start?");
    expect(user.lastText).toContain("Please choose with the buttons.");
    expect(user.lastText).toContain("Step 1 of 9");
    await user.sendSticker();
    expect(user.lastText).toContain("Please choose with the buttons.");

    await user.press("✏️ Add a note");
    await user.send("x".repeat(5000));
    expect(user.lastText).toContain("This note has 5,000 characters, and a note can have up to 400. Nothing is lost");
    expect(user.messages.some((m) => m.from === "user" && m.text.length === 5000)).toBe(true);
    await user.sendSticker();
    expect(user.lastText).toContain("A note can only be text.");
    await user.send("y".repeat(400));
    expect(user.lastText).toContain("✓ The note is added.");
    expect(user.lastText).toContain("y".repeat(400));
    // The warning about a phone being looked through comes once.
    await user.press("✏️ Change the note");
    expect(user.lastText).toContain("Write a short note");
    expect(user.lastText).not.toContain("put you at risk");
    await user.press("← Back to the step");

    // Two taps on "Next" of the same message move one step, not two.
    const step = user.lastBotMessage!.id;
    await user.pressData("pb:x:0", step);
    await user.pressData("pb:x:0", step);
    expect(user.lastText).toContain("Step 2 of 9");
    // A crafted button of our own that means nothing shows where the person is.
    await user.pressData("pb:t:1:99", step);
    await user.pressData("pb:zzz", step);
    expect(user.lastText).toContain("Step 2 of 9");
    // "Make a plan" again (an old button) does not throw the plan away: it offers to continue.
    await user.pressData("plan:new", step);
    expect(user.lastText).toContain("You started a plan earlier");
    await user.press("▶️ Continue");
    expect(user.lastText).toContain("Step 2 of 9");
    expect(user.unansweredCallbacks).toBe(0);
    expect(t.problems).toEqual([]);
  });

  it("quick exit, auto-erase and /forget mid-plan leave no plan or conversation row", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.send("/plan");
    await user.press("▶️ Make a plan");
    await user.press("⬜️ A way out of the home I can use");
    // Its answer comes from inside the conversation: quick exit erases it too.
    await user.send("what now?");
    expect(user.lastText).toContain("Please choose with the buttons.");
    await user.press("🚪 Quick exit");
    expect(user.messages).toEqual([]);
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 0 });
    await user.send("/plan");
    expect(user.buttons).toContain("▶️ Make a plan");

    // Auto-erase ends a plan in progress too.
    await user.send("/privacy");
    await user.press("⏱ Auto-erase: off");
    await user.press("15 min");
    await user.send("/plan");
    await user.press("▶️ Make a plan");
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 1 });
    t.clock.advance(16);
    await t.runJob("auto-erase");
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 0 });

    // /forget lists a saved plan and one in progress, then deletes both.
    await makePlanInEnglish(user);
    await user.press("💾 Keep my plan");
    await user.send("/plan");
    await user.press("✏️ Change a step");
    await user.press("Neighbours");
    expect(await planRows(t, user)).toEqual({ plan: 1, conversation: 1 });
    await user.send("/forget");
    expect(user.lastText).toContain("• your safety plan, encrypted");
    expect(user.lastText).toContain("• a safety plan you started and did not finish, encrypted");
    await user.press("🗑 Yes, delete my data");
    expect(await planRows(t, user)).toEqual({ plan: 0, conversation: 0 });
    await user.send("/plan");
    expect(user.buttons).toContain("▶️ Make a plan");
    expect(await t.prisma.conversationState.count()).toBe(0);
  });

  it("drops a plan in progress stored by another version of the conversation", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.send("/plan");
    await user.press("▶️ Make a plan");
    const row = await t.prisma.conversationState.findFirstOrThrow();
    const state = JSON.parse(t.cipher.decrypt(row.value));
    expect(state.versions).toEqual({ plan: 1 });
    state.versions.plan = 0;
    await t.prisma.conversationState.update({ where: { key: row.key }, data: { value: t.cipher.encrypt(JSON.stringify(state)) } });
    await t.restart();
    await user.press("⬜️ A way out of the home I can use");
    expect(user.buttons).toContain("▶️ Make a plan");
  });

  it("keeps no plain text of a plan or note in the database file, in progress or saved", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await makePlanInEnglish(user, "KeyUnderTheRedFlowerpot");
    let bytes = await databaseBytes(t);
    expect(bytes).toContain("enc1.");
    for (const plain of ["KeyUnderTheRedFlowerpot", "Flowerpot", "medicine", "charger", "way out of the home"]) {
      expect(bytes).not.toContain(plain);
    }
    await user.press("💾 Keep my plan");
    bytes = await databaseBytes(t);
    for (const plain of ["KeyUnderTheRedFlowerpot", "Flowerpot", "medicine", "charger", "exit", "items"]) {
      expect(bytes).not.toContain(plain);
    }
  });
});
