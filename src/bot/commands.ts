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
  signal?: AbortSignal,
): Promise<void> {
  const list = (locale: string) =>
    features.flatMap((f) => f.commands ?? []).map((c) => ({ command: c.command, description: i18n.t(locale, c.description) }));
  // grammY types the signal with its abort-controller shim; Node's own is what it gets at run time.
  const abort = signal as Parameters<Api["setMyCommands"]>[2];
  await api.setMyCommands(list("en"), {}, abort);
  await api.setMyCommands(list("uk"), { language_code: "uk" }, abort);
  await api.setMyCommands(list("uk"), { language_code: "ru" }, abort);
}
