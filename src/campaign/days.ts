import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LOCALES, type Locale } from "../bot/context.js";
import { hotlineVars } from "../shared/hotlines.js";

/** The campaign's messages: data staff edit without touching code (see the file's `about`). */
export const CAMPAIGN_FILE = fileURLToPath(new URL("../../content/campaign.json", import.meta.url));

const PLACEHOLDER = /\{(\w+)\}/g;

const text = z
  .string()
  .trim()
  .min(1)
  .max(3000)
  .superRefine((s, ctx) => {
    for (const [, name] of s.matchAll(PLACEHOLDER)) {
      if (!(name! in hotlineVars)) ctx.addIssue({ code: "custom", message: `unknown number {${name}}` });
    }
  });
const perLocale = <T extends z.ZodType>(t: T) => z.object(Object.fromEntries(LOCALES.map((l) => [l, t])) as Record<Locale, T>);

const day = z.object({
  day: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be MM-DD"),
  source: z.string().min(1),
  verifiedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: perLocale(z.string().trim().min(1).max(120)),
  text: perLocale(text),
  buttons: z
    .array(z.object({ route: z.string().regex(/^[a-z0-9:-]+$/).max(40), label: perLocale(z.string().trim().min(1).max(40)) }))
    .max(3),
});

const file = z.object({ days: z.array(day).min(1) }).superRefine(({ days }, ctx) => {
  const seen = new Set<string>();
  for (const d of days) {
    if (seen.has(d.day)) ctx.addIssue({ code: "custom", message: `day ${d.day} appears twice` });
    seen.add(d.day);
  }
});

export type CampaignDay = z.infer<typeof day>;

/** The campaign by day of the year (MM-DD), in date order. */
export class CampaignDays {
  private readonly byDay: Map<string, CampaignDay>;

  constructor(days: CampaignDay[]) {
    this.byDay = new Map([...days].sort((a, b) => a.day.localeCompare(b.day)).map((d) => [d.day, d]));
  }

  get(monthDay: string): CampaignDay | undefined {
    return this.byDay.get(monthDay);
  }

  get all(): CampaignDay[] {
    return [...this.byDay.values()];
  }

  /** Every button route, to check against the bot's screens at start. */
  get routes(): string[] {
    return [...new Set(this.all.flatMap((d) => d.buttons.map((b) => b.route)))];
  }
}

/** Reads and checks the campaign file; a bad file stops the bot with a line naming the day and field. */
export function loadCampaign(path = CAMPAIGN_FILE): CampaignDays {
  const result = file.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return new CampaignDays(result.data.days);
}

/** A text with its {number} placeholders filled in. */
export function fillNumbers(s: string): string {
  return s.replace(PLACEHOLDER, (_, name: string) => hotlineVars[name as keyof typeof hotlineVars]);
}
