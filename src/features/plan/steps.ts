/**
 * The safety plan: its steps (content brief §4) and the plan a person builds,
 * as pure data and logic without Telegram types.
 *
 * Locale keys for step `s`, item `i`: `plan-step-s` (title), `plan-step-s-text`
 * (what the step is about, HTML) and `plan-item-s-i` (a checklist entry, plain
 * text: it is also a button label).
 */
export interface PlanStep {
  /** Short id, used in locale keys and stored plans. */
  id: string;
  /** Checklist entries, in order; their index goes into callback data. */
  items: string[];
}

export const PLAN_SOURCE = "content brief §4 (safety planning elements)";

export const PLAN_STEPS: readonly PlanStep[] = [
  { id: "places", items: ["room", "exit", "place", "shelter"] },
  { id: "people", items: ["trusted", "codeword", "action"] },
  { id: "neighbours", items: ["call", "ask"] },
  { id: "bag", items: ["documents", "money", "keys", "medicine", "charger", "children"] },
  { id: "documents", items: ["passport", "taxid", "birth", "marriage"] },
  { id: "children", items: ["hide", "call", "codeword"] },
  { id: "tech", items: ["device", "history", "location", "passwords"] },
  { id: "leaving", items: ["where", "when", "who"] },
  { id: "numbers", items: ["police", "hotline", "lastrada", "person"] },
];

/** A note is at most this long: a plan is a few words per step, not a diary. */
export const NOTE_MAX = 400;

export interface StepAnswer {
  /** Ids of the chosen checklist entries. */
  items: string[];
  note?: string;
}

export interface Plan {
  steps: Record<string, StepAnswer>;
}

export const emptyPlan = (): Plan => ({ steps: {} });

export function answerOf(plan: Plan, step: PlanStep): StepAnswer {
  return plan.steps[step.id] ?? { items: [] };
}

/** The plan with entry `index` of `step` switched on or off (entries keep the step's order). */
export function toggleItem(plan: Plan, step: PlanStep, index: number): Plan {
  const item = step.items[index];
  if (item === undefined) return plan;
  const answer = answerOf(plan, step);
  const chosen = new Set(answer.items);
  if (chosen.has(item)) chosen.delete(item);
  else chosen.add(item);
  return withAnswer(plan, step, { ...answer, items: step.items.filter((i) => chosen.has(i)) });
}

/** The plan with `note` on `step` (none when undefined). */
export function setNote(plan: Plan, step: PlanStep, note: string | undefined): Plan {
  const { items } = answerOf(plan, step);
  return withAnswer(plan, step, note === undefined ? { items } : { items, note });
}

function withAnswer(plan: Plan, step: PlanStep, answer: StepAnswer): Plan {
  const steps = { ...plan.steps };
  if (answer.items.length === 0 && answer.note === undefined) delete steps[step.id];
  else steps[step.id] = answer;
  return { steps };
}

export function isEmpty(plan: Plan): boolean {
  return Object.keys(plan.steps).length === 0;
}

/** A stored plan, keeping only steps and entries that still exist. */
export function parsePlan(json: string): Plan {
  const raw = JSON.parse(json) as Partial<Plan>;
  let plan = emptyPlan();
  for (const step of PLAN_STEPS) {
    const answer = raw.steps?.[step.id];
    if (!answer) continue;
    for (const item of answer.items ?? []) {
      const index = step.items.indexOf(item);
      if (index >= 0) plan = toggleItem(plan, step, index);
    }
    if (typeof answer.note === "string") plan = setNote(plan, step, answer.note.slice(0, NOTE_MAX));
  }
  return plan;
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Telegram's limit is 4,096 characters after entities are parsed; HTML source is never shorter. */
const MESSAGE_MAX = 4000;

/**
 * The plan as HTML messages, each under Telegram's limit: a title, then one
 * block per step with something in it. `escape` makes a note safe for HTML.
 */
export function planSummary(plan: Plan, t: Translate, escape: (s: string) => string): string[] {
  const blocks = [t("plan-summary-title")];
  PLAN_STEPS.forEach((step, n) => {
    const answer = plan.steps[step.id];
    if (!answer) return;
    const lines = [`<b>${n + 1}. ${t(`plan-step-${step.id}`)}</b>`];
    for (const item of answer.items) lines.push(`✓ ${escape(t(`plan-item-${step.id}-${item}`))}`);
    if (answer.note !== undefined) lines.push(`📝 <i>${escape(answer.note)}</i>`);
    blocks.push(lines.join("\n"));
  });
  if (isEmpty(plan)) blocks.push(t("plan-summary-empty"));
  blocks.push(t("plan-summary-numbers"));
  return pack(blocks, MESSAGE_MAX);
}

/**
 * Joins blocks with blank lines into as few messages as fit `max` characters
 * each (a block is never split: one step with a full note is far below it).
 */
export function pack(blocks: string[], max: number): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks) {
    const joined = current ? `${current}\n\n${block}` : block;
    if (joined.length <= max) current = joined;
    else {
      if (current) messages.push(current);
      current = block;
    }
  }
  if (current) messages.push(current);
  return messages;
}

/** Every locale key the plan's steps use. */
export function planKeys(): string[] {
  return PLAN_STEPS.flatMap((s) => [`plan-step-${s.id}`, `plan-step-${s.id}-text`, ...s.items.map((i) => `plan-item-${s.id}-${i}`)]);
}
