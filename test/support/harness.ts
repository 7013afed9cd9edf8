import type { PrismaClient } from "@prisma/client";
import type { Bot } from "grammy";
import { afterEach } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/create-bot.js";
import type { FeatureDeps } from "../../src/bot/feature.js";
import { createPrisma } from "../../src/db.js";
import { createLogger } from "../../src/logger.js";
import { FakeTelegram, type UserOptions } from "../fake-telegram/index.js";
import { freshDatabase } from "./db.js";

export interface LogRecord {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * The real bot, in this process, talking over HTTP to a fake Bot API, on its
 * own fresh database. Updates are handled to completion before a user's
 * action resolves, so tests read the chat right after acting.
 */
export class TestBot {
  readonly logs: LogRecord[] = [];
  bot!: Bot<BotContext>;
  prisma!: PrismaClient;

  private constructor(
    readonly fake: FakeTelegram,
    readonly dbUrl: string,
    private readonly org: FeatureDeps["org"],
  ) {}

  static async start(opts: { org?: FeatureDeps["org"] } = {}): Promise<TestBot> {
    const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
    const t = new TestBot(fake, freshDatabase().url, opts.org ?? {});
    t.boot();
    running.add(t);
    return t;
  }

  user(opts?: UserOptions) {
    return this.fake.user(opts);
  }

  /** Stops the bot and starts a new one on the same database, as after a crash or deploy. */
  async restart(): Promise<void> {
    await this.prisma.$disconnect();
    this.boot();
  }

  /** Log records at warn level or above. */
  get problems(): LogRecord[] {
    return this.logs.filter((l) => l.level >= 40);
  }

  async close(): Promise<void> {
    running.delete(this);
    await this.prisma.$disconnect();
    await this.fake.close();
  }

  private boot(): void {
    const logger = createLogger("debug", { write: (line: string) => void this.logs.push(JSON.parse(line)) });
    this.prisma = createPrisma(this.dbUrl);
    ({ bot: this.bot } = createBot({
      token: this.fake.token,
      apiRoot: this.fake.apiRoot,
      prisma: this.prisma,
      logger,
      org: this.org,
      botInfo: this.fake.me,
    }));
    this.fake.deliver = (update) => this.bot.handleUpdate(update);
  }
}

const running = new Set<TestBot>();
afterEach(async () => {
  await Promise.all([...running].map((t) => t.close()));
});
