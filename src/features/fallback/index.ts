import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { FeatureDeps } from "../../bot/feature.js";
import { show } from "../../ui/screen.js";

/**
 * The last word on anything no feature handled: old buttons, free text,
 * stickers, media, unknown commands, edited messages. Always a short kind
 * answer and the menu; the message itself is neither read nor kept.
 */
export function fallbackComposer({ mainMenu }: FeatureDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("callback_query", (ctx) => show(ctx, mainMenu(ctx), ctx.t("fallback-expired")));
  c.on(["message", "edited_message"], (ctx) => {
    const command = ctx.msg.entities?.[0]?.type === "bot_command" && ctx.msg.entities[0].offset === 0;
    const { keyboard } = mainMenu(ctx);
    return show(ctx, { text: ctx.t(command ? "fallback-command" : "fallback-message"), keyboard });
  });
  return c;
}
