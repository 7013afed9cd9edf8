import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature } from "../../bot/feature.js";
import { Route } from "../../ui/routes.js";
import { show, withExit, type Screen } from "../../ui/screen.js";

/** The main menu: one button per working feature, in the given order. */
export function mainMenu(entries: { label: string; route: string }[]): (ctx: BotContext) => Screen {
  return (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const e of entries) keyboard.text(ctx.t(e.label), e.route).row();
    return { text: ctx.t("menu-text"), keyboard: withExit(ctx, keyboard) };
  };
}

export const menuFeature: Feature = {
  commands: [{ command: "menu", description: "cmd-menu" }],
  screens: (route) => route === Route.menu,
  composer({ mainMenu }) {
    const c = new Composer<BotContext>();
    c.command(["menu", "help"], (ctx) => show(ctx, mainMenu(ctx)));
    c.callbackQuery(Route.menu, (ctx) => show(ctx, mainMenu(ctx)));
    return c;
  },
};
