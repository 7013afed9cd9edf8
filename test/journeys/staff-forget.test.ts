import { describe, expect, it } from "vitest";
import { startInEnglish } from "../support/harness.js";
import { cardOf, databaseText, requestToHub, staffSetup } from "../support/referrals.js";

describe("a caseworker's own /forget", () => {
  it("lists their access, then ends it: held requests go back to the queue, and their name and id leave the database", async () => {
    const { t, hub, olena, taras } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    await hub.send(olena, "Are you safe?", { replyTo: cardOf(hub, code).id });
    const someoneElse = t.user({ languageCode: "en" });
    await startInEnglish(someoneElse);
    const other = await requestToHub(someoneElse);
    await hub.press(taras, "✋ Claim", { messageId: cardOf(hub, other).id });

    await olena.send("/forget");
    expect(olena.lastText).toContain(
      "• your staff access (Kyiv hub): your Telegram ID, and your first name in the history of the requests you acted on. " +
        "Deleting ends this access: the requests you hold go back to the queue, and your name there becomes “a former team member”.",
    );
    await olena.press("🗑 Yes, delete my data");
    expect(olena.lastText).toContain("the bot keeps nothing about you any more");

    const dump = await databaseText(t);
    expect(dump).not.toContain(String(olena.id));
    expect(dump).not.toContain("Olena");
    expect(dump).toContain(String(taras.id)); // the other caseworker keeps their access and their request
    expect((await t.prisma.referral.findFirstOrThrow({ where: { code } })).status).toBe("open");
    expect(person.lastText).toContain("Your request is waiting for a specialist again.");
    expect(cardOf(hub, code).text).toContain("waiting, not claimed");

    await hub.send(taras, `/history ${code}`);
    const history = hub.lastBotMessage!.text;
    expect(history).toContain("a former team member: claimed");
    expect(history).toContain("a former team member: wrote to the person");
    expect(history).toContain("a former team member: released");
    expect(history).not.toContain("Olena");

    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    expect(olena.callbackAnswers.at(-1)?.text).toBe("You are not authorised to act on this referral.");
    expect(t.problems).toEqual([]);
  });

  it("speaks Ukrainian to a Ukrainian caseworker, and names the fallback group", async () => {
    const { t, admin, fallback, taras } = await staffSetup();
    await fallback.send(admin, "/invite");
    const token = /\/join (\S+)/.exec(admin.lastText ?? "")![1];
    await taras.send(`/join ${token}`);
    await taras.send("/forget");
    expect(taras.lastText).toContain(
      "• ваш доступ фахівця (Kyiv hub, резервна група): ваш ID у Telegram і ваше ім’я в історії запитів, з якими ви працювали. " +
        "Після видалення доступ припиниться: запити, які ви ведете, повернуться в чергу, а замість вашого імені там буде «колишній член команди».",
    );
    await taras.press("🗑 Так, видалити мої дані");
    expect(await t.prisma.caseworker.count({ where: { userId: String(taras.id) } })).toBe(0);
  });
});
