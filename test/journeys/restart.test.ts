import { describe, expect, it } from "vitest";
import { startInEnglish, TestBot } from "../support/harness.js";

describe("a restart in the middle of a journey", () => {
  it("keeps the language and every button of the open screen working", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.press("⚖️ My rights");
    await user.press("Restrictive order (court)");
    expect(user.lastText).toContain("(1/2)");

    await t.restart();

    await user.press("Next →");
    expect(user.lastText).toContain("Restrictive order (court) (2/2)");
    await user.press("← Back");
    expect(user.lastText).toContain("Choose a topic");
    await user.send("/menu");
    expect(user.lastText).toContain("How can I help?");
  });
});
