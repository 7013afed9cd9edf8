import type { Broadcast, Outbox } from "@prisma/client";
import type { Locale } from "../../bot/context.js";
import { fillNumbers, type CampaignDays } from "../../campaign/days.js";
import type { OutgoingMessage } from "../../campaign/outbox.js";
import type { StaffContent } from "../../campaign/broadcasts.js";
import { Route } from "../../ui/routes.js";
import { CampaignRoute } from "./routes.js";

type Translate = (locale: Locale, key: string, vars?: Record<string, string | number>) => string;

/** What a recipient row needs for rendering (a preview passes its own). */
export type Recipient = Pick<Outbox, "language" | "neutral" | "silent" | "subscriber">;

/**
 * A campaign day or staff broadcast as one person gets it: a neutral first
 * line when they asked for one (a lock-screen preview then says nothing), no
 * sound when silent, buttons into the bot, Unsubscribe for subscribers and
 * quick exit. Undefined when there is nothing to send (a day missing from the data).
 */
export function renderMessage(t: Translate, days: CampaignDays, row: Recipient, b: Pick<Broadcast, "kind" | "content">): OutgoingMessage | undefined {
  const locale = row.language as Locale;
  let body: string | undefined;
  const buttons: OutgoingMessage["buttons"] = [];
  if (b.kind === "campaign") {
    const day = days.get(b.content);
    if (!day) return undefined;
    const n = days.all.indexOf(day) + 1;
    body = `<b>${t(locale, "campaign-day", { n, total: days.all.length })}: ${day.title[locale]}</b>\n\n${fillNumbers(day.text[locale])}`;
    for (const button of day.buttons) buttons.push([{ text: button.label[locale], callback_data: button.route }]);
  } else {
    const content = JSON.parse(b.content) as StaffContent;
    body = "all" in content ? content.all : content[locale];
  }
  if (!body) return undefined;
  const last: OutgoingMessage["buttons"][number] = [{ text: t(locale, "btn-exit"), callback_data: Route.exit }];
  if (row.subscriber) last.unshift({ text: t(locale, "btn-unsubscribe"), callback_data: CampaignRoute.off });
  buttons.push(last);
  const text = row.neutral ? `${t(locale, "campaign-neutral")}\n\n${body}` : body;
  return { text, buttons, silent: row.silent };
}
