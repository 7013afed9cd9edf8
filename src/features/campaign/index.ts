import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, Locale, SessionData } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { localeOf } from "../../bot/i18n.js";
import { intlLocale } from "../../shared/zoned-time.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, type Screen } from "../../ui/screen.js";
import { CampaignRoute } from "./routes.js";

const chatId = (ctx: BotContext) => String(ctx.chat!.id);

/** The session, or undefined once /forget dropped it in this update. */
function sessionOf(ctx: BotContext): SessionData | undefined {
  try {
    return ctx.session ?? undefined;
  } catch {
    return undefined;
  }
}

/** "25 November" / "25 листопада" for MM-DD. */
function dayName(monthDay: string, locale: Locale): string {
  const [m, d] = monthDay.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", timeZone: "UTC" }).format(Date.UTC(2000, m! - 1, d!));
}

/** "kyiv" for Kyiv's zone (the text names it), else its offset now: "GMT+1". */
function zoneLabel(timeZone: string, now: Date): string {
  if (/^Europe\/(?:Kyiv|Kiev)$/.test(timeZone)) return "kyiv";
  return new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "shortOffset" }).formatToParts(now).find((p) => p.type === "timeZoneName")!.value;
}

async function subscriptionScreen(ctx: BotContext, { campaign }: FeatureDeps): Promise<Screen> {
  const r = await campaign.broadcasts.recipient(chatId(ctx));
  const { start, end, sendTime, timeZone } = campaign.broadcasts.settings;
  const locale = localeOf(ctx);
  const zone = zoneLabel(timeZone, campaign.now());
  const lines = [
    ctx.t("days-text", { start: dayName(start, locale), end: dayName(end, locale), time: sendTime, zone }),
    "",
    ctx.t(r?.subscribed ? "days-on" : "days-off"),
  ];
  const keyboard = new InlineKeyboard();
  if (r?.subscribed) keyboard.text(ctx.t("btn-unsubscribe"), CampaignRoute.off).row();
  else keyboard.text(ctx.t("btn-subscribe"), CampaignRoute.on).row();
  const silent = r?.silent ?? true;
  const neutral = r?.neutral ?? true;
  if (r) {
    keyboard.text(ctx.t("btn-days-silent", { on: String(silent) }), `${CampaignRoute.option}:silent:${silent ? 0 : 1}`).row();
    keyboard.text(ctx.t("btn-days-neutral", { on: String(neutral) }), `${CampaignRoute.option}:neutral:${neutral ? 0 : 1}`).row();
  }
  return navScreen(ctx, lines.join("\n"), { self: CampaignRoute.screen }, keyboard);
}

/**
 * "📣 16 Days messages": opt in and out of one short message a day during the
 * 16 Days of Activism (src/campaign), silent and with a neutral first line by
 * default. Also keeps the list of people the bot may write to (everyone who
 * chose a language), and offers the subscription once, during the campaign,
 * when a person comes back to the menu after using the bot.
 */
export const campaignFeature: Feature = {
  menu: { label: "menu-days", route: CampaignRoute.screen },
  commands: [
    { command: "subscribe", description: "cmd-subscribe" },
    { command: "unsubscribe", description: "cmd-unsubscribe" },
  ],
  screens: (route) => route === CampaignRoute.screen,
  async kept(ctx, { campaign }) {
    const r = await campaign.broadcasts.recipient(chatId(ctx));
    if (!r) return [];
    const lines = [ctx.t("forget-item-recipient")];
    if (r.subscribed) lines.push(ctx.t("forget-item-days", { silent: String(r.silent), neutral: String(r.neutral) }));
    return lines;
  },
  composer(deps) {
    const { campaign, counters, isScreen } = deps;
    // The campaign data is edited by hand: a button to nowhere stops the bot at start.
    for (const route of campaign.days.routes) {
      if (route !== Route.sos && !isScreen(route)) throw new Error(`content/campaign.json: button route "${route}" opens no screen`);
    }
    const c = new Composer<BotContext>();

    // Chats this process wrote to the Recipient list today, in which language:
    // a cache that saves a write per update, not shared state (a miss costs one upsert).
    const listed = new Map<string, string>();
    // After the update: keep the list of people the bot may write to (everyone past first contact).
    c.use(async (ctx, next) => {
      await next();
      const id = chatId(ctx);
      const session = sessionOf(ctx);
      if (!session?.locale) {
        listed.delete(id); // not past first contact, or just forgot everything
        return;
      }
      const stamp = `${session.locale}:${campaign.broadcasts.localDate()}`;
      if (listed.get(id) !== stamp) {
        await campaign.broadcasts.list(id, session.locale);
        if (listed.size >= 50_000) listed.clear();
        listed.set(id, stamp);
      }
    });

    // Back at the menu after using the bot, during the campaign: the offer, once, on the menu itself.
    c.callbackQuery(Route.menu, async (ctx, next) => {
      if (!ctx.session.locale || ctx.session.daysOffered || !campaign.broadcasts.today()) return next();
      ctx.session.daysOffered = true;
      if ((await campaign.broadcasts.recipient(chatId(ctx)))?.subscribed) return next();
      const menu = deps.mainMenu(ctx);
      const keyboard = new InlineKeyboard().text(ctx.t("btn-days-offer-yes"), CampaignRoute.on).text(ctx.t("btn-days-offer-no"), CampaignRoute.no).row();
      keyboard.inline_keyboard.push(...menu.keyboard.inline_keyboard);
      await show(ctx, { text: `${menu.text}\n\n${ctx.t("days-offer")}`, keyboard });
    });

    const screen = async (ctx: BotContext, notice?: string) => show(ctx, await subscriptionScreen(ctx, deps), notice);
    c.command("subscribe", async (ctx) => subscribe(ctx));
    c.callbackQuery(CampaignRoute.on, async (ctx) => subscribe(ctx));
    const subscribe = async (ctx: BotContext) => {
      const id = chatId(ctx);
      const already = (await campaign.broadcasts.recipient(id))?.subscribed;
      await campaign.broadcasts.subscribe(id, localeOf(ctx));
      ctx.session.daysOffered = true;
      if (!already) await counters.add("campaign.subscribed");
      await screen(ctx, ctx.t("days-notice-on"));
      // Joining mid-campaign: today's message now, the rest on schedule.
      if (await campaign.broadcasts.queueTodayFor(id)) campaign.wake();
    };
    const unsubscribe = async (ctx: BotContext) => {
      const id = chatId(ctx);
      if ((await campaign.broadcasts.recipient(id))?.subscribed) await counters.add("campaign.unsubscribed");
      await campaign.broadcasts.unsubscribe(id);
      await screen(ctx, ctx.t("days-notice-off"));
    };
    c.command("unsubscribe", unsubscribe);
    c.callbackQuery(CampaignRoute.off, unsubscribe);
    c.callbackQuery(CampaignRoute.screen, (ctx) => screen(ctx));
    c.callbackQuery(CampaignRoute.no, (ctx) => show(ctx, deps.mainMenu(ctx), ctx.t("days-offer-declined")));
    c.callbackQuery(/^days:(silent|neutral):([01])$/, async (ctx) => {
      await campaign.broadcasts.setOption(chatId(ctx), ctx.match[1] as "silent" | "neutral", ctx.match[2] === "1");
      await screen(ctx);
    });
    return c;
  },
};
