import { describe, expect, it } from "vitest";
import { TestBot } from "../support/harness.js";

describe("about & privacy", () => {
  it("names the organisation and contact, escaped, says what is kept, and one tap further what stays in Telegram", async () => {
    const t = await TestBot.start({ org: { name: "Fund <Safe> & Sound", contact: "@safe_help" } });
    const user = t.user({ languageCode: "en" });
    await user.send("/menu");
    await user.press("ℹ️ About & privacy");
    expect(user.lastText).toContain("This bot is run by Fund <Safe> & Sound.");
    expect(user.lastText).toContain("Contact: @safe_help");
    expect(user.lastText).toContain("The language and auto-erase setting you chose, encrypted");
    expect(user.lastText).toContain("for 48 hours");
    expect(user.lastText).toContain("This chat’s ID (your Telegram ID), unencrypted");
    expect(user.lastText).toContain("show your ID only as a one-way code");
    expect(user.buttons).toEqual([
      "⏱ Auto-erase: off",
      "🗑 Delete my data",
      "📱 What stays in Telegram",
      "☰ Menu",
      "🆘 Emergency numbers",
      "🚪 Quick exit",
    ]);
    const about = user.lastText;

    await user.press("📱 What stays in Telegram");
    expect(user.lastText).toContain("not end-to-end encrypted");
    expect(user.lastText).toContain("every device logged into your account");
    expect(user.lastText).toContain("The chat itself stays in your chat list");
    expect(user.lastText).toContain("notifications can show");
    expect(user.buttons).toEqual(["← Back", "☰ Menu", "🆘 Emergency numbers", "🚪 Quick exit"]);
    await user.press("🆘 Emergency numbers");
    await user.press("← Back");
    expect(user.lastText).toContain("What stays in Telegram");
    await user.press("← Back");
    expect(user.lastText).toBe(about);
  });

  it("without an organisation configured, says only what is true; /privacy works in Ukrainian", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/privacy");
    expect(user.lastText).toContain("Цей бот — проєкт із відкритим кодом.");
    expect(user.lastText).not.toContain("Зв’язатися");
    expect(user.lastText).toContain("ID цього чату (це ваш ID у Telegram) — незашифровано");
    await user.press("📱 Що лишається в Telegram");
    expect(user.lastText).toContain("без наскрізного шифрування");
  });
});
