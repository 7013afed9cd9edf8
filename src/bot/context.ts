import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { AutoEraseMinutes } from "../privacy/auto-erase.js";

export const LOCALES = ["uk", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Everything the bot keeps per chat, stored encrypted. Keep it minimal:
 * "About & privacy" and /forget list it.
 */
export interface SessionData {
  /** The language the person chose; unset until they choose. */
  locale?: Locale;
  /** Erase the chat this many minutes after the person's last activity. */
  autoErase?: AutoEraseMinutes;
  /** The one destructive action the person was last asked to confirm (src/ui/confirm.ts). */
  confirm?: { scope: string; token: string };
  /** The kind of help chosen before sharing a location (never the location itself); cleared when it arrives. */
  findHelp?: string;
  /** The kind of partner ("hub", "police") a referral form is finding the nearest of, never the location itself; cleared when it arrives. */
  referralNear?: string;
  /** Staff only: the Telegram file id of an import waiting for confirmation. */
  servicesImport?: string;
  /** The request whose staff the person's next message goes to (they pressed "Reply"). */
  relayTo?: string;
  /** The 16 Days subscription was offered (at most once). */
  daysOffered?: boolean;
}

/**
 * Session fields that belong to a flow in progress, not to the person's
 * settings: quick exit and auto-erase end them, so that nothing typed after
 * an exit goes on where the flow left off (to staff, to a search).
 */
export const FLOW_FIELDS = ["confirm", "findHelp", "referralNear", "servicesImport", "relayTo"] as const satisfies (keyof SessionData)[];

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & I18nFlavor>;

/** Deletes the chat's session when the update ends (nothing is written back). */
export function dropSession(ctx: BotContext): void {
  (ctx as SessionFlavor<SessionData>).session = null;
}
