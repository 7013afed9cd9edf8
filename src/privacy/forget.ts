import type { PrismaClient } from "@prisma/client";

/**
 * Deletes every row that refers to a chat, in one transaction. Every table
 * holding personal data gets a line here (a test checks the whole schema).
 */
export async function forgetChat(prisma: PrismaClient, chatId: string): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { key: chatId } }),
    prisma.conversationState.deleteMany({ where: { key: chatId } }),
    prisma.safetyPlan.deleteMany({ where: { chatId } }),
    prisma.trackedMessage.deleteMany({ where: { chatId } }),
    prisma.eraseSchedule.deleteMany({ where: { chatId } }),
    // Requests stay for staff (withdrawn, see the referrals feature's forget) but lose all that points to the person.
    prisma.referral.updateMany({ where: { chatId }, data: { chatId: null, phone: null, note: null } }),
    prisma.recipient.deleteMany({ where: { chatId } }),
    prisma.outbox.deleteMany({ where: { chatId } }),
    prisma.broadcast.updateMany({ where: { progressChat: chatId }, data: { progressChat: null, progressMessage: null } }),
  ]);
}
