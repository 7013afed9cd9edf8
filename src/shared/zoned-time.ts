/**
 * Wall-clock time in a time zone, with Intl only: enough for "10:00 in Kyiv"
 * and the campaign's days, daylight saving included.
 */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** MM-DD, the day of the year */
  monthDay: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function parts(at: Date, zone: string): Record<string, number> {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(zone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function localTime(at: Date, zone: string): LocalTime {
  const p = parts(at, zone);
  const monthDay = `${pad(p.month!)}-${pad(p.day!)}`;
  return { date: `${p.year}-${monthDay}`, monthDay, minutes: p.hour! * 60 + p.minute! };
}

/** "HH:MM" → minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

/** True when MM-DD `day` is inside [start, end]; a window may run over New Year (12-20 to 01-05). */
export function inWindow(day: string, start: string, end: string): boolean {
  return start <= end ? day >= start && day <= end : day >= start || day <= end;
}

/**
 * The instant of a local wall-clock time ("2026-12-05", "14:30") in `zone`;
 * undefined for a malformed or non-existent one (e.g. skipped by a DST change).
 */
export function zonedInstant(date: string, time: string, zone: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  // The zone's offset at a guess, then again at the corrected instant (DST edges).
  let at = wall;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(at), zone);
    const seen = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
    at += wall - seen;
  }
  const check = parts(new Date(at), zone);
  const ok = check.year === y && check.month === mo && check.day === da && check.hour === h && check.minute === mi;
  return ok ? new Date(at) : undefined;
}

/** The Intl locale for dates in a bot language: British English writes "25 November". */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}
