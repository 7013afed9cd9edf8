/**
 * The fixed vocabularies of the directory: kinds of help (content brief §3)
 * and Ukraine's regions. Their ids appear in import files and in button data,
 * so they are short, lower-case ASCII and never change; names are locale keys.
 */

/** Kinds of help, in the order the search offers them. `hotline` is the national lines. */
export const CATEGORIES = [
  "police", "polina", "hub", "shelter", "crisis", "mobile", "legal", "social", "relief", "psych", "medical", "hotline",
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Oblasts, the cities with special status and Crimea; `kyiv` is the city, `kyiv-oblast` the region around it. */
export const OBLASTS = [
  "vinnytsia", "volyn", "dnipropetrovsk", "donetsk", "zhytomyr", "zakarpattia", "zaporizhzhia", "ivano-frankivsk",
  "kyiv", "kyiv-oblast", "kirovohrad", "luhansk", "lviv", "mykolaiv", "odesa", "poltava", "rivne", "sumy", "ternopil",
  "kharkiv", "kherson", "khmelnytskyi", "cherkasy", "chernivtsi", "chernihiv", "crimea", "sevastopol",
] as const;
export type Oblast = (typeof OBLASTS)[number];

export function isOblast(value: string): value is Oblast {
  return (OBLASTS as readonly string[]).includes(value);
}

/** A rough box around Ukraine: coordinates outside it are typing errors. */
export const UKRAINE = { minLat: 44.0, maxLat: 52.5, minLon: 22.0, maxLon: 40.3 };

/** A service's id: also part of deep links (`svc_<id>`) and button data, so short and plain. */
export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,23}$/;
