import type { Api } from "grammy";
import type { Feature } from "./feature.js";

/**
 * Registers the command list in both languages: Ukrainian for people whose
 * Telegram speaks Ukrainian or Russian, English for everyone else.
 */
export async function registerCommands(
  api: Api,
  i18n: { t(locale: string, key: string): string },
  features: Feature[],
  adminIds: number[] = [],
): Promise<void> {
  const list = (locale: string, staff = false) =>
    features
      .flatMap((f) => [...(f.commands ?? []), ...(staff ? (f.staffCommands ?? []) : [])])
      .map((c) => ({ command: c.command, description: i18n.t(locale, c.description) }));
  await api.setMyCommands(list("en"));
  await api.setMyCommands(list("uk"), { language_code: "uk" });
  await api.setMyCommands(list("uk"), { language_code: "ru" });
  // Staff commands only in the admins' own chats (a chat scope replaces the default list there).
  for (const chat_id of adminIds) {
    const scope = { type: "chat" as const, chat_id };
    await api.setMyCommands(list("en", true), { scope });
    await api.setMyCommands(list("uk", true), { scope, language_code: "uk" });
    await api.setMyCommands(list("uk", true), { scope, language_code: "ru" });
  }
}
