import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { startInEnglish } from "../support/harness.js";
import { cardOf, codeOf, databaseText, staffSetup } from "../support/referrals.js";
import { fakeService, KYIV, kyivRows, loadServices } from "../support/services.js";

const ODESA = { latitude: 46.4825, longitude: 30.7233 };

/**
 * Besides the Kyiv hub of `staffSetup` (region only, no directory service):
 * a Podil hub and a Lviv hub linked to directory services with a place, and
 * a police unit linked to none.
 */
async function setup() {
  const s = await staffSetup();
  const { t, admin } = s;
  await loadServices(t, [
    ...kyivRows,
    fakeService("hub-podil", { category: "hub", latitude: "50.465", longitude: "30.515", name_en: "Podil hub (test)" }),
    fakeService("hub-lviv", { category: "hub", oblast: "lviv", city_uk: "Львів", city_en: "Lviv", latitude: "49.84", longitude: "24.03" }),
  ]);
  const podil = t.fake.group("Podil hub staff").add(admin);
  await podil.send(admin, "/partner_add hub; Podil hub; Kyiv region; Kyiv; hub-podil");
  const lviv = t.fake.group("Lviv hub staff").add(admin);
  await lviv.send(admin, "/partner_add hub; Lviv hub; Lviv region; Lviv; hub-lviv");
  const police = t.fake.group("Kyiv police staff").add(admin);
  await police.send(admin, "/partner_add police; Kyiv police unit; Kyiv region; Kyiv");
  return { ...s, podil, lviv, police };
}

/** The text of the newest screen with buttons (a closed reply keyboard leaves a "✓" below it). */
const screenText = (person: FakeUser) => person.messages.filter((m) => m.from === "bot" && m.buttons).at(-1)?.text;

async function toHubs(person: FakeUser, uk = false): Promise<void> {
  await person.send("/start");
  await person.press(uk ? "Так, безпечно" : "Yes, it is safe");
  await person.press(uk ? "Українська" : "English");
  await person.press(uk ? "💬 Поговорити з людиною" : "💬 Talk to a person");
  await person.press(uk ? "🏠 Найближчий центр безпеки громади" : "🏠 A community safety hub near me");
}

describe("warm referrals: the nearest partner by location", () => {
  it("finds the nearest hub by its directory service, removes the keyboard and the location, and sends there (en)", async () => {
    const { t, podil } = await setup();
    const person = t.user({ languageCode: "en" });
    await toHubs(person);
    expect(person.lastText).toContain("Or share your location, and I will find the one nearest to you.");
    expect(person.buttons.slice(0, 3)).toEqual(["📍 Share my location", "Kyiv region", "Lviv region"]);
    await person.press("📍 Share my location");
    expect(person.messages.at(-2)?.text).toContain("I use it only to find the one nearest to you, remove it from the chat and do not keep it.");
    expect(person.replyKeyboard?.rows).toEqual([[{ text: "📍 Send my location", requestLocation: true }], [{ text: "🗺 Choose the region instead" }]]);
    await person.pressKeyboard("📍 Send my location", KYIV);

    expect(person.replyKeyboard).toBeUndefined();
    expect(person.messages.some((m) => m.from === "user" && m.raw.location)).toBe(false);
    expect(person.messages.at(-2)?.text).toBe("Thank you. Your location was used and removed from the chat; I do not keep it.");
    expect(person.lastText).toBe("The community safety hub nearest to you: Podil hub (Kyiv).");
    expect(person.buttons.slice(0, 4)).toEqual(["✅ Ask them to contact me", "⚡ Whoever can help fastest", "🗺 Choose the region instead", "✖️ Stop"]);
    await person.press("✅ Ask them to contact me");
    expect(person.lastText).toBe("What help do you need?");
    // Back leads to the regions, not to the location again.
    await person.press("← Back");
    expect(person.lastText).toContain("Which region are you in?");
    await person.press("📍 Share my location");
    await person.pressKeyboard("📍 Send my location", KYIV);
    await person.press("✅ Ask them to contact me");
    await person.press("Legal help");
    await person.press("💬 Through this chat (anonymous)");
    await person.press("Skip");
    expect(person.lastText).toContain("It goes to: Podil hub,");
    await person.press("✅ Send");
    expect(cardOf(podil, codeOf(person)).text).toContain("Help needed: Legal help");
    expect(await t.prisma.dailyCount.findFirst({ where: { name: "referral.location" } })).toMatchObject({ count: 2 });
    expect(t.problems).toEqual([]);
  });

  it("says honestly when nothing is near and offers whoever can help fastest (uk)", async () => {
    const { t } = await setup();
    const person = t.user({ languageCode: "uk" });
    await toHubs(person, true);
    expect(person.lastText).toContain("Або надішліть геолокацію, і я знайду, хто найближче до вас.");
    await person.press("📍 Надіслати геолокацію");
    await person.pressKeyboard("📍 Надіслати мою геолокацію", ODESA);
    expect(person.lastText).toBe(
      "У межах 50 км від вас нікого немає. Найближчий відомий мені центр безпеки громади: Podil hub (Kyiv).\n\n" +
        "Можете все одно звернутися до них або до тих, хто зможе допомогти найшвидше, — нашої чергової команди.",
    );
    await person.press("⚡ Хто зможе допомогти найшвидше");
    expect(person.lastText).toBe("Яка допомога вам потрібна?");
    await person.press("Правова допомога");
    await person.press("💬 Через цей чат (анонімно)");
    await person.press("Пропустити");
    expect(person.lastText).toContain("чергова команда");
    expect(t.problems).toEqual([]);
  });

  it("falls back to the region: no location offered when no partner of the kind has a place, or when the places went", async () => {
    const { t, police } = await setup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    await person.press("💬 Talk to a person");
    await person.press("👮 Police near me");
    expect(person.lastText).toContain("Which region are you in?");
    expect(person.lastText).not.toContain("share your location");
    expect(person.buttons).not.toContain("📍 Share my location");
    await person.press("Kyiv region");
    expect(person.lastText).toBe("What help do you need?");
    await person.press("Legal help");
    await person.press("💬 Through this chat (anonymous)");
    await person.press("Skip");
    await person.press("✅ Send");
    expect(cardOf(police, codeOf(person)).text).toContain("Legal help");

    // The places are gone between the offer and the location: said so, and the regions are one tap away.
    const other = t.user({ languageCode: "en" });
    await toHubs(other);
    await other.press("📍 Share my location");
    await t.prisma.service.updateMany({ where: { category: "hub" }, data: { latitude: null, longitude: null } });
    await other.pressKeyboard("📍 Send my location", KYIV);
    expect(other.lastText).toBe("I cannot find them by location yet. Please choose your region, or ask whoever can help fastest: our duty team.");
    expect(other.buttons).not.toContain("✅ Ask them to contact me");
    await other.press("🗺 Choose the region instead");
    await other.press("Kyiv region");
    expect(other.lastText).toBe("Choose who should contact you:");
    expect(other.buttons.slice(0, 2)).toEqual(["Kyiv hub", "Podil hub"]);
  });

  it("choosing the region instead removes the keyboard; a location sent after that is not used", async () => {
    const { t } = await setup();
    const person = t.user({ languageCode: "en" });
    await toHubs(person);
    // Leaving by an inline button closes it.
    await person.press("📍 Share my location");
    expect(person.replyKeyboard).toBeDefined();
    await person.press("← Back");
    expect(person.replyKeyboard).toBeUndefined();
    expect(person.lastText).toBe("✓");
    expect(screenText(person)).toContain("Which region are you in?");

    await person.press("📍 Share my location");
    await person.pressKeyboard("🗺 Choose the region instead");
    expect(person.replyKeyboard).toBeUndefined();
    expect(person.lastText).toContain("Which region are you in?");
    expect(person.buttons[0]).toBe("📍 Share my location");
    await person.sendLocation(KYIV.latitude, KYIV.longitude);
    expect(person.lastText).not.toContain("nearest to you");
    expect(person.buttons).not.toContain("✅ Ask them to contact me");
    expect(t.problems).toEqual([]);
  });

  it("a restart while the location is awaited loses nothing", async () => {
    const { t } = await setup();
    const person = t.user({ languageCode: "en" });
    await toHubs(person);
    await person.press("📍 Share my location");
    await t.restart();
    await person.pressKeyboard("📍 Send my location", KYIV);
    expect(person.lastText).toBe("The community safety hub nearest to you: Podil hub (Kyiv).");
    await person.press("✅ Ask them to contact me");
    expect(person.lastText).toBe("What help do you need?");
  });

  it("a location for the directory's search while a form is open goes to the search, not into the form", async () => {
    const { t } = await setup();
    const person = t.user({ languageCode: "en" });
    await toHubs(person);
    await person.press("Kyiv region");
    await person.press("Kyiv hub");
    expect(person.lastText).toBe("What help do you need?");
    const form = person.lastBotMessage!.id;
    await person.send("/services");
    await person.press("👮 Police");
    await person.press("📍 Share my location");
    await person.pressKeyboard("📍 Send my location", KYIV);
    expect(person.lastText).toMatch(/^Nearest to you: 👮 Police\n\n1\. Test police station \(test\)/);
    // The form still waits where it was.
    await person.press("Legal help", { messageId: form });
    expect(person.messages.find((m) => m.id === form)?.text).toContain("How should they contact you?");
    expect(t.problems).toEqual([]);
  });

  it("keeps the location nowhere: database file and -wal, conversation state, session, request, logs", async () => {
    const { t } = await setup();
    const person = t.user({ languageCode: "en" });
    const at = { latitude: 50.4417, longitude: 30.5329 };
    // As typed or rounded; the directory's own places (e.g. 30.53) are not the person's.
    const pattern = /50\.44[12]|30\.53[23]/;
    const check = async () => {
      // SQLite: the file's bytes, as a number too (on PostgreSQL every row is checked as text below).
      if (t.dbUrl.startsWith("file:")) {
        const file = t.dbUrl.slice("file:".length);
        const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
        for (const n of [at.latitude, at.longitude]) {
          expect(bytes.includes(String(n)), String(n)).toBe(false);
          const double = Buffer.alloc(8);
          double.writeDoubleLE(n);
          expect(bytes.includes(double), `${n} as a number`).toBe(false);
        }
      }
      const states = await t.prisma.conversationState.findMany();
      const sessions = await t.prisma.session.findMany();
      for (const row of [...states, ...sessions]) expect(t.cipher.decrypt(row.value)).not.toMatch(pattern);
      expect(await databaseText(t)).not.toMatch(pattern);
      expect(JSON.stringify(t.logs)).not.toMatch(pattern);
    };
    await toHubs(person);
    await person.press("📍 Share my location");
    await person.pressKeyboard("📍 Send my location", at);
    expect(person.lastText).toContain("Podil hub");
    // While the form is in progress, its state holds only the partner's id.
    expect(await t.prisma.conversationState.count()).toBe(1);
    await check();
    await person.press("✅ Ask them to contact me");
    await person.press("Legal help");
    await check();
    await person.press("💬 Through this chat (anonymous)");
    await person.press("Skip");
    await person.press("✅ Send");
    await check();
  });
});
