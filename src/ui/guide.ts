import { InlineKeyboard } from "grammy";
import { Composer } from "../bot/composer.js";
import type { BotContext } from "../bot/context.js";
import { guidePage, type Guide, type GuidePage } from "../shared/guide.js";
import { Route } from "./routes.js";
import { navScreen, show, type Screen } from "./screen.js";

/** Next-step routes that are not guide topics, with their button labels. */
const STEP_LABELS: Record<string, string> = { [Route.lines]: "btn-more-lines", [Route.danger]: "btn-danger" };

/** Locale key of a next-step button's label. */
export function stepLabel(step: string): string {
  return STEP_LABELS[step] ?? step.replace(":", "-");
}

function topicRoute(guide: Guide, topicId: string, page?: number): string {
  return page && page > 1 ? `${guide.id}:${topicId}:${page}` : `${guide.id}:${topicId}`;
}

function listScreen(ctx: BotContext, guide: Guide): Screen {
  const keyboard = new InlineKeyboard();
  for (const t of guide.topics) keyboard.text(ctx.t(`${guide.id}-${t.id}`), topicRoute(guide, t.id)).row();
  return navScreen(ctx, ctx.t(`${guide.id}-intro`), { self: guide.id }, keyboard);
}

function pageScreen(ctx: BotContext, guide: Guide, { topic, page, last }: GuidePage): Screen {
  const self = topicRoute(guide, topic.id, page);
  const title = ctx.t(`${guide.id}-${topic.id}`);
  const counter = topic.pages > 1 ? ` (${page}/${topic.pages})` : "";
  const text = `<b>${title}</b>${counter}\n\n${ctx.t(`${guide.id}-${topic.id}-${page}`)}`;

  const keyboard = new InlineKeyboard();
  if (page > 1) keyboard.text(ctx.t("btn-page-prev"), topicRoute(guide, topic.id, page - 1));
  if (!last) keyboard.text(ctx.t("btn-page-next"), topicRoute(guide, topic.id, page + 1));
  keyboard.row();
  if (last) {
    for (const step of topic.next) {
      keyboard.text(ctx.t(stepLabel(step)), step === Route.lines ? `${Route.lines}:${self}` : step).row();
    }
  }
  return navScreen(ctx, text, { self, back: guide.id }, keyboard);
}

const pageRoute = (guide: Guide) => new RegExp(`^${guide.id}:([a-z0-9-]+)(?::(\\d+))?$`);

/** True for the guide's list and for its existing topic pages. */
export function isGuideScreen(guide: Guide, route: string): boolean {
  if (route === guide.id) return true;
  const m = pageRoute(guide).exec(route);
  return m !== null && guidePage(guide, m[1]!, Number(m[2] ?? 1))?.page === Number(m[2] ?? 1);
}

/**
 * The screens of a guide: `<id>` lists the topics, `<id>:<topic>[:<page>]`
 * shows a page. A topic or page that no longer exists (an old button) falls
 * back to the list.
 */
export function guideComposer(guide: Guide): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.callbackQuery(guide.id, (ctx) => show(ctx, listScreen(ctx, guide)));
  c.callbackQuery(pageRoute(guide), (ctx) => {
    const found = guidePage(guide, ctx.match[1]!, Number(ctx.match[2] ?? 1));
    return show(ctx, found ? pageScreen(ctx, guide, found) : listScreen(ctx, guide));
  });
  return c;
}
