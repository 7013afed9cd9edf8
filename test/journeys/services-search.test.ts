import { describe, expect, it } from "vitest";
import { startInEnglish, TestBot } from "../support/harness.js";
import { KYIV, kyivRows, loadServices } from "../support/services.js";

describe("find help near me", () => {
  it("by location: nearest first, verified or not, national lines, keyboard removed (en)", async () => {
    const t = await TestBot.start();
    await loadServices(t, kyivRows);
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("📍 Find help near me");
    await user.press("🏠 Shelters");
    await user.press("📍 Share my location");
    expect(user.replyKeyboard?.rows.flat()).toEqual([
      { text: "📍 Send my location", requestLocation: true },
      { text: "✖️ Cancel" },
    ]);
    await user.pressKeyboard("📍 Send my location", KYIV);
    expect(user.replyKeyboard).toBeUndefined();
    const text = user.lastText!;
    console.log(text, user.buttons);
  });
});
