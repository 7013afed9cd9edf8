import { type Context } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, Locale } from "../../bot/context.js";
import type { FeatureDeps } from "../../bot/feature.js";
import { guessLocale } from "../../bot/i18n.js";
import { escapeHtml } from "../../shared/html.js";
import { CARD_ACTIONS, type CardAction, type Desk, type Staff } from "./desk.js";
import { CODE, isOneOf, PARTNER_KINDS, RELAY_MAX, STAFF_OUTCOMES } from "./domain.js";
import type { Referral } from "./store.js";

const CARD = new RegExp(`^rc:(${CARD_ACTIONS.join("|")}):(\\d{1,9})$`);

const staffOf = (ctx: Context): Staff => ({ id: String(ctx.from!.id), name: ctx.from!.first_name.slice(0, 64) });

/**
 * Staff groups: an admin links a group to a partner (`/partner_add`) and
 * invites caseworkers (`/invite`); caseworkers claim, contact, release and
 * close referral cards and write to the person by replying to a card or
 * `/reply CODE text`. Groups in privacy mode send the bot only commands and
 * replies to its messages, which is all this needs.
 */
export function staffComposer(deps: FeatureDeps, desk: Desk): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const chatId = (ctx: Context) => String(ctx.chat!.id);
  /** Texts in a group: its partner's language, else the admin's or Ukrainian. */
  const groupTr = async (ctx: Context) => {
    const partner = await desk.store.partnerByChat(chatId(ctx));
    const locale = (partner?.lang ?? "uk") as Locale;
    return (key: string, vars?: Record<string, string | number>) => deps.translate(locale, key, vars);
  };
  const say = (ctx: Context, text: string) =>
    ctx.reply(text, { parse_mode: "HTML", reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true } });
  const isFallback = (ctx: Context) => chatId(ctx) === deps.referrals.staffChatId;

  c.command("partner_add", async (ctx) => {
    const locale = guessLocale(ctx.from?.language_code);
    const t = (key: string) => deps.translate(locale, key);
    if (!ctx.from || !deps.isAdmin(ctx.from.id)) return say(ctx, t("staff-admins-only"));
    if (isFallback(ctx)) return say(ctx, t("staff-partner-fallback"));
    const [kind, name, oblast, city, serviceId] = ctx.match.split(";").map((s) => s.trim());
    if (!isOneOf(PARTNER_KINDS, kind) || !name || name.length > 100) return say(ctx, t("staff-partner-usage"));
    const partner = await desk.store.linkGroup({
      chatId: chatId(ctx),
      kind,
      name,
      oblast: oblast?.slice(0, 60) || undefined,
      city: city?.slice(0, 60) || undefined,
      serviceId: serviceId?.slice(0, 24) || undefined,
      locale,
    });
    const link = `https://t.me/${ctx.me.username}?start=ref_${partner.id}`;
    await say(ctx, deps.translate(locale, "staff-partner-linked", { name: escapeHtml(partner.name), kind: t(`staff-kind-${kind}`), link }));
  });

  c.command("invite", async (ctx) => {
    const t = await groupTr(ctx);
    if (!ctx.from || !deps.isAdmin(ctx.from.id)) return say(ctx, t("staff-admins-only"));
    const partner = await desk.store.partnerByChat(chatId(ctx));
    if (!partner && !isFallback(ctx)) return say(ctx, t("staff-not-linked"));
    const token = await desk.store.createInvite(partner?.id ?? null);
    const link = `https://t.me/${ctx.me.username}?start=cw_${token}`;
    const where = partner ? escapeHtml(partner.name) : t("card-to-any");
    // The invite goes to the admin privately: anyone in the group could use a link posted there.
    try {
      await ctx.api.sendMessage(ctx.from.id, t("staff-invite-private", { where, link, token }), { parse_mode: "HTML" });
      await say(ctx, t("staff-invite-sent"));
    } catch {
      await say(ctx, t("staff-invite-start-first"));
    }
  });

  c.command("reply", async (ctx) => {
    const t = await groupTr(ctx);
    const [, code, text] = /^\s*(\S+)\s+([\s\S]+)$/.exec(ctx.match) ?? [];
    const r = code && CODE.test(code.toUpperCase()) ? await desk.store.byCode(code.toUpperCase()) : null;
    if (!r || !text || !onThisGroup(r, chatId(ctx))) return say(ctx, t("staff-reply-usage"));
    await relay(ctx, r, text);
  });

  c.command("history", async (ctx) => {
    const t = await groupTr(ctx);
    const code = ctx.match.trim().toUpperCase();
    const r = CODE.test(code) ? await desk.store.byCode(code) : null;
    if (!r || !onThisGroup(r, chatId(ctx))) return say(ctx, t("staff-history-usage"));
    if (!ctx.from || !(await desk.authorised(r, ctx.from.id))) return say(ctx, t("staff-not-authorised"));
    await ctx.reply(await desk.historyText(r), { parse_mode: "HTML", protect_content: true });
  });

  // A basic group turned supergroup has a new id; Telegram tells the old chat and the new one.
  c.on(["message:migrate_to_chat_id", "message:migrate_from_chat_id"], async (ctx) => {
    const { migrate_to_chat_id: to, migrate_from_chat_id: from } = ctx.msg;
    if (to !== undefined) await desk.moveGroup(chatId(ctx), String(to), false);
    else await desk.moveGroup(String(from), chatId(ctx), true);
  });

  // A reply to a card goes to the person.
  c.on("message:text", async (ctx, next) => {
    const replied = ctx.msg.reply_to_message;
    if (!replied || replied.from?.id !== ctx.me.id) return next();
    let r = await desk.store.byCard(chatId(ctx), replied.message_id);
    // Or a reply to the person's relayed message ("💬 CODE, the person writes: …").
    const code = r || !replied.text?.startsWith("💬") ? undefined : /\b([A-HJ-NP-Z2-9]{6})\b/.exec(replied.text)?.[1];
    if (code) r = await desk.store.byCode(code);
    if (!r || !onThisGroup(r, chatId(ctx))) return next();
    await relay(ctx, r, ctx.msg.text);
  });

  async function relay(ctx: Context, r: Referral, text: string): Promise<void> {
    const t = await groupTr(ctx);
    if (r.status === "closed") return void (await say(ctx, t("staff-relay-closed", { code: r.code })));
    if (r.contact !== "relay") return void (await say(ctx, t("staff-relay-phone", { code: r.code })));
    if (r.holderId !== String(ctx.from!.id)) return void (await say(ctx, t("staff-relay-holder-only", { code: r.code })));
    if (text.length > RELAY_MAX) return void (await say(ctx, t("staff-relay-too-long", { max: RELAY_MAX })));
    const delivered = await desk.relayToPerson(r, text, staffOf(ctx));
    await say(ctx, t(delivered ? "staff-relay-delivered" : "staff-relay-failed", { code: r.code }));
  }

  c.callbackQuery(CARD, async (ctx) => {
    const action = ctx.match[1] as CardAction;
    const r = await desk.store.get(Number(ctx.match[2]));
    const t = await groupTr(ctx);
    const answer = (key: string, vars?: Record<string, string | number>) =>
      ctx.answerCallbackQuery({ text: t(key, vars), show_alert: true }).catch(() => {});
    if (!r || !onThisGroup(r, chatId(ctx))) return answer("staff-card-gone");
    if (!(await desk.authorised(r, ctx.from.id))) return answer("staff-not-authorised");
    const staff = staffOf(ctx);
    const holder = r.holderId === staff.id;
    if (action === "claim") {
      if (await desk.claim(r, staff)) return void (await ctx.answerCallbackQuery({ text: t("staff-claimed-you", { code: r.code }) }).catch(() => {}));
      await desk.refresh(r.id);
      return answer("staff-claimed-other", { name: (await desk.store.get(r.id))?.holderName ?? "" });
    }
    if (r.status === "open" || r.status === "closed") {
      await desk.refresh(r.id);
      return answer(r.status === "open" ? "staff-claim-first" : "staff-already-closed");
    }
    if (!holder) return answer("staff-holder-only", { name: r.holderName ?? "" });
    let done = true;
    if (action === "done") done = await desk.contacted(r, staff);
    else if (action === "rel") done = await desk.release(r, staff);
    else if (action === "close" || action === "back") {
      const view = await desk.store.view(r.id);
      const closing = action === "close";
      if (view) await ctx.editMessageText(desk.cardText(view, closing), { parse_mode: "HTML", reply_markup: desk.cardKeyboard(view, closing) }).catch(() => {});
    } else if (isOneOf(STAFF_OUTCOMES, action)) done = await desk.close(r, staff, action);
    if (!done) await desk.refresh(r.id);
    await ctx.answerCallbackQuery(done ? undefined : { text: t("staff-card-changed"), show_alert: true }).catch(() => {});
  });

  return c;
}

/** A card action or reply applies only in a group that shows the referral's card. */
function onThisGroup(r: Referral, chatId: string): boolean {
  return r.cardChatId === chatId || r.escChatId === chatId;
}
