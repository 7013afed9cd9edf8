import { describe, expect, it } from "vitest";
import { reencryptAll } from "../../src/privacy/rekey.js";
import { createCipher, newKey, parseKey } from "../../src/shared/crypto.js";
import { databaseText, tableRows } from "../support/db.js";
import { personWithSettings, startInEnglish, TEST_KEY, TestBot } from "../support/harness.js";

/** Every cell of every table (the whole schema, so new tables are covered) that mentions `needle`. */
async function rowsMentioning(t: TestBot, needle: string): Promise<string[]> {
  const tables = await tableRows(t.dbUrl);
  const found = new Set<string>();
  for (const [name, rows] of Object.entries(tables))
    for (const row of rows) for (const [column, value] of Object.entries(row)) if (String(value).includes(needle)) found.add(`${name}.${column}`);
  expect(Object.keys(tables).length).toBeGreaterThanOrEqual(3);
  return [...found];
}

async function personWithData(t: TestBot) {
  const user = await personWithSettings(t);
  await user.send("/forget");
  return user;
}

describe("delete my data", () => {
  it("lists what is kept, protected from forwarding, then leaves no row anywhere that refers to the person", async () => {
    const t = await TestBot.start();
    const other = t.user({ languageCode: "uk" });
    await other.send("/menu");
    const user = await personWithData(t);
    expect(user.lastText).toBe(
      [
        "This is what the bot keeps about you (this message cannot be forwarded or saved):",
        "• language: English",
        "• auto-erase: 4 hours",
        "• the numbers of 5 messages of this chat from the last 48 hours, without content",
        "• this chat’s number and language, so the bot can send you announcements",
        "",
        "Delete all of it? This cannot be undone.",
      ].join("\n"),
    );
    const shown = t.fake.calls.filter((c) => c.method === "sendMessage" && c.chatId === user.id).at(-1)!;
    expect(shown.payload.protect_content).toBe(true);
    expect((await rowsMentioning(t, String(user.id))).length).toBeGreaterThan(0);

    await user.press("🗑 Yes, delete my data");
    expect(user.lastText).toContain("the bot keeps nothing about you any more");
    expect(await rowsMentioning(t, String(user.id))).toEqual([]);
    await user.press("☰ Menu");
    expect(await rowsMentioning(t, String(user.id))).toEqual([]);
    // Someone else's data is untouched.
    expect(await rowsMentioning(t, String(other.id))).toEqual(["TrackedMessage.chatId"]);
  });

  it("can also erase the chat in the same step", async () => {
    const t = await TestBot.start();
    const user = await personWithData(t);
    await user.press("🗑 Delete data and erase chat");
    expect(user.messages).toEqual([]);
    expect(await rowsMentioning(t, String(user.id))).toEqual([]);
  });

  it("says so when nothing is kept, and counts messages in good Ukrainian", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "uk" });
    await user.send("/forget");
    expect(user.lastText).toContain("• номери 1 повідомлення цього чату");
    await user.send("/forget");
    expect(user.lastText).toContain("• номери 3 повідомлень цього чату");
    await user.press("🗑 Так, видалити мої дані");
    await user.press("☰ Меню");
    await user.press("ℹ️ Про бот і приватність");
    await user.press("🗑 Видалити мої дані");
    expect(user.lastText).toBe("Зараз бот не зберігає про вас нічого.");
    expect(user.buttons).not.toContain("🗑 Так, видалити мої дані");
  });
});

describe("encryption at rest", () => {
  it("the database file holds no plain text of the session", async () => {
    const t = await TestBot.start();
    await personWithData(t);
    await t.prisma.$disconnect();
    const file = await databaseText(t.dbUrl);
    expect(file).toContain("enc1.");
    expect(file).not.toContain("locale");
    expect(file).not.toContain("autoErase");
    await t.restart();
  });

  it("a new key takes over after npm run rekey; old data stays readable meanwhile", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    const next = parseKey(newKey());
    const rotated = createCipher(next, [TEST_KEY]);
    expect(await reencryptAll(t.prisma, rotated)).toBe(1);
    expect(await reencryptAll(t.prisma, rotated)).toBe(0);
    const row = await t.prisma.session.findFirstOrThrow();
    const sealed = row.value;
    expect(createCipher(next).keyIdOf(sealed)).toBe(createCipher(next).keyId);
    expect(JSON.parse(createCipher(next).decrypt(sealed))).toEqual({ locale: "en" });
  });
});

describe("logs", () => {
  it("hold no message text, phone number, name or raw user id; users appear as a keyed hash", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en", firstName: "Olena", username: "olena_k" });
    await startInEnglish(user);
    await user.send("my husband took my phone, call me on +380671234567");
    await user.sendContact("+380501112233");
    await user.sendLocation();
    const logs = JSON.stringify(t.logs);
    for (const secret of ["husband", "380671234567", "380501112233", "Olena", "olena_k", String(user.id), "50.45"]) {
      expect(logs).not.toContain(secret);
    }
    expect(t.logs.some((l) => l.user === t.cipher.hash(String(user.id)))).toBe(true);
  });
});
