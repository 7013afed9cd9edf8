import type { I18n } from "@grammyjs/i18n";
import type { PrismaClient } from "@prisma/client";
import { Api } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { botApiFetch } from "../../bot/http.js";
import { Broadcasts, DEFAULT_CAMPAIGN, type CampaignSettings } from "../../campaign/broadcasts.js";
import { loadCampaign, type CampaignDays } from "../../campaign/days.js";
import { Outbox } from "../../campaign/outbox.js";
import type { Logger } from "../../logger.js";
import type { BotMetrics } from "../../server/metrics.js";
import type { Clock } from "../../shared/clock.js";
import { hotlineVars } from "../../shared/hotlines.js";
import type { Counters } from "../../stats/counters.js";
import { progressText } from "../staff/progress.js";
import { renderMessage, type Recipient } from "./message.js";

export interface CampaignOptions {
  campaign?: CampaignSettings;
  /** The campaign's messages; content/campaign.json when unset. */
  campaignDays?: CampaignDays;
  /** Messages per second (BROADCAST_RATE). */
  broadcastRate?: number;
}

/**
 * The campaign's services for createBot: who gets what (Broadcasts) and the
 * outbox that sends it. Broadcasts get their own Bot API client: the outbox
 * paces itself and handles 429s (auto-retry would hide them); its messages go
 * through the bot's message tracking, so quick exit erases them too.
 */
export function campaignServices(deps: {
  token: string;
  apiRoot?: string;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  counters: Counters;
  i18n: I18n<BotContext>;
  /** The bot's outgoing-message tracking, told of each message the outbox sent. */
  tracked: (chatId: string, result: unknown) => Promise<void>;
  /** The bot's own client, for the admin's progress message. */
  botApi: Api;
  metrics?: BotMetrics;
  /** The fleet's shared send rate, when several instances drain the outbox (REDIS_URL). */
  sharedRate?: () => Promise<void>;
  opts: CampaignOptions;
}) {
  const { prisma, clock, i18n } = deps;
  const days = deps.opts.campaignDays ?? loadCampaign();
  const broadcasts = new Broadcasts(prisma, clock, days, deps.opts.campaign ?? DEFAULT_CAMPAIGN);
  const t = (locale: string, key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, { ...hotlineVars, ...vars });
  const render = (row: Recipient, b: Parameters<typeof renderMessage>[3]) => renderMessage(t, days, row, b);
  const sendApi = new Api(deps.token, { apiRoot: deps.apiRoot, fetch: botApiFetch() as never });
  const outbox = new Outbox(
    prisma,
    clock,
    (chatId, m) =>
      sendApi.sendMessage(chatId, m.text, {
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: m.buttons },
        disable_notification: m.silent,
        link_preview_options: { is_disabled: true },
      }),
    render,
    {
      rate: deps.opts.broadcastRate ?? 25,
      logger: deps.logger,
      counters: deps.counters,
      sharedRate: deps.sharedRate,
      sent: deps.tracked,
      onOutcome: deps.metrics && ((outcome) => deps.metrics!.outbox(outcome)),
      onProgress: async (p) => {
        const { progressChat, progressMessage } = p.broadcast;
        if (!progressChat || !progressMessage) return;
        const locale = (await broadcasts.recipient(progressChat))?.language ?? "uk";
        await deps.botApi.editMessageText(progressChat, progressMessage, progressText((k, v) => t(locale, k, v), p), { parse_mode: "HTML" });
      },
    },
  );
  return { days, broadcasts, outbox, render };
}
