import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature } from "../../bot/feature.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show } from "../../ui/screen.js";

/** `sos` or `sos:<route to go back to>`; the same for `lines`. */
const SOS = new RegExp(`^${Route.sos}(?::(.+))?$`);
const LINES = new RegExp(`^${Route.lines}(?::(.+))?$`);

function withOrigin(route: string, from: string | undefined): string {
  return from ? `${route}:${from}` : route;
}

/**
 * Emergency numbers, one tap from every screen and by /sos. Short on purpose:
 * numbers and one line each on when to call; other support lines one tap further.
 */
export const emergencyFeature: Feature = {
  menu: { label: "menu-sos", route: Route.sos },
  commands: [{ command: "sos", description: "cmd-sos" }],
  composer() {
    const c = new Composer<BotContext>();
    const emergency = (ctx: BotContext, from?: string) =>
      show(
        ctx,
        navScreen(
          ctx,
          ctx.t("sos-text"),
          { back: from },
          new InlineKeyboard().text(ctx.t("btn-more-lines"), withOrigin(Route.lines, from)),
        ),
      );
    c.command("sos", (ctx) => emergency(ctx));
    c.callbackQuery(SOS, (ctx) => emergency(ctx, ctx.match[1]));
    c.callbackQuery(LINES, (ctx) =>
      show(ctx, navScreen(ctx, ctx.t("lines-text"), { back: withOrigin(Route.sos, ctx.match[1]) })),
    );
    return c;
  },
};
