import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context, MiddlewareFn } from "grammy";
import { hotlineVars } from "../shared/hotlines.js";
import type { Logger } from "../logger.js";
import type { BotContext, Locale, SessionData } from "./context.js";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** Telegram's language_code → our locale: Ukrainian for uk and ru, English otherwise. */
export function guessLocale(languageCode: string | undefined): Locale {
  const lang = languageCode?.toLowerCase().split("-")[0];
  return lang === "uk" || lang === "ru" ? "uk" : "en";
}

/**
 * A context that may know the person's choice: from the session, or (inside a
 * conversation, where there is no session) from `chosenLocale`, which the
 * conversations layer fetches from the session via `external`.
 */
export type LocaleContext = Context & { session?: SessionData; chosenLocale?: Locale };

/**
 * The person's locale: their choice, else a guess. Changing it means changing
 * the session. Safe before sessions load (or when loading them failed).
 */
export function localeOf(ctx: LocaleContext): Locale {
  let chosen: Locale | undefined = ctx.chosenLocale;
  try {
    chosen ??= ctx.session?.locale; // throws where there is no session
  } catch {
    chosen = undefined;
  }
  return chosen ?? guessLocale(ctx.from?.language_code);
}

export function createI18n(logger: Logger): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: "uk",
    directory: LOCALES_DIR,
    // Isolation marks around variables would break phone numbers when copied.
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: { warningHandler: (w) => logger.warn({ key: w.path, locales: w.locales }, "missing translation") },
    localeNegotiator: localeOf,
    // Phone numbers live in one data file; every text can use them as variables.
    globalTranslationContext: () => hotlineVars,
  });
}

/**
 * Remembers texts that take no variables of their own, per locale. The i18n
 * plugin negotiates languages on every lookup and a screen makes a dozen;
 * such a text never changes while the bot runs (phone numbers are global).
 * Every text is rendered here in the locale it is remembered under: the one
 * the plugin negotiated for this update, followed through renegotiation. (The
 * person's session may be gone mid-update, after /forget; the locale stays.)
 */
export function rememberTranslations(i18n: I18n<BotContext>): MiddlewareFn<BotContext> {
  const texts = new Map<string, string>();
  return (ctx, next) => {
    let locale = localeOf(ctx); // the plugin's negotiator is localeOf, run just before
    const renegotiate = ctx.i18n.renegotiateLocale;
    ctx.i18n.renegotiateLocale = async () => {
      await renegotiate();
      locale = localeOf(ctx);
    };
    ctx.t = ctx.translate = (key, variables) => {
      if (variables) return i18n.t(locale, key, { ...hotlineVars, ...variables });
      const id = `${locale}:${key}`;
      let text = texts.get(id);
      if (text === undefined) texts.set(id, (text = i18n.t(locale, key, hotlineVars)));
      return text;
    };
    return next();
  };
}
