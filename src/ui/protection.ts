import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, InlineKeyboard } from "grammy";

/** Rights topics on protection orders, offered as next steps by the plan and the danger check. */
export const PROTECTION_TOPICS = ["rights:urgent", "rights:restrict"] as const;

/** Adds a button for each protection order topic (urgent by police, restrictive by a court), one a row. */
export function withProtectionOrders(ctx: Context & I18nFlavor, keyboard: InlineKeyboard): InlineKeyboard {
  for (const route of PROTECTION_TOPICS) keyboard.text(ctx.t(route.replace(":", "-")), route).row();
  return keyboard;
}
