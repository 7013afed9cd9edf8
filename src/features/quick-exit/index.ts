import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { Route } from "../../ui/routes.js";

/**
 * Quick exit (`/exit` and the 🚪 button on every screen): deletes every
 * message of the chat Telegram still allows, both sides, and leaves at most
 * one neutral message. A conversation in progress (a plan being made) ends:
 * its stored state is deleted. It runs before sessions and rate limits, so it is
 * fast and always works, even for someone tapping in a hurry.
 */
export const quickExitFeature: Feature = {
  early: true,
  commands: [{ command: "exit", description: "cmd-exit" }],
  composer: quickExitComposer,
};

function quickExitComposer({ privacy }: FeatureDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const exit = async (ctx: BotContext) => {
    const chatId = String(ctx.chat!.id);
    await privacy.endFlows(chatId);
    await privacy.messages.erase(chatId);
    if (privacy.exitText) await ctx.api.sendMessage(chatId, privacy.exitText);
  };
  c.command("exit", exit);
  c.callbackQuery(Route.exit, async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => {});
    await exit(ctx);
  });
  return c;
}

/** Quick exit is never rate limited: true for its updates. */
export function isQuickExit(ctx: BotContext): boolean {
  return ctx.callbackQuery?.data === Route.exit || /^\/exit(@\w+)?(\s|$)/.test(ctx.message?.text ?? "");
}
