import { tableRows } from "./db.js";
import type { FakeGroup, FakeUser } from "../../src/fake-telegram/index.js";
import { TestBot, type TestBotOptions } from "./harness.js";

export const ADMIN_ID = 7_000_000_001;
/** The fake gives groups ids from this one down; the first group made is the fallback group. */
const FIRST_GROUP_ID = -1001000000001;

export interface StaffSetup {
  t: TestBot;
  admin: FakeUser;
  fallback: FakeGroup;
  hub: FakeGroup;
  /** Caseworkers of the hub. */
  olena: FakeUser;
  taras: FakeUser;
  /** A member of the hub's group who is not a caseworker. */
  outsider: FakeUser;
}

/** Invites a caseworker from a group: the admin gets the link privately, the caseworker redeems it. */
export async function invite(group: FakeGroup, admin: FakeUser, caseworker: FakeUser, via: "link" | "command" = "link"): Promise<void> {
  await group.send(admin, "/invite");
  const token = /\/join (\S+)/.exec(admin.lastText ?? "")?.[1];
  if (!token) throw new Error(`no invite in ${admin.lastText}`);
  await caseworker.send(via === "link" ? `/start cw_${token}` : `/join ${token}`);
}

/**
 * A bot with a fallback group and a Kyiv hub linked to its own group, two
 * caseworkers registered there (by link and by command) and an outsider.
 */
export async function staffSetup(opts: TestBotOptions = {}): Promise<StaffSetup> {
  const t = await TestBot.start({ admins: [ADMIN_ID], ...opts, referrals: { staffChatId: String(FIRST_GROUP_ID), ...opts.referrals } });
  const admin = t.fake.user({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
  const olena = t.user({ firstName: "Olena", languageCode: "en" });
  const taras = t.user({ firstName: "Taras", languageCode: "uk" });
  const outsider = t.user({ firstName: "Outsider" });
  const fallback = t.fake.group("Duty team").add(admin);
  if (fallback.id !== FIRST_GROUP_ID) throw new Error("the fallback group must be the first group");
  const hub = t.fake.group("Kyiv hub staff").add(admin, olena, taras, outsider);
  await admin.send("/menu"); // a private chat, for invites
  await hub.send(admin, "/partner_add hub; Kyiv hub; Kyiv region; Kyiv");
  await invite(hub, admin, olena, "link");
  await invite(hub, admin, taras, "command");
  return { t, admin, fallback, hub, olena, taras, outsider };
}

/** The card of a referral in a group, by its code. */
export function cardOf(group: FakeGroup, code: string) {
  const card = group.messages.find((m) => m.from === "bot" && m.text.startsWith(`📋`) && m.text.includes(code));
  if (!card) throw new Error(`no card ${code} in group ${group.id}`);
  return card;
}

/** The reference code the person was given. */
export function codeOf(person: FakeUser): string {
  const code = /(?:code is|Код вашого запиту —) ([A-Z0-9]{6})/.exec(person.messages.map((m) => m.text).join("\n"))?.[1];
  if (!code) throw new Error("no reference code in the chat");
  return code;
}

/** An English-speaking person asks the Kyiv hub (or the region's) for legal help through the anonymous chat, with a note. */
export async function requestToHub(person: FakeUser, note = "He took my documents", region = "Kyiv region"): Promise<string> {
  await person.press("💬 Talk to a person");
  await person.press("🏠 A community safety hub near me");
  await person.press(region);
  await person.press("Legal help");
  await person.press("💬 Through this chat (anonymous)");
  await person.send(note);
  await person.press("✅ Send");
  return codeOf(person);
}

/** Every row of every table (the whole schema, new tables too) as one text, to search for personal data. */
export async function databaseText(t: TestBot): Promise<string> {
  return JSON.stringify(await tableRows(t.dbUrl));
}

/** Everything the bot ever sent or showed in a group: texts, HTML and the calls' payloads. */
export function groupText(t: TestBot, group: FakeGroup): string {
  const calls = t.fake.calls.filter((c) => Number(c.payload.chat_id) === group.id);
  return JSON.stringify([group.messages.map((m) => m.raw), calls.map((c) => c.payload)]);
}
