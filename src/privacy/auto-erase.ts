import type { PrismaClient } from "@prisma/client";
import type { Clock } from "../shared/clock.js";

/** The choices a person has: minutes after their last activity, or off. */
export const AUTO_ERASE_MINUTES = [15, 60, 240] as const;
export type AutoEraseMinutes = (typeof AUTO_ERASE_MINUTES)[number];

export function isAutoEraseMinutes(n: number): n is AutoEraseMinutes {
  return (AUTO_ERASE_MINUTES as readonly number[]).includes(n);
}

/** When each chat with auto-erase on is due to be erased. */
export class EraseSchedule {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** The person was active: erase `minutes` from now. */
  async postpone(chatId: string, minutes: AutoEraseMinutes): Promise<void> {
    const dueAt = new Date(this.clock.now().getTime() + minutes * 60_000);
    await this.prisma.eraseSchedule.upsert({ where: { chatId }, create: { chatId, dueAt }, update: { dueAt } });
  }

  async cancel(chatId: string): Promise<void> {
    await this.prisma.eraseSchedule.deleteMany({ where: { chatId } });
  }

  async has(chatId: string): Promise<boolean> {
    return (await this.prisma.eraseSchedule.count({ where: { chatId } })) > 0;
  }

  /**
   * Chats due now. Each is claimed by deleting its row: when several
   * instances run, only the one whose delete succeeded erases the chat.
   */
  async claimDue(): Promise<string[]> {
    const now = this.clock.now();
    const due = await this.prisma.eraseSchedule.findMany({ where: { dueAt: { lte: now } }, select: { chatId: true } });
    const claimed: string[] = [];
    for (const { chatId } of due) {
      const { count } = await this.prisma.eraseSchedule.deleteMany({ where: { chatId, dueAt: { lte: now } } });
      if (count === 1) claimed.push(chatId);
    }
    return claimed;
  }
}
