import { Composer, InlineKeyboard } from "grammy";
import { LOCALES, type BotContext, type Locale } from "../../bot/context.js";
import type { Feature } from "../../bot/feature.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, type Screen } from "../../ui/screen.js";

const SET = `${Route.language}:set:`;

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

/** /start greets and asks the language; /language and the menu entry change it. */
export const startFeature: Feature = {
  menu: { label: "menu-language", route: Route.language },
  commands: [{ command: "language", description: "cmd-language" }],
  composer({ mainMenu }) {
    const c = new Composer<BotContext>();
    c.command("start", (ctx) => show(ctx, welcome(ctx)));
    c.command("language", (ctx) => show(ctx, languagePicker(ctx)));
    c.callbackQuery(Route.language, (ctx) => show(ctx, languagePicker(ctx)));
    c.callbackQuery(new RegExp(`^${SET}(${LOCALES.join("|")})$`), async (ctx) => {
      ctx.session.locale = ctx.match[1] as Locale;
      await ctx.i18n.renegotiateLocale();
      await show(ctx, mainMenu(ctx));
    });
    return c;
  },
};
