import type { Api } from "grammy";
import type { Feature } from "./feature.js";

/**
 * Registers the command list in both languages: Ukrainian for people whose
 * Telegram speaks Ukrainian or Russian, English for everyone else. Staff
 * commands are listed only in the admins' own chats.
 */
export async function registerCommands(
  api: Api,
  i18n: { t(locale: string, key: string): string },
  features: Feature[],
  { adminIds = [], signal }: { adminIds?: number[]; signal?: AbortSignal } = {},
): Promise<void> {
  const list = (locale: string, staff = false) =>
    features
      .flatMap((f) => [...(f.commands ?? []), ...(staff ? (f.staffCommands ?? []) : [])])
      .map((c) => ({ command: c.command, description: i18n.t(locale, c.description) }));
  // grammY types the signal with its abort-controller shim; Node's own is what it gets at run time.
  const abort = signal as Parameters<Api["setMyCommands"]>[2];
  const both = async (other?: { scope: { type: "chat"; chat_id: number } }) => {
    const staff = other !== undefined;
    await api.setMyCommands(list("en", staff), { ...other }, abort);
    await api.setMyCommands(list("uk", staff), { ...other, language_code: "uk" }, abort);
    await api.setMyCommands(list("uk", staff), { ...other, language_code: "ru" }, abort);
  };
  await both();
  // A chat scope replaces the default list in that chat.
  for (const chat_id of adminIds) await both({ scope: { type: "chat", chat_id } });
}
