import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import type { PrismaClient } from "@prisma/client";
import { Bot, InlineKeyboard, session, type BotConfig, type BotError, type Context } from "grammy";
import { features } from "../features/index.js";
import { fallbackComposer } from "../features/fallback/index.js";
import { mainMenu } from "../features/menu/index.js";
import { isQuickExit } from "../features/quick-exit/index.js";
import type { Logger } from "../logger.js";
import { EraseSchedule } from "../privacy/auto-erase.js";
import { forgetChat } from "../privacy/forget.js";
import { MessageLog, type DeleteMessages } from "../privacy/messages.js";
import type { Clock } from "../shared/clock.js";
import type { Cipher } from "../shared/crypto.js";
import { Counters } from "../stats/counters.js";
import { hotlineVars } from "../shared/hotlines.js";
import { Route } from "../ui/routes.js";
import type { BotContext, SessionData } from "./context.js";
import { conversationLayer, conversationStore } from "./conversations.js";
import type { FeatureDeps } from "./feature.js";
import { createI18n, localeOf, rememberTranslations } from "./i18n.js";
import { cached, encrypted, writeOnlyChanges } from "./session-storage.js";
import { prismaKeyValueStore } from "./session-store.js";
import { botApiFetch } from "./http.js";
import { messageTracking } from "./track-messages.js";

export interface BotOptions {
  token: string;
  apiRoot?: string;
  prisma: PrismaClient;
  logger: Logger;
  cipher: Cipher;
  clock: Clock;
  org: FeatureDeps["org"];
  /** Left in the chat after quick exit. */
  exitText?: string;
  /**
   * Sessions kept in memory (at most this many), for long polling only: see
   * `cached` in session-storage.ts. Unset: every update reads the database.
   */
  sessionCache?: number;
  /** Per-person rate limit; RATE_LIMIT unless a test needs a faster person. */
  rateLimit?: { updates: number; windowMs: number };
  /** Skips getMe at start (tests and benchmarks). */
  botInfo?: BotConfig<BotContext>["botInfo"];
}

/** The update types the bot reacts to; everything else is not even fetched. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

/** Per person: this many updates in this window, then one kind warning and silence. */
export const RATE_LIMIT = { updates: 10, windowMs: 5_000 };

const chatKey = (ctx: Context) => ctx.chat?.id.toString();

/**
 * Builds the bot: message tracking, quick exit, rate limit, encrypted
 * sessions, i18n, every feature, the fallback and the error boundary. Also
 * returns the services the scheduler needs.
 */
export function createBot(opts: BotOptions) {
  const { logger, prisma, cipher, clock } = opts;
  const bot = new Bot<BotContext>(opts.token, {
    client: { apiRoot: opts.apiRoot, fetch: botApiFetch() as never },
    botInfo: opts.botInfo,
  });
  const i18n = createI18n(logger);
  const deleteMessages: DeleteMessages = (chatId, ids) =>
    bot.api.deleteMessages(Number(chatId), ids).catch((err) => logger.warn({ err: describeError(err) }, "delete failed"));
  const messages = new MessageLog(prisma, clock, deleteMessages);
  const schedule = new EraseSchedule(prisma, clock);
  const tracking = messageTracking(messages, clock);
  const counters = new Counters(prisma, clock);
  const conversations = conversationStore(prisma, cipher, opts.sessionCache);

  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  bot.api.config.use(tracking.outgoing);

  /** Translation without a session, for the layers before it. */
  const tr = (ctx: BotContext, key: string) => i18n.t(localeOf(ctx), key, hotlineVars);

  /** A failed update is logged (no message text) and the person gets a gentle answer. */
  const reportFailure = async ({ ctx, error }: BotError<BotContext>) => {
    logger.error({ update: ctx.update.update_id, err: describeError(error) }, "update failed");
    if (ctx.chat?.type !== "private") return;
    const keyboard = new InlineKeyboard()
      .text(tr(ctx, "btn-menu"), Route.menu)
      .row()
      .text(tr(ctx, "btn-sos"), Route.sos)
      .text(tr(ctx, "btn-exit"), Route.exit);
    await ctx.reply(tr(ctx, "error-text"), { parse_mode: "HTML", reply_markup: keyboard }).catch(() => {});
  };
  bot.catch(reportFailure);

  // One update per chat at a time, so a double tap cannot race itself.
  bot.use(sequentialize(chatKey));
  bot.use(async (ctx, next) => {
    const started = performance.now();
    await next();
    if (!logger.isLevelEnabled("debug")) return;
    const user = ctx.from && cipher.hash(String(ctx.from.id));
    logger.debug({ update: ctx.update.update_id, user, ms: +(performance.now() - started).toFixed(1) }, "update");
  });

  // Only private chats for now: staff groups get their own branch later.
  const chats = bot.errorBoundary(reportFailure).chatType("private");
  chats.use(tracking.incoming);

  const deps: FeatureDeps = {
    mainMenu: mainMenu(features.flatMap((f) => f.menu ?? [])),
    org: opts.org,
    counters,
    privacy: {
      messages,
      schedule,
      forget: (id) => forgetChat(prisma, id),
      exitText: opts.exitText,
      conversations,
      kept: async (ctx) => {
        const lines = await Promise.all(features.map((f) => f.kept?.(ctx, deps) ?? []));
        const active = specs.filter((s) => ctx.conversation.active(s.id) > 0).map((s) => ctx.t(s.kept));
        return [...lines.flat(), ...active];
      },
    },
    prisma,
    cipher,
  };
  const specs = features.flatMap((f) => f.conversations?.(deps) ?? []);
  for (const feature of features.filter((f) => f.early)) chats.use(feature.composer(deps));

  const rate = opts.rateLimit ?? RATE_LIMIT;
  chats.use(
    limit({
      timeFrame: rate.windowMs,
      limit: rate.updates,
      keyGenerator: (ctx: BotContext) => (isQuickExit(ctx) ? undefined : String(ctx.from?.id)),
      // Called once per window: one warning, never a reply per flooded update.
      onLimitExceeded: async (ctx: BotContext) => {
        await ctx.reply(tr(ctx, "rate-limit-text"), { parse_mode: "HTML" }).catch(() => {});
      },
    }),
  );
  const stored = encrypted<SessionData>(prismaKeyValueStore(prisma), cipher);
  chats.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      getSessionKey: chatKey,
      storage: writeOnlyChanges(opts.sessionCache ? cached(stored, opts.sessionCache) : stored),
    }),
  );
  chats.use(i18n, rememberTranslations());
  // Auto-erase counts from the person's last activity.
  chats.use(async (ctx, next) => {
    if (ctx.session.autoErase) await schedule.postpone(String(ctx.chat.id), ctx.session.autoErase);
    await next();
  });

  chats.use(conversationLayer({ store: conversations, i18n, outgoing: tracking.outgoing, specs }));
  for (const feature of features.filter((f) => !f.early)) chats.use(feature.composer(deps));
  chats.use(fallbackComposer(deps));
  return { bot, i18n, messages, schedule, counters, conversations };
}

/**
 * An error as logs may hold it: type and message, with long digit runs
 * (user ids, phone numbers) masked, since some libraries quote their input.
 */
export function describeError(error: unknown): { name: string; message?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  return { name: error.name, message: error.message.slice(0, 300).replace(/\d{5,}/g, "#") };
}
