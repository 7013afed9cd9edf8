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
): Promise<void> {
  const list = (locale: string) =>
    features.flatMap((f) => f.commands ?? []).map((c) => ({ command: c.command, description: i18n.t(locale, c.description) }));
  await api.setMyCommands(list("en"));
  await api.setMyCommands(list("uk"), { language_code: "uk" });
  await api.setMyCommands(list("uk"), { language_code: "ru" });
}
