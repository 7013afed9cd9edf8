import { InlineKeyboard } from "grammy";
import { waitOwn, type BotConversation, type ConversationSpec, type InsideContext } from "../../bot/conversations.js";
import type { Counters } from "../../stats/counters.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, showBelow, type Screen } from "../../ui/screen.js";
import {
  finishScreen,
  nextStepsScreen,
  noteScreen,
  PLAN_PREFIX,
  PlanRoute,
  sendSummary,
  START_OVER,
  stepScreen,
} from "./screens.js";
import { emptyPlan, NOTE_MAX, PLAN_STEPS, setNote, toggleItem, type Plan } from "./steps.js";
import type { PlanStore } from "./store.js";

export const PLAN_CONVERSATION = "plan";

/** Entering with a step edits that step of the saved plan; without, a new plan is made. */
export interface PlanArgs {
  step?: number;
}

/** Where the person is: a step, the note of a step, or the end. */
type Where = { at: "step" | "note"; index: number } | { at: "finish" };

const ACTION = new RegExp(`^${PLAN_PREFIX}:(t|n|d|x|b|v):(\\d+)(?::(\\d+))?$`);

/**
 * Making (or editing one step of) a safety plan, step by step. Everything
 * lives in local variables, rebuilt by replay, so the conversation's stored
 * state (encrypted) is the only copy of a plan in progress; it ends, and its
 * state is deleted, on save, "just show me", stop or cancel.
 */
export function planConversation(deps: { store: PlanStore; counters: Counters }): ConversationSpec {
  const { store, counters } = deps;

  async function builder(conversation: BotConversation, ctx: InsideContext, args?: PlanArgs): Promise<void> {
    const chatId = String(ctx.chat!.id);
    let editing = args?.step !== undefined && PLAN_STEPS[args.step] !== undefined ? args.step : undefined;
    const count = (name: string) => conversation.external(() => counters.add(name));
    let plan: Plan = emptyPlan();
    if (editing === undefined) await count("plan.started");
    else plan = (await conversation.external(() => store.get(chatId))) ?? emptyPlan();

    let where: Where = { at: "step", index: editing ?? 0 };
    let warned = false;
    const screen = (c: InsideContext, hint?: string): Screen => {
      if (where.at === "finish") return withHint(finishScreen(c), hint);
      if (where.at === "note") return withHint(noteScreen(c, where.index, false), hint);
      return stepScreen(c, plan, where.index, editing !== undefined, hint);
    };

    await show(ctx, screen(ctx));
    for (;;) {
      const c = await waitOwn(conversation, PLAN_PREFIX);
      const data = c.callbackQuery?.data;

      if (data === undefined) {
        const text = c.message?.text?.trim();
        if (where.at === "note" && text) {
          if (text.length > NOTE_MAX) {
            // Nothing is lost: the message stays in the chat to shorten, the step stays open.
            await show(c, noteScreen(c, where.index, false, text.length));
            continue;
          }
          plan = setNote(plan, PLAN_STEPS[where.index]!, text);
          where = { at: "step", index: where.index };
          await show(c, screen(c, c.t("plan-note-saved")));
        } else {
          await show(c, screen(c, c.t(where.at === "note" ? "plan-note-text-only" : "plan-use-buttons")));
        }
        continue;
      }

      const action = ACTION.exec(data);
      if (action) {
        const [, kind, indexText, itemText] = action;
        const index = Number(indexText);
        const current: number = where.at === "finish" ? PLAN_STEPS.length : where.index;
        // An old button (another step, a double tap): show where the person is.
        if (index !== current) {
          await show(c, screen(c));
          continue;
        }
        const step = PLAN_STEPS[index];
        if (where.at === "note" && kind !== "n") where = { at: "step", index };
        if (kind === "b" && index > 0 && editing === undefined) where = { at: "step", index: index - 1 };
        else if (step && kind === "t") plan = toggleItem(plan, step, Number(itemText));
        else if (step && kind === "n") {
          where = { at: "note", index };
          await show(c, noteScreen(c, index, !warned));
          warned = true;
          continue;
        } else if (step && kind === "d") plan = setNote(plan, step, undefined);
        else if (step && kind === "x") {
          if (editing !== undefined) {
            await conversation.external(() => store.save(chatId, plan));
            await count("plan.edited");
            await show(c, editedScreen(c));
            return;
          }
          where = index + 1 < PLAN_STEPS.length ? { at: "step", index: index + 1 } : { at: "finish" };
        }
        await show(c, screen(c));
        continue;
      }

      if (data === START_OVER) {
        editing = undefined;
        plan = emptyPlan();
        where = { at: "step", index: 0 };
        await count("plan.started");
        await show(c, screen(c));
        continue;
      }
      if (data === `${PLAN_PREFIX}:s` && editing === undefined) {
        await count("plan.stopped");
        await show(c, endScreen(c, "plan-stopped"));
        return;
      }
      if (data === `${PLAN_PREFIX}:c` && editing !== undefined) {
        await show(c, endScreen(c, "plan-edit-cancelled"));
        return;
      }
      if (where.at === "finish" && (data === `${PLAN_PREFIX}:save` || data === `${PLAN_PREFIX}:show`)) {
        const save = data === `${PLAN_PREFIX}:save`;
        if (save) await conversation.external(() => store.save(chatId, plan));
        await count(save ? "plan.saved" : "plan.shown");
        await show(c, { text: c.t(save ? "plan-saved" : "plan-not-saved"), keyboard: new InlineKeyboard() });
        await sendSummary(c, plan);
        await showBelow(c, nextStepsScreen(c, save));
        return;
      }
      // `pb:r` (continue), or anything else of ours: show where the person is.
      await show(c, screen(c));
    }
  }

  return { id: PLAN_CONVERSATION, version: 1, prefix: PLAN_PREFIX, builder, kept: "plan-kept-draft" };
}

function withHint(screen: Screen, hint?: string): Screen {
  return hint ? { ...screen, text: `${hint}\n\n${screen.text}` } : screen;
}

/** After a stop or a cancelled edit: the way back to the plan. */
function endScreen(ctx: InsideContext, key: string): Screen {
  const keyboard = new InlineKeyboard().text(ctx.t("btn-plan-mine"), Route.plan);
  return navScreen(ctx, ctx.t(key), { self: Route.plan }, keyboard);
}

function editedScreen(ctx: InsideContext): Screen {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("btn-plan-view"), PlanRoute.view)
    .row()
    .text(ctx.t("btn-plan-edit"), PlanRoute.edit);
  return navScreen(ctx, ctx.t("plan-edited"), { self: Route.plan }, keyboard);
}
