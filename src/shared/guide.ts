/**
 * A guide is a list of topics, each a few short pages of text with related
 * next steps. Rights and bystander help are guides. Pure data and logic: no
 * Telegram types, so it is shared by composers, tests and benchmarks.
 *
 * Locale keys for guide `g`, topic `t`: `g-t` (title, also the button label)
 * and `g-t-1` … `g-t-N` (pages). Page texts are HTML and may use the phone
 * number variables of `shared/hotlines.ts`.
 */
export interface GuideTopic {
  /** Short id, used in callback data: `[a-z0-9-]+`, at most 16 characters. */
  id: string;
  /** Number of pages (keys `g-t-1` … `g-t-N` must exist in every locale). */
  pages: number;
  /**
   * Routes offered as buttons after the last page: another topic
   * (`rights:legal-aid`) or `lines`. The emergency button is on every screen anyway.
   */
  next: string[];
  /** Where the facts come from (content brief or an equally official source). */
  source: string;
  /** ISO date on which the facts were checked against the source. */
  verifiedAt: string;
}

export interface Guide {
  /** Guide id, also the first part of its routes: `rights`, `rights:forms`, `rights:forms:2`. */
  id: string;
  topics: GuideTopic[];
}

export interface GuidePage {
  topic: GuideTopic;
  /** 1-based, clamped to the topic's pages. */
  page: number;
  last: boolean;
}

/** Finds a topic page; a page out of range (e.g. from an old button) is clamped. */
export function guidePage(guide: Guide, topicId: string, page = 1): GuidePage | undefined {
  const topic = guide.topics.find((t) => t.id === topicId);
  if (!topic) return undefined;
  const p = Math.min(Math.max(1, Math.trunc(page) || 1), topic.pages);
  return { topic, page: p, last: p === topic.pages };
}

/** Every locale key a guide's screens use. */
export function guideKeys(guide: Guide): string[] {
  return [
    `${guide.id}-intro`,
    ...guide.topics.flatMap((t) => [
      `${guide.id}-${t.id}`,
      ...Array.from({ length: t.pages }, (_, i) => `${guide.id}-${t.id}-${i + 1}`),
    ]),
  ];
}
