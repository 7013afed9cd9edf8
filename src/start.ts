import { run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { registerCommands } from "./bot/commands.js";
import { ALLOWED_UPDATES, createBot, describeError } from "./bot/create-bot.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db.js";
import { isPostgresUrl } from "./env.js";
import { features } from "./features/index.js";
import { Directory } from "./features/services/directory.js";
import { shippedServices } from "./features/services/shipped.js";
import type { Logger } from "./logger.js";
import { loadCipher } from "./privacy/keys.js";
import { databaseTickClaim, startScheduler, type Job } from "./scheduler/index.js";
import { startHttpServer, type HttpServer } from "./server/http.js";
import { redisSendBudget } from "./server/send-budget.js";
import { systemClock } from "./shared/clock.js";

/** The bot's scheduled jobs, from the services createBot returns (listed in main.ts). */
export type JobList = (services: ReturnType<typeof createBot>) => Job[];

/** The only failure that stops the start: Telegram (or the configured Bot API) cannot be reached. */
export class StartError extends Error {}

export interface RunningBot {
  username: string;
  /** Settles when long polling ends (webhook: when the bot stops). */
  task: Promise<void>;
  /** The HTTP server's port (webhook mode, or PORT set), else undefined. */
  port?: number;
  /** Finishes the updates in progress, stops the jobs and closes the database. */
  stop(): Promise<void>;
}

/** Telegram waits this long for an answer; past it the update goes on in the background and Telegram gets its 200. */
export const WEBHOOK_TIMEOUT_MS = 8_000;

/**
 * Starts the bot with its database and scheduled jobs: the same for Telegram
 * and for the local preview. Long polling (one process) by default; with
 * BOT_MODE=webhook an HTTP server takes Telegram's updates, so several
 * instances can share the work (see the README's deployment section). Only
 * getMe (and setWebhook) may stop the start; everything after it (the command
 * list) is a warning at worst.
 */
export async function startBot(config: Config, logger: Logger, jobs: JobList): Promise<RunningBot> {
  const webhook = config.BOT_MODE === "webhook";
  const prisma = await openDatabase(config.DATABASE_URL);
  const cipher = loadCipher(config, (msg) => logger.warn(msg));
  // The first start fills the empty directory with the shipped entries; later, staff imports keep it.
  const seeded = await new Directory(prisma).seedIfEmpty(shippedServices());
  if (seeded) logger.info({ services: seeded }, "directory of services loaded");
  // Webhooks may spread one chat's updates over several instances: lock the chat across them.
  // The PostgreSQL and Redis clients are loaded only when configured (memory of a one-machine bot).
  const chatLock = webhook && isPostgresUrl(config.DATABASE_URL) ? (await import("./server/chat-lock.js")).postgresChatLock(config.DATABASE_URL) : undefined;
  const redis = config.REDIS_URL ? new (await import("ioredis")).Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  redis?.on("error", (err) => logger.warn({ err: describeError(err) }, "redis error"));
  // Metrics are served only with the HTTP server (webhook mode, or PORT set); prom-client loads only then.
  const metrics =
    webhook || config.PORT !== undefined
      ? (await import("./server/metrics.js")).createMetrics(prisma, redis && (() => redis.ping().then((r) => r === "PONG", () => false)))
      : undefined;
  const services = createBot({
    token: config.BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    prisma,
    logger,
    cipher,
    clock: systemClock,
    org: { name: config.ORG_NAME, contact: config.ORG_CONTACT },
    admins: config.ADMIN_IDS,
    referrals: {
      staffChatId: config.STAFF_CHAT_ID,
      retentionDays: config.REFERRAL_RETENTION_DAYS,
      reminderMinutes: config.REFERRAL_REMINDER_MINUTES,
      escalationMinutes: config.REFERRAL_ESCALATION_MINUTES,
    },
    campaign: {
      sendTime: config.CAMPAIGN_SEND_TIME,
      timeZone: config.CAMPAIGN_TIMEZONE,
      start: config.CAMPAIGN_START,
      end: config.CAMPAIGN_END,
    },
    broadcastRate: config.BROADCAST_RATE,
    exitText: config.QUICK_EXIT_TEXT,
    // Long polling: Telegram gives this process every update, so sessions may be cached.
    // Webhooks: another instance may have changed them, so every update reads the database.
    sessionCache: webhook ? undefined : 50_000,
    metrics,
    chatLock: chatLock?.run,
    // Fails open: a Redis outage must not silence the bot (each update then passes).
    rateLimitStore: redis && {
      incr: (key) => redis.incr(key).catch(() => 0),
      pexpire: (key, ms) => redis.pexpire(key, ms).catch(() => 0),
    },
    // With Redis, BROADCAST_RATE is the fleet's; without, each instance's.
    sharedSendRate: redis && redisSendBudget(redis, config.BROADCAST_RATE),
  });
  const { bot, i18n } = services;
  const release = async () => {
    await chatLock?.close();
    redis?.disconnect();
    await prisma.$disconnect();
  };
  let webhookSet: string | undefined;
  try {
    await bot.init();
    if (webhook) {
      await bot.api.setWebhook(config.WEBHOOK_URL!, {
        secret_token: config.WEBHOOK_SECRET,
        allowed_updates: ALLOWED_UPDATES,
      });
    } else {
      webhookSet = (await bot.api.getWebhookInfo()).url || undefined;
    }
  } catch (err) {
    await release();
    throw new StartError(`Cannot connect to Telegram: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Deleting it here would silently take a webhook fleet's updates (say, a laptop started with the
  // production token): the operator decides.
  if (webhookSet) {
    await release();
    throw new StartError(
      `This bot has a webhook (${new URL(webhookSet).host}), so long polling gets no updates. Run with BOT_MODE=webhook, ` +
        "or remove the webhook first: stop the webhook instances with WEBHOOK_DELETE_ON_STOP=true, or call the Bot API's deleteWebhook.",
    );
  }
  // A Bot API server without setMyCommands (or a 5xx, retried for a while)
  // only costs the command list, and never delays the answers.
  const registering = new AbortController();
  void registerCommands(bot.api, i18n, features, { adminIds: config.ADMIN_IDS, signal: registering.signal }).catch((err) => {
    if (!registering.signal.aborted) logger.warn({ err: describeError(err) }, "could not register the command list; the bot runs on");
  });
  let stopping = false;
  let server: HttpServer | undefined;
  if (metrics) {
    server = await startHttpServer({
      port: config.PORT ?? 8080,
      registry: metrics.registry,
      ready: async () => !stopping && (await prisma.$queryRawUnsafe("SELECT 1").then(() => true, () => false)),
      webhook: webhook
        ? {
            path: new URL(config.WEBHOOK_URL!).pathname,
            secret: config.WEBHOOK_SECRET!,
            handle: webhookCallback(bot, "http", { onTimeout: "return", timeoutMilliseconds: WEBHOOK_TIMEOUT_MS }),
          }
        : undefined,
    }).catch(async (err: NodeJS.ErrnoException) => {
      await release();
      throw new StartError(`Cannot serve HTTP on port ${config.PORT ?? 8080}: ${err.code ?? err.message}`);
    });
  }
  const runner = webhook
    ? undefined
    : run(bot, {
        runner: { fetch: { allowed_updates: ALLOWED_UPDATES } },
        // Updates in progress at once: bounds memory; the work per update is short (bench/updates).
        sink: { concurrency: 32 },
      });
  let stopped!: () => void;
  const task = runner?.task() ?? new Promise<void>((resolve) => (stopped = resolve));
  const scheduler = startScheduler(jobs(services), logger, databaseTickClaim(prisma), metrics?.jobRun);
  // Broadcasts and the campaign's messages: drained continuously at BROADCAST_RATE.
  services.outbox.start();
  logger.info({ bot: bot.botInfo.username, mode: config.BOT_MODE, port: server?.port }, "bot started");
  return {
    username: bot.botInfo.username,
    task,
    port: server?.port,
    async stop() {
      stopping = true; // /readyz says so at once
      registering.abort();
      if (webhook && config.WEBHOOK_DELETE_ON_STOP) {
        await bot.api.deleteWebhook().catch((err) => logger.warn({ err: describeError(err) }, "could not remove the webhook"));
      }
      await server?.close(); // the updates in progress finish first
      await scheduler.stop();
      await services.outbox.stop();
      if (runner?.isRunning()) await runner.stop();
      await release();
      stopped?.();
    },
  };
}

/** Stops cleanly on Ctrl-C or SIGTERM, once, and exits 0. */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing updates in progress");
    await stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}
