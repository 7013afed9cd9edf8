import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { escapeHtml } from "../../shared/html.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show } from "../../ui/screen.js";

function aboutText(ctx: BotContext, { name, contact }: FeatureDeps["org"]): string {
  const lines = [name ? ctx.t("about-org", { name: escapeHtml(name) }) : ctx.t("about-org-unset")];
  if (contact) lines.push(ctx.t("about-contact", { contact: escapeHtml(contact) }));
  lines.push("", ctx.t("about-privacy"));
  return lines.join("\n");
}

/** Who runs the bot, what it keeps and what stays on the phone; must stay true of the code. */
export const aboutFeature: Feature = {
  menu: { label: "menu-about", route: Route.about },
  commands: [{ command: "privacy", description: "cmd-privacy" }],
  composer({ org }) {
    const c = new Composer<BotContext>();
    const about = (ctx: BotContext) => show(ctx, navScreen(ctx, aboutText(ctx, org), { self: Route.about }));
    c.command("privacy", about);
    c.callbackQuery(Route.about, about);
    return c;
  },
};
