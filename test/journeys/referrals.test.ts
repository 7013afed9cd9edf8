import { describe, expect, it } from "vitest";
import { startInEnglish } from "../support/harness.js";
import { cardOf, codeOf, staffSetup } from "../support/referrals.js";

describe("warm referrals", () => {
  it("the whole path in English: request, card, claim, relay both ways, close", async () => {
    const { t, hub, olena } = await staffSetup();
    expect(hub.messages.map((m) => m.text)).toContain(
      "This group now receives referrals for Kyiv hub (community safety hub). Register caseworkers with /invite.\nPeople can ask Kyiv hub directly through this link: https://t.me/test_bot?start=ref_1",
    );
    expect(hub.lastBotMessage?.text).toBe("I sent the invite to you privately.");
    expect(olena.lastText).toBe("You are now a caseworker for Kyiv hub. You can claim referrals in its group.");

    const person = t.user({ languageCode: "en", firstName: "Oksana", username: "oksana_k" });
    await startInEnglish(person);
    await person.press("💬 Talk to a person");
    expect(person.lastText).toContain("Who should contact you?");
    expect(person.buttons).toContain("🆘 Emergency numbers");
    await person.press("🏠 A community safety hub near me");
    await person.press("Kyiv region");
    expect(person.lastText).toBe("What help do you need?");
    // 🆘 mid-form, then Back: the form where it was, its answers kept.
    await person.press("🆘 Emergency numbers");
    expect(person.lastText).toContain("102");
    await person.press("← Back");
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
    expect(person.lastText).toContain("🔔 An update\nYour request was accepted by Kyiv hub. They will contact you the way you chose.");

    await hub.send(olena, "Hello, I am Olena's colleague. Are you safe?", { replyTo: card.id });
    expect(person.lastText).toContain("Message from Kyiv hub (request");
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
    expect(person.lastText).toContain("Your request was closed by Kyiv hub.");
    // The status history, for the group's staff.
    await hub.send(olena, `/history ${code}`);
    expect(hub.lastBotMessage?.text).toBe(
      [
        `History of ${code}:`,
        "25.11, 11:00 — the person: sent the request",
        "25.11, 11:00 — Olena: claimed",
        "25.11, 11:00 — Olena: wrote to the person",
        "25.11, 11:00 — the person: wrote to the staff",
        "25.11, 11:00 — Olena: contacted the person",
        "25.11, 11:00 — Olena: closed: resolved",
      ].join("\n"),
    );
    // Every update to the person came silently and protected.
    const updates = t.fake.calls.filter((c) => c.method === "sendMessage" && c.chatId === person.id && String(c.payload.text).startsWith("🔔"));
    expect(updates.length).toBe(3);
    for (const u of updates) expect(u.payload).toMatchObject({ disable_notification: true, protect_content: true });
  });

  it("a partner's own link and a service card's button lead to that partner", async () => {
    const { t, admin, hub } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await person.send("/start ref_1");
    // A poster's link asks first whether it is safe to talk, as every first contact does.
    expect(person.lastText).toContain("Is it safe for you to chat right now?");
    await person.press("Yes, it is safe");
    await person.press("The service I came from");
    expect(person.lastText).toBe("What help do you need?");
    await person.press("Psychological support");
    await person.press("💬 Through this chat (anonymous)");
    await person.press("Skip");
    expect(person.lastText).toContain("It goes to: Kyiv hub");
    await person.press("✅ Send");
    expect(cardOf(hub, codeOf(person)).text).toContain("Help needed: Psychological support");

    // The directory's card carries `ref:svc:<service id>`; the hub is linked to that service.
    await t.prisma.service.create({ data: { id: "kyiv-hub", category: "hub", source: "test", nameUk: "Хаб безпеки громади, Київ", nameEn: "Community safety hub, Kyiv" } });
    await hub.send(admin, "/partner_add hub; Kyiv hub; Kyiv region; Kyiv; kyiv-hub");
    const other = t.user({ languageCode: "en" });
    await startInEnglish(other);
    await other.pressData("ref:svc:kyiv-hub", other.lastBotMessage!.id);
    await other.press("The service I came from");
    await other.press("Legal help");
    await other.press("💬 Through this chat (anonymous)");
    await other.press("Skip");
    await other.press("✅ Send");
    const card = cardOf(hub, codeOf(other));
    expect(card.text).toContain("Service asked for: Community safety hub, Kyiv"); // its name, in the card's language
    // A bad service id is refused like any old button.
    await other.pressData("ref:svc:BAD ID", other.lastBotMessage!.id);
    expect(other.buttons).toContain("💬 Talk to a person");
    expect(other.unansweredCallbacks).toBe(0);
  });
});
