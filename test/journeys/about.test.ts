import { describe, expect, it } from "vitest";
import { TestBot } from "../support/harness.js";

describe("about & privacy", () => {
  it("names the organisation and contact, escaped, and says what is kept", async () => {
    const t = await TestBot.start({ org: { name: "Fund <Safe> & Sound", contact: "@safe_help" } });
    const user = t.user({ languageCode: "en" });
    await user.send("/menu");
    await user.press("ℹ️ About & privacy");
    expect(user.lastText).toContain("This bot is run by Fund <Safe> & Sound.");
    expect(user.lastText).toContain("Contact: @safe_help");
    expect(user.lastText).toContain("The language and auto-erase setting you chose, encrypted");
    expect(user.lastText).toContain("for 48 hours");
    expect(user.lastText).toContain("not end-to-end encrypted");
    expect(user.lastText).toContain("notifications can show");
    expect(user.buttons).toEqual([
      "⏱ Auto-erase: off",
      "🗑 Delete my data",
      "☰ Menu",
      "🆘 Emergency numbers",
      "🚪 Quick exit",
    ]);
  });

  it("without an organisation configured, says only what is true; /privacy works in Ukrainian", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/privacy");
    expect(user.lastText).toContain("Цей бот — проєкт із відкритим кодом.");
    expect(user.lastText).not.toContain("Зв’язатися");
    expect(user.lastText).toContain("без наскрізного шифрування");
  });
});
