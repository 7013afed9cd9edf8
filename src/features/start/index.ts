import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import { LOCALES, type BotContext, type Locale } from "../../bot/context.js";
import type { Feature } from "../../bot/feature.js";
import { hotlineVars, type HotlineId } from "../../shared/hotlines.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, withExit, type Screen } from "../../ui/screen.js";

const SET = `${Route.language}:set:`;
const SAFE_YES = `${Route.safe}:yes`;
const SAFE_NO = `${Route.safe}:no`;
const SAFE_NUMBERS = `${Route.safe}:numbers`;
/** Shown bare when it is not safe to talk: numbers only, no words to explain them. */
const BARE_NUMBERS: HotlineId[] = ["police", "ambulance", "emergency", "govHotline", "laStrada"];

/**
 * Deep links to topics (posters, QR codes: `t.me/<bot>?start=rights`) and the
 * routes they open; services and hubs (`svc_<id>`, `hub_<id>`) are the
 * services feature's. `plan` belongs to the safety-plan feature.
 */
const TOPIC_LINKS: Record<string, string> = { rights: "rights", plan: "plan", help: Route.sos };

/**
 * First contact: before anything else, is it safe to talk now? "Yes" opens
 * `target` when the person came by a deep link, else the greeting.
 */
export function safetyQuestion(ctx: BotContext, target = SAFE_YES): Screen {
  const keyboard = new InlineKeyboard().text(ctx.t("safe-yes"), target).text(ctx.t("safe-no"), SAFE_NO).row();
  return { text: ctx.t("safe-question"), keyboard: withExit(ctx, keyboard) };
}

/** Not safe: one neutral line, the way out, and the numbers without explanation. */
function notSafe(ctx: BotContext): Screen {
  const keyboard = new InlineKeyboard().text(ctx.t("btn-numbers"), SAFE_NUMBERS).row();
  return { text: ctx.t("safe-no-text"), keyboard: withExit(ctx, keyboard) };
}

function bareNumbers(ctx: BotContext): Screen {
  const keyboard = new InlineKeyboard().text(ctx.t("btn-back"), SAFE_NO).row();
  return { text: BARE_NUMBERS.map((id) => hotlineVars[id]).join("\n"), keyboard: withExit(ctx, keyboard) };
}

/** Language buttons, each in its own language; the current one is ticked. */
function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const current = ctx.session.locale;
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) {
    const label = ctx.t(`language-${locale}`);
    keyboard.text(locale === current ? `✓ ${label}` : label, SET + locale);
  }
  return keyboard;
}

function welcome(ctx: BotContext): Screen {
  return navScreen(ctx, ctx.t("start-text"), { self: Route.language }, languageKeyboard(ctx));
}

function languagePicker(ctx: BotContext): Screen {
  return navScreen(ctx, ctx.t("language-text"), { self: Route.language }, languageKeyboard(ctx));
}

/**
 * /start asks whether it is safe to talk, then greets and asks the language;
 * /language and the menu entry change the language.
 */
export const startFeature: Feature = {
  menu: { label: "menu-language", route: Route.language },
  commands: [{ command: "language", description: "cmd-language" }],
  screens: (route) => route === Route.language,
  composer({ mainMenu, counters }) {
    const c = new Composer<BotContext>();
    c.command("start", async (ctx) => {
      const payload = ctx.match;
      const target = Object.hasOwn(TOPIC_LINKS, payload) ? TOPIC_LINKS[payload] : undefined;
      // Scans counted by payload; an unknown or stale one only as such, its text is not kept.
      if (payload) await counters.add(target ? `deeplink.${payload}` : "deeplink.stale");
      await show(ctx, safetyQuestion(ctx, target));
    });
    c.callbackQuery(SAFE_YES, (ctx) => show(ctx, welcome(ctx)));
    c.callbackQuery(SAFE_NO, (ctx) => show(ctx, notSafe(ctx)));
    c.callbackQuery(SAFE_NUMBERS, (ctx) => show(ctx, bareNumbers(ctx)));
    c.command("language", (ctx) => show(ctx, languagePicker(ctx)));
    c.callbackQuery(Route.language, (ctx) => show(ctx, languagePicker(ctx)));
    c.callbackQuery(new RegExp(`^${SET}(${LOCALES.join("|")})$`), async (ctx) => {
      // A person's first choice of language counts them once as someone who used the bot (anonymously).
      if (!ctx.session.locale) await counters.add("people.new");
      ctx.session.locale = ctx.match[1] as Locale;
      await ctx.i18n.renegotiateLocale();
      await show(ctx, mainMenu(ctx));
    });
    return c;
  },
};
