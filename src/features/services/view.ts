import type { Service } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import type { BotContext, Locale } from "../../bot/context.js";
import { localeOf } from "../../bot/i18n.js";
import { escapeHtml } from "../../shared/html.js";
import { navScreen, type Screen } from "../../ui/screen.js";
import { isVerified } from "./directory.js";

type Field = "name" | "address" | "description" | "hours" | "serves" | "accessibility" | "city";

/** A text in the person's language, else in the other one (`other` says so). */
export function pick(s: Service, field: Field, locale: Locale): { text?: string; other: boolean } {
  const own = s[`${field}${locale === "uk" ? "Uk" : "En"}`];
  const other = s[`${field}${locale === "uk" ? "En" : "Uk"}`];
  if (own) return { text: own, other: false };
  return other ? { text: other, other: true } : { other: false };
}

export function serviceName(ctx: BotContext, s: Service): string {
  return escapeHtml(pick(s, "name", localeOf(ctx)).text ?? s.id);
}

export function formatKm(ctx: BotContext, km: number): string {
  const digits = km < 10 ? 1 : 0;
  const value = new Intl.NumberFormat(localeOf(ctx) === "uk" ? "uk-UA" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(km);
  return ctx.t("svc-km", { km: value });
}

function phoneList(s: Service): string | undefined {
  return s.phones?.split("; ").map((p) => `<code>${escapeHtml(p)}</code>`).join(", ");
}

/** Where it is: the address, or the city when the address is not known. */
function place(ctx: BotContext, s: Service, cut: (text: string) => string): string | undefined {
  const locale = localeOf(ctx);
  const address = pick(s, "address", locale).text;
  if (address) return escapeHtml(cut(address));
  const city = pick(s, "city", locale).text;
  return city ? ctx.t("svc-address-unknown", { city: escapeHtml(city) }) : undefined;
}

/** Texts in a list are cut here, so five entries always fit one message; the card has them whole. */
const LIST_TEXT = 120;

function short(text: string): string {
  return [...text].length > LIST_TEXT ? `${[...text].slice(0, LIST_TEXT - 1).join("")}…` : text;
}

/** A service in a list: name, distance, place, hours, phones, and whether it was verified. */
export function listEntry(ctx: BotContext, n: number, s: Service, now: Date, km?: number): string {
  const locale = localeOf(ctx);
  const lines = [`<b>${n}. ${serviceName(ctx, s)}</b>${km === undefined ? "" : ` · ${formatKm(ctx, km)}`}`];
  const where = place(ctx, s, short);
  if (where) lines.push(`📍 ${where}`);
  const hours = pick(s, "hours", locale).text;
  if (hours) lines.push(`⏰ ${escapeHtml(short(hours))}`);
  const phones = phoneList(s);
  if (phones) lines.push(`📞 ${phones}`);
  if (!isVerified(s, now)) lines.push(ctx.t("svc-unverified"));
  return lines.join("\n");
}

/** The national lines, always under a search's results; the two main ones if an import left none. */
export function nationalLines(ctx: BotContext, hotlines: Service[]): string {
  const lines = hotlines.map((s) => `${phoneList(s) ?? ""} — ${serviceName(ctx, s)}`);
  return `<b>${ctx.t("svc-national-lines")}</b>\n${lines.length ? lines.join("\n") : ctx.t("svc-national-fallback")}`;
}

/** Every detail of a service in the person's language, with a note where the other one fills a gap. */
export function cardText(ctx: BotContext, s: Service, now: Date): string {
  const locale = localeOf(ctx);
  let fromOther = false;
  const text = (field: Field) => {
    const found = pick(s, field, locale);
    fromOther ||= found.other;
    return found.text && escapeHtml(found.text);
  };
  const name = text("name") ?? s.id;
  const lines = [`<b>${name}</b>`, `<i>${ctx.t(`svc-cat-${s.category}`)}</i>`];
  const verified = isVerified(s, now);
  if (!verified) lines.push(ctx.t("svc-unverified"));
  const description = text("description");
  if (description) lines.push("", description);
  lines.push("");
  const address = text("address");
  const city = text("city");
  if (address) lines.push(`📍 ${address}`);
  else if (city) lines.push(`📍 ${ctx.t("svc-address-unknown", { city })}`);
  const hours = text("hours");
  if (hours) lines.push(`⏰ ${hours}`);
  const phones = phoneList(s);
  if (phones) lines.push(`📞 ${phones}`);
  if (s.website) lines.push(`🌐 ${escapeHtml(s.website)}`);
  if (s.telegram) lines.push(`✈️ ${escapeHtml(s.telegram)}`);
  const serves = text("serves");
  if (serves) lines.push(`👥 ${serves}`);
  const accessibility = text("accessibility");
  if (accessibility) lines.push(`♿ ${accessibility}`);
  if (!phones && !s.website && !s.telegram) lines.push("", ctx.t("svc-no-contacts"));
  const checked = s.verifiedAt ? s.verifiedAt.toISOString().slice(0, 10) : ctx.t("svc-never-checked");
  lines.push("", ctx.t("svc-source", { source: escapeHtml(s.source), date: checked }));
  if (fromOther) lines.push("", ctx.t("svc-other-language"));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** A service's card: details, the map for a known address, and a referral for services that take them. */
export function cardScreen(ctx: BotContext, s: Service, now: Date, back: string): Screen {
  const keyboard = new InlineKeyboard();
  const hasAddress = Boolean(s.addressUk || s.addressEn);
  if (hasAddress && s.latitude !== null && s.longitude !== null) keyboard.text(ctx.t("svc-btn-map"), `svc:m:${s.id}`).row();
  if (s.takesReferrals) keyboard.text(ctx.t("svc-btn-refer"), `ref:svc:${s.id}`).row();
  return navScreen(ctx, cardText(ctx, s, now), { self: `svc:s:${s.id}`, back }, keyboard);
}
