import { describe, expect, it } from "vitest";
import { startInEnglish, TestBot } from "../support/harness.js";

const MENU_EN = [
  "🆘 I need help now",
  "📍 Find help near me",
  "⚖️ My rights",
  "🛡 Safety plan",
  "⚠️ Am I in danger?",
  "🤝 Help someone else",
  "💬 Talk to a person",
  "📣 16 Days messages",
  "🌐 Language / Мова",
  "ℹ️ About & privacy",
  "🚪 Quick exit",
];
const MENU_UK = [
  "🆘 Мені потрібна допомога зараз",
  "📍 Знайти допомогу поруч",
  "⚖️ Мої права",
  "🛡 План безпеки",
  "⚠️ Чи я в небезпеці?",
  "🤝 Як допомогти іншій людині",
  "💬 Поговорити з людиною",
  "📣 Повідомлення «16 днів»",
  "🌐 Мова / Language",
  "ℹ️ Про бот і приватність",
  "🚪 Швидкий вихід",
];

async function sessionRows(t: TestBot) {
  const rows = await t.prisma.session.findMany();
  return rows.map((s) => ({ key: s.key, value: JSON.parse(t.cipher.decrypt(s.value)) }));
}

describe("first contact and language", () => {
  it.each([
    ["uk", "Вітаю!"],
    ["ru", "Вітаю!"],
    ["en", "Hello!"],
    ["de", "Hello!"],
    [undefined, "Hello!"],
  ])("greets a person whose Telegram speaks %s in the guessed language", async (languageCode, greeting) => {
    const t = await TestBot.start();
    const user = t.user({ languageCode });
    await user.send("/start");
    await user.press(languageCode === "uk" || languageCode === "ru" ? "Так, безпечно" : "Yes, it is safe");
    expect(user.lastText).toContain(greeting);
    expect(user.buttons.slice(0, 2)).toEqual(["Українська", "English"]);
  });

  it("lets the person choose a language, remembers it, and stores nothing before", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/start");
    await user.press("Так, безпечно");
    expect(user.buttons).toContain("🆘 Екстрені номери");
    expect(await sessionRows(t)).toEqual([]);

    await user.press("English");
    expect(user.lastText).toContain("How can I help?");
    expect(user.buttons).toEqual(MENU_EN);
    expect(await sessionRows(t)).toEqual([{ key: String(user.id), value: { locale: "en" } }]);

    await user.send("/menu");
    expect(user.lastText).toContain("How can I help?");
  });

  it("changes the language from the menu and by /language, ticking the current one", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("🌐 Language / Мова");
    expect(user.buttons).toContain("✓ English");
    await user.press("Українська");
    // The first choice counted the person once, anonymously; a change is not a new person.
    expect((await t.services.counters.read("0000-01-01", "9999-12-31", "people.")).map((c) => [c.name, c.count])).toEqual([["people.new", 1]]);
    expect(user.lastText).toContain("Чим я можу допомогти?");
    expect(user.buttons).toEqual(MENU_UK);

    await user.send("/language");
    expect(user.buttons).toContain("✓ Українська");
    await user.press("English");
    expect(user.buttons).toEqual(MENU_EN);
  });

  it("shows the menu for /menu and /help, and a pressed button edits its own message", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await user.send("/help");
    expect(user.buttons).toEqual(MENU_EN);
    const menuId = user.lastBotMessage!.id;
    await user.press("⚖️ My rights");
    expect(user.lastBotMessage!.id).toBe(menuId);
    expect(user.messages.filter((m) => m.from === "bot")).toHaveLength(1);
  });

  it("registers the command list in both languages", async () => {
    const t = await TestBot.start();
    const { registerCommands } = await import("../../src/bot/commands.js");
    const { features } = await import("../../src/features/index.js");
    const { createI18n } = await import("../../src/bot/i18n.js");
    const { createLogger } = await import("../../src/logger.js");
    await registerCommands(t.bot.api, createI18n(createLogger("silent")), features);
    const names = (key: string) => t.fake.commands.get(key)?.map((c) => c.command);
    expect(names("default|")).toEqual(["exit", "sos", "services", "plan", "referral", "subscribe", "unsubscribe", "language", "privacy", "forget", "menu"]);
    expect(names("default|uk")).toEqual(names("default|"));
    expect(t.fake.commands.get("default|uk")?.[1]?.description).toBe("Екстрені номери");
    expect(t.fake.commands.get("default|ru")).toEqual(t.fake.commands.get("default|uk"));
    expect(t.fake.commands.get("default|")?.[1]?.description).toBe("Emergency numbers");
    // Staff groups get their own list, not the people's.
    expect(names("all_group_chats|")).toEqual(["reply", "history"]);
    expect(t.fake.commands.get("all_group_chats|uk")?.[0]?.description).toBe("Написати людині: /reply КОД текст");
  });
});
