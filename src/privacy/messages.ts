import { Prisma, type PrismaClient } from "@prisma/client";
import type { Clock } from "../shared/clock.js";
import { perTurn } from "../shared/per-turn.js";

/** Telegram lets a bot delete private-chat messages (both sides) for this long. */
export const DELETABLE_MS = 48 * 3600_000;
/** Telegram's limit for one deleteMessages call. */
const BATCH = 100;

/** Deletes messages of a chat on Telegram; ids the chat no longer has are skipped. */
export type DeleteMessages = (chatId: string, ids: number[]) => Promise<unknown>;

/**
 * The ids of a chat's messages, both sides, for the last 48 hours: the only
 * record the bot keeps of a conversation, so that it can erase it.
 */
type Row = { chatId: string; messageId: number; sentAt: Date };

export class MessageLog {
  // Raw SQL: one statement for the rows of one turn of the event loop, without Prisma's per-query
  // compile cost; an id seen twice (an update delivered again after a crash) is skipped.
  // A trigger on the table re-arms the chat's auto-erase in the same statement (EraseSchedule).
  private readonly insert = perTurn<Row[]>(async (batches) => {
    const values = Prisma.join(batches.flat().map((r) => Prisma.sql`(${r.chatId}, ${r.messageId}, ${r.sentAt})`));
    await this.prisma.$executeRaw`INSERT INTO "TrackedMessage" ("chatId", "messageId", "sentAt") VALUES ${values}
      ON CONFLICT DO NOTHING`;
  });
  /** The newest insert: an erase waits for it, so it knows every id tracked before it. */
  private written: Promise<void> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly deleteMessages: DeleteMessages,
  ) {}

  /**
   * Records messages by id and the time Telegram gives them. Resolves once
   * they are stored; calls in the same turn of the event loop share one
   * insert, so a busy bot does not pay a query per message.
   */
  track(chatId: string, messages: { id: number; at: Date }[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return (this.written = this.insert(messages.map((m) => ({ chatId, messageId: m.id, sentAt: m.at }))));
  }

  async count(chatId: string): Promise<number> {
    return this.prisma.trackedMessage.count({ where: { chatId } });
  }

  /**
   * Deletes every message of the chat Telegram still allows (under 48 h), in
   * batches, forgetting each batch's ids once asked, and the ids too old to
   * delete. Returns how many messages it asked to delete. Only ids read are
   * forgotten: one tracked meanwhile (a message sent while this runs) stays
   * known for the next erase.
   */
  async erase(chatId: string): Promise<number> {
    await this.written.catch(() => {}); // a failed write was reported to its own caller
    const since = new Date(this.clock.now().getTime() - DELETABLE_MS);
    const rows = await this.prisma.trackedMessage.findMany({
      where: { chatId, sentAt: { gt: since } },
      select: { messageId: true },
      orderBy: { messageId: "asc" },
    });
    const ids = rows.map((r) => r.messageId);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await this.deleteMessages(chatId, batch);
      await this.prisma.trackedMessage.deleteMany({ where: { chatId, messageId: { in: batch } } });
    }
    await this.prisma.trackedMessage.deleteMany({ where: { chatId, sentAt: { lte: since } } }); // too old to delete
    return ids.length;
  }

  async forget(chatId: string): Promise<void> {
    await this.prisma.trackedMessage.deleteMany({ where: { chatId } });
  }

  /** Drops ids Telegram would no longer let the bot delete anyway. */
  async purgeExpired(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - DELETABLE_MS);
    return (await this.prisma.trackedMessage.deleteMany({ where: { sentAt: { lte: before } } })).count;
  }
}
