import { randomBytes } from "node:crypto";
import type { BotContext } from "../bot/context.js";

/**
 * Destructive routes (delete my data, delete my plan, …) act only from the
 * confirmation screen that offered them: its buttons carry a one-time token
 * kept in the (encrypted) session, so a forged or old button cannot delete
 * anything; the route's handler shows the confirmation again instead.
 *
 *   const token = confirmToken(ctx, "forget");        // on the confirmation screen
 *   keyboard.text(label, `forget:yes:${token}`);
 *   c.callbackQuery(confirmPattern("forget:yes"), (ctx) =>
 *     confirmed(ctx, "forget", ctx.match[1]) ? act() : showConfirmation());
 */

/** A new token for the confirmation screen of `scope`; it replaces any earlier one. */
export function confirmToken(ctx: BotContext, scope: string): string {
  const token = randomBytes(6).toString("base64url");
  ctx.session.confirm = { scope, token };
  return token;
}

/** True once, for the token the person's last confirmation screen of `scope` offered. */
export function confirmed(ctx: BotContext, scope: string, token: string | undefined): boolean {
  const pending = ctx.session.confirm;
  if (!pending || pending.scope !== scope || !token || pending.token !== token) return false;
  delete ctx.session.confirm;
  return true;
}

/** Matches `<route>:<token>` (and a bare `<route>` from an old button), the token in group 1. */
export function confirmPattern(route: string): RegExp {
  return new RegExp(`^${route}(?::([A-Za-z0-9_-]{1,16}))?$`);
}
