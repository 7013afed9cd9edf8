import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readSettings } from "../config.js";
import { openDatabase } from "../db.js";
import { FakeTelegram } from "../fake-telegram/index.js";
import { ReferralStore } from "../features/referrals/store.js";
import { createLogger, type Logger } from "../logger.js";
import { loadCipher } from "../privacy/keys.js";
import { systemClock } from "../shared/clock.js";
import { StartError, startBot, type JobList } from "../start.js";
import { PreviewChats, type PreviewStaff } from "./chats.js";
import { startPreviewServer } from "./server.js";

/** Its own database, so the preview never mixes with real data. */
export const PREVIEW_DATABASE_URL = "file:./data/preview.db";
const PREVIEW_TOKEN = "100000001:PREVIEW-not-a-telegram-token";
/** The simulated campaign admin's Telegram id, preset as ADMIN_IDS. */
export const PREVIEW_ADMIN_ID = 100_000_002;
/**
 * The staff group, preset as STAFF_CHAT_ID: the referrals' fallback group,
 * where "whoever can help fastest" lands. Its members: the admin and a
 * caseworker registered up front.
 */
export const PREVIEW_STAFF: PreviewStaff = {
  adminId: PREVIEW_ADMIN_ID,
  caseworker: { id: 100_000_003, name: "Olena" },
  staffChatId: -1_001_000_000_001,
};
/** The repository root, from src/preview or dist/preview. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface RunningPreview {
  url: string;
  logger: Logger;
  task: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The local preview: the real bot, its features, database handling and jobs,
 * long polling an embedded fake Bot API over HTTP, and a web chat on
 * 127.0.0.1 where people talk to it. Settings come from the environment and
 * `.env` as usual, except the token, Bot API, database and the staff presets.
 */
export async function startPreview(jobs: JobList): Promise<RunningPreview> {
  const config = readSettings({
    BOT_TOKEN: PREVIEW_TOKEN,
    TELEGRAM_API_ROOT: undefined,
    DATABASE_URL: PREVIEW_DATABASE_URL,
    ADMIN_IDS: String(PREVIEW_STAFF.adminId),
    STAFF_CHAT_ID: String(PREVIEW_STAFF.staffChatId),
    // One process long polling the embedded fake: no webhook, server or shared store.
    BOT_MODE: "polling",
    PORT: undefined,
    REDIS_URL: undefined,
  });
  const logger = createLogger(config.LOG_LEVEL);
  await migrate(config.DATABASE_URL);
  const prisma = await openDatabase(config.DATABASE_URL);
  try {
    await registerCaseworker(new ReferralStore(prisma, loadCipher(config, () => {}), systemClock));
  } finally {
    await prisma.$disconnect();
  }
  const fake = await FakeTelegram.start({ token: PREVIEW_TOKEN, botUsername: "safe_path_preview_bot" });
  fake.recordCalls = false; // the page reads the chats; a record of every call would only grow
  const chats = new PreviewChats(fake, PREVIEW_STAFF);
  const web = await startPreviewServer(chats, config.PREVIEW_PORT).catch(async (err: NodeJS.ErrnoException) => {
    await fake.close();
    throw new StartError(`Cannot serve the preview on 127.0.0.1:${config.PREVIEW_PORT}: ${err.code ?? err.message}` +
      " (set PREVIEW_PORT to a free port)");
  });
  const bot = await startBot({ ...config, TELEGRAM_API_ROOT: fake.apiRoot }, logger, jobs);
  console.log(`Preview, not Telegram: open ${web.url} in a browser to talk to the bot. ` +
    "To connect to Telegram instead, set BOT_TOKEN (see README).");
  return {
    url: web.url,
    logger,
    task: bot.task,
    async stop() {
      await web.close();
      await bot.stop();
      await fake.close();
    },
  };
}

/**
 * Registers the preview's caseworker for the staff group, as an admin's
 * `/invite` and the caseworker's `/join` would (again on each start: a
 * caseworker already registered stays as they are).
 */
export async function registerCaseworker(store: ReferralStore): Promise<void> {
  await store.redeemInvite(await store.createInvite(null), String(PREVIEW_STAFF.caseworker.id));
}

/** Applies the committed migrations to the preview's database, as `npm start` does to the bot's. */
async function migrate(url: string): Promise<void> {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const absolute = `file:${resolve(url.slice("file:".length))}`;
  try {
    await promisify(execFile)(process.execPath, [cli, "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: absolute },
    });
  } catch (err) {
    const output = String((err as { stderr?: string }).stderr || (err as Error).message).split("\n");
    const reason = output.find((line) => line.startsWith("Error")) ?? output.find(Boolean);
    throw new StartError(`Cannot prepare the preview database ${absolute} (is another preview running?): ${reason?.slice(0, 300)}`);
  }
}
