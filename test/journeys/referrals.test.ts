import { describe, expect, it } from "vitest";
import { startInEnglish } from "../support/harness.js";
import { cardOf, codeOf, staffSetup } from "../support/referrals.js";

describe("warm referrals", () => {
  it("the whole path in English: request, card, claim, relay both ways, close", async () => {
    const { t, hub, olena } = await staffSetup();
    expect(hub.messages.map((m) => m.text)).toContain(
      "This group now receives referrals for Kyiv hub (community safety hub). Register caseworkers with /invite.",
    );
    expect(hub.lastBotMessage?.text).toBe("I sent the invite to you privately.");
    expect(olena.lastText).toBe("You are now a caseworker for Kyiv hub. You can claim referrals in its group.");

    const person = t.user({ languageCode: "en", firstName: "Oksana", username: "oksana_k" });
    await startInEnglish(person);
    await person.press("🤝 Talk to a person");
    expect(person.lastText).toContain("Who should contact you?");
    expect(person.buttons).toContain("🆘 Emergency numbers");
    await person.press("🏠 A community safety hub near me");
    await person.press("Kyiv region");
    expect(person.lastText).toBe("What help do you need?");
    await person.press("Legal help");
    await person.press("💬 Through this chat (anonymous)");
    await person.send("He took my <documents>");
    expect(person.lastText).toContain("It goes to: Kyiv hub, to their staff on Telegram.");
    expect(person.lastText).toContain("your note: “He took my <documents>”");
    expect(person.lastText).toContain("They will not see your Telegram name, username or account.");
    await person.press("✅ Send");
    const code = codeOf(person);
    expect(person.lastText).toContain("Status: waiting for a specialist.");

    const card = cardOf(hub, code);
    expect(card.text).toContain("Help needed: Legal help");
    expect(card.text).toContain("Note: He took my <documents>");
    expect(card.text).toContain("Status: 🟡 waiting, not claimed");
    await hub.press(olena, "✋ Claim", { messageId: card.id });
    expect(cardOf(hub, code).text).toContain("Status: 🔵 claimed by Olena");
    expect(person.lastText).toContain("🔔 An update\nKyiv hub has accepted your request");

    await hub.send(olena, "Hello, I am Olena's colleague. Are you safe?", { replyTo: card.id });
    expect(person.lastText).toContain("Kyiv hub writes (request");
    expect(person.lastText).toContain("Are you safe?");
    expect(hub.lastBotMessage?.text).toContain("Delivered");
    await person.press("↩️ Reply");
    await person.send("Yes, thank you");
    expect(hub.lastBotMessage?.text).toBe(`💬 ${code}, the person writes:\n\nYes, thank you`);
    expect(person.lastText).toContain("✅ Sent.");

    await hub.press(olena, "📞 Contacted", { messageId: card.id });
    await hub.press(olena, "✔️ Close", { messageId: card.id });
    await hub.press(olena, "Resolved", { messageId: card.id });
    expect(cardOf(hub, code).text).toContain("closed: resolved");
    expect(person.lastText).toContain("Kyiv hub has closed your request.");
    // Every update to the person came silently and protected.
    const updates = t.fake.calls.filter((c) => c.method === "sendMessage" && c.chatId === person.id && String(c.payload.text).startsWith("🔔"));
    expect(updates.length).toBe(3);
    for (const u of updates) expect(u.payload).toMatchObject({ disable_notification: true, protect_content: true });
  });
});
