import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Broadcasts, DEFAULT_CAMPAIGN } from "../../src/campaign/broadcasts.js";
import { CAMPAIGN_FILE, loadCampaign } from "../../src/campaign/days.js";
import { Outbox } from "../../src/campaign/outbox.js";
import { createLogger } from "../../src/logger.js";
import { inWindow, localTime, zonedInstant } from "../../src/shared/zoned-time.js";
import { Counters } from "../../src/stats/counters.js";
import { openTestDatabase } from "../support/db.js";
import { TestClock } from "../support/harness.js";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe("zoned time", () => {
  it("reads Kyiv wall time across daylight saving", () => {
    expect(localTime(new Date("2026-11-25T08:00:00Z"), "Europe/Kyiv")).toEqual({ date: "2026-11-25", monthDay: "11-25", minutes: 600 });
    expect(localTime(new Date("2026-07-01T07:00:00Z"), "Europe/Kyiv").minutes).toBe(600); // summer: UTC+3
    expect(localTime(new Date("2026-11-24T22:30:00Z"), "Europe/Kyiv").monthDay).toBe("11-25");
  });

  it("turns a Kyiv wall time into an instant, refusing times that do not exist", () => {
    expect(zonedInstant("2026-12-05", "14:30", "Europe/Kyiv")!.toISOString()).toBe("2026-12-05T12:30:00.000Z");
    expect(zonedInstant("2026-06-05", "14:30", "Europe/Kyiv")!.toISOString()).toBe("2026-06-05T11:30:00.000Z");
    expect(zonedInstant("2026-03-29", "03:30", "Europe/Kyiv")).toBeUndefined(); // skipped by the spring change
    expect(zonedInstant("2026-02-30", "10:00", "Europe/Kyiv")).toBeUndefined();
    expect(zonedInstant("2026-12-05", "25:00", "Europe/Kyiv")).toBeUndefined();
  });

  it("windows may run over New Year", () => {
    expect(inWindow("11-25", "11-25", "12-10")).toBe(true);
    expect(inWindow("12-10", "11-25", "12-10")).toBe(true);
    expect(inWindow("12-11", "11-25", "12-10")).toBe(false);
    expect(inWindow("01-03", "12-20", "01-05")).toBe(true);
    expect(inWindow("06-01", "12-20", "01-05")).toBe(false);
  });
});

describe("campaign data (content/campaign.json)", () => {
  it("has a message for each of the 16 days, in both languages, citing a source, numbers only as placeholders", () => {
    const days = loadCampaign();
    expect(days.all.map((d) => d.day)).toEqual([
      "11-25", "11-26", "11-27", "11-28", "11-29", "11-30",
      "12-01", "12-02", "12-03", "12-04", "12-05", "12-06", "12-07", "12-08", "12-09", "12-10",
    ]);
    const phoneLike = /\b(?:0 ?800(?: ?\d){6}|1\d\d ?\d\d\d|10[2-4]|112|1547|7333)\b/;
    for (const d of days.all) {
      expect(d.source.length, d.day).toBeGreaterThan(5);
      expect(d.buttons.length, d.day).toBeGreaterThan(0);
      for (const l of ["uk", "en"] as const) expect(d.text[l].match(phoneLike)?.[0], `${d.day} ${l}`).toBeUndefined();
      expect(d.text.uk, d.day).not.toMatch(/'/); // typographic apostrophe in Ukrainian
    }
  });

  it("a bad file stops the bot with a line naming the day and field", () => {
    const path = join(tmpdir(), `campaign-${process.pid}.json`);
    cleanup.push(() => rmSync(path, { force: true }));
    const day = { day: "11-25", source: "brief", verifiedAt: "2026-12-02", title: { uk: "А", en: "A" }, text: { uk: "Б", en: "{nope}" }, buttons: [] };
    writeFileSync(path, JSON.stringify({ days: [day] }));
    expect(() => loadCampaign(path)).toThrow(`${path}: days.0.text.en: unknown number {nope}`);
    writeFileSync(path, JSON.stringify({ days: [{ ...day, text: { uk: "Б", en: "B" } }, { ...day, text: { uk: "Б", en: "B" } }] }));
    expect(() => loadCampaign(path)).toThrow("day 11-25 appears twice");
    expect(CAMPAIGN_FILE).toMatch(/content[/\\]campaign\.json$/);
  });
});

describe("outbox", () => {
  it("two instances drain one outbox: every row sent once", async () => {
    const prisma = await openTestDatabase();
    const clock = new TestClock();
    const broadcasts = new Broadcasts(prisma, clock, loadCampaign(), DEFAULT_CAMPAIGN);
    for (let i = 0; i < 300; i++) await broadcasts.list(String(1000 + i), i % 2 ? "uk" : "en");
    await broadcasts.create({ content: { all: "Hi" }, audience: "everyone", sendAt: clock.now(), progressChat: "1" });
    await broadcasts.startDue();
    const sent: string[] = [];
    const instance = () =>
      new Outbox(
        prisma,
        clock,
        async (chatId) => {
          sent.push(chatId);
          await new Promise((r) => setTimeout(r, 1));
        },
        () => ({ text: "Hi", buttons: [], silent: true }),
        { rate: 100, logger: createLogger("silent"), counters: new Counters(prisma, clock) },
      );
    const [a, b] = await Promise.all([instance().drain(), instance().drain()]);
    expect(a + b).toBe(300);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(sent).toHaveLength(300);
    expect(new Set(sent).size).toBe(300);
    expect(await prisma.broadcast.findFirstOrThrow()).toMatchObject({ status: "done", total: 300, sent: 300, failed: 0 });
  });
});
