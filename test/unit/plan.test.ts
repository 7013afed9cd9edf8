import { describe, expect, it } from "vitest";
import { DANGER_SIGNS, dangerLevel } from "../../src/features/danger/signs.js";
import {
  emptyPlan,
  NOTE_MAX,
  pack,
  parsePlan,
  PLAN_STEPS,
  planSummary,
  setNote,
  toggleItem,
  type Plan,
} from "../../src/features/plan/steps.js";
import { escapeHtml } from "../../src/shared/html.js";

const t = (key: string) => `[${key}]`;

/** Every entry of every step ticked, and a full-length note on each. */
function fullPlan(note: string): Plan {
  let plan = emptyPlan();
  for (const step of PLAN_STEPS) {
    step.items.forEach((_, i) => (plan = toggleItem(plan, step, i)));
    plan = setNote(plan, step, note);
  }
  return plan;
}

describe("plan", () => {
  it("toggles entries in the step's order and drops a step left empty", () => {
    const [places] = PLAN_STEPS;
    let plan = toggleItem(emptyPlan(), places!, 2);
    plan = toggleItem(plan, places!, 0);
    expect(plan.steps.places).toEqual({ items: ["room", "place"] });
    plan = toggleItem(toggleItem(plan, places!, 0), places!, 2);
    expect(plan).toEqual(emptyPlan());
    expect(toggleItem(plan, places!, 99)).toEqual(emptyPlan());
  });

  it("reads a stored plan keeping only known steps and entries, notes cut to the limit", () => {
    const stored = JSON.stringify({
      steps: { places: { items: ["exit", "gone"], note: "n".repeat(NOTE_MAX + 50) }, removed: { items: ["x"] } },
    });
    expect(parsePlan(stored)).toEqual({ steps: { places: { items: ["exit"], note: "n".repeat(NOTE_MAX) } } });
  });

  it("splits the summary into messages under Telegram's 4,096 characters, escaping notes", () => {
    const messages = planSummary(fullPlan("<&>".repeat(NOTE_MAX / 3)), t, escapeHtml);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(4096);
    const all = messages.join("\n\n");
    for (const step of PLAN_STEPS) expect(all).toContain(`[plan-step-${step.id}]`);
    expect(all).not.toContain("<&>");
    expect(all).toContain("&lt;&amp;&gt;");
    expect(messages[0]!.startsWith("[plan-summary-title]")).toBe(true);
    expect(messages.at(-1)!.endsWith("[plan-summary-numbers]")).toBe(true);
  });

  it("an empty plan says so", () => {
    expect(planSummary(emptyPlan(), t, escapeHtml)).toEqual(["[plan-summary-title]\n\n[plan-summary-empty]\n\n[plan-summary-numbers]"]);
  });

  it("packs blocks greedily", () => {
    expect(pack(["aa", "bb", "cc"], 6)).toEqual(["aa\n\nbb", "cc"]);
  });
});

describe("danger level", () => {
  /** "yes" to the signs named, `rest` to the others. */
  const yesTo = (ids: string[], rest = "n") => DANGER_SIGNS.map((s) => (ids.includes(s) ? "y" : rest)).join("");

  it("is some, several or high by the number of signs", () => {
    expect(dangerLevel(yesTo([]))).toBe("some");
    expect(dangerLevel(yesTo([], "u"))).toBe("some");
    expect(dangerLevel(yesTo(["worse"]))).toBe("some");
    expect(dangerLevel(yesTo(["worse", "control"]))).toBe("several");
    expect(dangerLevel(yesTo(["worse", "sex", "control"]))).toBe("several");
    expect(dangerLevel(yesTo(["worse", "sex", "control", "jealousy"]))).toBe("high");
  });

  it("is high on a single yes to a weapon, strangling, or the fear of being killed", () => {
    for (const id of ["weapon", "choke", "belief"]) expect(dangerLevel(yesTo([id]))).toBe("high");
    for (const id of ["kill", "suicide", "stalking"]) expect(dangerLevel(yesTo([id]))).toBe("some");
  });
});
