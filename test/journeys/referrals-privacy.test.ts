import { describe, expect, it } from "vitest";
import { reencryptAll } from "../../src/privacy/rekey.js";
import { createCipher, newKey, parseKey } from "../../src/shared/crypto.js";
import { startInEnglish, TEST_KEY, TestBot } from "../support/harness.js";
import { cardOf, codeOf, databaseText, groupText, requestToHub, staffSetup } from "../support/referrals.js";

/** A person's request, claimed by Olena, who has asked them a question. */
async function claimedWithAQuestion() {
  const { t, hub, olena } = await staffSetup();
  const person = t.user({ languageCode: "en" });
  await startInEnglish(person);
  const code = await requestToHub(person);
  await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
  await hub.send(olena, "Are you safe?", { replyTo: cardOf(hub, code).id });
  return { t, hub, person, code };
}

describe("warm referrals: the person's control and privacy", () => {
  it("a reply to the staff reaches them even with a safety plan in progress", async () => {
    const { t, hub, person, code } = await claimedWithAQuestion();
    await person.send("/plan");
    await person.press("▶️ Make a plan");
    await person.send("/referral");
    await person.press(`📄 Request ${code}`);
    await person.press("↩️ Reply");
    await person.send("Yes, thank you");
    expect(hub.lastBotMessage?.text).toBe(`💬 ${code}, the person writes:\n\nYes, thank you`);
    expect(await t.prisma.conversationState.count()).toBe(1); // the plan still waits
  });

  it("quick exit ends a reply in progress: nothing typed afterwards goes to the staff", async () => {
    const { t, hub, person } = await claimedWithAQuestion();
    await person.press("↩️ Reply");
    await person.send("/exit");
    const before = hub.messages.length;
    await person.send("who are you talking to?");
    expect(hub.messages.length).toBe(before);
    expect(person.lastText).toContain("I am only a bot");
    // The session keeps the person's settings, not the flow.
    const row = await t.prisma.session.findUniqueOrThrow({ where: { key: String(person.id) } });
    expect(JSON.parse(t.cipher.decrypt(row.value))).toEqual({ locale: "en" });
  });

  it("the form started again from the menu or a command, mid-way, starts anew", async () => {
    const { t } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    await person.press("💬 Talk to a person");
    await person.press("🏠 A community safety hub near me");
    await person.send("/menu");
    await person.press("💬 Talk to a person");
    expect(person.lastText).toContain("Who should contact you?");
    await person.press("🏠 A community safety hub near me");
    await person.send("/referral");
    expect(person.lastText).toContain("Who should contact you?");
    expect(t.problems).toEqual([]);
  });

  it("stopping the form keeps nothing; cancelling acts only from its confirmation and tells the staff", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    await person.press("💬 Talk to a person");
    await person.press("🏠 A community safety hub near me");
    await person.press("Kyiv region");
    await person.press("Legal help");
    await person.press("✖️ Stop");
    expect(person.lastText).toBe("Stopped. Nothing was sent or kept.");
    expect(await t.prisma.referral.count()).toBe(0);
    expect(await t.prisma.conversationState.count()).toBe(0);

    // Cancel before anyone claims: a forged "yes" only shows the question.
    await person.press("☰ Menu");
    const code = await requestToHub(person);
    const status = person.lastBotMessage!;
    await person.pressData(`ref:cx:${code}`, status.id);
    expect(person.lastText).toContain(`Cancel request ${code}?`);
    expect((await t.prisma.referral.findFirstOrThrow({ where: { code } })).status).toBe("open");
    await person.press("No, keep it");
    await person.press("Cancel my request");
    await person.press("Yes, cancel it");
    expect(person.lastText).toContain("The request is cancelled.");
    expect(person.lastText).toContain("Status: cancelled by you.");
    expect(cardOf(hub, code).text).toContain("closed: cancelled by the person");
    expect(cardOf(hub, code).buttons).toBeUndefined();
    expect(hub.lastBotMessage?.text).toBe(`Referral ${code}: the person cancelled the request.`);

    // Cancel after a caseworker claimed it.
    await person.press("☰ Menu");
    const second = await requestToHub(person);
    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, second).id });
    await person.press("Cancel my request");
    await person.press("Yes, cancel it");
    expect(cardOf(hub, second).text).toContain("closed: cancelled by the person");
    // Nothing left to press for the caseworker.
    expect(cardOf(hub, second).buttons).toBeUndefined();
  });

  it("one open request per partner: a second one leads to the first", async () => {
    const { t } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    await person.press("☰ Menu");
    await person.press("💬 Talk to a person");
    expect(person.lastText).toContain("Your requests");
    await person.press("➕ New request");
    await person.press("🏠 A community safety hub near me");
    await person.press("Kyiv region");
    expect(person.lastText).toContain(`You already have an open request to them: ${code}.`);
    await person.press(`📄 Request ${code}`);
    expect(person.lastText).toContain(`Request ${code}`);
    expect(await t.prisma.referral.count()).toBe(1);
  });

  it("survives a restart mid-request and mid-relay", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    await person.press("💬 Talk to a person");
    await person.press("🏠 A community safety hub near me");
    await t.restart();
    await person.press("Kyiv region");
    await person.press("Legal help");
    await person.press("💬 Through this chat (anonymous)");
    await person.press("Skip");
    await person.press("✅ Send");
    const code = codeOf(person);
    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    await hub.send(olena, "Hello", { replyTo: cardOf(hub, code).id });
    await person.press("↩️ Reply");
    await t.restart();
    await person.send("I can talk after six");
    expect(hub.lastBotMessage?.text).toBe(`💬 ${code}, the person writes:\n\nI can talk after six`);
    await t.restart();
    await hub.send(olena, "Thank you, I will write at six", { replyTo: cardOf(hub, code).id });
    expect(person.lastText).toContain("Thank you, I will write at six");
  });

  it("quick exit erases the chat but keeps the request: help still comes", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    await person.send("/exit");
    expect(person.messages).toEqual([]);
    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    expect(person.lastText).toContain("Your request was accepted by Kyiv hub.");
    await person.send("/exit");
    expect(person.messages).toEqual([]);
  });

  it("/forget lists the request, withdraws it (staff told) and leaves nothing that points to the person", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en", firstName: "Oksana", username: "oksana_k" });
    await startInEnglish(person);
    await person.press("💬 Talk to a person");
    await person.press("🏠 A community safety hub near me");
    await person.press("Kyiv region");
    await person.press("Legal help");
    await person.press("📞 By phone");
    await person.send("067 765 43 21");
    await person.press("Any time");
    await person.press("Yes, a voicemail is safe");
    await person.send("Secret note about the flat");
    await person.press("✅ Send");
    const code = codeOf(person);
    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    expect(await databaseText(t)).toContain(String(person.id));

    await person.send("/forget");
    expect(person.lastText).toContain("• your requests to be contacted: 1, with what you chose to share");
    await person.press("🗑 Yes, delete my data");
    expect(hub.lastBotMessage?.text).toBe(`Referral ${code}: the person withdrew and deleted their data.`);
    const card = cardOf(hub, code);
    expect(card.text).toContain("closed: withdrawn by the person");
    expect(card.text).not.toContain("0677654321");
    expect(card.text).not.toContain("Secret note");
    const db = await databaseText(t);
    for (const secret of [String(person.id), "380677654321", "Secret note"]) expect(db).not.toContain(secret);
  });

  it("the retention purge deletes closed requests and strips their cards; counters stay", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person, "Note to be purged");
    const card = cardOf(hub, code);
    await hub.press(olena, "✋ Claim", { messageId: card.id });
    await hub.press(olena, "✔️ Close", { messageId: card.id });
    await hub.press(olena, "Could not reach", { messageId: card.id });
    expect(person.lastText).toContain("Status: closed by Kyiv hub: they could not reach you.");
    t.clock.advance(29 * 24 * 60);
    expect(await t.runJob("referral-purge")).toEqual({ purged: 0 });
    t.clock.advance(2 * 24 * 60);
    expect(await t.runJob("referral-purge")).toEqual({ purged: 1 });
    expect(cardOf(hub, code).text).toBe(`📋 Referral ${code}: closed; details deleted after 30 days.`);
    expect(await t.prisma.referral.count()).toBe(0);
    expect(await t.prisma.referralEvent.count()).toBe(0);
    const db = await databaseText(t);
    expect(db).not.toContain("Note to be purged");
    expect(db).not.toContain(code);
    const counts = await t.prisma.dailyCount.findMany({ where: { name: { startsWith: "referral." } } });
    expect(counts.map((c) => c.name)).toEqual(
      expect.arrayContaining(["referral.sent", "referral.outcome.unreachable", "referral.claim.under-15m", "referral.help.legal"]),
    );
  });

  it("no staff group ever sees the person's Telegram name, username or id", async () => {
    const { t, fallback, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en", firstName: "Oksana", username: "oksana_k" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    await hub.send(olena, "Hello", { replyTo: cardOf(hub, code).id });
    await person.press("↩️ Reply");
    await person.send("Hi from me");
    t.clock.advance(61);
    await t.runJob("referral-reminder");
    await t.runJob("referral-escalation");
    await person.send("/forget");
    await person.press("🗑 Yes, delete my data");
    for (const group of [hub, fallback]) {
      const text = groupText(t, group);
      for (const secret of ["Oksana", "oksana_k", String(person.id)]) expect(text).not.toContain(secret);
    }
    expect(groupText(t, hub)).toContain("Hi from me");
  });

  it("npm run rekey re-encrypts phones and notes", async () => {
    const { t } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    await requestToHub(person, "Rekeyed note");
    const next = createCipher(parseKey(newKey()), [TEST_KEY]);
    await reencryptAll(t.prisma, next);
    const row = await t.prisma.referral.findFirstOrThrow();
    expect(next.keyIdOf(row.note!)).toBe(next.keyId);
    expect(next.decrypt(row.note!)).toBe("Rekeyed note");
    expect(await databaseText(t)).not.toContain("Rekeyed note");
  });

  it("/forget also strips the phone and note from the cards of closed requests", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person, "Closed but private");
    const card = cardOf(hub, code);
    await hub.press(olena, "✋ Claim", { messageId: card.id });
    await hub.press(olena, "✔️ Close", { messageId: card.id });
    await hub.press(olena, "Resolved", { messageId: card.id });
    expect(cardOf(hub, code).text).toContain("Closed but private");
    await person.send("/forget");
    await person.press("🗑 Yes, delete my data");
    expect(cardOf(hub, code).text).not.toContain("Closed but private");
    expect(cardOf(hub, code).text).toContain("closed: resolved");
    expect(await databaseText(t)).not.toContain(String(person.id));
  });

  it("a partner group the bot can no longer write to: the card goes to the fallback group", async () => {
    const { t, fallback } = await staffSetup();
    await t.prisma.partner.updateMany({ data: { chatId: "-1009999999999" } });
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    expect(cardOf(fallback, code).text).toContain("To: Kyiv hub");
  });

  it("with no staff group at all, nothing is kept and the person is told where help is", async () => {
    const t = await TestBot.start();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    await person.press("💬 Talk to a person");
    await person.press("🏠 A community safety hub near me");
    expect(person.lastText).toContain("There is no such partner in the bot yet.");
    await person.press("⚡ Whoever can help fastest");
    await person.press("Something else");
    await person.press("💬 Through this chat (anonymous)");
    await person.press("Skip");
    await person.press("✅ Send");
    expect(person.lastText).toContain("Sorry, no one can take requests through the bot right now. Nothing was kept.");
    expect(person.lastText).toContain("102");
    expect(await t.prisma.referral.count()).toBe(0);
    expect(await t.prisma.conversationState.count()).toBe(0);
  });
});
