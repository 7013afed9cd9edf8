import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN } from "../../src/campaign/broadcasts.js";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { startInEnglish, TestBot } from "../support/harness.js";
import { cardOf, requestToHub, staffSetup } from "../support/referrals.js";

/** Turns 15-minute auto-erase on from the privacy screen. */
async function autoErase15(user: FakeUser): Promise<void> {
  await user.send("/privacy");
  await user.press("⏱ Auto-erase: off");
  await user.press("15 min");
}

/** The person goes idle for 16 minutes and the erase runs: the chat is empty. */
async function idleUntilErased(t: TestBot, user: FakeUser): Promise<void> {
  t.clock.advance(16);
  expect(await t.runJob("auto-erase")).toEqual({ erased: 1 });
  expect(user.messages).toEqual([]);
}

/** The ids the bot asked Telegram to delete in the person's chat. */
const deletedIn = (t: TestBot, user: FakeUser) =>
  t.fake.calls.filter((c) => c.method === "deleteMessages" && c.chatId === user.id).flatMap((c) => c.payload.message_ids as number[]);

/**
 * A message the bot sent while the person was idle, after an erase had run:
 * kept for the chosen 15 minutes from when it was sent, then deleted.
 */
async function erasedInItsTurn(t: TestBot, user: FakeUser, text: string): Promise<void> {
  const sent = user.messages.filter((m) => m.from === "bot");
  expect(sent.map((m) => m.text)).toEqual([expect.stringContaining(text)]);
  t.clock.advance(14);
  expect(await t.runJob("auto-erase")).toEqual({ erased: 0 });
  expect(user.messages).toEqual(sent);
  t.clock.advance(1);
  expect(await t.runJob("auto-erase")).toEqual({ erased: 1 });
  expect(deletedIn(t, user)).toContain(sent[0]!.id);
  expect(user.messages).toEqual([]);
  expect(await t.runJob("auto-erase")).toEqual({ erased: 0 });
}

describe("auto-erase covers what the bot sends while the person is idle", () => {
  it("a referral update and a staff message relayed after the erase ran are erased in their turn", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    await autoErase15(person);
    await idleUntilErased(t, person);

    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    await erasedInItsTurn(t, person, code);

    t.clock.advance(60);
    await hub.send(olena, "Are you safe?", { replyTo: cardOf(hub, code).id });
    await erasedInItsTurn(t, person, "Are you safe?");
    expect(t.problems).toEqual([]);
  });

  it("a 16 Days message sent from the outbox is erased the chosen time after it arrives", async () => {
    const t = await TestBot.start({ campaign: DEFAULT_CAMPAIGN });
    const user = t.user({ languageCode: "en" });
    await startInEnglish(user);
    await user.send("/subscribe");
    await t.drain(); // day 1 at once
    await autoErase15(user);
    await idleUntilErased(t, user);

    t.clock.advance(24 * 60); // the next day's send time
    await t.runJob("broadcasts");
    await t.drain();
    await erasedInItsTurn(t, user, "day 2 of 16");
  });

  it("a message sent shortly before the erase is due postpones it: nothing is erased early", async () => {
    const { t, hub, olena } = await staffSetup();
    const person = t.user({ languageCode: "en" });
    await startInEnglish(person);
    const code = await requestToHub(person);
    await autoErase15(person);
    t.clock.advance(10);
    await hub.press(olena, "✋ Claim", { messageId: cardOf(hub, code).id });
    t.clock.advance(6); // 16 minutes after the person's last action, 6 after the bot's
    expect(await t.runJob("auto-erase")).toEqual({ erased: 0 });
    expect(person.lastText).toContain(code);
    t.clock.advance(9);
    expect(await t.runJob("auto-erase")).toEqual({ erased: 1 });
    expect(person.messages).toEqual([]);
  });
});
