import { InlineKeyboard } from "grammy";
import type { FeatureDeps } from "../../bot/feature.js";
import { localeOf } from "../../bot/i18n.js";
import { waitOwn, type BotConversation, type InsideContext } from "../../bot/conversations.js";
import { LOCALES, type Locale } from "../../bot/context.js";
import { AUDIENCES, type Audience, type StaffContent } from "../../campaign/broadcasts.js";
import { HtmlError, parseHtml } from "../../fake-telegram/html.js";
import { escapeHtml } from "../../shared/html.js";
import { intlLocale, zonedInstant } from "../../shared/zoned-time.js";

/** Callback data of the compose conversation: `bc:…`. */
export const PREFIX = "bc";
const CANCEL = `${PREFIX}:cancel`;
/** Room left for the neutral first line in Telegram's 4096 characters. */
const MAX_TEXT = 3800;

/** Why Telegram would refuse this HTML (checked with the same parser as the fake Bot API), or undefined. */
export function htmlProblem(html: string): string | undefined {
  try {
    const { text } = parseHtml(html);
    if (text.trim() === "") return "empty";
    if ([...text].length > MAX_TEXT) return `longer than ${MAX_TEXT} characters`;
    return undefined;
  } catch (err) {
    if (err instanceof HtmlError) return err.message;
    throw err;
  }
}

/** An audience's name, e.g. "subscribers reading English". */
export const audienceName = (t: (key: string, vars?: Record<string, string>) => string, a: string) =>
  t("bc-audience-name", { audience: a.replace(":", "-") });

export function formatWhen(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, dateStyle: "long", timeStyle: "short" }).format(at);
}

/**
 * /broadcast: write the text (one for all, or one per language; HTML checked),
 * choose the audience, see the preview exactly as recipients will, choose now
 * or a date and time in the campaign's time zone, confirm. Menu, 🆘 and 🚪
 * keep working throughout (see src/bot/conversations.ts); Cancel ends it.
 */
export function composeBroadcast(deps: FeatureDeps) {
  const { broadcasts } = deps.campaign;
  const zone = broadcasts.settings.timeZone;
  return async (conversation: BotConversation, ctx: InsideContext): Promise<void> => {
    const cancelRow = () => new InlineKeyboard().text(ctx.t("bc-btn-cancel"), CANCEL);
    const locale = await conversation.external((outside) => localeOf(outside));

    /** Waits for one of `allowed` (a press); undefined when cancelled. */
    const choose = async (allowed: string[]): Promise<string | undefined> => {
      for (;;) {
        const c = await waitOwn(conversation, PREFIX);
        const data = c.callbackQuery?.data;
        if (data === undefined) {
          await c.reply(c.t("bc-use-buttons"));
          continue;
        }
        await c.answerCallbackQuery().catch(() => {});
        if (data === CANCEL) return undefined;
        if (allowed.includes(data)) return data;
      }
    };
    /** Waits for a text the `check` accepts; undefined when cancelled. */
    const readText = async (prompt: string, check: (text: string) => Promise<string | undefined> | string | undefined) => {
      await ctx.reply(prompt, { parse_mode: "HTML", reply_markup: cancelRow() });
      for (;;) {
        const c = await waitOwn(conversation, PREFIX);
        if (c.callbackQuery) {
          await c.answerCallbackQuery().catch(() => {});
          if (c.callbackQuery.data === CANCEL) return undefined;
          continue;
        }
        const text = c.message?.text;
        const problem = text === undefined ? c.t("bc-text-only") : await check(text);
        if (problem === undefined) return text;
        await c.reply(problem, { parse_mode: "HTML", reply_markup: cancelRow() });
      }
    };
    const end = () => ctx.reply(ctx.t("bc-cancelled"));
    const htmlCheck = (text: string) => {
      const problem = htmlProblem(text);
      return problem === undefined ? undefined : ctx.t("bc-html-bad", { problem: escapeHtml(problem) });
    };

    await ctx.reply(ctx.t("bc-start"), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("bc-btn-one"), `${PREFIX}:one`)
        .row()
        .text(ctx.t("bc-btn-each"), `${PREFIX}:each`)
        .row()
        .text(ctx.t("bc-btn-cancel"), CANCEL),
    });
    const mode = await choose([`${PREFIX}:one`, `${PREFIX}:each`]);
    if (!mode) return void (await end());
    let content: StaffContent;
    if (mode === `${PREFIX}:one`) {
      const all = await readText(ctx.t("bc-ask-text"), htmlCheck);
      if (all === undefined) return void (await end());
      content = { all };
    } else {
      const texts: Partial<Record<Locale, string>> = {};
      for (const l of LOCALES) {
        const text = await readText(ctx.t("bc-ask-text-in", { language: ctx.t(`language-${l}`) }), htmlCheck);
        if (text === undefined) return void (await end());
        texts[l] = text;
      }
      content = texts as Record<Locale, string>;
    }

    const sizes = await conversation.external(() => Promise.all(AUDIENCES.map((a) => broadcasts.audienceSize(a))));
    const audiences = new InlineKeyboard();
    AUDIENCES.forEach((a, i) => audiences.text(ctx.t("bc-audience", { audience: audienceName(ctx.t, a), count: sizes[i]! }), `${PREFIX}:to:${a}`).row());
    await ctx.reply(ctx.t("bc-ask-audience"), { reply_markup: audiences.text(ctx.t("bc-btn-cancel"), CANCEL) });
    const picked = await choose(AUDIENCES.map((a) => `${PREFIX}:to:${a}`));
    if (!picked) return void (await end());
    const audience = picked.slice(`${PREFIX}:to:`.length) as Audience;

    // The preview: each language the audience reads, as the outbox will send it.
    await ctx.reply(ctx.t("bc-preview"));
    const langs = audience.includes(":") ? [audience.split(":")[1] as Locale] : [...LOCALES];
    for (const l of langs) {
      const row = { language: l, neutral: true, silent: true, subscriber: audience !== "everyone" };
      const m = deps.campaign.render(row, { kind: "staff", content: JSON.stringify(content) })!;
      await ctx.reply(m.text, { parse_mode: "HTML", reply_markup: { inline_keyboard: m.buttons }, disable_notification: true });
    }

    await ctx.reply(ctx.t("bc-ask-when"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("bc-btn-now"), `${PREFIX}:now`)
        .text(ctx.t("bc-btn-later"), `${PREFIX}:later`)
        .row()
        .text(ctx.t("bc-btn-cancel"), CANCEL),
    });
    const when = await choose([`${PREFIX}:now`, `${PREFIX}:later`]);
    if (!when) return void (await end());
    let sendAt: Date | undefined;
    if (when === `${PREFIX}:later`) {
      const typed = await readText(ctx.t("bc-ask-time", { zone }), async (text) => {
        const m = /^\s*(\d{4}-\d{2}-\d{2})[ T]+(\d{1,2}:\d{2})\s*$/.exec(text);
        const at = m && zonedInstant(m[1]!, m[2]!, zone);
        if (!at) return ctx.t("bc-time-bad", { zone });
        const now = await conversation.external(() => deps.campaign.now().getTime());
        return at.getTime() > now ? undefined : ctx.t("bc-time-past");
      });
      if (typed === undefined) return void (await end());
      const [, date, time] = /(\d{4}-\d{2}-\d{2})[ T]+(\d{1,2}:\d{2})/.exec(typed)!;
      sendAt = zonedInstant(date!, time!, zone)!;
    }

    const count = sizes[AUDIENCES.indexOf(audience)]!;
    const whenText = sendAt ? formatWhen(sendAt, locale, zone) : ctx.t("bc-when-now");
    const confirm = await ctx.reply(ctx.t("bc-confirm", { count, audience: audienceName(ctx.t, audience), when: whenText }), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(ctx.t("bc-btn-send"), `${PREFIX}:go`).text(ctx.t("bc-btn-cancel"), CANCEL),
    });
    if (!(await choose([`${PREFIX}:go`]))) return void (await end());

    const id = await conversation.external(async (outside) => {
      // Still staff? ADMIN_IDS may have changed since the conversation began.
      if (!deps.isAdmin(outside.from!.id)) return undefined;
      const at = sendAt ?? deps.campaign.now();
      const b = await broadcasts.create({ content, audience, sendAt: at, progressChat: String(outside.chat!.id), progressMessage: confirm.message_id });
      await deps.counters.add(sendAt ? "broadcast.scheduled" : "broadcast.started");
      return b.id;
    });
    if (id === undefined) return void (await end());
    // This message becomes the live progress once sending starts.
    await ctx.api.editMessageText(confirm.chat.id, confirm.message_id, ctx.t(sendAt ? "bc-scheduled" : "bc-started", { id, when: whenText }), {
      parse_mode: "HTML",
    });
    if (!sendAt) {
      await conversation.external(async () => {
        await broadcasts.startDue();
        deps.campaign.wake();
      });
    }
  };
}
