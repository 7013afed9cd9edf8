import { randomInt } from "node:crypto";

/** Pure rules of warm referrals: no Telegram, no database. */

export const PARTNER_KINDS = ["hub", "police", "service"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const HELP_KINDS = ["safety", "legal", "psych", "police", "other"] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** When a call is safe: the person's own choice of window. */
export const WINDOWS = ["morning", "day", "evening", "any"] as const;
export type CallWindow = (typeof WINDOWS)[number];

export type ContactMethod = "relay" | "phone";

/** Open: waiting for a caseworker; claimed and contacted: held by one; closed: ended with an outcome. */
export type Status = "open" | "claimed" | "contacted" | "closed";
export const STAFF_OUTCOMES = ["resolved", "unreachable", "declined"] as const;
export type StaffOutcome = (typeof STAFF_OUTCOMES)[number];
/** `withdrawn`: by /forget; `cancelled`: by the person's own button. */
export type Outcome = StaffOutcome | "withdrawn" | "cancelled";

export const NOTE_MAX = 300;
export const RELAY_MAX = 1500;

export function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

/** Letters and digits that cannot be mistaken for each other when read aloud or typed. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE = /^[A-HJ-NP-Z2-9]{6}$/;

/** A short reference code, e.g. `K7F3QA`. */
export function newCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/**
 * A Ukrainian phone number as `+380XXXXXXXXX`, or undefined. Accepts
 * `+380 50 123 45 67`, `380501234567`, `050-123-45-67`, `(050) 123 4567`.
 */
export function ukrainianPhone(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\+?[\d\s()-]{9,20}$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, "");
  const national = digits.startsWith("380") ? digits.slice(3) : digits.startsWith("0") ? digits.slice(1) : undefined;
  if (trimmed.startsWith("+") && !digits.startsWith("380")) return undefined;
  // Nine digits after the country code; operator and area codes never start with 0.
  if (!national || !/^[1-9]\d{8}$/.test(national)) return undefined;
  return `+380${national}`;
}

/** Time from sending to a caseworker's claim, as a counter bucket. */
export function claimBucket(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 15) return "under-15m";
  if (minutes < 60) return "15-60m";
  if (minutes < 240) return "1-4h";
  return "over-4h";
}
