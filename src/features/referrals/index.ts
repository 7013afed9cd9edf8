import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { escapeHtml } from "../../shared/html.js";
import { NEARBY_KM } from "../services/directory.js";
import { confirmed, confirmToken } from "../../ui/confirm.js";
import { safetyQuestion } from "../start/index.js";
import { navScreen, show, type Screen } from "../../ui/screen.js";
import { FORM_HERE, FORM_PREFIX, REFERRAL_CONVERSATION, referralConversation, type FormArgs } from "./conversation.js";
import { Desk, RefRoute } from "./desk.js";
import type { Partner } from "./store.js";
import { isOneOf, PARTNER_KINDS, RELAY_MAX, type PartnerKind } from "./domain.js";
import { staffComposer } from "./staff.js";

const chatId = (ctx: BotContext) => String(ctx.chat!.id);
const CODE_ARG = "([A-HJ-NP-Z2-9]{6})";
const SERVICE_ID = "([a-z0-9][a-z0-9-]{0,23})";
const INVITE = /^(?:cw_)?([A-Za-z0-9_-]{16})$/;

/** One Desk per set of deps (the bot's), shared by the composers and the jobs. */
const desks = new WeakMap<FeatureDeps, Desk>();
function deskOf(deps: FeatureDeps): Desk {
  let desk = desks.get(deps);
  if (!desk) desks.set(deps, (desk = new Desk(deps)));
  return desk;
}

/** The person's requests that have not ended, or the form for a new one. */
async function entryScreen(ctx: BotContext, desk: Desk): Promise<Screen | undefined> {
  const active = await desk.store.active(chatId(ctx));
  if (active.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  for (const r of active) keyboard.text(ctx.t("btn-ref-see", { code: r.code }), `${RefRoute.status}:${r.code}`).row();
  keyboard.text(ctx.t("btn-ref-new"), RefRoute.new).row();
  return { ...navScreen(ctx, ctx.t("ref-entry-text"), { self: RefRoute.entry }, keyboard), protect: true };
}

/**
 * The answer to a location shared in the form: the nearest partner of the
 * kind, said honestly when it is far or when none has a place. Its buttons
 * are the form's (`rf:`) and carry only the partner's id. No distance in the
 * text: the conversation keeps the message a button was pressed on.
 */
function nearScreen(ctx: BotContext, kind: PartnerKind, near: { partner: Partner; km: number } | undefined): Screen {
  const k = new InlineKeyboard();
  let text: string;
  if (!near) text = ctx.t("ref-near-unplaced");
  else {
    const { name, city, oblast } = near.partner;
    const place = city ?? oblast;
    const partner = `${escapeHtml(name)}${place ? ` (${escapeHtml(place)})` : ""}`;
    const vars = { kind: ctx.t(`staff-kind-${kind}`), partner, km: NEARBY_KM };
    text = ctx.t(near.km <= NEARBY_KM ? "ref-near-found" : "ref-near-far", vars);
    k.text(ctx.t("btn-ref-near-ask"), `${FORM_PREFIX}:near:${near.partner.id}`).row();
  }
  k.text(ctx.t("btn-ref-to-fast"), `${FORM_PREFIX}:fast`).row();
  k.text(ctx.t("btn-ref-near-region"), `${FORM_PREFIX}:b`).row().text(ctx.t("btn-ref-stop"), `${FORM_PREFIX}:x`).row();
  return navScreen(ctx, text, { self: RefRoute.entry }, k);
}

/**
 * Warm referrals, the person's side: "💬 Talk to a person", /referral and a
 * service card's "Ask them to contact me" open the form (a conversation);
 * the status of a request, "cancel my request" (after a confirmation) and
 * the anonymous chat with the caseworker are routes. The staff side is in
 * staff.ts, the scheduled work in the Desk.
 */
export const referralsFeature: Feature = {
  menu: { label: "menu-referral", route: RefRoute.entry },
  commands: [{ command: "referral", description: "cmd-referral" }],
  groupCommands: [
    { command: "reply", description: "cmd-group-reply" },
    { command: "history", description: "cmd-group-history" },
  ],
  screens: (route) => route === RefRoute.entry || route === FORM_HERE,
  // After "Reply", the next text goes to the staff, even with a safety plan in progress.
  awaitsMessage: (ctx) => ctx.session.relayTo !== undefined,
  conversations: (deps) => [referralConversation(deskOf(deps))],
  async kept(ctx, deps) {
    const { store } = deskOf(deps);
    const count = await store.countOf(chatId(ctx));
    // In a private chat the chat id is the person's Telegram id: staff see their own access here.
    const groups = (await store.staffOf(chatId(ctx))).map((p) => (p ? escapeHtml(p.name) : ctx.t("ref-kept-staff-fallback")));
    return [count > 0 && ctx.t("ref-kept", { count }), groups.length > 0 && ctx.t("ref-kept-staff", { groups: groups.join(", ") })].filter((l) => l !== false);
  },
  async forget(chat, deps) {
    const desk = deskOf(deps);
    await desk.forgetStaff(chat);
    for (const r of await desk.store.active(chat)) await desk.endByPerson(r, "withdrawn");
    // Closed ones lose the phone and note on their cards too.
    for (const id of await desk.store.scrub(chat)) await desk.refresh(id);
  },
  groups: (deps) => staffComposer(deps, deskOf(deps)),
  jobs(deps) {
    const desk = deskOf(deps);
    return [
      { name: "referral-reminder", cron: "* * * * *", run: async () => ({ reminded: await desk.remind() }) },
      { name: "referral-escalation", cron: "* * * * *", run: async () => ({ escalated: await desk.escalate() }) },
      { name: "referral-purge", cron: "17 * * * *", run: async () => ({ purged: await desk.purge() }) },
    ];
  },
  composer(deps) {
    const desk = deskOf(deps);
    const c = new Composer<BotContext>();
    const t = (ctx: BotContext) => (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);

    const form = async (ctx: BotContext, args?: FormArgs) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      delete ctx.session.referralNear;
      await ctx.conversation.exit(REFERRAL_CONVERSATION);
      await ctx.conversation.enter(REFERRAL_CONVERSATION, args);
    };
    const entry = async (ctx: BotContext) => {
      delete ctx.session.relayTo;
      const screen = await entryScreen(ctx, desk);
      return screen ? show(ctx, screen) : form(ctx);
    };
    c.command("referral", entry);
    c.callbackQuery(RefRoute.entry, entry);
    c.callbackQuery(RefRoute.new, (ctx) => form(ctx));
    c.callbackQuery(new RegExp(`^${RefRoute.service}:${SERVICE_ID}$`), (ctx) => form(ctx, { serviceId: ctx.match[1] }));

    /** The person's own request by code; anything else leads to the entry. */
    const own = async (ctx: BotContext, code: string | undefined) => {
      const r = code ? await desk.store.byCode(code) : null;
      return r && r.chatId === chatId(ctx) ? r : undefined;
    };
    const status = async (ctx: BotContext, code: string, lead?: string) => {
      const r = await own(ctx, code);
      const view = r && (await desk.store.view(r.id));
      if (!view) return entry(ctx);
      await show(ctx, desk.statusScreen(t(ctx), view, lead));
    };
    c.callbackQuery(new RegExp(`^${RefRoute.status}:${CODE_ARG}$`), (ctx) => {
      delete ctx.session.relayTo;
      return status(ctx, ctx.match[1]!);
    });

    // Cancel: only from its confirmation (a one-time token in the session).
    const cancelQuestion = async (ctx: BotContext, code: string) => {
      const r = await own(ctx, code);
      if (!r || r.status === "closed") return status(ctx, code);
      const token = confirmToken(ctx, `${RefRoute.cancel}:${r.code}`);
      const keyboard = new InlineKeyboard()
        .text(ctx.t("btn-ref-cancel-yes"), `${RefRoute.cancelYes}:${r.code}:${token}`)
        .row()
        .text(ctx.t("btn-ref-cancel-no"), `${RefRoute.status}:${r.code}`)
        .row();
      await show(ctx, { ...navScreen(ctx, ctx.t("ref-cancel-question", { code: r.code }), { self: RefRoute.entry }, keyboard), protect: true });
    };
    c.callbackQuery(new RegExp(`^${RefRoute.cancel}:${CODE_ARG}$`), (ctx) => cancelQuestion(ctx, ctx.match[1]!));
    c.callbackQuery(new RegExp(`^${RefRoute.cancelYes}:${CODE_ARG}(?::([A-Za-z0-9_-]{1,16}))?$`), async (ctx) => {
      const code = ctx.match[1]!;
      const r = await own(ctx, code);
      if (!r || !confirmed(ctx, `${RefRoute.cancel}:${code}`, ctx.match[2])) return cancelQuestion(ctx, code);
      await desk.endByPerson(r, "cancelled");
      await status(ctx, code, ctx.t("ref-cancelled"));
    });

    // The anonymous chat: "Reply", then the person's next message goes to the caseworker.
    c.callbackQuery(new RegExp(`^${RefRoute.reply}:${CODE_ARG}$`), async (ctx) => {
      const r = await own(ctx, ctx.match[1]);
      if (!r || r.status === "closed" || r.status === "open" || r.contact !== "relay") return status(ctx, ctx.match[1]!);
      // A form in progress would take the message: it ends, the reply goes first.
      await ctx.conversation.exit(REFERRAL_CONVERSATION);
      ctx.session.relayTo = r.code;
      const keyboard = new InlineKeyboard().text(ctx.t("btn-ref-cancel-no"), `${RefRoute.status}:${r.code}`).row();
      const view = await desk.store.view(r.id);
      const partner = view ? desk.partnerName(t(ctx), view) : "";
      await show(ctx, navScreen(ctx, ctx.t("ref-reply-text", { partner, max: RELAY_MAX }), { self: RefRoute.entry }, keyboard));
    });
    c.on("message:text", async (ctx, next) => {
      const code = ctx.session.relayTo;
      if (!code || ctx.msg.entities?.[0]?.type === "bot_command") return next();
      const r = await own(ctx, code);
      if (!r || r.status === "closed" || r.status === "open") {
        delete ctx.session.relayTo;
        return status(ctx, code);
      }
      if (ctx.msg.text.length > RELAY_MAX) {
        return show(ctx, navScreen(ctx, ctx.t("ref-reply-too-long", { max: RELAY_MAX, length: ctx.msg.text.length }), { self: RefRoute.entry }));
      }
      delete ctx.session.relayTo;
      const sent = await desk.relayToStaff(r, ctx.msg.text);
      await status(ctx, code, ctx.t(sent ? "ref-reply-sent" : "ref-reply-failed"));
    });

    // The form's "use my location": the location is used here, outside the
    // conversation (whose stored state would keep it), then dropped.
    c.on("message:location", async (ctx, next) => {
      const kind = ctx.session.referralNear;
      if (kind === undefined) return next();
      delete ctx.session.referralNear;
      if (!isOneOf(PARTNER_KINDS, kind) || ctx.conversation.active(REFERRAL_CONVERSATION) === 0) return next();
      const { latitude, longitude } = ctx.msg.location;
      // The person's location leaves the chat too: someone else may look at this phone.
      await ctx.deleteMessage().catch(() => {});
      await ctx.reply(ctx.t("ref-location-used"), { reply_markup: { remove_keyboard: true } });
      await deps.counters.add("referral.location");
      await show(ctx, nearScreen(ctx, kind, await desk.store.nearest(kind, { latitude, longitude })));
    });

    // Caseworker registration: the one-time invite an admin made with /invite in a staff group.
    const join = async (ctx: BotContext, token: string | undefined) => {
      const match = token ? INVITE.exec(token.trim()) : null;
      const joined = match && (await desk.store.redeemInvite(match[1]!, String(ctx.from!.id)));
      if (!joined) return show(ctx, navScreen(ctx, ctx.t("staff-join-bad"), { self: RefRoute.entry }));
      const partner = joined.partnerId === null ? null : await desk.store.partner(joined.partnerId);
      const where = partner ? escapeHtml(partner.name) : ctx.t("card-to-any");
      await show(ctx, navScreen(ctx, ctx.t("staff-join-done", { where }), { self: RefRoute.entry }));
    };
    c.command("join", (ctx) => join(ctx, ctx.match));
    c.command("start", async (ctx, next) => {
      if (ctx.match.startsWith("cw_")) return join(ctx, ctx.match);
      // A partner's own link (t.me/<bot>?start=ref_<id>), e.g. on a hub's poster:
      // the safety question first, as for every poster link; "yes" opens the form.
      const partner = /^ref_(\d{1,9})$/.exec(ctx.match);
      const known = partner && (await desk.store.partner(Number(partner[1])));
      if (!known) return next();
      await deps.counters.add("deeplink.ref");
      await show(ctx, safetyQuestion(ctx, `${RefRoute.partner}:${known.id}`));
    });
    c.callbackQuery(new RegExp(`^${RefRoute.partner}:(\\d{1,9})$`), async (ctx) => {
      const known = await desk.store.partner(Number(ctx.match[1]));
      return form(ctx, known ? { partnerId: known.id } : undefined);
    });

    // A button of a form that has ended (the conversation would have taken it otherwise).
    c.callbackQuery(new RegExp(`^${FORM_PREFIX}:`), entry);
    return c;
  },
};
