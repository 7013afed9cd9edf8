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

/** How far ahead of the bot's clock a message date may be (clock skew) before it counts as wrong. */
const FUTURE_SLACK_MS = 10 * 60_000;

/**
 * Records the ids of every message in private chats, both sides, so that
 * quick exit and auto-erase can delete them: the person's messages as they
 * arrive, the bot's as Telegram confirms them (including ones sent outside
 * an update, such as scheduled messages). A failure here is a side concern:
 * it goes to `onError` and never fails the update or the call that was sent.
 */
export function messageTracking(
  log: MessageLog,
  clock: Clock,
  onError: (err: unknown) => void,
): { incoming: MiddlewareFn<Context>; outgoing: Transformer; sent: (chatId: string, result: unknown) => Promise<void> } {
  // Telegram dates are in seconds; a copied message has none, and a Bot API
  // server may send a date that makes no sense: then it counts from now.
  const sentAt = (m: Sent) => {
    const now = clock.now();
    const ms = typeof m.date === "number" && m.date > 0 ? m.date * 1000 : NaN;
    return Number.isFinite(ms) && ms <= now.getTime() + FUTURE_SLACK_MS ? new Date(ms) : now;
  };
  const track = (chatId: number, sent: Sent[]) =>
    log.track(String(chatId), sent.map((m) => ({ id: m.message_id, at: sentAt(m) }))).catch(onError);
  // Private chats have positive ids; groups and channels negative ones.
  const record = async (chatId: number, result: unknown) => {
    if (chatId > 0) await track(chatId, (Array.isArray(result) ? result : [result]).filter(isSent));
  };
  return {
    async incoming(ctx, next) {
      if (ctx.chat?.type === "private" && ctx.message) await track(ctx.chat.id, [ctx.message]);
      await next();
    },
    async outgoing(prev, method, payload, signal) {
      const res = await prev(method, payload, signal);
      if (res.ok && sends(method)) await record(Number((payload as { chat_id?: unknown }).chat_id), res.result);
      return res;
    },
    /** What a send made outside the transformer returned (the outbox's, tracked alongside marking its row sent). */
    sent: (chatId, result) => record(Number(chatId), result),
  };
}
