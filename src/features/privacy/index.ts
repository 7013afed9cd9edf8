import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import { dropSession, type BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { AUTO_ERASE_MINUTES, isAutoEraseMinutes } from "../../privacy/auto-erase.js";
import { escapeHtml } from "../../shared/html.js";
import { confirmed, confirmPattern, confirmToken } from "../../ui/confirm.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, type Screen } from "../../ui/screen.js";

const chatId = (ctx: BotContext) => String(ctx.chat!.id);
const FORGET_YES = `${Route.forget}:yes`;
const FORGET_ERASE = `${Route.forget}:erase`;

function aboutScreen(ctx: BotContext, { name, contact }: FeatureDeps["org"]): Screen {
  const lines = [name ? ctx.t("about-org", { name: escapeHtml(name) }) : ctx.t("about-org-unset")];
  if (contact) lines.push(ctx.t("about-contact", { contact: escapeHtml(contact) }));
  lines.push("", ctx.t("about-intro"));
  const keyboard = new InlineKeyboard()
    .text(ctx.t("btn-about-kept"), Route.kept)
    .row()
    .text(ctx.t("btn-about-telegram"), Route.traces)
    .row()
    .text(ctx.t("btn-auto-erase", { minutes: ctx.session.autoErase ?? 0 }), Route.erase)
    .row()
    .text(ctx.t("btn-forget"), Route.forget);
  return navScreen(ctx, lines.join("\n"), { self: Route.about }, keyboard);
}

/** What the bot keeps, and the traces it cannot remove: screens of their own so each fits on a phone. */
function keptScreen(ctx: BotContext, retentionDays: number): Screen {
  return navScreen(ctx, ctx.t("about-privacy", { days: retentionDays }), { self: Route.kept, back: Route.about });
}
function tracesScreen(ctx: BotContext): Screen {
  return navScreen(ctx, ctx.t("about-telegram"), { self: Route.traces, back: Route.about });
}

function autoEraseScreen(ctx: BotContext): Screen {
  const current = ctx.session.autoErase ?? 0;
  const keyboard = new InlineKeyboard();
  for (const minutes of [0, ...AUTO_ERASE_MINUTES]) {
    const label = ctx.t("erase-option", { minutes });
    keyboard.text(minutes === current ? `✓ ${label}` : label, `${Route.erase}:${minutes}`);
  }
  const text = `${ctx.t("erase-text")}\n\n${ctx.t("erase-state", { minutes: current })}`;
  return navScreen(ctx, text, { self: Route.erase, back: Route.about }, keyboard);
}

/** What is kept about this person, to read before deleting it. */
async function forgetScreen(ctx: BotContext, privacy: FeatureDeps["privacy"]): Promise<Screen> {
  const { locale, autoErase, findHelp } = ctx.session;
  const messages = await privacy.messages.count(chatId(ctx));
  const items = [
    locale && ctx.t("forget-item-language", { language: ctx.t(`language-${locale}`) }),
    autoErase && ctx.t("forget-item-auto-erase", { minutes: autoErase }),
    messages > 0 && ctx.t("forget-item-messages", { count: messages }),
    findHelp && ctx.t("forget-item-find-help"),
    ...(await privacy.kept(ctx)),
  ].filter((item): item is string => Boolean(item));
  const text = items.length
    ? `${ctx.t("forget-intro")}\n${items.map((i) => `• ${i}`).join("\n")}\n\n${ctx.t("forget-question")}`
    : ctx.t("forget-nothing");
  const keyboard = new InlineKeyboard();
  if (items.length) {
    const token = confirmToken(ctx, Route.forget);
    keyboard.text(ctx.t("btn-forget-confirm"), `${FORGET_YES}:${token}`).row();
    keyboard.text(ctx.t("btn-forget-and-erase"), `${FORGET_ERASE}:${token}`).row();
  }
  return { ...navScreen(ctx, text, { self: Route.forget, back: Route.about }, keyboard), protect: true };
}

/** Deletes everything about the person; conversations end first, so none is written back. */
async function forgetAll(ctx: BotContext, privacy: FeatureDeps["privacy"]): Promise<void> {
  await ctx.conversation.exitAll();
  await privacy.forget(chatId(ctx));
  dropSession(ctx);
}

/**
 * "About & privacy": who runs the bot, what it keeps and for how long; one tap
 * further, what stays in Telegram; the auto-erase setting; delete my data.
 * Every sentence must stay true of the code.
 */
export const privacyFeature: Feature = {
  menu: { label: "menu-about", route: Route.about },
  commands: [
    { command: "privacy", description: "cmd-privacy" },
    { command: "forget", description: "cmd-forget" },
  ],
  screens: (route) => ([Route.about, Route.kept, Route.traces, Route.erase, Route.forget] as string[]).includes(route),
  composer({ org, privacy, referrals }) {
    const c = new Composer<BotContext>();
    const about = (ctx: BotContext) => show(ctx, aboutScreen(ctx, org));
    c.command("privacy", about);
    c.callbackQuery(Route.about, about);
    c.callbackQuery(Route.kept, (ctx) => show(ctx, keptScreen(ctx, referrals.retentionDays)));
    c.callbackQuery(Route.traces, (ctx) => show(ctx, tracesScreen(ctx)));

    c.callbackQuery(Route.erase, (ctx) => show(ctx, autoEraseScreen(ctx)));
    c.callbackQuery(new RegExp(`^${Route.erase}:(${[0, ...AUTO_ERASE_MINUTES].join("|")})$`), async (ctx) => {
      const minutes = Number(ctx.match[1]);
      if (isAutoEraseMinutes(minutes)) {
        ctx.session.autoErase = minutes;
        await privacy.schedule.postpone(chatId(ctx), minutes);
      } else {
        delete ctx.session.autoErase;
        await privacy.schedule.cancel(chatId(ctx));
      }
      await show(ctx, autoEraseScreen(ctx));
    });

    const forget = async (ctx: BotContext) => show(ctx, await forgetScreen(ctx, privacy));
    c.command("forget", forget);
    c.callbackQuery(Route.forget, forget);
    c.callbackQuery(confirmPattern(FORGET_YES), async (ctx) => {
      if (!confirmed(ctx, Route.forget, ctx.match[1])) return forget(ctx);
      await forgetAll(ctx, privacy);
      const keyboard = new InlineKeyboard().text(ctx.t("btn-menu"), Route.menu);
      await show(ctx, { text: ctx.t("forget-done"), keyboard });
    });
    c.callbackQuery(confirmPattern(FORGET_ERASE), async (ctx) => {
      if (!confirmed(ctx, Route.forget, ctx.match[1])) return forget(ctx);
      await ctx.answerCallbackQuery().catch(() => {});
      await privacy.messages.erase(chatId(ctx));
      await forgetAll(ctx, privacy);
    });
    return c;
  },
};
