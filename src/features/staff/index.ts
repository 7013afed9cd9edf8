import { isCommand } from "../../bot/conversations.js";
import type { Broadcast } from "@prisma/client";
import { InlineKeyboard, InputFile } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { localeOf } from "../../bot/i18n.js";
import type { DayCount } from "../../stats/counters.js";
import { confirmed, confirmToken } from "../../ui/confirm.js";
import { Route } from "../../ui/routes.js";
import { show, withExit, type Screen } from "../../ui/screen.js";
import { audienceName, composeBroadcast, formatWhen, PREFIX } from "./compose.js";

const CANCEL_ROUTE = "bcx";
const CSV_ROUTE = "stats:csv";
/** Days shown one by one on /stats (the CSV has every day). */
const RECENT_DAYS = 7;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** /stats: every anonymous counter, by day for the last week and in total, and how many subscribe now. */
async function statsScreen(ctx: BotContext, { counters, campaign }: FeatureDeps): Promise<Screen> {
  const now = campaign.now();
  const today = dayOf(now);
  const from = dayOf(new Date(now.getTime() - (RECENT_DAYS - 1) * 86_400_000));
  const all = await counters.read("0000-00-00", "9999-12-31");
  const names = [...new Set(all.map((c) => c.name))].sort();
  const sum = (rows: DayCount[]) => rows.reduce((n, c) => n + c.count, 0);
  const line = (name: string) => {
    const rows = all.filter((c) => c.name === name);
    const week = rows.filter((c) => c.day >= from && c.day <= today);
    const byDay = week.map((c) => `${c.day.slice(5)}: ${c.count}`).join(", ");
    return `<code>${name}</code>: ${sum(rows)} · ${ctx.t("stats-week")} ${sum(week)}${byDay ? ` (${byDay})` : ""}`;
  };
  // Grouped by what they count: the first word of the name (campaign, broadcast, plan, referral …).
  const groups = [...new Set(names.map((n) => n.split(".")[0]!))];
  const lines = groups.flatMap((g) => ["", `<b>${g}</b>`, ...names.filter((n) => n.split(".")[0] === g).map(line)]);
  const text = [
    ctx.t("stats-head", { subscribers: await campaign.broadcasts.subscriberCount() }),
    ...(lines.length ? lines : ["", ctx.t("stats-none")]),
  ].join("\n");
  const keyboard = new InlineKeyboard().text(ctx.t("btn-stats-csv"), CSV_ROUTE).row().text(ctx.t("btn-menu"), Route.menu);
  return { text, keyboard: withExit(ctx, keyboard.row()) };
}

/** Every counter of every day as CSV: day,name,count. */
export function countersCsv(rows: DayCount[]): string {
  return ["day,name,count", ...rows.map((r) => `${r.day},${r.name},${r.count}`)].join("\n");
}

function broadcastLine(ctx: BotContext, b: Broadcast, zone: string): string {
  const when = formatWhen(b.sendAt, localeOf(ctx), zone);
  return ctx.t("bcs-line", { id: b.id, status: ctx.t("bc-status", { status: b.status }), audience: audienceName(ctx.t, b.audience), when, total: b.total, sent: b.sent, failed: b.failed });
}

async function broadcastsScreen(ctx: BotContext, { campaign }: FeatureDeps): Promise<Screen> {
  const list = await campaign.broadcasts.recent();
  const zone = campaign.broadcasts.settings.timeZone;
  const keyboard = new InlineKeyboard();
  for (const b of list.filter((b) => b.status === "scheduled" || b.status === "running")) {
    keyboard.text(ctx.t("btn-bc-cancel", { id: b.id }), `${CANCEL_ROUTE}:${b.id}`).row();
  }
  keyboard.text(ctx.t("btn-menu"), Route.menu).row();
  const text = list.length ? [ctx.t("bcs-head"), ...list.map((b) => broadcastLine(ctx, b, zone))].join("\n\n") : ctx.t("bcs-none");
  return { text, keyboard: withExit(ctx, keyboard) };
}

/**
 * Campaign staff (ADMIN_IDS) only: /broadcast (a conversation), /broadcasts
 * (list, cancel) and /stats (anonymous counters, CSV). Anyone else gets the
 * usual answer to an unknown command or an old button: these pass them by.
 */
export const staffFeature: Feature = {
  staffCommands: [
    { command: "broadcast", description: "cmd-broadcast" },
    { command: "broadcasts", description: "cmd-broadcasts" },
    { command: "stats", description: "cmd-stats" },
  ],
  conversations: (deps) => [
    {
      id: "broadcast",
      version: 1,
      prefix: PREFIX,
      builder: composeBroadcast(deps),
      kept: "kept-broadcast-draft",
      // /broadcast starts a new draft even while one is open.
      enters: (ctx) => isCommand(ctx, "broadcast"),
    },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const staff = c.filter((ctx) => ctx.from !== undefined && deps.isAdmin(ctx.from.id));

    staff.command("broadcast", async (ctx) => {
      await ctx.conversation.exit("broadcast");
      await ctx.conversation.enter("broadcast");
    });
    staff.command("stats", async (ctx) => show(ctx, await statsScreen(ctx, deps)));
    staff.callbackQuery(CSV_ROUTE, async (ctx) => {
      await ctx.answerCallbackQuery().catch(() => {});
      const csv = countersCsv(await deps.counters.read("0000-00-00", "9999-12-31"));
      const day = deps.campaign.now().toISOString().slice(0, 10);
      await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), `stats-${day}.csv`));
    });

    const list = async (ctx: BotContext, notice?: string) => show(ctx, await broadcastsScreen(ctx, deps), notice);
    staff.command("broadcasts", (ctx) => list(ctx));
    staff.callbackQuery(new RegExp(`^${CANCEL_ROUTE}:(\\d{1,9})$`), async (ctx) => {
      const id = Number(ctx.match[1]);
      const b = await deps.campaign.broadcasts.get(id);
      if (!b || (b.status !== "scheduled" && b.status !== "running")) return list(ctx);
      const token = confirmToken(ctx, `${CANCEL_ROUTE}${id}`);
      const keyboard = new InlineKeyboard()
        .text(ctx.t("btn-bc-cancel-yes"), `${CANCEL_ROUTE}:${id}:${token}`)
        .row()
        .text(ctx.t("btn-back"), "bcs");
      await show(ctx, { text: ctx.t("bc-cancel-question", { id }), keyboard: withExit(ctx, keyboard.row()) });
    });
    staff.callbackQuery(new RegExp(`^${CANCEL_ROUTE}:(\\d{1,9}):([A-Za-z0-9_-]{1,16})$`), async (ctx) => {
      const id = Number(ctx.match[1]);
      if (!confirmed(ctx, `${CANCEL_ROUTE}${id}`, ctx.match[2])) return list(ctx);
      const done = await deps.campaign.broadcasts.cancel(id);
      if (done) await deps.counters.add("broadcast.cancelled");
      await list(ctx, ctx.t(done ? "bc-cancel-done" : "bc-cancel-too-late"));
    });
    staff.callbackQuery("bcs", (ctx) => list(ctx));
    return c;
  },
};
