import { describe, expect, it } from "vitest";
import { TestBot } from "../support/harness.js";

const REQUIRED = ["102", "103", "112", "1547", "116 123", "0 800 500 335", "116 111", "0 800 500 225"];

function codeTexts(text: string, entities: { type: string; offset: number; length: number }[]): string[] {
  return entities.filter((e) => e.type === "code").map((e) => text.slice(e.offset, e.offset + e.length));
}

describe("emergency help", () => {
  it.each(["uk", "en"])("/sos lists every emergency number as a tappable number (%s)", async (languageCode) => {
    const t = await TestBot.start();
    const user = t.user({ languageCode });
    await user.send("/sos");
    const m = user.lastBotMessage!;
    expect(codeTexts(m.text, m.entities)).toEqual(expect.arrayContaining(REQUIRED));
    expect(m.text).not.toMatch(/\b(386|772)\b/);
    expect(m.text.length).toBeLessThan(1000);
  });

  it("is one tap from a nested screen, and Back returns to that screen", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await user.send("/menu");
    await user.press("⚖️ My rights");
    await user.press("Urgent restraining order (police)");
    const topic = user.lastText;
    await user.press("🆘 Emergency numbers");
    expect(user.lastText).toContain("If you are in danger");
    await user.press("📞 Other support lines");
    const lines = user.lastBotMessage!;
    expect(codeTexts(lines.text, lines.entities)).toEqual(["0 800 213 103", "7333", "0 800 100 102"]);
    await user.press("← Back");
    expect(user.lastText).toContain("If you are in danger");
    await user.press("← Back");
    expect(user.lastText).toBe(topic);
  });

  it("is the first entry of the main menu", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/menu");
    await user.press("🆘 Мені потрібна допомога зараз");
    expect(user.lastText).toContain("Якщо вам загрожує небезпека");
    expect(user.buttons).toEqual(["📞 Інші лінії підтримки", "☰ Меню", "🚪 Швидкий вихід"]);
  });
});
