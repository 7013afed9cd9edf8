import { InlineKeyboard, type Api } from "grammy";
import type { Locale } from "../../bot/context.js";
import type { FeatureDeps } from "../../bot/feature.js";
import { escapeHtml } from "../../shared/html.js";
import { Route, sosRoute } from "../../ui/routes.js";
import type { Screen } from "../../ui/screen.js";
import { claimBucket, STAFF_OUTCOMES, type Outcome, type StaffOutcome } from "./domain.js";
import { ACTOR_LABELS, FORMER_STAFF, ReferralStore, type Referral, type ReferralInput, type ReferralView } from "./store.js";

/** A translation in one language. */
export type Tr = (key: string, vars?: Record<string, string | number>) => string;

/** The person's routes (private chat) and the staff's (card buttons in groups). */
export const RefRoute = {
  entry: "ref",
  new: "ref:new",
  status: "ref:s",
  cancel: "ref:c",
  cancelYes: "ref:cx",
  reply: "ref:r",
  /** From a directory service card: `ref:svc:<service id>`. */
  service: "ref:svc",
  /** From a partner's own link, after the safety question: `ref:p:<partner id>`. */
  partner: "ref:p",
} as const;
/** Card buttons: `rc:<action>:<referral id>`. */
export const CARD_ACTIONS = ["claim", "done", "rel", "close", "back", ...STAFF_OUTCOMES] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** Who pressed or wrote in a staff group. */
export interface Staff {
  id: string;
  name: string;
}

type Active = "open" | "claimed" | "contacted";
const HELD: Active[] = ["claimed", "contacted"];

/** Messages to a person about their request arrive silently and protected. */
const QUIET = { parse_mode: "HTML", disable_notification: true, protect_content: true, link_preview_options: { is_disabled: true } } as const;

/**
 * The referral desk: posts and edits the cards in staff groups, carries
 * messages between a caseworker and the person (never storing them), tells
 * the person what happens, and does the scheduled reminders, escalations and
 * purge. Staff never see the person's Telegram name, username or id; the
 * person sees the partner's name, never a caseworker's.
 */
export class Desk {
  readonly store: ReferralStore;
  private readonly api: Api;

  constructor(private readonly deps: FeatureDeps) {
    this.store = new ReferralStore(deps.prisma, deps.cipher, deps.clock);
    this.api = deps.api;
  }

  get retentionDays(): number {
    return this.deps.referrals.retentionDays;
  }

  /**
   * Sends a request: stored, then its card posted. One active request per
   * person per partner; without a group to receive it nothing is kept.
   */
  async submit(input: ReferralInput): Promise<{ result: "sent"; id: number } | { result: "exists" | "unavailable" }> {
    if (await this.store.activeTo(input.chatId, input.partnerId)) return { result: "exists" };
    const r = await this.store.create(input);
    if (!(await this.post(r.id))) {
      await this.store.delete(r.id);
      return { result: "unavailable" };
    }
    const to = r.partnerId === null ? "fallback" : `partner-${r.partnerId}`;
    for (const name of ["referral.sent", `referral.to.${to}.sent`, `referral.help.${r.help}`, `referral.contact.${r.contact}`]) {
      await this.deps.counters.add(name);
    }
    return { result: "sent", id: r.id };
  }

  private get fallback(): string | undefined {
    return this.deps.referrals.staffChatId;
  }

  /** Cards are in their partner's language; the fallback group's in Ukrainian. */
  private staffLocale(view: ReferralView): Locale {
    return (view.partner?.chatId ? view.partner.lang : "uk") as Locale;
  }

  private staffTr(view: ReferralView): Tr {
    const locale = this.staffLocale(view);
    return (key, vars) => this.deps.translate(locale, key, vars);
  }

  personTr(r: Referral): Tr {
    return (key, vars) => this.deps.translate(r.lang as Locale, key, vars);
  }

  /** The group that receives a referral: its partner's, else the fallback group. */
  groupOf(view: ReferralView): string | undefined {
    return view.partner?.chatId ?? this.fallback;
  }

  /** The partner's name as the person sees it. */
  partnerName(t: Tr, view: ReferralView): string {
    return view.partner ? escapeHtml(view.partner.name) : t("ref-partner-any");
  }

  // Cards

  cardText(view: ReferralView, closing = false): string {
    const t = this.staffTr(view);
    const lines = [t("card-title", { code: view.code }), t("card-to", { partner: view.partner ? escapeHtml(view.partner.name) : t("card-to-any") })];
    if (view.serviceId) {
      // The entry's name in the card's language (else the other one); its id if it left the directory.
      const names = view.service && (this.staffLocale(view) === "en" ? [view.service.nameEn, view.service.nameUk] : [view.service.nameUk, view.service.nameEn]);
      lines.push(t("card-service", { service: escapeHtml(names?.find(Boolean) ?? view.serviceId) }));
    }
    lines.push(t("card-help", { help: t(`ref-help-${view.help}`) }));
    if (view.contact === "phone" && view.phone) {
      lines.push(t("card-phone", { phone: view.phone, window: t(`ref-window-${view.window ?? "any"}`) }));
      lines.push(t(view.voicemail ? "card-voicemail-yes" : "card-voicemail-no"));
    } else lines.push(t("card-relay", { code: view.code }));
    if (view.note) lines.push(t("card-note", { note: escapeHtml(view.note) }));
    lines.push("", this.statusLine(t, view));
    if (view.escChatId && view.status === "open") lines.push(t("card-escalated", { minutes: this.deps.referrals.escalationMinutes }));
    if (closing) lines.push("", t("card-close-question"));
    return lines.join("\n");
  }

  private statusLine(t: Tr, view: ReferralView): string {
    const name = escapeHtml(view.holderName ?? "");
    if (view.status === "closed") return t("card-status-closed", { outcome: t(`ref-outcome-${view.outcome ?? "resolved"}`), name });
    return t(`card-status-${view.status}`, { name });
  }

  cardKeyboard(view: ReferralView, closing = false): InlineKeyboard {
    const t = this.staffTr(view);
    const k = new InlineKeyboard();
    const b = (label: string, action: CardAction) => k.text(t(label), `rc:${action}:${view.id}`);
    if (view.status === "open") b("btn-card-claim", "claim");
    else if (closing && view.status !== "closed") {
      for (const outcome of STAFF_OUTCOMES) b(`btn-card-${outcome}`, outcome).row();
      b("btn-card-back", "back");
    } else if (view.status === "claimed") b("btn-card-contacted", "done").row().text(t("btn-card-close"), `rc:close:${view.id}`).text(t("btn-card-release"), `rc:rel:${view.id}`);
    else if (view.status === "contacted") b("btn-card-close", "close").text(t("btn-card-release"), `rc:rel:${view.id}`);
    return k;
  }

  /**
   * Posts the card in the referral's group, or in the fallback group when
   * that fails (the bot was removed, the group was deleted); false when
   * neither took it.
   */
  async post(id: number): Promise<boolean> {
    const view = await this.store.view(id);
    if (!view) return false;
    for (const group of new Set([this.groupOf(view), this.fallback])) {
      if (!group) continue;
      try {
        const sent = await this.api.sendMessage(group, this.cardText(view), { parse_mode: "HTML", protect_content: true, reply_markup: this.cardKeyboard(view) });
        await this.store.setCard(id, group, sent.message_id);
        return true;
      } catch {
        // Not delivered there: the next group, if any.
      }
    }
    return false;
  }

  /**
   * A staff group became a supergroup (`from` → `to`): the partner's group
   * and its cards follow, open cards are posted again there (the old ones can
   * no longer be edited), and the group is told. The fallback group is
   * STAFF_CHAT_ID, a setting: its admins are told the new id to set.
   * Telegram tells both chats; `inNewChat` marks the second telling.
   */
  async moveGroup(from: string, to: string, inNewChat: boolean): Promise<void> {
    if (from === this.fallback) {
      if (inNewChat) await this.api.sendMessage(to, this.deps.translate("uk", "staff-fallback-upgraded", { id: to }), { parse_mode: "HTML" });
      return;
    }
    const { partner, active } = await this.store.moveGroup(from, to);
    for (const id of active) await this.post(id);
    if (partner) await this.api.sendMessage(to, this.deps.translate(partner.lang as Locale, "staff-group-upgraded", { count: active.length }));
  }

  /** Shows the referral's current state on its card(s). */
  async refresh(id: number, closing = false): Promise<void> {
    const view = await this.store.view(id);
    if (!view) return;
    const text = this.cardText(view, closing);
    const reply_markup = this.cardKeyboard(view, closing);
    for (const [chat, message] of [[view.cardChatId, view.cardMessageId], [view.escChatId, view.escMessageId]] as const) {
      if (!chat || !message) continue;
      await this.api.editMessageText(chat, message, text, { parse_mode: "HTML", reply_markup }).catch(() => {});
    }
  }

  /**
   * May this staff member act on the referral? Its partner's caseworkers; in
   * the fallback group (also after an escalation) admins and its caseworkers.
   */
  async authorised(r: Referral, userId: number): Promise<boolean> {
    const id = String(userId);
    if (r.partnerId !== null && (await this.store.isCaseworker(r.partnerId, id))) return true;
    const inFallback = r.cardChatId === this.fallback || r.escChatId !== null;
    return inFallback && (this.deps.isAdmin(userId) || (await this.store.isCaseworker(null, id)));
  }

  // Staff actions: each one conditional update, then the cards and the person are told.

  /** True when this caseworker won the claim. */
  async claim(r: Referral, staff: Staff): Promise<boolean> {
    const now = this.deps.clock.now();
    const won = await this.store.transition(r.id, ["open"], { status: "claimed", holderId: staff.id, holderName: staff.name, claimedAt: now }, staff, "claimed");
    if (!won) return false;
    const waited = now.getTime() - r.createdAt.getTime();
    this.deps.metrics?.referralClaimed(waited / 1000);
    await this.deps.counters.add(`referral.claim.${claimBucket(waited)}`);
    await this.refresh(r.id);
    await this.tellPerson(r.id, "ref-update-claimed");
    return true;
  }

  async contacted(r: Referral, staff: Staff): Promise<boolean> {
    const ok = await this.store.transition(r.id, ["claimed"], { status: "contacted" }, staff, "contacted", staff.id);
    if (ok) await this.refresh(r.id);
    return ok;
  }

  async release(r: Referral, staff: Staff): Promise<boolean> {
    const ok = await this.store.transition(r.id, HELD, { status: "open", holderId: null, holderName: null }, staff, "released", staff.id);
    if (ok) {
      await this.refresh(r.id);
      await this.tellPerson(r.id, "ref-update-released");
    }
    return ok;
  }

  async close(r: Referral, staff: Staff, outcome: StaffOutcome): Promise<boolean> {
    const ok = await this.store.transition(r.id, HELD, { status: "closed", outcome, closedAt: this.deps.clock.now() }, staff, `closed-${outcome}`, staff.id);
    if (ok) {
      await this.countOutcome(r, outcome);
      await this.refresh(r.id);
      await this.tellPerson(r.id, "ref-update-closed");
    }
    return ok;
  }

  /**
   * A staff member's /forget: the requests they hold go back to the queue (the
   * person is told, as on a release), then their access and name go.
   */
  async forgetStaff(userId: string): Promise<void> {
    for (const r of await this.store.heldBy(userId)) await this.release(r, { id: userId, name: FORMER_STAFF });
    await this.store.forgetStaff(userId);
  }

  /**
   * The person ended it: their cancel button, or /forget (`withdrawn`, after
   * which the row keeps nothing that points to them). Staff are told.
   */
  async endByPerson(r: Referral, outcome: "cancelled" | "withdrawn"): Promise<boolean> {
    const data: Partial<Referral> = { status: "closed", outcome, closedAt: this.deps.clock.now() };
    if (outcome === "withdrawn") Object.assign(data, { chatId: null, phone: null, note: null });
    const ok = await this.store.transition(r.id, ["open", "claimed", "contacted"], data, "person", outcome);
    if (!ok) return false;
    await this.countOutcome(r, outcome);
    await this.refresh(r.id);
    const view = await this.store.view(r.id);
    const group = view?.cardChatId;
    if (view && group) {
      const t = this.staffTr(view);
      await this.api
        .sendMessage(group, t(`card-${outcome}`, { code: view.code }), { parse_mode: "HTML", reply_parameters: { message_id: view.cardMessageId!, allow_sending_without_reply: true } })
        .catch(() => {});
    }
    return true;
  }

  private async countOutcome(r: Referral, outcome: Outcome): Promise<void> {
    await this.deps.counters.add(`referral.outcome.${outcome}`);
    await this.deps.counters.add(`referral.to.${r.partnerId === null ? "fallback" : `partner-${r.partnerId}`}.outcome.${outcome}`);
  }

  // The person's side

  /** The person's status screen for one referral. */
  statusScreen(t: Tr, view: ReferralView, lead?: string): Screen {
    const partner = this.partnerName(t, view);
    const lines = lead ? [lead, ""] : [];
    lines.push(t("ref-status-title", { code: view.code }), t("ref-status-to", { partner }));
    lines.push(view.status === "closed" ? t(`ref-status-closed-${view.outcome ?? "resolved"}`, { partner }) : t(`ref-status-${view.status}`, { partner }));
    const k = new InlineKeyboard();
    if (view.status !== "closed") {
      if (view.contact === "relay" && view.status !== "open") k.text(t("btn-ref-reply"), `${RefRoute.reply}:${view.code}`).row();
      k.text(t("btn-ref-refresh"), `${RefRoute.status}:${view.code}`).row();
      k.text(t("btn-ref-cancel"), `${RefRoute.cancel}:${view.code}`).row();
    }
    k.text(t("btn-menu"), Route.menu).row().text(t("btn-sos"), sosRoute(RefRoute.entry)).text(t("btn-exit"), Route.exit).row();
    return { text: lines.join("\n"), keyboard: k, protect: true };
  }

  /** An update to the person, silent, with a neutral first line and their request's status. */
  async tellPerson(id: number, key: string, vars: Record<string, string | number> = {}): Promise<void> {
    const view = await this.store.view(id);
    if (!view?.chatId) return;
    const t = this.personTr(view);
    const screen = this.statusScreen(t, view, `${t("ref-update-first")}\n${t(key, { partner: this.partnerName(t, view), ...vars })}`);
    await this.api.sendMessage(view.chatId, screen.text, { ...QUIET, reply_markup: screen.keyboard }).catch(() => {});
  }

  /** A caseworker's message to the person, under the partner's name; false when it could not be delivered. */
  async relayToPerson(r: Referral, text: string, staff: Staff): Promise<boolean> {
    const view = await this.store.view(r.id);
    if (!view?.chatId) return false;
    const t = this.personTr(view);
    const body = [t("ref-update-first"), t("ref-relay-from", { partner: this.partnerName(t, view), code: view.code }), "", escapeHtml(text)].join("\n");
    const keyboard = new InlineKeyboard().text(t("btn-ref-reply"), `${RefRoute.reply}:${view.code}`).row().text(t("btn-sos"), sosRoute(RefRoute.entry)).text(t("btn-exit"), Route.exit);
    try {
      await this.api.sendMessage(view.chatId, body, { ...QUIET, reply_markup: keyboard });
    } catch {
      return false;
    }
    await this.store.event(r.id, staff, "message-to-person");
    return true;
  }

  /** The person's answer, into the staff group as a reply to the card. */
  async relayToStaff(r: Referral, text: string): Promise<boolean> {
    const view = await this.store.view(r.id);
    const group = view?.cardChatId;
    if (!view || !group) return false;
    const t = this.staffTr(view);
    const body = `${t("card-relay-from-person", { code: view.code })}\n\n${escapeHtml(text)}`;
    try {
      await this.api.sendMessage(group, body, { parse_mode: "HTML", protect_content: true, reply_parameters: { message_id: view.cardMessageId!, allow_sending_without_reply: true } });
    } catch {
      return false;
    }
    await this.store.event(r.id, "person", "message-to-staff");
    return true;
  }

  /** The status history for staff: when (Kyiv time), who, what. */
  async historyText(r: Referral): Promise<string> {
    const view = await this.store.view(r.id);
    if (!view) return "";
    const t = this.staffTr(view);
    const when = new Intl.DateTimeFormat("uk-UA", { timeZone: "Europe/Kyiv", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
    const lines = (await this.store.history(r.id)).map((e) => {
      const who = e.actorId === null && ACTOR_LABELS.includes(e.actor) ? t(`card-actor-${e.actor}`) : escapeHtml(e.actor);
      return `${when.format(e.at)} — ${who}: ${t(`card-event-${e.action}`)}`;
    });
    return [t("card-history", { code: r.code }), ...lines].join("\n");
  }

  // Scheduled work

  /** Unclaimed after the reminder time: a reminder in the card's group. */
  async remind(): Promise<number> {
    const { reminderMinutes } = this.deps.referrals;
    const ids = await this.store.claimDue("remindedAt", this.minutesAgo(reminderMinutes));
    for (const id of ids) {
      const view = await this.store.view(id);
      if (!view?.cardChatId) continue;
      const t = this.staffTr(view);
      await this.api.sendMessage(view.cardChatId, t("card-reminder", { code: view.code, minutes: reminderMinutes }), {
        parse_mode: "HTML",
        reply_parameters: { message_id: view.cardMessageId!, allow_sending_without_reply: true },
      });
      await this.store.event(id, "bot", "reminder");
    }
    return ids.length;
  }

  /** Unclaimed after the escalation time: a card in the fallback group, and the person is told honestly. */
  async escalate(): Promise<number> {
    const { escalationMinutes } = this.deps.referrals;
    const ids = await this.store.claimDue("escalatedAt", this.minutesAgo(escalationMinutes));
    for (const id of ids) {
      const view = await this.store.view(id);
      if (!view) continue;
      const fallback = this.fallback;
      if (fallback && fallback !== view.cardChatId) {
        const sent = await this.api.sendMessage(fallback, this.cardText(view), { parse_mode: "HTML", protect_content: true, reply_markup: this.cardKeyboard(view) });
        await this.store.setCard(id, fallback, sent.message_id, true);
      } else if (fallback && view.cardMessageId) {
        const t = this.staffTr(view);
        await this.api.sendMessage(fallback, t("card-escalated-here", { code: view.code, minutes: escalationMinutes }), {
          parse_mode: "HTML",
          reply_parameters: { message_id: view.cardMessageId, allow_sending_without_reply: true },
        });
      }
      await this.store.event(id, "bot", "escalated");
      await this.deps.counters.add("referral.escalated");
      await this.refresh(id);
      await this.tellPerson(id, "ref-update-escalated", { minutes: escalationMinutes });
    }
    return ids.length;
  }

  /**
   * Closed referrals older than the retention time are deleted with their
   * history; their cards keep only the code and "closed". Anonymous counters stay.
   */
  async purge(): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - this.deps.referrals.retentionDays * 86_400_000);
    let purged = 0;
    for (const r of await this.store.closedBefore(before)) {
      const view = await this.store.view(r.id);
      if (!view || !(await this.store.delete(r.id))) continue;
      purged++;
      const t = this.staffTr(view)("card-purged", { code: r.code, days: this.deps.referrals.retentionDays });
      for (const [chat, message] of [[r.cardChatId, r.cardMessageId], [r.escChatId, r.escMessageId]] as const) {
        if (chat && message) await this.api.editMessageText(chat, message, t, { parse_mode: "HTML" }).catch(() => {});
      }
    }
    await this.deps.prisma.caseworkerInvite.deleteMany({ where: { expiresAt: { lte: this.deps.clock.now() } } });
    return purged;
  }

  private minutesAgo(minutes: number): Date {
    return new Date(this.deps.clock.now().getTime() - minutes * 60_000);
  }
}
