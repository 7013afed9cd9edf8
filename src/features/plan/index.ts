import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { confirmed, confirmPattern, confirmToken } from "../../ui/confirm.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, showBelow, type Screen } from "../../ui/screen.js";
import { PLAN_CONVERSATION, planConversation, type PlanArgs } from "./conversation.js";
import { PLAN_PREFIX, PlanRoute, RESUME, sendSummary, START_OVER } from "./screens.js";
import { PLAN_STEPS } from "./steps.js";
import { PlanStore } from "./store.js";

const chatId = (ctx: BotContext) => String(ctx.chat!.id);
const DELETE_YES = `${PlanRoute.del}:yes`;

/**
 * The plan's hub (`/plan`, "🛡 Safety plan"): continue or start over a plan
 * in progress; see, edit or delete the saved one; or make one.
 */
async function hubScreen(ctx: BotContext, store: PlanStore): Promise<Screen> {
  const keyboard = new InlineKeyboard();
  let text: string;
  if (ctx.conversation.active(PLAN_CONVERSATION) > 0) {
    text = ctx.t("plan-hub-in-progress");
    keyboard.text(ctx.t("btn-plan-continue"), RESUME).row().text(ctx.t("btn-plan-start-over"), START_OVER).row();
  } else if (await store.has(chatId(ctx))) {
    text = ctx.t("plan-hub-saved");
    keyboard
      .text(ctx.t("btn-plan-view"), PlanRoute.view)
      .row()
      .text(ctx.t("btn-plan-edit"), PlanRoute.edit)
      .row()
      .text(ctx.t("btn-plan-delete"), PlanRoute.del)
      .row();
  } else {
    text = ctx.t("plan-hub-intro", { total: PLAN_STEPS.length });
    keyboard.text(ctx.t("btn-plan-start"), PlanRoute.new).row();
  }
  keyboard.text(ctx.t("btn-danger"), Route.danger).row();
  return navScreen(ctx, text, { self: Route.plan }, keyboard);
}

function editListScreen(ctx: BotContext): Screen {
  const keyboard = new InlineKeyboard();
  PLAN_STEPS.forEach((step, i) => keyboard.text(ctx.t(`plan-step-${step.id}`), `${PlanRoute.edit}:${i}`).row());
  return navScreen(ctx, ctx.t("plan-edit-text"), { self: PlanRoute.edit, back: Route.plan }, keyboard);
}

function deleteScreen(ctx: BotContext): Screen {
  const token = confirmToken(ctx, PlanRoute.del);
  const keyboard = new InlineKeyboard().text(ctx.t("btn-plan-delete-confirm"), `${DELETE_YES}:${token}`).row();
  return navScreen(ctx, ctx.t("plan-delete-question"), { self: PlanRoute.del, back: Route.plan }, keyboard);
}

/**
 * Safety plan (content brief §4): made step by step in a conversation, kept
 * encrypted only if the person chooses, editable step by step, deletable
 * after a confirmation.
 */
export const planFeature: Feature = {
  menu: { label: "menu-plan", route: Route.plan },
  commands: [{ command: "plan", description: "cmd-plan" }],
  screens: (route) => [Route.plan, PlanRoute.edit, PlanRoute.del, RESUME].includes(route),
  conversations: (deps) => [planConversation({ store: planStore(deps), counters: deps.counters })],
  async kept(ctx, deps) {
    return (await planStore(deps).has(chatId(ctx))) ? [ctx.t("plan-kept-saved")] : [];
  },
  composer(deps) {
    const store = planStore(deps);
    const c = new Composer<BotContext>();
    const hub = async (ctx: BotContext) => show(ctx, await hubScreen(ctx, store));
    const active = (ctx: BotContext) => ctx.conversation.active(PLAN_CONVERSATION) > 0;
    c.command("plan", hub);
    c.callbackQuery(Route.plan, hub);
    // While a plan is in progress (an old button, a double tap), the hub offers to continue or start over.
    c.callbackQuery(PlanRoute.new, (ctx) => (active(ctx) ? hub(ctx) : ctx.conversation.enter(PLAN_CONVERSATION)));

    c.callbackQuery(PlanRoute.view, async (ctx) => {
      const plan = await store.get(chatId(ctx));
      if (!plan) return hub(ctx);
      await ctx.answerCallbackQuery().catch(() => {});
      await sendSummary(ctx, plan);
      await showBelow(ctx, await hubScreen(ctx, store));
    });

    // Editing a saved plan; a plan in progress (or none saved) leads to the hub instead.
    const canEdit = async (ctx: BotContext) => !active(ctx) && (await store.has(chatId(ctx)));
    c.callbackQuery(PlanRoute.edit, async (ctx) => ((await canEdit(ctx)) ? show(ctx, editListScreen(ctx)) : hub(ctx)));
    c.callbackQuery(new RegExp(`^${PlanRoute.edit}:(\\d)$`), async (ctx) => {
      const step = Number(ctx.match[1]);
      if (!PLAN_STEPS[step] || !(await canEdit(ctx))) return hub(ctx);
      const args: PlanArgs = { step };
      await ctx.conversation.enter(PLAN_CONVERSATION, args);
    });

    c.callbackQuery(PlanRoute.del, async (ctx) => ((await store.has(chatId(ctx))) ? show(ctx, deleteScreen(ctx)) : hub(ctx)));
    c.callbackQuery(confirmPattern(DELETE_YES), async (ctx) => {
      if (!confirmed(ctx, PlanRoute.del, ctx.match[1])) return show(ctx, deleteScreen(ctx));
      // An edit in progress would save the plan again.
      await ctx.conversation.exit(PLAN_CONVERSATION);
      if (await store.delete(chatId(ctx))) await deps.counters.add("plan.deleted");
      const keyboard = new InlineKeyboard().text(ctx.t("btn-plan-mine"), Route.plan);
      await show(ctx, navScreen(ctx, ctx.t("plan-deleted"), { self: Route.plan }, keyboard));
    });

    // A button of a plan that has ended (the conversation would have taken it otherwise).
    c.callbackQuery(new RegExp(`^${PLAN_PREFIX}:`), hub);
    return c;
  },
};

function planStore(deps: FeatureDeps): PlanStore {
  return new PlanStore(deps.prisma, deps.cipher);
}
