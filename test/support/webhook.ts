import { createServer } from "node:net";
import { loadConfig } from "../../src/config.js";
import type { FakeTelegram } from "../../src/fake-telegram/index.js";
import { createLogger } from "../../src/logger.js";
import { privacyJobs } from "../../src/privacy/jobs.js";
import { startBot, type RunningBot } from "../../src/start.js";

export const WEBHOOK_SECRET = "webhook-secret-0123456789";
const KEY = "q3Bv8n0e5dJ8o3L0xYV6m1b2c3d4e5f6g7h8i9j0k1I=";

/** A port nobody uses now (the webhook URL must name it before the server listens). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** The real start path (as npm start runs it) in webhook mode, on its own port; stopped by `cleanup`. */
export async function webhookBot(
  fake: FakeTelegram,
  url: string,
  cleanup: (() => Promise<unknown> | void)[],
  extra: Record<string, string> = {},
): Promise<RunningBot & { base: string }> {
  const port = await freePort();
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: url,
    DATA_ENCRYPTION_KEY: KEY,
    BOT_MODE: "webhook",
    WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
    WEBHOOK_SECRET,
    PORT: String(port),
    LOG_LEVEL: "silent",
    ...extra,
  });
  const bot = await startBot(config, createLogger("silent"), privacyJobs);
  let stopped = false;
  cleanup.push(() => (stopped ? undefined : bot.stop()));
  return {
    ...bot,
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      stopped = true;
      await bot.stop();
    },
  };
}

