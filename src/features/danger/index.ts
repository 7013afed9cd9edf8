import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature } from "../../bot/feature.js";
import { withProtectionOrders } from "../../ui/protection.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, type Screen } from "../../ui/screen.js";
import { DANGER_SIGNS, dangerLevel } from "./signs.js";

const QUESTION = `${Route.danger}:q`;
const STOP = `${Route.danger}:stop`;
const total = DANGER_SIGNS.length;
const ANSWERS = new RegExp(`^${QUESTION}([ynu]{0,${total}})$`);

/** Back from the question after `answers`: the previous question, or the intro. */
const backFrom = (answers: string) => (answers ? `${QUESTION}${answers.slice(0, -1)}` : Route.danger);

function introScreen(ctx: BotContext): Screen {
  const keyboard = new InlineKeyboard().text(ctx.t("btn-danger-start"), QUESTION);
  return navScreen(ctx, ctx.t("danger-intro", { total }), { self: Route.danger }, keyboard);
}

/** The question after `answers`; each button carries the answers so far, plus its own. */
function questionScreen(ctx: BotContext, answers: string): Screen {
  const here = `${QUESTION}${answers}`;
  const text = `${ctx.t("danger-question", { n: answers.length + 1, total })}\n\n${ctx.t(`danger-q-${DANGER_SIGNS[answers.length]}`)}`;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("btn-danger-yes"), `${here}y`)
    .text(ctx.t("btn-danger-no"), `${here}n`)
    .text(ctx.t("btn-danger-unsure"), `${here}u`)
    .row()
    .text(ctx.t("btn-back"), backFrom(answers))
    .text(ctx.t("btn-danger-stop"), STOP);
  return navScreen(ctx, text, { self: here }, keyboard);
}

/** What the signs mean, in words; the buttons carry no answers. */
function resultScreen(ctx: BotContext, answers: string): Screen {
  const parts = [ctx.t(`danger-result-${dangerLevel(answers)}`)];
  if (answers.includes("u")) parts.push(ctx.t("danger-result-unsure"));
  parts.push(ctx.t("danger-result-after"));
  const keyboard = withProtectionOrders(ctx, new InlineKeyboard()).text(ctx.t("btn-danger-plan"), Route.plan).row();
  return navScreen(ctx, parts.join("\n\n"), { self: Route.danger }, keyboard);
}

/**
 * "Am I in danger?" (content brief §5): one question a screen, yes / no /
 * not sure, stop any time; the result in three levels, never a score.
 * The answers live only in the buttons' callback data (at most 13 letters):
 * nothing is stored, not even in the session, and a restart loses nothing.
 * Only anonymous counters are kept.
 */
export const dangerFeature: Feature = {
  menu: { label: "menu-danger", route: Route.danger },
  // A question screen carries the answers so far (nothing is stored); answering is not a change.
  screens: (route) => route === Route.danger || ANSWERS.test(route),
  composer({ counters }) {
    const c = new Composer<BotContext>();
    c.callbackQuery(Route.danger, (ctx) => show(ctx, introScreen(ctx)));
    c.callbackQuery(ANSWERS, async (ctx) => {
      const answers = ctx.match[1]!;
      if (answers.length < total) {
        if (answers === "") await counters.add("danger.started");
        return show(ctx, questionScreen(ctx, answers));
      }
      await counters.add(`danger.level.${dangerLevel(answers)}`);
      await show(ctx, resultScreen(ctx, answers));
    });
    c.callbackQuery(STOP, async (ctx) => {
      await counters.add("danger.stopped");
      await show(ctx, navScreen(ctx, ctx.t("danger-stopped"), { self: Route.danger }));
    });
    return c;
  },
};
