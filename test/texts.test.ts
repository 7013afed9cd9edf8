import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Message, parse } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../src/bot/context.js";
import { createI18n, LOCALES_DIR } from "../src/bot/i18n.js";
import type { FakeUser } from "../src/fake-telegram/index.js";
import { createLogger } from "../src/logger.js";
import { TestBot } from "./support/harness.js";
import { TEXT_VARS } from "./support/text-vars.js";

/**
 * The most characters one screen may show, counted as the person sees them
 * (markup parsed out, as Telegram counts). Why 700: on a common 6.1-inch
 * phone (390 pt wide) at Telegram's default text size, a message holds about
 * 37 characters a line, and the chat area left above the screen's buttons
 * (four to six rows) shows about 20 lines. 700 characters, with the
 * paragraph breaks our texts use, is that: the whole screen is read without
 * scrolling, and the buttons stay in view. Someone in danger should not have
 * to scroll past a text to reach 🆘 or 🚪.
 */
const MAX_SCREEN = 700;

const i18n = createI18n(createLogger("silent"));

function messageIds(locale: string): string[] {
  const dir = join(LOCALES_DIR, locale);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ftl"))
    .flatMap((f) => parse(readFileSync(join(dir, f), "utf8"), {}).body)
    .filter((entry): entry is Message => entry instanceof Message)
    .map((m) => m.id.name);
}

/** Every message of a locale, rendered, as the person sees it. */
function rendered(locale: string): [string, string][] {
  return messageIds(locale).map((key) => {
    const html = i18n.t(locale, key, TEXT_VARS);
    expect(html, `${locale} ${key} uses a variable with no value in TEXT_VARS (test/support/text-vars.ts)`).not.toContain("{$");
    // Button labels and command descriptions are plain text: strip markup by hand rather than parse it.
    return [key, html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")];
  });
}

describe.each(LOCALES)("texts (%s)", (locale) => {
  it(`no single text is longer than a phone screen (${MAX_SCREEN} characters)`, () => {
    const over = rendered(locale)
      .filter(([, text]) => text.length > MAX_SCREEN)
      .map(([key, text]) => `${key}: ${text.length}`);
    expect(over).toEqual([]);
  });

  it("use typographic quotes and apostrophes only", () => {
    // Ukrainian: ’ and «ялинки»; English: “ ” and ’. HTML shown to staff as an example keeps its own quotes.
    const straight = rendered(locale)
      .filter(([, text]) => /['"`ʼ]/.test(text.replace(/<a href="[^"]*">/g, "")))
      .map(([key]) => key);
    expect(straight).toEqual([]);
  });
});

/**
 * Presses every button reachable from the commands, once per screen, and
 * returns each screen's text as the person sees it, by the route that opened
 * it. Skipped: quick exit and "erase chat" (they leave no screen to read) and
 * switching to the other language.
 */
async function crawl(user: FakeUser, locale: string): Promise<Map<string, string>> {
  const skip = (data: string) =>
    data === "exit" || data.startsWith("forget:erase:") || (data.startsWith("lang:set:") && data !== `lang:set:${locale}`);
  // One visit per screen: the emergency screens look the same from everywhere, confirmations differ only by token.
  // A plan's checklist toggles, the danger check's answers and the directory's kinds, regions and cities repeat one screen's shape.
  const same = (data: string) =>
    data
      .replace(/^(sos|lines):.*/, "$1")
      .replace(/^(forget:[a-z]+):.*/, "$1")
      .replace(/^(pb:t:\d+):.*/, "$1")
      .replace(/^(svc:(?:k|r|loc|n)):.*/, "$1")
      .replace(/^(svc:[oc]):.*/, "$1")
      .replace(/^danger:q([ynu]*)$/, (_, answers: string) => `danger:q${answers.length}`);
  const screens = new Map<string, string>();
  /** Screen → the newest button data that opens it (a confirmation's newest token is the valid one). */
  const pending = new Map<string, string>();
  const done = new Set<string>();
  const read = (where: string) => {
    const m = user.lastBotMessage!;
    screens.set(where, m.text);
    for (const b of m.buttons?.flat() ?? []) if (b.data && !skip(b.data) && !done.has(same(b.data))) pending.set(same(b.data), b.data);
  };
  for (const command of ["/start", "/menu", "/sos", "/privacy", "/forget", "/language", "hello", "/unknown"]) {
    await user.send(command);
    read(command);
  }
  for (const [screen, data] of pending) {
    pending.delete(screen);
    done.add(screen);
    await user.pressData(data, user.lastBotMessage!.id);
    read(screen);
  }
  return screens;
}

describe("every screen as the bot assembles it", () => {
  it.each(LOCALES)(`fits on a phone screen (${MAX_SCREEN} characters) (%s)`, async (locale) => {
    const t = await TestBot.start({ org: { name: String(TEXT_VARS.name), contact: String(TEXT_VARS.contact) } });
    const user = t.user({ languageCode: locale });
    // Some state, so the inventory of /forget lists everything.
    await user.send("/privacy");
    await user.pressData("erase:240", user.lastBotMessage!.id);
    const screens = await crawl(user, locale);
    // The crawl really reached the screens built from several texts, and the longest ones.
    const routes = ["/privacy", "traces", "erase", "/forget", "forget:yes", "sos", "lines", "rights:urgent:2", "bystander:children"];
    for (const route of routes) expect(screens.has(route), route).toBe(true);
    const over = [...screens].filter(([, text]) => text.length > MAX_SCREEN).map(([route, text]) => `${route}: ${text.length}`);
    expect(over).toEqual([]);
    expect(t.problems).toEqual([]);
  }, 90_000);
});
