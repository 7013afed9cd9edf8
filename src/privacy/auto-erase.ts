import type { PrismaClient } from "@prisma/client";
import type { Clock } from "../shared/clock.js";

/** The choices a person has: minutes after their last activity, or off. */
export const AUTO_ERASE_MINUTES = [15, 60, 240] as const;
export type AutoEraseMinutes = (typeof AUTO_ERASE_MINUTES)[number];

export function isAutoEraseMinutes(n: number): n is AutoEraseMinutes {
  return (AUTO_ERASE_MINUTES as readonly number[]).includes(n);
}

/**
 * The chats with auto-erase on: each is erased its chosen minutes after its
 * last activity. Activity is the person's updates (`postpone`) and every
 * message tracked, either side (a database trigger on TrackedMessage), so
 * what the bot sends while the person is idle is erased in its turn too.
 */
export class EraseSchedule {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** The person was active (or turned auto-erase on): erase `minutes` from now. */
  async postpone(chatId: string, minutes: AutoEraseMinutes): Promise<void> {
    const lastAt = this.clock.now();
    await this.prisma.eraseSchedule.upsert({ where: { chatId }, create: { chatId, minutes, lastAt }, update: { minutes, lastAt } });
  }

  async cancel(chatId: string): Promise<void> {
    await this.prisma.eraseSchedule.deleteMany({ where: { chatId } });
  }

  async has(chatId: string): Promise<boolean> {
    return (await this.prisma.eraseSchedule.count({ where: { chatId } })) > 0;
  }

  /**
   * Chats due now. Each is claimed by clearing its last activity while it is
   * still due: when several instances run, only the one whose update
   * succeeded erases the chat, and activity since then keeps it for later.
   */
  async claimDue(): Promise<string[]> {
    const now = this.clock.now().getTime();
    const dueIf = (minutes: number) => ({ minutes, lastAt: { lte: new Date(now - minutes * 60_000) } });
    const due = await this.prisma.eraseSchedule.findMany({
      where: { OR: AUTO_ERASE_MINUTES.map(dueIf) },
      select: { chatId: true, minutes: true },
    });
    const claimed: string[] = [];
    for (const { chatId, minutes } of due) {
      const { count } = await this.prisma.eraseSchedule.updateMany({ where: { chatId, ...dueIf(minutes) }, data: { lastAt: null } });
      if (count === 1) claimed.push(chatId);
    }
    return claimed;
  }
}
