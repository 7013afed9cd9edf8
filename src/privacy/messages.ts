import type { PrismaClient } from "@prisma/client";
import type { Clock } from "../shared/clock.js";

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
export class MessageLog {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** Records messages by id and the time Telegram gives them. */
  async track(chatId: string, messages: { id: number; at: Date }[]): Promise<void> {
    if (messages.length === 0) return;
    const data = messages.map((m) => ({ chatId, messageId: m.id, sentAt: m.at }));
    try {
      await this.prisma.trackedMessage.createMany({ data });
    } catch (err) {
      // An update delivered twice (after a crash) repeats its ids: keep the new ones.
      if (!isDuplicate(err)) throw err;
      for (const row of data) await this.prisma.trackedMessage.create({ data: row }).catch(ignoreDuplicate);
    }
  }

  async count(chatId: string): Promise<number> {
    return this.prisma.trackedMessage.count({ where: { chatId } });
  }

  /**
   * Deletes every message of the chat Telegram still allows (under 48 h), in
   * batches, then forgets the ids. Returns how many messages it asked to delete.
   */
  async erase(chatId: string, deleteMessages: DeleteMessages): Promise<number> {
    const since = new Date(this.clock.now().getTime() - DELETABLE_MS);
    const rows = await this.prisma.trackedMessage.findMany({
      where: { chatId, sentAt: { gt: since } },
      select: { messageId: true },
      orderBy: { messageId: "asc" },
    });
    const ids = rows.map((r) => r.messageId);
    for (let i = 0; i < ids.length; i += BATCH) await deleteMessages(chatId, ids.slice(i, i + BATCH));
    await this.forget(chatId);
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

function isDuplicate(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}

function ignoreDuplicate(err: unknown): void {
  if (!isDuplicate(err)) throw err;
}
