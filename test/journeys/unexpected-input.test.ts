import { describe, expect, it } from "vitest";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { startInEnglish, TestBot } from "../support/harness.js";

const MENU_FIRST = "🆘 I need help now";

async function englishUser(t: TestBot): Promise<FakeUser> {
  const user = t.user({ languageCode: "en" });
  await startInEnglish(user);
  return user;
}

describe("unexpected input", () => {
  it.each<[string, (u: FakeUser) => Promise<void>]>([
    ["free text", (u) => u.send("hello? can you help me")],
    ["a sticker", (u) => u.sendSticker()],
    ["a photo", (u) => u.sendPhoto("look")],
    ["a voice message", (u) => u.sendVoice()],
    ["a location", (u) => u.sendLocation()],
    ["a contact", (u) => u.sendContact()],
    ["a huge message", (u) => u.send("x".repeat(4096))],
  ])("%s gets a short kind answer with the menu", async (_, act) => {
    const t = await TestBot.start();
    const user = await englishUser(t);
    await act(user);
    expect(user.lastText).toContain("I am only a bot");
    expect(user.lastText).toContain("102");
    expect(user.buttons[0]).toBe(MENU_FIRST);
    expect(t.problems).toEqual([]);
  });

  it("an unknown command says so and shows the menu", async () => {
    const t = await TestBot.start();
    const user = await englishUser(t);
    await user.send("/whatever");
    expect(user.lastText).toBe("I don’t know that command. Here is what I can do:");
    expect(user.buttons[0]).toBe(MENU_FIRST);
  });

  it("a button the bot no longer knows is answered and its message becomes the menu", async () => {
    const t = await TestBot.start();
    const user = await englishUser(t);
    const id = user.lastBotMessage!.id;
    await user.pressData("plan:step:3", id);
    expect(user.callbackAnswers.at(-1)?.text).toBe("This button no longer works. Here is the main menu.");
    expect(user.lastBotMessage!.id).toBe(id);
    expect(user.buttons[0]).toBe(MENU_FIRST);
    expect(user.unansweredCallbacks).toBe(0);
  });

  it("a double tap answers both taps and changes nothing the second time", async () => {
    const t = await TestBot.start();
    const user = await englishUser(t);
    const id = user.lastBotMessage!.id;
    const data = user.lastBotMessage!.buttons!.flat().find((b) => b.text === "⚖️ My rights")!.data!;
    await Promise.all([user.pressData(data, id), user.pressData(data, id)]);
    expect(user.lastText).toContain("Choose a topic");
    expect(user.unansweredCallbacks).toBe(0);
    expect(t.problems).toEqual([]);
  });

  it("a failure inside the bot gets a gentle 'try again' with the menu, and is logged without the text", async () => {
    const t = await TestBot.start();
    await t.prisma.$executeRawUnsafe('DROP TABLE "Session"'); // the session of a person the bot has not met yet cannot be read
    const user = t.user({ languageCode: "en" });
    await user.send("my secret words");
    expect(user.lastText).toContain("Sorry, something went wrong. Please try again.");
    expect(user.buttons).toEqual(["☰ Menu", "🆘 Emergency numbers", "🚪 Quick exit"]);
    const failure = t.logs.find((l) => l.msg === "update failed");
    expect(failure).toBeDefined();
    expect(JSON.stringify(t.logs)).not.toContain("secret");
  });
});
