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
    expect(user.lastText).toContain("/forget shows exactly what it keeps about you");
    expect(user.buttons).toEqual([
      "🗂 What the bot keeps",
      "📱 What stays in Telegram",
      "⏱ Auto-erase: off",
      "🗑 Delete my data",
      "☰ Menu",
      "🆘 Emergency numbers",
      "🚪 Quick exit",
    ]);
    const about = user.lastText;

    await user.press("🗂 What the bot keeps");
    expect(user.lastText).toContain("Your language and auto-erase choice, encrypted");
    expect(user.lastText).toContain("for 48 hours");
    expect(user.lastText).toContain("until 30 days after they close");
    expect(user.lastText).toContain("This chat’s ID (your Telegram ID), unencrypted");
    expect(user.lastText).toContain("show your ID only as a one-way code");
    await user.press("← Back");

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
    await user.press("🗂 Що бот зберігає");
    expect(user.lastText).toContain("ID чату (це ваш ID у Telegram) — незашифровано");
    expect(user.lastText).toContain("до 30 днів після закриття");
    await user.press("← Назад");
    await user.press("📱 Що лишається в Telegram");
    expect(user.lastText).toContain("без наскрізного шифрування");
  });
});
