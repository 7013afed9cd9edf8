import { run } from "@grammyjs/runner";
import { registerCommands } from "./bot/commands.js";
import { ALLOWED_UPDATES, createBot, describeError } from "./bot/create-bot.js";
import type { Config } from "./config.js";
import { openDatabase } from "./db.js";
import { features } from "./features/index.js";
import { Directory } from "./features/services/directory.js";
import { shippedServices } from "./features/services/shipped.js";
import type { Logger } from "./logger.js";
import { loadCipher } from "./privacy/keys.js";
import { startScheduler, type Job } from "./scheduler/index.js";
import { systemClock } from "./shared/clock.js";

/** The bot's scheduled jobs, from the services createBot returns (listed in main.ts). */
export type JobList = (services: ReturnType<typeof createBot>) => Job[];

/** The only failure that stops the start: Telegram (or the configured Bot API) cannot be reached. */
export class StartError extends Error {}

export interface RunningBot {
  username: string;
  /** Settles when long polling ends. */
  task: Promise<void>;
  /** Finishes the updates in progress, stops the jobs and closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts the bot in long polling mode with its database and scheduled jobs:
 * the same for Telegram and for the local preview. Only getMe may stop the
 * start; everything after it (the command list) is a warning at worst.
 */
export async function startBot(config: Config, logger: Logger, jobs: JobList): Promise<RunningBot> {
  const prisma = await openDatabase(config.DATABASE_URL);
  const cipher = loadCipher(config, (msg) => logger.warn(msg));
  // The first start fills the empty directory with the shipped entries; later, staff imports keep it.
  const seeded = await new Directory(prisma).seedIfEmpty(shippedServices());
  if (seeded) logger.info({ services: seeded }, "directory of services loaded");
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
    sessionCache: 50_000,
  });
  const { bot, i18n } = services;
  try {
    await bot.init();
  } catch (err) {
    await prisma.$disconnect();
    throw new StartError(`Cannot connect to Telegram: ${err instanceof Error ? err.message : String(err)}`);
  }
  // A Bot API server without setMyCommands (or a 5xx, retried for a while)
  // only costs the command list, and never delays the answers.
  const registering = new AbortController();
  void registerCommands(bot.api, i18n, features, { adminIds: config.ADMIN_IDS, signal: registering.signal }).catch((err) => {
    if (!registering.signal.aborted) logger.warn({ err: describeError(err) }, "could not register the command list; the bot runs on");
  });
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ALLOWED_UPDATES } },
    // Updates in progress at once: bounds memory; the work per update is short (bench/updates).
    sink: { concurrency: 32 },
  });
  const scheduler = startScheduler(jobs(services), logger);
  // Broadcasts and the campaign's messages: drained continuously at BROADCAST_RATE.
  services.outbox.start();
  logger.info({ bot: bot.botInfo.username }, "bot started");
  return {
    username: bot.botInfo.username,
    task: runner.task() ?? Promise.resolve(),
    async stop() {
      registering.abort();
      await scheduler.stop();
      await services.outbox.stop();
      if (runner.isRunning()) await runner.stop();
      await prisma.$disconnect();
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
