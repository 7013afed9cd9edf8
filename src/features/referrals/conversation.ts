import { InlineKeyboard, type Context } from "grammy";
import { isCommand, waitOwn, type BotConversation, type ConversationSpec, type InsideContext } from "../../bot/conversations.js";
import { localeOf } from "../../bot/i18n.js";
import { escapeHtml } from "../../shared/html.js";
import { navScreen, show, type Screen } from "../../ui/screen.js";
import { RefRoute, type Desk } from "./desk.js";
import {
  HELP_KINDS,
  isOneOf,
  NOTE_MAX,
  ukrainianPhone,
  WINDOWS,
  type CallWindow,
  type ContactMethod,
  type HelpKind,
} from "./domain.js";

export const REFERRAL_CONVERSATION = "referral";
export const FORM_PREFIX = "rf";

/** Entering from a directory service card or a partner's own link: who the person came from. */
export interface FormArgs {
  serviceId?: string;
  partnerId?: number;
}

type Target = "svc" | "hub" | "police" | "fast";
type Step = "to" | "region" | "locate" | "partner" | "help" | "contact" | "phone" | "window" | "voicemail" | "note" | "consent";
interface PartnerChoice {
  id: number;
  name: string;
  region: string;
}
interface Form {
  target?: Target;
  partnerId: number | null;
  partnerName?: string;
  region?: string;
  help?: HelpKind;
  contact: ContactMethod;
  phone?: string;
  window?: CallWindow;
  voicemail?: boolean;
  note?: string;
}

const b = (data: string) => `${FORM_PREFIX}:${data}`;
/** The form where the person left it: 🆘's "Back" leads here, and the form shows its current step again. */
export const FORM_HERE = b("here");

/**
 * The request, step by step: to whom, what help, how to be contacted (the
 * anonymous chat by default, or a phone with a safe time and whether a
 * voicemail is safe), an optional note, then a consent screen that says
 * exactly what goes to whom. Answers live in local variables (rebuilt by
 * replay), so the conversation's encrypted state is their only copy until
 * "send"; cancel, quick exit or /forget drop them.
 */
export function referralConversation(desk: Desk): ConversationSpec {
  async function builder(conversation: BotConversation, ctx: InsideContext, args?: FormArgs): Promise<void> {
    const chatId = String(ctx.chat!.id);
    const serviceId = args?.serviceId;
    const cameFrom = serviceId !== undefined || args?.partnerId !== undefined;
    const form: Form = { partnerId: null, contact: "relay" };
    let partners: PartnerChoice[] = [];
    /** Some partner of the chosen kind has a place on the map: the location can find the nearest. */
    let placed = false;
    const steps: Step[] = ["to"];
    const step = () => steps.at(-1)!;
    const go = (next: Step) => steps.push(next);

    const screenOf = (c: InsideContext, hint?: string): Screen => {
      const s = step();
      const k = new InlineKeyboard();
      const t = (key: string, vars?: Record<string, string | number>) => c.t(key, vars);
      let text: string;
      if (s === "to") {
        text = t("ref-to-text");
        if (cameFrom) k.text(t("btn-ref-to-svc"), b("to:svc")).row();
        k.text(t("btn-ref-to-hub"), b("to:hub")).row().text(t("btn-ref-to-police"), b("to:police")).row().text(t("btn-ref-to-fast"), b("to:fast")).row();
      } else if (s === "region") {
        text = t(placed ? "ref-region-or-location" : "ref-region-text");
        if (placed) k.text(t("btn-ref-location"), b("loc")).row();
        const seen = new Set<string>();
        for (const p of partners) {
          if (seen.has(p.region)) continue;
          seen.add(p.region);
          k.text(p.region, b(`rg:${p.id}`)).row();
        }
      } else if (s === "locate") {
        text = t("ref-locate-text");
      } else if (s === "partner") {
        text = t("ref-partner-text");
        for (const p of partners.filter((p) => p.region === form.region)) k.text(p.name, b(`p:${p.id}`)).row();
      } else if (s === "help") {
        text = t("ref-help-text");
        for (const h of HELP_KINDS) k.text(t(`ref-help-${h}`), b(`h:${h}`)).row();
      } else if (s === "contact") {
        text = t("ref-contact-text");
        k.text(t("btn-ref-relay"), b("c:relay")).row().text(t("btn-ref-phone"), b("c:phone")).row();
      } else if (s === "phone") {
        text = t("ref-phone-text");
      } else if (s === "window") {
        text = t("ref-window-text");
        for (const w of WINDOWS) k.text(t(`ref-window-${w}`), b(`w:${w}`)).row();
      } else if (s === "voicemail") {
        text = t("ref-voicemail-text");
        k.text(t("btn-ref-voicemail-yes"), b("v:yes")).row().text(t("btn-ref-voicemail-no"), b("v:no")).row();
      } else if (s === "note") {
        text = t("ref-note-text", { max: NOTE_MAX });
        k.text(t("btn-ref-note-skip"), b("n:skip")).row();
      } else {
        text = consentText(c, form, desk.retentionDays);
        k.text(t("btn-ref-send"), b("send")).row().text(t("btn-ref-change"), b("chg")).row();
      }
      if (steps.length > 1) k.text(t("btn-back"), b("b"));
      k.text(t("btn-ref-stop"), b("x")).row();
      // What the person wrote about themselves is not to be forwarded or saved.
      return { ...navScreen(c, hint ? `${hint}\n\n${text}` : text, { self: FORM_HERE }, k), protect: s === "consent" };
    };

    /** Partner chosen: unless the person already has an open request there, on to "what help". */
    const choose = async (c: InsideContext, partnerId: number | null, name?: string): Promise<void> => {
      const existing = await conversation.external(() => desk.store.activeTo(chatId, partnerId).then((r) => r?.code));
      if (existing) {
        const k = new InlineKeyboard().text(c.t("btn-ref-see", { code: existing }), `${RefRoute.status}:${existing}`).row().text(c.t("btn-back"), b("b")).row();
        await show(c, navScreen(c, c.t("ref-already-open", { code: existing }), { self: RefRoute.entry }, k));
        return;
      }
      Object.assign(form, { partnerId, partnerName: name });
      go("help");
      await show(c, screenOf(c));
    };

    /** Leaving the location step: the "send my location" keyboard goes, if it is still there. */
    const leaveLocate = async (c: InsideContext): Promise<void> => {
      const waiting = await conversation.external((outside) => {
        const was = outside.session.referralNear !== undefined;
        delete outside.session.referralNear;
        return was;
      });
      if (waiting) await c.reply(c.t("ref-keyboard-closed"), { reply_markup: { remove_keyboard: true } });
    };

    await show(ctx, screenOf(ctx));
    for (;;) {
      const c = await waitOwn(conversation, FORM_PREFIX);
      const data = c.callbackQuery?.data?.slice(FORM_PREFIX.length + 1);
      const s = step();

      if (data === undefined) {
        const contact = c.message?.contact?.phone_number;
        const text = c.message?.text?.trim();
        if (s === "phone" && (contact || text)) {
          const phone = ukrainianPhone(contact ?? text!);
          if (!phone) {
            await show(c, screenOf(c, c.t("ref-phone-bad")));
            continue;
          }
          form.phone = phone;
          go("window");
          await c.reply(c.t("ref-phone-ok", { phone }), { parse_mode: "HTML", protect_content: true, reply_markup: { remove_keyboard: true } });
          await show(c, screenOf(c));
        } else if (s === "locate" && text === c.t("btn-ref-near-region")) {
          await leaveLocate(c);
          steps.pop();
          await show(c, screenOf(c));
        } else if (s === "note" && text) {
          if (text.length > NOTE_MAX) {
            await show(c, screenOf(c, c.t("ref-note-too-long", { max: NOTE_MAX, length: text.length })));
            continue;
          }
          form.note = text;
          go("consent");
          await show(c, screenOf(c));
        } else {
          const hint = s === "note" ? "ref-note-text-only" : s === "phone" ? "ref-phone-bad" : "ref-use-buttons";
          await show(c, screenOf(c, c.t(hint)));
        }
        continue;
      }

      const [kind, value] = data.split(":");
      if (s === "locate") await leaveLocate(c);
      // Leaving the phone step by a button: the "share my number" keyboard goes too.
      if (s === "phone" && (kind === "b" || kind === "x")) {
        await c.reply(c.t("ref-keyboard-closed"), { reply_markup: { remove_keyboard: true } });
      }
      if (kind === "x") {
        await show(c, navScreen(c, c.t("ref-stopped"), { self: RefRoute.entry }));
        return;
      }
      if (kind === "b" && steps.length > 1) {
        steps.pop();
        await show(c, screenOf(c));
        continue;
      }
      if (s === "to" && kind === "to") {
        form.target = value as Target;
        if (value === "svc" && cameFrom) {
          const p = await conversation.external(async () => {
            const found = serviceId !== undefined ? await desk.store.partnerForService(serviceId) : await desk.store.partner(args!.partnerId!);
            return found && { id: found.id, name: found.name };
          });
          await choose(c, p?.id ?? null, p?.name);
          continue;
        }
        if (value === "fast") {
          await choose(c, null);
          continue;
        }
        if (value === "hub" || value === "police") {
          const kindOf = value;
          ({ partners, placed } = await conversation.external(async () => ({
            partners: (await desk.store.partners(kindOf)).map((p) => ({ id: p.id, name: p.name, region: p.oblast ?? p.city ?? p.name })),
            placed: (await desk.store.placed(kindOf)).size > 0,
          })));
          if (partners.length === 0) {
            await show(c, screenOf(c, c.t("ref-none-of-kind")));
            continue;
          }
          go("region");
          await show(c, screenOf(c));
          continue;
        }
      }
      if (s === "region" && kind === "rg") {
        const picked = partners.find((p) => String(p.id) === value);
        if (picked) {
          form.region = picked.region;
          const inRegion = partners.filter((p) => p.region === picked.region);
          if (inRegion.length === 1) await choose(c, picked.id, picked.name);
          else {
            go("partner");
            await show(c, screenOf(c));
          }
          continue;
        }
      }
      if (s === "region" && kind === "loc" && placed) {
        // The location itself never comes here (see conversations.ts): the
        // referrals composer takes it, finds the nearest partner of this kind
        // and answers with buttons that carry only that partner's id.
        const near = form.target;
        await conversation.external((outside) => {
          outside.session.referralNear = near;
        });
        go("locate");
        await show(c, screenOf(c));
        const keyboard = [[{ text: c.t("svc-btn-send-location"), request_location: true }], [{ text: c.t("btn-ref-near-region") }]];
        await c.reply(c.t("svc-location-prompt"), { reply_markup: { keyboard, resize_keyboard: true, one_time_keyboard: true } });
        continue;
      }
      if (s === "locate" && (kind === "near" || kind === "fast")) {
        const picked = kind === "near" ? partners.find((p) => String(p.id) === value) : undefined;
        if (kind === "fast" || picked) {
          // Back from "what help" leads to the region list, not to the location again.
          steps.pop();
          await choose(c, picked?.id ?? null, picked?.name);
          continue;
        }
      }
      if (s === "partner" && kind === "p") {
        const picked = partners.find((p) => String(p.id) === value && p.region === form.region);
        if (picked) {
          await choose(c, picked.id, picked.name);
          continue;
        }
      }
      if (s === "help" && kind === "h" && isOneOf(HELP_KINDS, value)) {
        form.help = value;
        go("contact");
      } else if (s === "contact" && kind === "c" && (value === "relay" || value === "phone")) {
        form.contact = value;
        go(value === "phone" ? "phone" : "note");
        if (value === "phone") {
          await show(c, screenOf(c));
          // Telegram's own button shares the person's number in one tap.
          const keyboard = [[{ text: c.t("btn-ref-share-phone"), request_contact: true }]];
          await c.reply(c.t("ref-phone-keyboard"), { reply_markup: { keyboard, resize_keyboard: true, one_time_keyboard: true } });
          continue;
        }
      } else if (s === "window" && kind === "w" && isOneOf(WINDOWS, value)) {
        form.window = value;
        go("voicemail");
      } else if (s === "voicemail" && kind === "v") {
        form.voicemail = value === "yes";
        go("note");
      } else if (s === "note" && kind === "n") {
        delete form.note;
        go("consent");
      } else if (s === "consent" && kind === "chg") {
        steps.splice(1);
      } else if (s === "consent" && kind === "send") {
        const locale = localeOf(c);
        const input = {
          chatId,
          locale,
          partnerId: form.partnerId,
          serviceId: form.target === "svc" ? serviceId : undefined,
          help: form.help ?? "other",
          contact: form.contact,
          ...(form.contact === "phone" ? { phone: form.phone, window: form.window, voicemail: form.voicemail } : {}),
          note: form.note,
        };
        const sent = await conversation.external(() => desk.submit(input));
        if (sent.result !== "sent") {
          if (sent.result === "exists") {
            await choose(c, form.partnerId, form.partnerName);
            continue;
          }
          await show(c, navScreen(c, c.t("ref-unavailable"), { self: RefRoute.entry }));
          return;
        }
        const id = sent.id;
        const view = await conversation.external(() => desk.store.view(id));
        if (view) await show(c, desk.statusScreen((k, v) => c.t(k, v), view, c.t("ref-sent", { code: view.code })));
        return;
      }
      // Back from 🆘, an old button or a double tap: show where the person is (the location's keyboard is gone).
      if (s === "locate") steps.pop();
      await show(c, screenOf(c));
    }
  }

  // /referral and the entry buttons (menu, a service card, a partner's link) start the form anew.
  const enters = (ctx: Context) => isCommand(ctx, "referral") || /^ref(:|$)/.test(ctx.callbackQuery?.data ?? "");
  return { id: REFERRAL_CONVERSATION, version: 2, prefix: FORM_PREFIX, builder, kept: "ref-kept-draft", enters };
}

/** What will be shared with whom, exactly. */
function consentText(c: InsideContext, form: Form, days: number): string {
  const t = (key: string, vars?: Record<string, string | number>) => c.t(key, vars);
  const partner = form.partnerName ? escapeHtml(form.partnerName) : t("ref-partner-any");
  const lines = [t("ref-consent-title"), "", t("ref-consent-to", { partner }), t("ref-consent-shared"), `• ${t("ref-consent-help", { help: t(`ref-help-${form.help ?? "other"}`) })}`];
  if (form.contact === "phone" && form.phone) {
    lines.push(`• ${t("ref-consent-phone", { phone: form.phone, window: t(`ref-window-${form.window ?? "any"}`) })}`);
    lines.push(`• ${t(form.voicemail ? "ref-consent-voicemail-yes" : "ref-consent-voicemail-no")}`);
  } else lines.push(`• ${t("ref-consent-relay")}`);
  if (form.note) lines.push(`• ${t("ref-consent-note", { note: escapeHtml(form.note) })}`);
  lines.push("", t("ref-consent-not-shared"), t("ref-consent-kept", { days }));
  return lines.join("\n");
}
