import type { PrismaClient } from "@prisma/client";
import type { Update } from "grammy/types";
import { afterEach, expect } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { createMetrics } from "../../src/server/metrics.js";
import type { FeatureDeps, ReferralSettings } from "../../src/bot/feature.js";
import { openDatabase } from "../../src/db.js";
import { createLogger } from "../../src/logger.js";
import { DEFAULT_CAMPAIGN, type CampaignSettings } from "../../src/campaign/broadcasts.js";
import { campaignJobs } from "../../src/campaign/jobs.js";
import { privacyJobs } from "../../src/privacy/jobs.js";
import type { Job } from "../../src/scheduler/index.js";
import type { Clock } from "../../src/shared/clock.js";
import { createCipher, parseKey, type Cipher } from "../../src/shared/crypto.js";
import { FakeTelegram, type FakeUser, type UserOptions } from "../../src/fake-telegram/index.js";
import { testDatabase, type TestDatabase } from "./db.js";

export interface LogRecord {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A clock the test moves; the fake Telegram reads the same one. */
export class TestClock implements Clock {
  private ms = Date.UTC(2026, 10, 25, 9, 0, 0);
  now = () => new Date(this.ms);
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export interface TestBotOptions {
  org?: FeatureDeps["org"];
  exitText?: string;
  realRateLimit?: boolean;
  /** Telegram user ids of campaign staff (ADMIN_IDS). */
  admins?: number[];
  referrals?: Partial<ReferralSettings>;
  campaign?: CampaignSettings;
  /** Broadcast messages per second; tests send fast unless they measure pacing. */
  broadcastRate?: number;
  /** Prometheus metrics (t.metrics), as webhook mode has them. */
  metrics?: boolean;
}

export const TEST_KEY = parseKey("q3Bv8n0e5dJ8o3L0xYV6m1b2c3d4e5f6g7h8i9j0k1I=");

/** Everything a person could write that must never reach a log. */
function privateStrings(update: Update): string[] {
  const m = update.message ?? update.edited_message;
  const from = m?.from ?? update.callback_query?.from;
  const at = m?.location;
  return [m?.text, m?.caption, m?.contact?.phone_number, at && String(at.latitude), at && String(at.longitude), from?.first_name, from?.username, from && String(from.id)].filter(
    (s): s is string => typeof s === "string" && s.length >= 4,
  );
}

/**
 * The real bot, in this process, talking over HTTP to a fake Bot API, on its
 * own fresh database, with a clock the test controls. Updates are handled to
 * completion before a user's action resolves, so tests read the chat right
 * after acting. On close it checks that no log line holds anything a person
 * wrote or their Telegram id.
 */
export class TestBot {
  readonly logs: LogRecord[] = [];
  readonly clock = new TestClock();
  metrics?: ReturnType<typeof createMetrics>;
  readonly cipher: Cipher = createCipher(TEST_KEY);
  prisma!: PrismaClient;
  services!: ReturnType<typeof createBot>;
  /** The scheduled jobs, to run by hand. */
  jobs!: Job[];
  private readonly secrets = new Set<string>();
  private nextUserId = 5_550_000_001;

  private constructor(
    readonly fake: FakeTelegram,
    private readonly db: TestDatabase,
    private readonly opts: TestBotOptions,
  ) {
    fake.clock = () => this.clock.now().getTime();
  }

  static async start(opts: TestBotOptions = {}): Promise<TestBot> {
    const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
    const t = new TestBot(fake, await testDatabase(), opts);
    await t.boot();
    running.add(t);
    return t;
  }

  get dbUrl(): string {
    return this.db.url;
  }

  get bot() {
    return this.services.bot;
  }

  /** A person with a long unique id, so a leaked id is found in the logs. */
  user(opts?: UserOptions) {
    return this.fake.user({ id: this.nextUserId++, ...opts });
  }

  /** Stops the bot and starts a new one on the same database, as after a crash or deploy. */
  async restart(): Promise<void> {
    await this.prisma.$disconnect();
    await this.boot();
  }

  /** Log records at warn level or above. */
  get problems(): LogRecord[] {
    return this.logs.filter((l) => l.level >= 40);
  }

  async runJob(name: string): Promise<unknown> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job ${name}`);
    return job.run();
  }

  /** Sends what the outbox holds now (the running bot does this continuously). */
  drain(): Promise<number> {
    return this.services.outbox.drain();
  }

  async close(): Promise<void> {
    running.delete(this);
    await this.prisma.$disconnect();
    await this.fake.close();
    await this.db.drop();
    // Without pino's timestamps: "12345" typed by a person is also in time 1796186012345.
    const logs = JSON.stringify(this.logs.map(({ time: _, ...line }) => line));
    for (const secret of this.secrets) expect(logs, "a log holds what a person wrote or their id").not.toContain(secret);
  }

  private async boot(): Promise<void> {
    const logger = createLogger("debug", { write: (line: string) => void this.logs.push(JSON.parse(line)) });
    this.prisma = await openDatabase(this.dbUrl);
    this.metrics = this.opts.metrics ? createMetrics(this.prisma) : undefined;
    this.services = createBot({
      token: this.fake.token,
      apiRoot: this.fake.apiRoot,
      prisma: this.prisma,
      logger,
      cipher: this.cipher,
      clock: this.clock,
      org: this.opts.org ?? {},
      admins: this.opts.admins,
      exitText: this.opts.exitText,
      referrals: this.opts.referrals,
      // Other journeys run outside the campaign (no offer appears in them) unless a test sets a window.
      campaign: this.opts.campaign ?? { ...DEFAULT_CAMPAIGN, start: "01-01", end: "01-01" },
      broadcastRate: this.opts.broadcastRate ?? 1000,
      sessionCache: 1_000,
      // Scripted people tap far faster than anyone can; only rate-limit tests use the real limit.
      rateLimit: this.opts.realRateLimit ? undefined : { updates: 10_000, windowMs: 1_000 },
      botInfo: this.fake.me,
      metrics: this.metrics,
    });
    this.jobs = [...privacyJobs(this.services), ...this.services.jobs, ...campaignJobs(this.services)];
    this.fake.deliver = (update) => {
      for (const s of privateStrings(update)) this.secrets.add(s);
      return this.services.bot.handleUpdate(update);
    };
  }
}

const running = new Set<TestBot>();
afterEach(async () => {
  await Promise.all([...running].map((t) => t.close()));
});

/** First contact as a person who is safe to talk and reads English: ends on the main menu. */
export async function startInEnglish(user: FakeUser): Promise<void> {
  await user.send("/start");
  await user.press("Yes, it is safe");
  await user.press("English");
}

/** An English-speaking person who chose a language and 4-hour auto-erase: there is something kept about them. */
export async function personWithSettings(t: TestBot): Promise<FakeUser> {
  const user = t.user({ languageCode: "en" });
  await startInEnglish(user);
  await user.send("/privacy");
  await user.press("⏱ Auto-erase: off");
  await user.press("4 hours");
  return user;
}
