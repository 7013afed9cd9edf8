import { tableRows } from "../support/db.js";
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { createLogger } from "../../src/logger.js";
import { startInEnglish } from "../support/harness.js";
import { cardOf, codeOf, invite, requestToHub, staffSetup } from "../support/referrals.js";
import { TestBot } from "../support/harness.js";

describe("warm referrals: staff groups", () => {
  it("the Ukrainian path by phone: a bad number, then the contact button; the card goes to the fallback group", async () => {
    const { t, admin, fallback, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "uk", firstName: "Марія", username: "maria_k" });
    await person.send("/start");
    await person.press("Так, безпечно");
    await person.press("Українська");
    await person.send("/referral");
    await person.press("⚡ Хто зможе допомогти найшвидше");
    await person.press("Безпека і прихисток");
    await person.press("📞 Телефоном");
    expect(person.messages.at(-2)?.text).toContain("Напишіть свій український номер");
    // Back from the phone step closes the share keyboard; forward again.
    await person.press("← Назад", { messageId: person.messages.at(-2)!.id });
    expect(t.fake.calls.filter((c) => c.payload.reply_markup?.remove_keyboard).length).toBe(1);
    await person.press("📞 Телефоном");
    await person.send("12345");
    expect(person.lastText).toContain("Це не схоже на український номер.");
    await person.sendContact("+380 67 123 45 67");
    expect(person.messages.map((m) => m.text)).toContain("Номер записано: +380671234567");
    await person.press("Увечері (17:00–21:00)");
    await person.press("Ні, без голосових");
    await person.press("Пропустити");
    expect(person.lastText).toContain("Кому: чергова команда, їхнім фахівцям у Telegram.");
    expect(person.lastText).toContain("ваш телефон +380671234567, дзвонити: Увечері (17:00–21:00)");
    await person.press("✅ Надіслати");
    const code = codeOf(person);
    expect(person.lastText).toContain("Стан: чекає на фахівця.");

    const card = cardOf(fallback, code);
    expect(card.text).toContain("Зв’язок: телефон +380671234567, Увечері (17:00–21:00)");
    expect(card.text).toContain("Голосове: НЕ можна");
    expect(hub.messages.some((m) => m.text.includes(code))).toBe(false);
    // In the fallback group a hub caseworker may not act; an admin may.
    fallback.add(olena);
    await fallback.press(olena, "✋ Взяти", { messageId: card.id });
    expect(olena.callbackAnswers.at(-1)).toEqual({ text: "У вас немає повноважень на дії з цим зверненням.", show_alert: true });
    await fallback.press(admin, "✋ Взяти", { messageId: card.id });
    expect(cardOf(fallback, code).text).toContain("Стан: 🔵 взяв(-ла) Admin");
    expect(person.lastText).toContain("🔔 Є новини\nВаш запит прийнято (чергова команда).");
    // A phone request has no anonymous chat.
    await fallback.send(admin, "/reply " + code + " hello");
    expect(fallback.lastBotMessage?.text).toBe(`Для ${code} людина просила дзвінок, а не повідомлення.`);
  });

  it("an outsider's press is refused privately and changes nothing; only the holder may act", async () => {
    const { t, hub, olena, taras, outsider } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    const card = cardOf(hub, code);
    const before = card.text;
    const messagesBefore = hub.messages.length;
    await hub.press(outsider, "✋ Claim", { messageId: card.id });
    expect(outsider.callbackAnswers.at(-1)).toEqual({ text: "You are not authorised to act on this referral.", show_alert: true });
    expect(cardOf(hub, code).text).toBe(before);
    expect(hub.messages.length).toBe(messagesBefore);

    await hub.press(olena, "✋ Claim", { messageId: card.id });
    await hub.press(taras, "✔️ Close", { messageId: card.id });
    expect(taras.callbackAnswers.at(-1)).toEqual({ text: "Only Olena, who holds it, can do that.", show_alert: true });
    // A forged close by someone not holding it does nothing either.
    const id = (await t.prisma.referral.findFirstOrThrow({ where: { code } })).id;
    await hub.pressData(taras, `rc:resolved:${id}`, card.id);
    expect((await t.prisma.referral.findFirstOrThrow({ where: { code } })).status).toBe("claimed");
    await hub.send(taras, `/reply ${code} hi`);
    expect(hub.lastBotMessage?.text).toBe(`Only the caseworker who claimed ${code} can write to the person.`);
    await hub.send(olena, `/reply ${code} We can talk whenever you are ready.`);
    expect(person.lastText).toContain("We can talk whenever you are ready.");
    // Release puts it back for anyone.
    await hub.press(olena, "↩️ Release", { messageId: card.id });
    expect(cardOf(hub, code).text).toContain("Status: 🟡 waiting, not claimed");
    expect(person.lastText).toContain("Your request is waiting for a specialist again.");
    // Forged or stale card buttons, and chatter the bot never receives in privacy mode.
    await hub.pressData(outsider, "rc:claim:999999", card.id);
    expect(outsider.callbackAnswers.at(-1)?.text).toBe("This referral no longer exists.");
    await hub.pressData(olena, "rc:explode:1", card.id);
    const before2 = hub.messages.length;
    await hub.send(outsider, "does anyone know the code?");
    expect(hub.messages.length).toBe(before2 + 1);
    expect(hub.lastBotMessage?.text).not.toContain("does anyone");
    for (const u of [olena, taras, outsider]) expect(u.unansweredCallbacks).toBe(0);
  });

  it("two caseworkers claim at once on two bot instances: exactly one wins", async () => {
    const { t, hub, olena, taras } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    const card = cardOf(hub, code);

    // A second instance on the same database, as behind a load balancer. (It shares
    // the connection: two SQLite connections in one process block each other's
    // writes; the race between the instances' handlers is the same.)
    const second = createBot({
      token: t.fake.token,
      apiRoot: t.fake.apiRoot,
      prisma: t.prisma,
      logger: createLogger("silent"),
      cipher: t.cipher,
      clock: t.clock,
      org: {},
      admins: [],
      referrals: { staffChatId: String(-1001000000001) },
      botInfo: t.fake.me,
    });
    const first = t.fake.deliver!;
    let n = 0;
    t.fake.deliver = (u) => (n++ % 2 === 0 ? first(u) : second.bot.handleUpdate(u));
    await Promise.all([hub.press(olena, "✋ Claim", { messageId: card.id }), hub.press(taras, "✋ Claim", { messageId: card.id })]);
    t.fake.deliver = first;

    const row = await t.prisma.referral.findFirstOrThrow({ where: { code } });
    expect(row.status).toBe("claimed");
    const winner = row.holderName === "Olena" ? olena : taras;
    const loser = winner === olena ? taras : olena;
    expect(winner.callbackAnswers.at(-1)?.text).toBe(`You have claimed ${code}.`);
    expect(loser.callbackAnswers.at(-1)).toEqual({ text: `${winner.from.first_name} claimed it first.`, show_alert: true });
    expect(await t.prisma.referralEvent.count({ where: { referralId: row.id, action: "claimed" } })).toBe(1);
    expect(person.messages.filter((m) => m.text.includes("Your request was accepted by")).length).toBe(1);
  });

  it("reminds after 15 minutes and escalates after 60, once each, telling the person honestly", async () => {
    const { t, admin, fallback, hub } = await staffSetup({ metrics: true });
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    t.clock.advance(14);
    expect(await t.runJob("referral-reminder")).toEqual({ reminded: 0 });
    t.clock.advance(1);
    expect(await t.runJob("referral-reminder")).toEqual({ reminded: 1 });
    expect(await t.runJob("referral-reminder")).toEqual({ reminded: 0 });
    expect(hub.lastBotMessage?.text).toBe(`⏰ Referral ${code} has waited 15 minutes. Who can take it?`);
    expect(hub.lastBotMessage?.raw.reply_to_message?.message_id).toBe(cardOf(hub, code).id);

    t.clock.advance(45);
    expect(await t.runJob("referral-escalation")).toEqual({ escalated: 1 });
    expect(await t.runJob("referral-escalation")).toEqual({ escalated: 0 });
    const escalated = cardOf(fallback, code);
    expect(cardOf(hub, code).text).toContain("escalated to the fallback group");
    expect(person.lastText).toContain("No one has taken your request in 60 minutes");
    expect(person.lastText).toContain("102");
    // An admin in the fallback group takes it; both cards show it.
    await fallback.press(admin, "✋ Claim", { messageId: escalated.id });
    expect(cardOf(hub, code).text).toContain("claimed by Admin");
    expect(cardOf(fallback, code).text).toContain("claimed by Admin");
    expect(await t.prisma.dailyCount.findMany({ where: { name: "referral.escalated" } })).toMatchObject([{ count: 1 }]);
    // The time to claim, for Prometheus: one claim, an hour after sending.
    const metrics = await t.metrics!.registry.metrics();
    expect(metrics).toMatch(/^bot_referral_time_to_claim_seconds_bucket\{le="1800"\} 0$/m);
    expect(metrics).toMatch(/^bot_referral_time_to_claim_seconds_bucket\{le="3600"\} 1$/m);
    expect(metrics).toMatch(/^bot_referral_time_to_claim_seconds_count 1$/m);
  });

  it("a hub's basic group becomes a supergroup: its partner, caseworkers and active cards follow the new id", async () => {
    const { t, admin, fallback } = await staffSetup();
    const olga = t.user({ firstName: "Olga", languageCode: "en" });
    const basic = t.fake.group("Lviv hub staff", { basic: true }).add(admin, olga);
    await basic.send(admin, "/partner_add hub; Lviv hub; Lviv region; Lviv");
    await invite(basic, admin, olga);
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person, "Evenings only", "Lviv region");
    cardOf(basic, code);

    const group = await basic.upgrade(admin);
    expect(group.lastBotMessage?.text).toBe("This group is now a supergroup. Referral cards keep coming here; the active ones (1) are posted again below.");
    // The card posted again works: the caseworker claims it there.
    await group.press(olga, "✋ Claim", { messageId: cardOf(group, code).id });
    expect(cardOf(group, code).text).toContain("claimed by Olga");
    expect(person.lastText).toContain("Your request was accepted by Lviv hub.");
    // A new request goes to the new group, not to the fallback group.
    const other = t.user({ languageCode: "en" });
    await startInEnglish(other);
    const next = await requestToHub(other, "Call me", "Lviv region");
    cardOf(group, next);
    expect(fallback.messages.some((m) => m.text.includes(next))).toBe(false);
    expect(group.messages.filter((m) => m.text.startsWith("This group is now a supergroup"))).toHaveLength(1); // told once, though Telegram tells both chats
  });

  it("the fallback group becomes a supergroup: its admins are told the new STAFF_CHAT_ID to set", async () => {
    const t = await TestBot.start({ referrals: { staffChatId: "-4000000001" } });
    const admin = t.user({ languageCode: "en" });
    const duty = t.fake.group("Duty team", { basic: true }).add(admin);
    expect(String(duty.id)).toBe("-4000000001");
    const group = await duty.upgrade(admin);
    expect(group.messages.filter((m) => m.from === "bot").map((m) => m.text)).toEqual([
      `Резервна група стала супергрупою й отримала новий id. Звернення знову надходитимуть сюди, щойно адміністратор задасть STAFF_CHAT_ID=${group.id} і перезапустить бота.`,
    ]);
  });

  it("an admin links a group only as admin; invites are single-use", async () => {
    const { t, admin, hub, outsider } = await staffSetup();
    await hub.send(outsider, "/partner_add police; Fake unit");
    expect(hub.lastBotMessage?.text).toBe("Only the bot’s admins can do that.");
    await hub.send(outsider, "/invite");
    expect(hub.lastBotMessage?.text).toBe("Only the bot’s admins can do that.");
    await hub.send(admin, "/partner_add wizard; Kyiv hub");
    expect(hub.lastBotMessage?.text).toContain("Usage: /partner_add kind; name; region; city; service id");
    await hub.send(admin, "/invite");
    const token = /\/join (\S+)/.exec(admin.lastText ?? "")![1]!;
    await outsider.send(`/join ${token}`);
    expect(outsider.lastText).toContain("You are now a caseworker for");
    const late = t.user({ languageCode: "en" });
    await late.send(`/join ${token}`);
    expect(late.lastText).toContain("This invite is not valid");
    // Only the hash of a token is stored.
    const dump = JSON.stringify((await tableRows(t.dbUrl)).CaseworkerInvite);
    expect(dump).not.toContain(token);
  });
});
