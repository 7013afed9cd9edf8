import type { Api } from "grammy";
import type { BotCommandScope } from "grammy/types";
import type { Feature } from "./feature.js";

/**
 * Registers the command list in both languages: Ukrainian for people whose
 * Telegram speaks Ukrainian or Russian, English for everyone else. Staff
 * commands are listed only in the admins' own chats; groups (staff groups)
 * get their own list.
 */
export async function registerCommands(
  api: Api,
  i18n: { t(locale: string, key: string): string },
  features: Feature[],
  { adminIds = [], signal }: { adminIds?: number[]; signal?: AbortSignal } = {},
): Promise<void> {
  type Pick = (f: Feature) => { command: string; description: string }[];
  const people: Pick = (f) => f.commands ?? [];
  const staff: Pick = (f) => [...people(f), ...(f.staffCommands ?? [])];
  const groups: Pick = (f) => f.groupCommands ?? [];
  // grammY types the signal with its abort-controller shim; Node's own is what it gets at run time.
  const abort = signal as Parameters<Api["setMyCommands"]>[2];
  const both = async (pick: Pick, scope?: BotCommandScope) => {
    const list = (locale: string) => features.flatMap(pick).map((c) => ({ command: c.command, description: i18n.t(locale, c.description) }));
    const other = scope && { scope };
    await api.setMyCommands(list("en"), { ...other }, abort);
    await api.setMyCommands(list("uk"), { ...other, language_code: "uk" }, abort);
    await api.setMyCommands(list("uk"), { ...other, language_code: "ru" }, abort);
  };
  await both(people);
  // A narrower scope replaces the default list: in staff groups, and in each admin's chat.
  await both(groups, { type: "all_group_chats" });
  for (const chat_id of adminIds) await both(staff, { type: "chat", chat_id });
}
