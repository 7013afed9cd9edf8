/**
 * "Am I in danger?": danger signs from content brief §5 (after Campbell's
 * Danger Assessment). Not a certified score: the result is one of three
 * levels in words, never a number. Pure logic, no Telegram types.
 *
 * Locale keys: `danger-q-<id>` (the question), `danger-result-<level>`.
 */
export const DANGER_SOURCE = "content brief §5 (danger signs, after Campbell's Danger Assessment; not a certified score)";

export const DANGER_SIGNS = [
  "worse",
  "weapon",
  "kill",
  "choke",
  "sex",
  "separation",
  "control",
  "jealousy",
  "stalking",
  "children",
  "pregnancy",
  "suicide",
  "belief",
] as const;

/** A "yes" to any of these alone means the highest level (issue 7). */
const OVERRIDING = new Set<string>(["weapon", "choke", "belief"]);

export const DANGER_LEVELS = ["some", "several", "high"] as const;
export type DangerLevel = (typeof DANGER_LEVELS)[number];

/**
 * The level for a full set of answers: one letter an answer, in question
 * order (y yes, n no, u not sure). The brief allows saying that several
 * signs together mean high danger; these cut-offs are ours, not a clinical
 * scale: 2 or more "yes" are "several", 4 or more (or one overriding sign) "high".
 */
export function dangerLevel(answers: string): DangerLevel {
  const yes = DANGER_SIGNS.filter((_, i) => answers[i] === "y");
  if (yes.some((id) => OVERRIDING.has(id)) || yes.length >= 4) return "high";
  return yes.length >= 2 ? "several" : "some";
}

export function dangerKeys(): string[] {
  return [...DANGER_SIGNS.map((id) => `danger-q-${id}`), ...DANGER_LEVELS.map((l) => `danger-result-${l}`)];
}
