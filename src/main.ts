import { run } from "@grammyjs/runner";
import { registerCommands } from "./bot/commands.js";
import { ALLOWED_UPDATES, createBot } from "./bot/create-bot.js";
import { readSettings } from "./config.js";
import { openDatabase } from "./db.js";
import { features } from "./features/index.js";
import { createLogger } from "./logger.js";
import { campaignJobs } from "./campaign/jobs.js";
import { privacyJobs } from "./privacy/jobs.js";
import { loadCipher } from "./privacy/keys.js";
import { startScheduler } from "./scheduler/index.js";
import { systemClock } from "./shared/clock.js";

const config = readSettings();
const logger = createLogger(config.LOG_LEVEL);
const prisma = await openDatabase(config.DATABASE_URL);
const cipher = loadCipher(config, (msg) => logger.warn(msg));
const { bot, i18n, messages, schedule, conversations, broadcasts, outbox } = createBot({
  token: config.BOT_TOKEN,
  apiRoot: config.TELEGRAM_API_ROOT,
  prisma,
  logger,
  cipher,
  clock: systemClock,
  org: { name: config.ORG_NAME, contact: config.ORG_CONTACT },
  exitText: config.QUICK_EXIT_TEXT,
  adminIds: config.ADMIN_IDS,
  campaign: {
    sendTime: config.CAMPAIGN_SEND_TIME,
    timeZone: config.CAMPAIGN_TIMEZONE,
    start: config.CAMPAIGN_START,
    end: config.CAMPAIGN_END,
  },
  broadcastRate: config.BROADCAST_RATE,
  // Long polling: Telegram gives this process every update, so sessions may be cached.
  sessionCache: 50_000,
});

try {
  await bot.init();
  await registerCommands(bot.api, i18n, features, config.ADMIN_IDS);
} catch (err) {
  // One clear line instead of a stack trace: a wrong token or no connection.
  console.error(`Cannot connect to Telegram: ${err instanceof Error ? err.message : String(err)}`);
  await prisma.$disconnect();
  process.exit(1);
}
const runner = run(bot, {
  runner: { fetch: { allowed_updates: ALLOWED_UPDATES } },
  // Updates in progress at once: bounds memory; the work per update is short (bench/updates).
  sink: { concurrency: 32 },
});
// Every scheduled job of the bot, in one place.
const scheduler = startScheduler([...privacyJobs({ messages, schedule, conversations }), ...campaignJobs({ broadcasts, outbox })], logger);
// Broadcasts and the campaign's messages: drained continuously at BROADCAST_RATE.
outbox.start();
logger.info({ bot: bot.botInfo.username }, "bot started");

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: finishing updates in progress");
  await scheduler.stop();
  await outbox.stop();
  await runner.stop();
  await prisma.$disconnect();
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
await runner.task();
