import type { I18nFlavor } from "@grammyjs/i18n";
import { InlineKeyboard, type Context } from "grammy";
import { escapeHtml } from "../../shared/html.js";
import { withProtectionOrders } from "../../ui/protection.js";
import { Route } from "../../ui/routes.js";
import { navScreen, withNav, type Screen } from "../../ui/screen.js";
import { answerOf, NOTE_MAX, PLAN_STEPS, planSummary, type Plan } from "./steps.js";

/** Screens of the plan, shared by its conversation and its routes (both contexts have `t`). */
type Ctx = Context & I18nFlavor;

/** Callback data owned by the plan conversation: `pb:<action>[:<step>[:<item>]]`. */
export const PLAN_PREFIX = "pb";
export const RESUME = `${PLAN_PREFIX}:r`;
/** Handled by the conversation itself: an active conversation cannot be entered anew. */
export const START_OVER = `${PLAN_PREFIX}:new`;
export const PlanRoute = {
  new: `${Route.plan}:new`,
  view: `${Route.plan}:view`,
  edit: `${Route.plan}:edit`,
  del: `${Route.plan}:del`,
} as const;

/** One step: its checklist as toggles, its note, and the ways on, back and out. */
export function stepScreen(ctx: Ctx, plan: Plan, index: number, editing: boolean, hint?: string): Screen {
  const step = PLAN_STEPS[index]!;
  const answer = answerOf(plan, step);
  const title = ctx.t(`plan-step-${step.id}`);
  const header = editing ? `<b>${title}</b>` : ctx.t("plan-step-header", { n: index + 1, total: PLAN_STEPS.length, title });
  const parts = [header, ctx.t(`plan-step-${step.id}-text`)];
  if (answer.note !== undefined) parts.push(ctx.t("plan-note-shown", { note: escapeHtml(answer.note) }));
  if (hint) parts.unshift(hint);

  const keyboard = new InlineKeyboard();
  step.items.forEach((item, j) => {
    const mark = answer.items.includes(item) ? "✅" : "⬜️";
    keyboard.text(`${mark} ${ctx.t(`plan-item-${step.id}-${item}`)}`, `${PLAN_PREFIX}:t:${index}:${j}`).row();
  });
  keyboard.text(ctx.t(answer.note === undefined ? "btn-plan-note" : "btn-plan-note-change"), `${PLAN_PREFIX}:n:${index}`);
  if (answer.note !== undefined) keyboard.text(ctx.t("btn-plan-note-remove"), `${PLAN_PREFIX}:d:${index}`);
  keyboard.row();
  if (editing) {
    keyboard.text(ctx.t("btn-plan-save-changes"), `${PLAN_PREFIX}:x:${index}`).text(ctx.t("btn-plan-cancel"), `${PLAN_PREFIX}:c`);
  } else {
    if (index > 0) keyboard.text(ctx.t("btn-back"), `${PLAN_PREFIX}:b:${index}`);
    const chosen = answer.items.length > 0 || answer.note !== undefined;
    keyboard.text(ctx.t(chosen ? "btn-plan-next" : "btn-plan-skip"), `${PLAN_PREFIX}:x:${index}`);
    keyboard.row().text(ctx.t("btn-plan-stop"), `${PLAN_PREFIX}:s`);
  }
  return { text: parts.join("\n\n"), keyboard: withNav(ctx, keyboard, { self: RESUME }) };
}

/** Asks for the note of a step; the warning about a phone being read comes once per plan. */
export function noteScreen(ctx: Ctx, index: number, warn: boolean, tooLong?: number): Screen {
  const title = ctx.t(`plan-step-${PLAN_STEPS[index]!.id}`);
  const parts = [ctx.t("plan-note-ask", { title, max: NOTE_MAX })];
  if (warn) parts.push(ctx.t("plan-note-warning"));
  if (tooLong !== undefined) parts.unshift(ctx.t("plan-note-too-long", { length: tooLong, max: NOTE_MAX }));
  const keyboard = new InlineKeyboard().text(ctx.t("btn-plan-note-cancel"), `${PLAN_PREFIX}:v:${index}`);
  return { text: parts.join("\n\n"), keyboard: withNav(ctx, keyboard, { self: RESUME }) };
}

/** The end of the steps: keep the plan, or just see it. */
export function finishScreen(ctx: Ctx): Screen {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("btn-plan-save"), `${PLAN_PREFIX}:save`)
    .row()
    .text(ctx.t("btn-plan-just-show"), `${PLAN_PREFIX}:show`)
    .row()
    .text(ctx.t("btn-back"), `${PLAN_PREFIX}:b:${PLAN_STEPS.length}`)
    .text(ctx.t("btn-plan-stop"), `${PLAN_PREFIX}:s`);
  return { text: ctx.t("plan-finish-text"), keyboard: withNav(ctx, keyboard, { self: RESUME }) };
}

/** The plan as protected messages (no forwarding or saving), each under Telegram's limit. */
export async function sendSummary(ctx: Ctx, plan: Plan): Promise<void> {
  for (const text of planSummary(plan, (key, vars) => ctx.t(key, vars), escapeHtml)) {
    await ctx.reply(text, { parse_mode: "HTML", protect_content: true, link_preview_options: { is_disabled: true } });
  }
}

/** What can come next: the emergency numbers (🆘 below), the restraining orders, the danger check. */
export function nextStepsScreen(ctx: Ctx, saved: boolean): Screen {
  const keyboard = withProtectionOrders(ctx, new InlineKeyboard()).text(ctx.t("btn-danger"), Route.danger).row();
  if (saved) keyboard.text(ctx.t("btn-plan-mine"), Route.plan).row();
  return navScreen(ctx, ctx.t(saved ? "plan-next-saved" : "plan-next-not-saved"), { self: Route.plan }, keyboard);
}
