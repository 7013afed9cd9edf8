import { describe, expect, it } from "vitest";
import { DANGER_SIGNS } from "../../src/features/danger/signs.js";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { databaseText } from "../support/db.js";
import { startInEnglish, TestBot } from "../support/harness.js";

const EN = { yes: "Yes", no: "No", unsure: "Not sure" };
const UK = { yes: "Так", no: "Ні", unsure: "Не знаю" };

/** Answers every question: `answers` holds one letter each (y, n, u), in order. */
async function answerAll(user: FakeUser, answers: string, labels = EN) {
  expect(answers).toHaveLength(DANGER_SIGNS.length);
  for (const a of answers) await user.press(a === "y" ? labels.yes : a === "n" ? labels.no : labels.unsure);
}

const none = "n".repeat(DANGER_SIGNS.length);
/** All "no" except "yes" at the questions named. */
function yesTo(...ids: string[]): string {
  return DANGER_SIGNS.map((id) => (ids.includes(id) ? "y" : "n")).join("");
}

async function levels(t: TestBot): Promise<Record<string, number>> {
  const rows = await t.services.counters.read("2000-01-01", "2100-01-01", "danger.");
  return Object.fromEntries(rows.map((r) => [r.name, r.count]));
}

async function begin(user: FakeUser) {
  await user.send("/menu");
  await user.press("⚠️ Am I in danger?");
  expect(user.lastText).toContain("Your answers are not kept anywhere.");
  await user.press("Begin");
  expect(user.lastText).toContain("Question 1 of 13");
}

describe("Am I in danger?", () => {
  it("gives three levels in words, never a score, and counts only the level", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);

    await begin(user);
    await answerAll(user, none);
    expect(user.lastText).toContain("You recognised few or none of these signs.");
    expect(user.buttons).toEqual(expect.arrayContaining(["Urgent restraining order (police)", "Restrictive order (court)", "🛡 Safety plan"]));

    await begin(user);
    await answerAll(user, yesTo("worse", "control", "jealousy"));
    expect(user.lastText).toContain("You recognised several of these signs. Together they can mean high danger.");

    await begin(user);
    await answerAll(user, yesTo("worse", "kill", "control", "stalking"));
    const high = user.lastText!;
    expect(high.startsWith("You may be in serious danger\nIf you can, call the police now: 102.")).toBe(true);
    expect(high).not.toMatch(/\b\d+ ?(\/|of|out of) ?13\b|score:|points/i);
    expect(high).toContain("not a score");

    expect(await levels(t)).toEqual({
      "danger.started": 3,
      "danger.level.some": 1,
      "danger.level.several": 1,
      "danger.level.high": 1,
    });
    expect(user.unansweredCallbacks).toBe(0);
  });

  it.each(["weapon", "choke", "belief"])("a single yes to %s gives the highest level", async (sign) => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await begin(user);
    await answerAll(user, yesTo(sign));
    expect(user.lastText).toContain("You may be in serious danger");
  });

  it("in Ukrainian: back, not sure, stop in the middle; nothing of the answers is kept anywhere", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/menu");
    await user.press("⚠️ Чи я в небезпеці?");
    await user.press("Почати");
    await user.press("Так");
    await user.press("Не знаю");
    expect(user.lastText).toContain("Запитання 3 з 13");
    await user.press("← Назад");
    expect(user.lastText).toContain("Запитання 2 з 13");
    await user.press("Не знаю");
    // The emergency numbers and back to the same question.
    await user.press("🆘 Екстрені номери");
    await user.press("← Назад");
    expect(user.lastText).toContain("Запитання 3 з 13");
    await user.press("⏹ Зупинитися");
    expect(user.lastText).toContain("Ваші відповіді не збережено.");

    await user.press("☰ Меню");
    await user.press("⚠️ Чи я в небезпеці?");
    await user.press("Почати");
    await answerAll(user, "uu" + "n".repeat(DANGER_SIGNS.length - 2), UK);
    expect(user.lastText).toContain("Ви впізнали небагато з цих ознак");
    expect(user.lastText).toContain("Щодо деяких запитань ви не були певні");
    expect(user.buttons).toEqual(expect.arrayContaining(["Терміновий заборонний припис (поліція)", "Обмежувальний припис (суд)"]));
    // The result's buttons carry no answers.
    const data = user.lastBotMessage!.buttons!.flat().map((b) => b.data ?? "");
    expect(data.some((d) => /[ynu]{2,}$/.test(d) && d.startsWith("danger"))).toBe(false);

    expect(await t.prisma.session.count()).toBe(0);
    expect(await t.prisma.conversationState.count()).toBe(0);
    await t.prisma.$disconnect();
    expect(await databaseText(t.dbUrl)).not.toMatch(/danger:q[ynu]/);
    await t.restart();
    expect(await levels(t)).toEqual({ "danger.started": 2, "danger.stopped": 1, "danger.level.some": 1 });
  });

  it("is offered from the urgent restraining order topic, and forged answers are ignored", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("⚖️ My rights");
    await user.press("Urgent restraining order (police)");
    await user.press("Next →");
    await user.press("⚠️ Am I in danger?");
    expect(user.lastText).toContain("Am I in danger?");
    await user.pressData(`danger:q${"x".repeat(13)}`, user.lastBotMessage!.id);
    await user.pressData(`danger:q${"y".repeat(14)}`, user.lastBotMessage!.id);
    expect(user.lastText).toContain("How can I help?");
    expect(await levels(t)).toEqual({});
  });
});
