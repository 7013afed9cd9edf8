import { Prisma, type Broadcast, type PrismaClient } from "@prisma/client";
import { LOCALES, type Locale } from "../bot/context.js";
import type { Clock } from "../shared/clock.js";
import { lastPerKey, perTurn } from "../shared/per-turn.js";
import { inWindow, localTime, minutesOf } from "../shared/zoned-time.js";
import type { CampaignDays } from "./days.js";

export const AUDIENCES = ["subscribers", "subscribers:uk", "subscribers:en", "everyone"] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface CampaignSettings {
  /** HH:MM */
  sendTime: string;
  timeZone: string;
  /** MM-DD */
  start: string;
  end: string;
}

export const DEFAULT_CAMPAIGN: CampaignSettings = { sendTime: "10:00", timeZone: "Europe/Kyiv", start: "11-25", end: "12-10" };

/** Staff text: one for all, or one per language. */
export type StaffContent = { all: string } | Record<Locale, string>;

/**
 * Who gets what: subscriptions, the campaign's days and staff broadcasts, all
 * turned into Outbox rows. Every step is one statement that is safe to repeat
 * and safe when several instances run it at once (unique keys, ON CONFLICT).
 */
export class Broadcasts {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly days: CampaignDays,
    readonly settings: CampaignSettings,
  ) {}

  // Raw SQL (SQLite and PostgreSQL alike): it runs for every new person, and a Prisma upsert costs
  // several times more; the chats of one turn of the event loop share one statement.
  private readonly listing = perTurn<[string, Locale]>(async (chats) => {
    const rows = lastPerKey(chats).map(([chatId, locale]) => Prisma.sql`(${chatId}, ${locale})`);
    await this.prisma.$executeRaw`INSERT INTO "Recipient" ("chatId", "language") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("chatId") DO UPDATE SET "language" = excluded."language"`;
  });

  /** Records that the bot may write to this chat first, in this language. */
  list(chatId: string, locale: Locale): Promise<void> {
    return this.listing([chatId, locale]);
  }

  async recipient(chatId: string) {
    return this.prisma.recipient.findUnique({ where: { chatId } });
  }

  async subscribe(chatId: string, locale: Locale): Promise<void> {
    await this.prisma.recipient.upsert({
      where: { chatId },
      create: { chatId, language: locale, subscribed: true },
      update: { language: locale, subscribed: true },
    });
  }

  async unsubscribe(chatId: string): Promise<void> {
    await this.prisma.recipient.updateMany({ where: { chatId }, data: { subscribed: false } });
  }

  async setOption(chatId: string, option: "silent" | "neutral", on: boolean): Promise<void> {
    await this.prisma.recipient.updateMany({ where: { chatId }, data: { [option]: on } });
  }

  async subscriberCount(): Promise<number> {
    return this.prisma.recipient.count({ where: { subscribed: true } });
  }

  /** The local date of the last minute asked: every update asks (the recipient list), and a time-zone format costs. */
  private day?: { minute: number; date: string };

  /** Today's date (YYYY-MM-DD) in the campaign's time zone. */
  localDate(): string {
    const now = this.clock.now();
    const minute = Math.floor(now.getTime() / 60_000); // days change on a whole minute in every time zone
    if (this.day?.minute !== minute) this.day = { minute, date: localTime(now, this.settings.timeZone).date };
    return this.day.date;
  }

  /** The campaign day (MM-DD) it is now, if the campaign runs today and has a message for it. */
  today(): { date: string; monthDay: string; due: boolean } | undefined {
    const { timeZone, start, end, sendTime } = this.settings;
    const now = localTime(this.clock.now(), timeZone);
    if (!inWindow(now.monthDay, start, end) || !this.days.get(now.monthDay)) return undefined;
    return { date: now.date, monthDay: now.monthDay, due: now.minutes >= minutesOf(sendTime) };
  }

  /**
   * Queues today's campaign message for every subscriber who has not had it
   * yet, once the send time has come: run every minute, so a bot that was down
   * at send time catches up that day (never an older one). A person gets a
   * day's message at most once: one Outbox row per day and person.
   */
  async queueCampaignDay(): Promise<number> {
    const today = this.today();
    if (!today?.due) return 0;
    const broadcast = await this.campaignBroadcast(today.date, today.monthDay);
    return this.fill(broadcast, "subscribers");
  }

  /** Someone subscribed during the campaign: today's message at once (if they have not had it). */
  async queueTodayFor(chatId: string): Promise<boolean> {
    const today = this.today();
    if (!today) return false;
    const broadcast = await this.campaignBroadcast(today.date, today.monthDay);
    return (await this.fill(broadcast, "subscribers", chatId)) > 0;
  }

  /** A staff broadcast, to start at `sendAt` (now or later). */
  async create(opts: { content: StaffContent; audience: Audience; sendAt: Date; progressChat: string; progressMessage?: number }) {
    return this.prisma.broadcast.create({
      data: {
        kind: "staff",
        content: JSON.stringify(opts.content),
        audience: opts.audience,
        status: "scheduled",
        sendAt: opts.sendAt,
        createdAt: this.clock.now(),
        progressChat: opts.progressChat,
        progressMessage: opts.progressMessage,
      },
    });
  }

  /** How many people an audience holds now. */
  async audienceSize(audience: Audience): Promise<number> {
    return this.prisma.recipient.count({ where: audienceWhere(audience) });
  }

  /** Starts every staff broadcast whose time has come: its recipients go into the outbox. */
  async startDue(): Promise<number> {
    const due = await this.prisma.broadcast.findMany({ where: { status: "scheduled", sendAt: { lte: this.clock.now() } } });
    for (const b of due) await this.fill(b, b.audience as Audience);
    return due.length;
  }

  /** Cancels a scheduled or running broadcast: nothing more is sent (messages in flight finish). */
  async cancel(id: number): Promise<boolean> {
    const [, { count }] = await this.prisma.$transaction([
      this.prisma.outbox.updateMany({ where: { broadcastId: id, status: "queued" }, data: { status: "cancelled" } }),
      this.prisma.broadcast.updateMany({
        where: { id, status: { in: ["scheduled", "running"] } },
        data: { status: "cancelled", finishedAt: this.clock.now() },
      }),
    ]);
    return count === 1;
  }

  async recent(limit = 10): Promise<Broadcast[]> {
    return this.prisma.broadcast.findMany({ where: { kind: "staff" }, orderBy: { id: "desc" }, take: limit });
  }

  async get(id: number): Promise<Broadcast | null> {
    return this.prisma.broadcast.findUnique({ where: { id } });
  }

  /** Drops the outbox rows (chat ids) of broadcasts finished over two days ago; their counts stay. */
  async purge(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - 2 * 86_400_000);
    const { count } = await this.prisma.outbox.deleteMany({
      where: { broadcast: { status: { in: ["done", "cancelled"] }, finishedAt: { lt: before } } },
    });
    return count;
  }

  private async campaignBroadcast(date: string, monthDay: string): Promise<Broadcast> {
    const key = `campaign:${date}`;
    const found = await this.prisma.broadcast.findUnique({ where: { key } });
    if (found) return found;
    const now = this.clock.now();
    try {
      return await this.prisma.broadcast.create({
        data: { key, kind: "campaign", content: monthDay, audience: "subscribers", status: "running", sendAt: now, createdAt: now },
      });
    } catch (err) {
      // Another instance created it at the same moment.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        return this.prisma.broadcast.findUniqueOrThrow({ where: { key } });
      }
      throw err;
    }
  }

  /**
   * Puts the audience (or one chat of it) into the broadcast's outbox, skipping
   * anyone already there, and marks the broadcast running. Returns how many were added.
   */
  private async fill(b: Broadcast, audience: Audience, chatId?: string): Promise<number> {
    if (b.status === "cancelled") return 0;
    const [kind, locale] = audience.split(":");
    // Never into a broadcast cancelled in the meantime.
    const conditions = [Prisma.sql`EXISTS (SELECT 1 FROM "Broadcast" WHERE "id" = ${b.id} AND "status" <> 'cancelled')`];
    if (kind === "subscribers") conditions.push(Prisma.sql`"subscribed" = true`);
    if (locale) conditions.push(Prisma.sql`"language" = ${locale}`);
    if (chatId) conditions.push(Prisma.sql`"chatId" = ${chatId}`);
    const subscriber = Prisma.raw(kind === "subscribers" ? "true" : "false");
    const [added] = await this.prisma.$transaction([
      this.prisma.$executeRaw`INSERT INTO "Outbox" ("broadcastId", "chatId", "language", "silent", "neutral", "subscriber", "status", "attempts")
        SELECT CAST(${b.id} AS INTEGER), "chatId", "language", "silent", "neutral", ${subscriber}, 'queued', 0 FROM "Recipient"
        WHERE ${Prisma.join(conditions, " AND ")}
        ON CONFLICT ("broadcastId", "chatId") DO NOTHING`,
      this.prisma.$executeRaw`UPDATE "Broadcast" SET "status" = 'running',
        "total" = (SELECT count(*) FROM "Outbox" WHERE "broadcastId" = ${b.id})
        WHERE "id" = ${b.id} AND "status" IN ('scheduled', 'running', 'done')`,
    ]);
    return added;
  }
}

function audienceWhere(audience: Audience): Prisma.RecipientWhereInput {
  const [kind, locale] = audience.split(":");
  return { ...(kind === "subscribers" ? { subscribed: true } : {}), ...(locale ? { language: locale } : {}) };
}

export function isAudience(s: string): s is Audience {
  return (AUDIENCES as readonly string[]).includes(s);
}

export function isLocale(s: string): s is Locale {
  return (LOCALES as readonly string[]).includes(s);
}
