import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature } from "../../bot/feature.js";
import { Route, withArg } from "../../ui/routes.js";
import { navScreen, show } from "../../ui/screen.js";

/** `sos` or `sos:<route to go back to>`; the same for `lines`. */
const SOS = new RegExp(`^${Route.sos}(?::(.+))?$`);
const LINES = new RegExp(`^${Route.lines}(?::(.+))?$`);


/**
 * Emergency numbers, one tap from every screen and by /sos. Short on purpose:
 * numbers and one line each on when to call; other support lines one tap further.
 */
export const emergencyFeature: Feature = {
  menu: { label: "menu-sos", route: Route.sos },
  commands: [{ command: "sos", description: "cmd-sos" }],
  composer({ isScreen }) {
    const c = new Composer<BotContext>();
    // Where "Back" leads: only a known screen that changes nothing; anything else has no way back.
    const origin = (from: string | undefined) => (from && isScreen(from) ? from : undefined);
    const emergency = (ctx: BotContext, from?: string) =>
      show(
        ctx,
        navScreen(
          ctx,
          ctx.t("sos-text"),
          { back: from },
          new InlineKeyboard().text(ctx.t("btn-more-lines"), withArg(Route.lines, from)),
        ),
      );
    c.command("sos", (ctx) => emergency(ctx));
    c.callbackQuery(SOS, (ctx) => emergency(ctx, origin(ctx.match[1])));
    c.callbackQuery(LINES, (ctx) =>
      show(ctx, navScreen(ctx, ctx.t("lines-text"), { back: withArg(Route.sos, origin(ctx.match[1])) })),
    );
    return c;
  },
};
