/**
 * Phone numbers the bot may show, each with its source (content brief §1).
 * Texts refer to them as Fluent variables ({ $police }, { $laStrada } …), so a
 * number is written in exactly one place.
 */
export interface Hotline {
  number: string;
  source: string;
  verifiedAt: string;
}

const checked = "2026-11-22";

export const hotlines = {
  police: { number: "102", source: "mvs.gov.ua/en/activity/domestic-violence/police-actions", verifiedAt: checked },
  ambulance: { number: "103", source: "content brief §1: still works beside 112", verifiedAt: checked },
  emergency: { number: "112", source: "content brief §1: rolled out region by region since 2023", verifiedAt: checked },
  govHotline: { number: "1547", source: "kyivpost.com (2020 launch); regional administrations", verifiedAt: checked },
  laStrada: { number: "116 123", source: "pravo.minjust.gov.ua/en/programs/violence; zk.npu.gov.ua", verifiedAt: checked },
  laStradaFree: { number: "0 800 500 335", source: "pravo.minjust.gov.ua/en/programs/violence; zk.npu.gov.ua", verifiedAt: checked },
  childLine: { number: "116 111", source: "rrda.rv.gov.ua (2026)", verifiedAt: checked },
  childLineFree: { number: "0 800 500 225", source: "rrda.rv.gov.ua (2026)", verifiedAt: checked },
  legalAid: { number: "0 800 213 103", source: "pravo.minjust.gov.ua/en/programs/violence", verifiedAt: checked },
  lifeline: { number: "7333", source: "lifelineukraine.com", verifiedAt: checked },
  psychLine: { number: "0 800 100 102", source: "radiosvoboda.org (2025)", verifiedAt: checked },
} satisfies Record<string, Hotline>;

export type HotlineId = keyof typeof hotlines;

/**
 * The numbers as HTML, one variable per hotline. `<code>` makes a number
 * copyable with one tap in every Telegram app; the digits stay plain so phones
 * that detect numbers offer to call them.
 */
export const hotlineVars: Record<HotlineId, string> = Object.fromEntries(
  Object.entries(hotlines).map(([id, h]) => [id, `<code>${h.number}</code>`]),
) as Record<HotlineId, string>;
