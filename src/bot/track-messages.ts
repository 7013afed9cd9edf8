import type { Context, MiddlewareFn, Transformer } from "grammy";
import type { MessageLog } from "../privacy/messages.js";
import type { Clock } from "../shared/clock.js";

type Sent = { message_id: number; date?: number };

function isSent(x: unknown): x is Sent {
  return typeof x === "object" && x !== null && typeof (x as Sent).message_id === "number";
}

/** Methods whose result is the message (or messages) the bot put in the chat. */
function sends(method: string): boolean {
  return method.startsWith("send") || method.startsWith("copyMessage") || method.startsWith("forwardMessage");
}

/**
 * Records the ids of every message in private chats, both sides, so that
 * quick exit and auto-erase can delete them: the person's messages as they
 * arrive, the bot's as Telegram confirms them (including ones sent outside
 * an update, such as scheduled messages).
 */
export function messageTracking(log: MessageLog, clock: Clock): { incoming: MiddlewareFn<Context>; outgoing: Transformer } {
  // Telegram dates are in seconds; a copied message has none, so it counts from now.
  const sentAt = (m: Sent) => (m.date ? new Date(m.date * 1000) : clock.now());
  return {
    async incoming(ctx, next) {
      if (ctx.chat?.type === "private" && ctx.message) {
        await log.track(String(ctx.chat.id), [{ id: ctx.message.message_id, at: sentAt(ctx.message) }]);
      }
      await next();
    },
    async outgoing(prev, method, payload, signal) {
      const res = await prev(method, payload, signal);
      const chatId = Number((payload as { chat_id?: unknown }).chat_id);
      // Private chats have positive ids; groups and channels negative ones.
      if (res.ok && chatId > 0 && sends(method)) {
        const sent = (Array.isArray(res.result) ? res.result : [res.result]).filter(isSent);
        await log.track(String(chatId), sent.map((m) => ({ id: m.message_id, at: sentAt(m) })));
      }
      return res;
    },
  };
}
