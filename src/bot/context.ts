import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";

export const LOCALES = ["uk", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Everything the bot keeps per chat. Keep it minimal: "About & privacy" lists it. */
export interface SessionData {
  /** The language the person chose; unset until they choose. */
  locale?: Locale;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor;
