import { describe, expect, it } from "vitest";
import { databaseText, TEST_DATABASE } from "../support/db.js";
import { startInEnglish, TestBot } from "../support/harness.js";
import { fakeService, KYIV, kyivRows, loadServices } from "../support/services.js";

const LVIV = { latitude: 49.8397, longitude: 24.0297 };

async function englishSearch(t: TestBot, kind: string) {
  const user = t.user({ languageCode: "en" });
  await startInEnglish(user);
  await user.press("📍 Find help near me");
  await user.press(kind);
  return user;
}

/** The bot's list entries, one per service, as the person reads them. */
function entries(text: string): string[] {
  return text.split("\n\n").filter((block) => /^\d+\. /.test(block));
}

describe("find help near me", () => {
  it("a location asked for reaches the search even with a safety plan in progress", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("🛡 Safety plan");
    await user.press("▶️ Make a plan");
    await user.send("/services");
    await user.press("🏠 Shelters");
    await user.press("📍 Share my location");
    await user.pressKeyboard("📍 Send my location", KYIV);
    expect(entries(user.lastText!)[0]).toContain("Test shelter near-1 (test) · 0.6 km");
    expect(await t.prisma.conversationState.count()).toBe(1); // the plan still waits
    expect(t.problems).toEqual([]);
  });

  it("by location: nearest first with distances, unverified marked, national lines, keyboard removed (en)", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = await englishSearch(t, "🏠 Shelters");
    await user.press("📍 Share my location");
    expect(user.messages.at(-2)?.text).toContain("I use your location for this search only, do not store it");
    expect(user.replyKeyboard?.rows).toEqual([[{ text: "📍 Send my location", requestLocation: true }], [{ text: "✖️ Cancel" }]]);
    // Back instead of sharing: the location keyboard goes with the screen.
    await user.press("← Back", { messageId: user.messages.at(-2)!.id });
    expect(user.replyKeyboard).toBeUndefined();
    await user.press("📍 Share my location");
    await user.pressKeyboard("📍 Send my location", KYIV);

    expect(user.replyKeyboard).toBeUndefined();
    expect(user.messages.some((m) => m.from === "user" && m.raw.location)).toBe(false); // removed from the chat
    const list = entries(user.lastText!);
    expect(list.map((e) => e.split("\n")[0])).toEqual([
      "1. Test shelter near-1 (test) · 0.6 km",
      "2. Test shelter near-3 (test) · 3.3 km",
      "3. Test shelter near-4 (test) · 8.0 km",
      "4. Test shelter lviv-1 (test) · 467 km",
    ]);
    const unverified = "⚠️ Not verified: call before you go";
    expect(list.map((e) => e.includes(unverified))).toEqual([false, true, true, false]);
    expect(list[0]).toContain("⏰ 24/7 (test)\n📞 +000 00 000 00 01");
    expect(user.lastText).toMatch(/National lines\n1547 — Government hotline/);
    expect(user.buttons).toEqual([
      "1. Test shelter near-1 (test)", "2. Test shelter near-3 (test)", "3. Test shelter near-4 (test)",
      "4. Test shelter lviv-1 (test)", "← Back", "☰ Menu", "🆘 Emergency numbers", "🚪 Quick exit",
    ]);
    expect(t.problems).toEqual([]);
  });

  it("filters by kind and pages on with More", async () => {
    const t = await TestBot.start();
    const many = Array.from({ length: 7 }, (_, i) => fakeService(`p-${i}`, { latitude: (50.46 + i / 100).toFixed(3) }));
    await loadServices(t, [...kyivRows, ...many], false);
    const police = await englishSearch(t, "👮 Police");
    await police.press("📍 Share my location");
    await police.pressKeyboard("📍 Send my location", KYIV);
    expect(entries(police.lastText!).map((e) => e.split(" ·")[0])).toEqual(["1. Test police station (test)"]);

    const any = await englishSearch(t, "🔎 Any kind of help");
    await any.press("📍 Share my location");
    await any.pressKeyboard("📍 Send my location", KYIV);
    const name = (e: string) => e.split(" ·")[0]!.replace(/^\d+\. /, "");
    const first = entries(any.lastText!);
    expect(first).toHaveLength(5);
    await any.press("More →");
    const second = entries(any.lastText!);
    expect(second.map((e) => e.split(". ")[0])).toEqual(["6", "7", "8", "9", "10"]);
    await any.press("More →");
    const third = entries(any.lastText!);
    expect(third.map((e) => e.split(". ")[0])).toEqual(["11", "12"]);
    expect(any.buttons).not.toContain("More →");
    const all = [...first, ...second, ...third];
    expect(new Set(all.map(name)).size).toBe(12);
    const km = all.map((e) => Number(/· ([\d.]+) km/.exec(e)![1]));
    expect(km).toEqual([...km].sort((a, b) => a - b));
  });

  it("says when nothing is near, widens the search, and always gives the national lines", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = await englishSearch(t, "👮 Police");
    await user.press("📍 Share my location");
    await user.pressKeyboard("📍 Send my location", LVIV);
    expect(user.lastText).toMatch(/^Nothing within 50 km \(👮 Police\)\. The nearest further away:/);
    expect(entries(user.lastText!)[0]).toMatch(/^1\. Test police station \(test\) · 46\d km/);

    await user.press("← Back");
    await user.press("← Back");
    await user.press("🏥 Medical help");
    await user.press("📍 Share my location");
    await user.pressKeyboard("📍 Send my location", LVIV);
    expect(user.lastText).toContain("Nothing found yet (🏥 Medical help). The national lines can tell you where to turn.");
    expect(user.lastText).toContain("116 123, 0 800 500 335 — La Strada Ukraine national hotline");
  });

  it("still gives the two main national lines when an import left none in the directory", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows, false);
    const user = await englishSearch(t, "👮 Police");
    await user.press("📍 Share my location");
    await user.pressKeyboard("📍 Send my location", KYIV);
    expect(user.lastText).toContain("National lines\n1547 — government hotline on domestic violence: 24/7, free, anonymous\n116 123 — La Strada");
  });

  it("stores and logs the location nowhere: not the database file, not the session, not the logs", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = await englishSearch(t, "🔎 Any kind of help");
    await user.press("📍 Share my location");
    const at = { latitude: 50.4417, longitude: 30.5329 };
    await user.pressKeyboard("📍 Send my location", at);
    expect(entries(user.lastText!).length).toBe(5);
    await user.press("More →");
    if (TEST_DATABASE === "sqlite") await t.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint");
    const bytes = Buffer.from(await databaseText(t.dbUrl), "latin1");
    for (const n of [at.latitude, at.longitude, 50.442, 30.533]) {
      expect(bytes.includes(String(n)), String(n)).toBe(false);
      const double = Buffer.alloc(8);
      double.writeDoubleLE(n);
      expect(bytes.includes(double), `${n} as a number`).toBe(false);
    }
    const sessions = await t.prisma.session.findMany();
    for (const s of sessions) expect(t.cipher.decrypt(s.value)).not.toMatch(/50\.44|30\.53/);
    expect(JSON.stringify(t.logs)).not.toMatch(/50\.44|30\.53/);
  });

  it("by region (uk): oblast, city, the city's services, verified first; back leads up the path", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = t.user({ languageCode: "uk" });
    await user.send("/services");
    expect(user.lastText).toContain("Яка допомога вам потрібна?");
    await user.press("🏠 Притулки");
    expect(user.lastText).toContain("Геолокацію я використаю лише для цього пошуку й ніде не збережу.");
    await user.press("🗺 Обрати область і місто");
    // Only regions that have shelters, by their Ukrainian names.
    expect(user.buttons.slice(0, 2)).toEqual(["Львівська", "м. Київ"]);
    await user.press("м. Київ");
    expect(user.buttons[0]).toBe("Київ");
    await user.press("Київ");
    expect(user.lastText!.split("\n")[0]).toBe("🏠 Притулки: Київ");
    expect(entries(user.lastText!).map((e) => e.split("\n")[0])).toEqual([
      "1. Тестовий притулок near-1 (test)",
      "2. Тестовий притулок near-4 (test)",
      "3. Тестовий притулок near-3 (test)",
    ]);
    expect(entries(user.lastText!)[1]).toContain("⚠️ Не перевірено: зателефонуйте, перш ніж іти");
    expect(user.lastText).toContain("Національні лінії");
    await user.press("← Назад");
    expect(user.lastText).toContain("Оберіть місто.");
    await user.press("← Назад");
    expect(user.lastText).toContain("Оберіть область.");
  });

  it("cards: every detail, the other language where one is missing, the map, and the way to a referral", async () => {
    const t = await TestBot.start();
    await loadServices(t, [
      fakeService("uk-only", {
        name_en: "", hours_en: "", address_en: "", description_uk: "Лише українською (test).",
        takes_referrals: "yes", telegram: "@test_shelter_bot", accessibility_en: "Step-free entrance (test)",
      }),
    ]);
    const user = await englishSearch(t, "🏠 Shelters");
    await user.press("🗺 Choose region and city");
    await user.press("Kyiv city");
    await user.press("Kyiv");
    const list = user.lastBotMessage!.id;
    await user.press("1. Тестовий притулок uk-only (test)");
    const card = user.lastBotMessage!;
    expect(card.id).not.toBe(list); // the list stays above
    expect(card.text).toContain("Тестовий притулок uk-only (test)\n🏠 Shelters\n\nЛише українською (test).");
    expect(card.text).toContain("📍 вул. Тестова, 7\n⏰ Цілодобово (тест)\n📞 +000 00 000 00 01\n🌐 https://example.org/\n✈️ @test_shelter_bot\n♿ Step-free entrance (test)");
    expect(card.text).toContain("Source: test fixture. Checked: 2026-06-01.");
    expect(card.text).toContain("Some details are only available in Ukrainian.");
    expect(user.buttons.slice(0, 2)).toEqual(["🗺 Show on map", "🤝 Ask them to contact me"]);

    await user.press("🗺 Show on map");
    expect(user.lastBotMessage!.venue).toEqual({ latitude: 50.46, longitude: 30.52, title: "Тестовий притулок uk-only (test)", address: "вул. Тестова, 7" });
    await user.press("🤝 Ask them to contact me", { messageId: card.id });
    // The referrals feature takes over: its form starts with the service the person came from.
    expect(user.buttons[0]).toBe("The service I came from");
    expect(user.unansweredCallbacks).toBe(0);
  });

  it("a shipped hub: unverified, no address or phone, sends people to the national lines (uk)", async () => {
    const t = await TestBot.start();
    await loadServices(t, []);
    const user = t.user({ languageCode: "uk" });
    await user.send("/services");
    await user.press("🤝 Хаби безпеки громади");
    await user.press("📍 Надіслати геолокацію");
    await user.pressKeyboard("📍 Надіслати мою геолокацію", { latitude: 49.59, longitude: 34.55 });
    expect(entries(user.lastText!)[0]).toBe([
      "1. Хаб безпеки громади, Полтава · 0,2 км",
      "📍 Полтава, точна адреса не підтверджена",
      "⚠️ Не перевірено: зателефонуйте, перш ніж іти",
    ].join("\n"));
    await user.press("1. Хаб безпеки громади, Полтава");
    expect(user.lastText).toContain("Контакти ще не підтверджені. Дізнатися, як звернутися, допоможуть 1547 і 116 123");
    expect(t.problems).toEqual([]);
    expect(user.buttons).not.toContain("🗺 Показати на мапі");
  });

  it("cancel removes the keyboard; forged and stale buttons fall back to a safe screen", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = await englishSearch(t, "🏠 Shelters");
    await user.press("📍 Share my location");
    await user.pressKeyboard("✖️ Cancel");
    expect(user.replyKeyboard).toBeUndefined();
    expect(user.lastText).toContain("What kind of help do you need?");
    const screen = user.lastBotMessage!.id;
    await user.pressData("svc:s:no-such-service", screen);
    expect(user.callbackAnswers.at(-1)).toEqual({ text: "This entry is no longer in the directory." });
    expect(user.lastText).toContain("What kind of help do you need?");
    for (const forged of ["svc:n:any:1:95.000:30.000", "svc:o:any:atlantis", "svc:k:spa", "svc:c:any:kyiv:nowhere", "svc:m:no-such"]) {
      await user.pressData(forged, screen);
      expect(user.unansweredCallbacks).toBe(0);
      expect(user.buttons).toContain("🚪 Quick exit");
    }
    await user.pressData("svc:c:any:kyiv:nowhere", screen);
    expect(user.lastText).toContain("Choose a city.");
  });
});

describe("what the search keeps", () => {
  it("only the chosen kind while the location is awaited, listed by /forget, gone once the location arrives", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = await englishSearch(t, "🏠 Shelters");
    await user.press("📍 Share my location");
    await user.send("/forget");
    expect(user.lastText).toContain("the kind of help you chose before sharing a location");
    await user.send("/services");
    await user.press("🏠 Shelters");
    await user.press("📍 Share my location");
    await user.pressKeyboard("📍 Send my location", KYIV);
    await user.send("/forget");
    expect(user.lastText).not.toContain("the kind of help you chose");
  });
});

describe("long entries", () => {
  it("five services with the longest texts allowed still fit one message; the card shows them whole", async () => {
    const t = await TestBot.start();
    const long = (c: string) => c.repeat(400);
    const rows = Array.from({ length: 5 }, (_, i) =>
      fakeService(`long-${i}`, {
        name_en: `${"N".repeat(140)} ${i}`, address_en: long("a"), hours_en: long("h"), description_en: long("d"),
        serves_en: long("s"), accessibility_en: long("x"), phones: Array(8).fill("+000 00 000 00 01").join("; "),
        source: long("o"),
      }),
    );
    await loadServices(t, rows);
    const user = await englishSearch(t, "🏠 Shelters");
    await user.press("📍 Share my location");
    await user.pressKeyboard("📍 Send my location", KYIV);
    expect(entries(user.lastText!)).toHaveLength(5);
    await user.press(user.buttons[0]!);
    expect(user.lastText).toContain("h".repeat(400));
  });
});
