import { describe, expect, it } from "vitest";
import { TestBot } from "../support/harness.js";
import { fakeService, loadServices } from "../support/services.js";

const SAFE_EN = "Is it safe for you to chat right now?";
const DAY = "2026-11-25";

async function bot() {
  const t = await TestBot.start();
  await loadServices(t, [fakeService("shelter-1"), fakeService("hub-test", { category: "hub", name_en: "Test hub (test)", name_uk: "Тестовий хаб (test)", takes_referrals: "yes" })]);
  return t;
}

describe("deep links from posters and QR codes", () => {
  it.each([
    ["svc_shelter-1", "Test shelter shelter-1 (test)"],
    ["hub_hub-test", "Test hub (test)"],
    ["rights", "A short guide to what Ukrainian law says"],
    ["help", "If you are in danger"],
  ])("%s: the safety question first, then the place it points to (en)", async (payload, expected) => {
    const t = await bot();
    const user = t.user({ languageCode: "en" });
    await user.send(`/start ${payload}`);
    expect(user.lastText).toContain(SAFE_EN);
    expect(user.buttons).toEqual(["Yes, it is safe", "No, not now", "🚪 Quick exit"]);
    await user.press("Yes, it is safe");
    expect(user.lastText).toContain(expected);
    expect(user.buttons).toContain("🚪 Quick exit");
    const counts = await t.services.counters.read(DAY, DAY, "deeplink.");
    const kind = payload.split("_")[0]!;
    expect(counts.map((c) => c.name)).toEqual([payload.includes("_") ? `deeplink.${kind}.${payload.slice(kind.length + 1)}` : `deeplink.${payload}`]);
  });

  it("first contact in Ukrainian: a hub's link opens its card, with the referral button; “No” still leads away", async () => {
    const t = await bot();
    const user = t.user({ languageCode: "uk" });
    await user.send("/start hub_hub-test");
    expect(user.lastText).toContain("Чи безпечно вам зараз переписуватися?");
    await user.press("Так, безпечно");
    expect(user.lastText).toContain("Тестовий хаб (test)\n🤝 Хаби безпеки громади");
    expect(user.buttons).toContain("🤝 Попросити, щоб зі мною зв’язалися");

    const other = t.user({ languageCode: "uk" });
    await other.send("/start svc_shelter-1");
    await other.press("Ні, не зараз");
    expect(other.lastText).toBe("Гаразд. Повертайтеся, коли буде зручно.");
  });

  it.each(["svc_gone-away", "hub_shelter-1", "svc_BAD!", "something-else"])(
    "a stale or unknown payload (%s) falls back to the normal start",
    async (payload) => {
      const t = await bot();
      const user = t.user({ languageCode: "en" });
      await user.send(`/start ${payload}`);
      expect(user.lastText).toContain(SAFE_EN);
      await user.press("Yes, it is safe");
      expect(user.lastText).toContain("Please choose your language.");
      expect((await t.services.counters.read(DAY, DAY, "deeplink.")).map((c) => [c.name, c.count])).toEqual([["deeplink.stale", 1]]);
    },
  );

  it("a link to a service removed since the poster was printed, pressed after the safety question, lands safely", async () => {
    const t = await bot();
    const user = t.user({ languageCode: "en" });
    await user.send("/start svc_shelter-1");
    await loadServices(t, []); // the next import no longer lists it
    await user.press("Yes, it is safe");
    expect(user.lastText).toContain("What kind of help do you need?");
    expect(user.callbackAnswers.at(-1)).toEqual({ text: "This entry is no longer in the directory." });
  });

  it("plan: answers without failing (the safety-plan feature takes the route when it lands)", async () => {
    const t = await bot();
    const user = t.user({ languageCode: "en" });
    await user.send("/start plan");
    await user.press("Yes, it is safe");
    expect(user.buttons).toContain("🚪 Quick exit");
    expect(t.problems).toEqual([]);
  });
});
