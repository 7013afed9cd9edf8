import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, type Pattern, type PatternElement, Message, Junk } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../src/bot/context.js";
import { LOCALES_DIR } from "../src/bot/i18n.js";
import { features } from "../src/features/index.js";
import { guideKeys, type Guide } from "../src/shared/guide.js";
import { hotlines } from "../src/shared/hotlines.js";
import { rightsGuide } from "../src/features/rights/topics.js";
import { bystanderGuide } from "../src/features/bystander/topics.js";
import { Route } from "../src/ui/routes.js";

const guides: Guide[] = [rightsGuide, bystanderGuide];

/** Message id → sorted variable names, for one locale; fails on Fluent syntax errors. */
function loadLocale(locale: string): Map<string, string[]> {
  const dir = join(LOCALES_DIR, locale);
  const messages = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    const resource = parse(readFileSync(join(dir, file), "utf8"), {});
    for (const entry of resource.body) {
      if (entry instanceof Junk) throw new Error(`${locale}/${file}: ${entry.annotations.map((a) => a.message).join("; ")}`);
      if (!(entry instanceof Message)) continue;
      expect(messages.has(entry.id.name), `${entry.id.name} defined twice in ${locale}`).toBe(false);
      messages.set(entry.id.name, [...new Set(variables(entry.value))].sort());
    }
  }
  return messages;
}

function variables(pattern: Pattern | null): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if ((node as { type?: string }).type === "VariableReference") found.push((node as { id: { name: string } }).id.name);
    for (const value of Object.values(node)) Array.isArray(value) ? value.forEach(walk) : walk(value);
  };
  pattern?.elements.forEach((e: PatternElement) => walk(e));
  return found;
}

/** Key-like string literals in the source: what the code can ask i18n for. */
function literalKeys(dir: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
    for (const m of text.matchAll(/"([a-z]+(?:-[a-z0-9]+)+)"/g)) keys.add(m[1]!);
  }
  return keys;
}

const [uk, en] = LOCALES.map(loadLocale) as [Map<string, string[]>, Map<string, string[]>];
const dynamicKeys = [...guides.flatMap(guideKeys), ...LOCALES.map((l) => `language-${l}`)];

describe("locales", () => {
  it("uk and en have the same keys", () => {
    expect([...en.keys()].sort()).toEqual([...uk.keys()].sort());
  });

  it("uk and en use the same variables in each message", () => {
    for (const [key, vars] of uk) expect(en.get(key), key).toEqual(vars);
  });

  it("texts use only variables the code provides", () => {
    const provided = new Set([...Object.keys(hotlines), "name", "contact", "minutes", "count", "language", "seconds",
      // the 16 Days subscription and staff broadcasts
      "start", "end", "time", "on", "n", "total", "silent", "neutral", "subscribers", "audience", "status", "id", "when",
      "sent", "failed", "remaining", "problem", "zone"]);
    for (const [key, vars] of uk) for (const v of vars) expect(provided.has(v), `${key} uses $${v}`).toBe(true);
  });

  it("every key the code uses exists", () => {
    const used = [
      ...dynamicKeys,
      ...features.flatMap((f) => [...(f.menu ? [f.menu.label] : []), ...(f.commands ?? []).map((c) => c.description)]),
    ];
    for (const key of used) expect(uk.has(key), key).toBe(true);
  });

  it("no key is unused", () => {
    const used = new Set([...literalKeys("src"), ...dynamicKeys]);
    const unused = [...uk.keys()].filter((k) => !used.has(k));
    expect(unused).toEqual([]);
  });

  it("guide next steps lead to existing topics or screens", () => {
    const routes = new Set([Route.lines, ...guides.flatMap((g) => g.topics.map((t) => `${g.id}:${t.id}`))]);
    for (const g of guides) for (const t of g.topics) for (const step of t.next) expect(routes.has(step), step).toBe(true);
  });

  it("guide topics cite a source and a check date", () => {
    for (const g of guides)
      for (const t of g.topics) {
        expect(t.source.length, `${g.id}:${t.id}`).toBeGreaterThan(5);
        expect(t.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(`${g.id}:${t.id}:${t.pages}`.length).toBeLessThanOrEqual(64 - "sos:".length);
      }
  });

  it("texts write phone numbers only through variables", () => {
    const phoneLike = /\b(?:0 ?800(?: ?\d){6}|1\d\d ?\d\d\d|10[2-4]|112|1547|7333)\b/;
    for (const locale of LOCALES)
      for (const file of readdirSync(join(LOCALES_DIR, locale))) {
        const text = readFileSync(join(LOCALES_DIR, locale, file), "utf8");
        expect(text.match(phoneLike)?.[0], `${locale}/${file}`).toBeUndefined();
      }
  });
});
