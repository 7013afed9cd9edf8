import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import { hotlineVars } from "../shared/hotlines.js";
import type { Logger } from "../logger.js";
import type { BotContext, Locale } from "./context.js";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** Telegram's language_code → our locale: Ukrainian for uk and ru, English otherwise. */
export function guessLocale(languageCode: string | undefined): Locale {
  const lang = languageCode?.toLowerCase().split("-")[0];
  return lang === "uk" || lang === "ru" ? "uk" : "en";
}

export function createI18n(logger: Logger): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: "uk",
    directory: LOCALES_DIR,
    // Isolation marks around variables would break phone numbers when copied.
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: { warningHandler: (w) => logger.warn({ key: w.path, locales: w.locales }, "missing translation") },
    localeNegotiator: (ctx) => (ctx.chat ? ctx.session.locale : undefined) ?? guessLocale(ctx.from?.language_code),
    // Phone numbers live in one data file; every text can use them as variables.
    globalTranslationContext: () => hotlineVars,
  });
}
