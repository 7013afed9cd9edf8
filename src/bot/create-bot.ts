import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import type { PrismaClient } from "@prisma/client";
import { Bot, InlineKeyboard, session, type BotConfig, type BotError, type ChatTypeContext, type Context, type MiddlewareFn } from "grammy";
import { campaignServices, type CampaignOptions } from "../features/campaign/services.js";
import { features } from "../features/index.js";
import { fallbackComposer } from "../features/fallback/index.js";
import { mainMenu } from "../features/menu/index.js";
import { isQuickExit } from "../features/quick-exit/index.js";
import type { Logger } from "../logger.js";
import type { BotMetrics } from "../server/metrics.js";
import { EraseSchedule } from "../privacy/auto-erase.js";
import { forgetChat } from "../privacy/forget.js";
import { MessageLog, type DeleteMessages } from "../privacy/messages.js";
import type { Clock } from "../shared/clock.js";
import type { Cipher } from "../shared/crypto.js";
import { Counters } from "../stats/counters.js";
import { hotlines, hotlineVars } from "../shared/hotlines.js";
import { Route } from "../ui/routes.js";
import { Composer } from "./composer.js";
import { FLOW_FIELDS, type BotContext, type SessionData } from "./context.js";
import { conversationLayer, conversationStore } from "./conversations.js";
import type { FeatureDeps, ReferralSettings } from "./feature.js";
import { createI18n, localeOf, rememberTranslations } from "./i18n.js";
import { cached, encrypted, writeOnlyChanges } from "./session-storage.js";
import { prismaKeyValueStore } from "./session-store.js";
import { botApiFetch } from "./http.js";
import { messageTracking } from "./track-messages.js";

export interface BotOptions extends CampaignOptions {
  token: string;
  apiRoot?: string;
  prisma: PrismaClient;
  logger: Logger;
  cipher: Cipher;
  clock: Clock;
  org: FeatureDeps["org"];
  /** Telegram user ids of the campaign staff (ADMIN_IDS). */
  admins?: number[];
  referrals?: Partial<ReferralSettings>;
  /** Left in the chat after quick exit. */
  exitText?: string;
  /**
   * Sessions kept in memory (at most this many), for long polling only: see
   * `cached` in session-storage.ts. Unset: every update reads the database.
   */
  sessionCache?: number;
  /**
   * Where the rate limit counts (a Redis client, e.g. ioredis, with REDIS_URL):
   * shared by every instance. Unset: in this process's memory.
   */
  rateLimitStore?: RateLimitStore;
  /** The outbox's rate shared by the fleet (REDIS_URL): one place is taken before each send. */
  sharedSendRate?: () => Promise<void>;
  /** Per-person rate limit; RATE_LIMIT unless a test needs a faster person. */
  rateLimit?: { updates: number; windowMs: number };
  /** Prometheus metrics (src/server/metrics.ts); unset, nothing is measured. */
  metrics?: BotMetrics;
  /**
   * Runs each update while holding its chat's lock across instances
   * (src/server/chat-lock.ts), so two instances never work on one chat's
   * session or conversation at once. Unset: one process (sequentialize suffices).
   */
  chatLock?: (key: string, work: () => Promise<void>) => Promise<void>;
  /** Skips getMe at start (tests and benchmarks). */
  botInfo?: BotConfig<BotContext>["botInfo"];
}

/** The two Redis commands the rate limiter uses (@grammyjs/ratelimiter's Redis store). */
export interface RateLimitStore {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

/** The update types the bot reacts to; everything else is not even fetched. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

/** Per person: this many updates in this window, then one kind warning and silence. */
export const RATE_LIMIT = { updates: 10, windowMs: 5_000 };

const chatKey = (ctx: Context) => ctx.chat?.id.toString();

/** The numbers as plain text, for notices that cannot hold HTML. */
const plainNumbers = Object.fromEntries(Object.entries(hotlines).map(([id, h]) => [id, h.number]));

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
  const tracking = messageTracking(messages, clock, (err) =>
    logger.error({ err: describeError(err) }, "message tracking failed; the answer stands"),
  );
  const counters = new Counters(prisma, clock);
  const { days, broadcasts, outbox, render } = campaignServices({
    ...opts,
    counters,
    i18n,
    tracked: tracking.sent,
    botApi: bot.api,
    metrics: opts.metrics,
    sharedRate: opts.sharedSendRate,
    opts,
  });
  const conversations = conversationStore(prisma, cipher, opts.sessionCache);
  const stored = encrypted<SessionData>(prismaKeyValueStore(prisma), cipher);
  const sessions = writeOnlyChanges(opts.sessionCache ? cached(stored, opts.sessionCache) : stored);
  /** Ends every flow in progress of a chat (quick exit, auto-erase): conversations and the session's flow fields. */
  const endFlows = async (chatId: string) => {
    await conversations.delete(chatId);
    const current = await sessions.read(chatId);
    if (!current || !FLOW_FIELDS.some((f) => f in current)) return;
    for (const f of FLOW_FIELDS) delete current[f];
    await sessions.write(chatId, current);
  };

  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  bot.api.config.use(tracking.outgoing);

  /** Translation without a session, for the layers before it. */
  const tr = (ctx: BotContext, key: string) => i18n.t(localeOf(ctx), key, hotlineVars);

  /** A failed update is logged (no message text) and the person gets a gentle answer. */
  const reportFailure = async ({ ctx, error }: BotError<BotContext>) => {
    opts.metrics?.failed();
    logger.error({ update: ctx.update.update_id, err: describeError(error) }, "update failed");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
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
  // Several instances: the same per chat across the fleet.
  const { chatLock } = opts;
  if (chatLock) {
    bot.use((ctx, next) => {
      const key = chatKey(ctx);
      return key ? chatLock(key, next) : next();
    });
  }
  bot.use(async (ctx, next) => {
    const started = performance.now();
    await next();
    opts.metrics?.update(Object.keys(ctx.update).find((k) => k !== "update_id") ?? "other", (performance.now() - started) / 1000);
    if (!logger.isLevelEnabled("debug")) return;
    const user = ctx.from && cipher.hash(String(ctx.from.id));
    logger.debug({ update: ctx.update.update_id, user, ms: +(performance.now() - started).toFixed(1) }, "update");
  });

  // Only private chats for now: staff groups get their own branch later.
  const chats = new Composer<ChatTypeContext<BotContext, "private">>();
  bot.errorBoundary(reportFailure).chatType("private", chats);
  // A press acts only for the chat's owner: Telegram sends no other presses in a
  // private chat, but a forged update (a webhook without its secret) could.
  chats.on("callback_query", async (ctx, next) => {
    if (ctx.callbackQuery.from.id === ctx.chat.id) return next();
    await ctx.answerCallbackQuery().catch(() => {});
  });
  chats.use(tracking.incoming);
  chats.use(editedCommands);

  const admins = new Set(opts.admins ?? []);
  const deps: FeatureDeps = {
    mainMenu: mainMenu(features.flatMap((f) => f.menu ?? [])),
    org: opts.org,
    isScreen: (route) => features.some((f) => f.screens?.(route) ?? false),
    counters,
    metrics: opts.metrics,
    prisma,
    clock,
    cipher,
    isAdmin: (userId) => userId !== undefined && admins.has(userId),
    downloadFile: async (fileId) => {
      const file = await bot.api.getFile(fileId);
      const root = opts.apiRoot ?? "https://api.telegram.org";
      const res = await fetch(`${root}/file/bot${opts.token}/${file.file_path}`);
      if (!res.ok) throw new Error(`file download failed: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
    campaign: { broadcasts, days, now: () => clock.now(), wake: () => outbox.wake(), render },
    privacy: {
      messages,
      schedule,
      forget: async (id) => {
        for (const f of features) await f.forget?.(id, deps);
        await forgetChat(prisma, id);
      },
      exitText: opts.exitText,
      endFlows,
      kept: async (ctx) => {
        const lines = await Promise.all(features.map((f) => f.kept?.(ctx, deps) ?? []));
        const active = specs.filter((s) => ctx.conversation.active(s.id) > 0).map((s) => ctx.t(s.kept));
        return [...lines.flat(), ...active];
      },
    },
    api: bot.api,
    translate: (locale, key, vars) => i18n.t(locale, key, { ...hotlineVars, ...vars }),
    referrals: { retentionDays: 30, reminderMinutes: 15, escalationMinutes: 60, ...opts.referrals },
  };
  const specs = features.flatMap((f) => f.conversations?.(deps) ?? []);
  for (const feature of features.filter((f) => f.early)) chats.use(feature.composer(deps));

  const rate = opts.rateLimit ?? RATE_LIMIT;
  const seconds = Math.ceil(rate.windowMs / 1000);
  const limiter = limit<BotContext, RateLimitStore>({
    storageClient: opts.rateLimitStore ?? "MEMORY_STORE",
    timeFrame: rate.windowMs,
    limit: rate.updates,
    // In a shared store the person is a keyed hash, never their Telegram id.
    keyGenerator: (ctx: BotContext) => {
      if (isQuickExit(ctx)) return undefined;
      const id = String(ctx.from?.id);
      return opts.rateLimitStore ? cipher.hash(id) : id;
    },
    // Called once per window: one warning, never a reply per flooded update.
    onLimitExceeded: async (ctx: BotContext) => {
      const keyboard = new InlineKeyboard().text(tr(ctx, "btn-sos"), Route.sos).text(tr(ctx, "btn-exit"), Route.exit);
      const text = i18n.t(localeOf(ctx), "rate-limit-text", { ...hotlineVars, seconds });
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(() => {});
    },
  });
  // 🆘 is limited like everything else but quick exit: it edits a message, and a
  // flood of those would meet Telegram's own per-chat limit and hold up the bot.
  // A limited press still gets an answer, and that answer is the emergency
  // numbers themselves, so someone tapping in panic is never left with nothing.
  chats.use(async (ctx, next) => {
    let passed = false;
    await limiter(ctx, () => {
      passed = true;
      return next();
    });
    if (passed || !ctx.callbackQuery) return;
    const text = i18n.t(localeOf(ctx), "rate-limit-notice", { ...plainNumbers, seconds });
    await ctx.answerCallbackQuery({ text, show_alert: true }).catch(() => {});
  });
  chats.use(session<SessionData, BotContext>({ initial: () => ({}), getSessionKey: chatKey, storage: sessions }));
  chats.use(i18n, rememberTranslations(i18n));
  // Auto-erase counts from the person's last activity.
  chats.use(async (ctx, next) => {
    if (ctx.session.autoErase) await schedule.postpone(String(ctx.chat.id), ctx.session.autoErase);
    await next();
  });

  const awaited = (ctx: BotContext) => features.some((f) => f.awaitsMessage?.(ctx) ?? false);
  chats.use(conversationLayer({ store: conversations, i18n, outgoing: tracking.outgoing, specs, awaited }));
  for (const feature of features.filter((f) => !f.early)) chats.use(feature.composer(deps));
  chats.use(fallbackComposer(deps));
  // Staff groups: only what features offer there (no sessions, nothing tracked).
  const groups = bot.errorBoundary(reportFailure).chatType(["group", "supergroup"]);
  for (const feature of features) if (feature.groups) groups.use(feature.groups(deps));
  // Presses anywhere else (groups, inline messages) are answered, so no spinner hangs.
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery().catch(() => {}));
  const jobs = features.flatMap((f) => f.jobs?.(deps) ?? []);
  return { bot, i18n, messages, schedule, counters, conversations, endFlows, jobs, broadcasts, outbox };
}

/**
 * An edited message that became a command (a typo put right: "/sso" → "/sos")
 * runs as that command; any other edit was answered as the original message
 * and gets no second answer.
 */
const editedCommands: MiddlewareFn<BotContext> = (ctx, next) => {
  const edited = ctx.update.edited_message;
  if (!edited) return next();
  if (edited.entities?.[0]?.type !== "bot_command" || edited.entities[0].offset !== 0) return;
  // The update is handed on as a new message: every command handler sees it as typed.
  ctx.update.message = edited;
  delete ctx.update.edited_message;
  return next();
};

/**
 * An error as logs may hold it: type and message, with long digit runs
 * (user ids, phone numbers) masked, since some libraries quote their input.
 */
export function describeError(error: unknown): { name: string; message?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  return { name: error.name, message: error.message.slice(0, 300).replace(/\d{5,}/g, "#") };
}
