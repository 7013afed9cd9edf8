import { autoRetry } from "@grammyjs/auto-retry";
import type { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import { PrismaAdapter } from "@grammyjs/storage-prisma";
import type { PrismaClient } from "@prisma/client";
import { Bot, InlineKeyboard, session, type BotConfig, type BotError, type Context } from "grammy";
import { features } from "../features/index.js";
import { fallbackComposer } from "../features/fallback/index.js";
import { mainMenu } from "../features/menu/index.js";
import type { Logger } from "../logger.js";
import { hotlineVars } from "../shared/hotlines.js";
import { Route } from "../ui/routes.js";
import type { BotContext, Locale, SessionData } from "./context.js";
import type { FeatureDeps } from "./feature.js";
import { createI18n, guessLocale } from "./i18n.js";
import { writeOnlyChanges } from "./session-storage.js";

export interface BotOptions {
  token: string;
  apiRoot?: string;
  prisma: PrismaClient;
  logger: Logger;
  org: FeatureDeps["org"];
  /** Skips getMe at start (tests and benchmarks). */
  botInfo?: BotConfig<BotContext>["botInfo"];
}

/** The update types the bot reacts to; everything else is not even fetched. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

const chatKey = (ctx: Context) => ctx.chat?.id.toString();

function chosenLocale(ctx: BotContext): Locale | undefined {
  try {
    return ctx.session.locale;
  } catch {
    return undefined;
  }
}

/** Builds the bot: middleware, every feature, the fallback and the error boundary. */
export function createBot(opts: BotOptions): { bot: Bot<BotContext>; i18n: I18n<BotContext> } {
  const { logger } = opts;
  const bot = new Bot<BotContext>(opts.token, { client: { apiRoot: opts.apiRoot }, botInfo: opts.botInfo });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const i18n = createI18n(logger);

  // One update per chat at a time, so a double tap cannot race itself.
  bot.use(sequentialize(chatKey));
  bot.use(async (ctx, next) => {
    const started = performance.now();
    await next();
    logger.debug({ update: ctx.update.update_id, ms: +(performance.now() - started).toFixed(1) }, "update");
  });

  /** A failed update is logged (no message text) and the person gets a gentle answer. */
  const reportFailure = async ({ ctx, error }: BotError<BotContext>) => {
    const err = error instanceof Error ? { name: error.name, message: error.message } : { name: typeof error };
    logger.error({ update: ctx.update.update_id, err }, "update failed");
    if (ctx.chat?.type !== "private") return;
    // Session or i18n may be what failed, so translate without them.
    const locale = chosenLocale(ctx) ?? guessLocale(ctx.from?.language_code);
    const t = (key: string) => i18n.t(locale, key, hotlineVars);
    const keyboard = new InlineKeyboard().text(t("btn-menu"), Route.menu).row().text(t("btn-sos"), Route.sos);
    await ctx.reply(t("error-text"), { parse_mode: "HTML", reply_markup: keyboard }).catch(() => {});
  };
  bot.catch(reportFailure);

  // Only private chats for now: staff groups get their own branch later.
  const chats = bot.errorBoundary(reportFailure).chatType("private");
  chats.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      getSessionKey: chatKey,
      storage: writeOnlyChanges(new PrismaAdapter<SessionData>(opts.prisma.session)),
    }),
  );
  chats.use(i18n);

  const deps: FeatureDeps = { mainMenu: mainMenu(features.flatMap((f) => f.menu ?? [])), org: opts.org };
  for (const feature of features) chats.use(feature.composer(deps));
  chats.use(fallbackComposer(deps));

  return { bot, i18n };
}
