import { InlineKeyboard, InputFile } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { FeatureDeps } from "../../bot/feature.js";
import { escapeHtml } from "../../shared/html.js";
import { confirmed, confirmPattern, confirmToken } from "../../ui/confirm.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show } from "../../ui/screen.js";
import { SERVICE_ID } from "./catalog.js";
import type { Directory, ImportPlan } from "./directory.js";
import { parseServicesFile, servicesToCsv, type RowError } from "./records.js";

const IMPORT = "svc:imp";
const SCOPE = "services-import";
/** Import files larger than this are refused before download (50,000 rows fit well inside). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Errors listed in the chat; all of them go into the attached report when there are more. */
const ERRORS_SHOWN = 30;
/** Topics a poster can open, besides services and hubs (src/features/start). */
const TOPICS = ["rights", "plan", "help"];

/** One bad row in words, e.g. "line 4 (phones): malformed phone number". */
export function describeRowError(t: (key: string, vars?: Record<string, string | number>) => string, e: RowError): string {
  const where = e.line === 0 ? t("svc-import-file") : t("svc-import-line", { line: e.line });
  return `${where}${e.column ? ` (${e.column})` : ""}: ${t(`svc-error-${e.code}`)}`;
}

export function planSummary(t: (key: string, vars?: Record<string, string | number>) => string, plan: ImportPlan): string {
  return t("svc-import-summary", {
    added: plan.added.length,
    changed: plan.changed.length,
    deactivated: plan.deactivated.length,
    unchanged: plan.unchanged,
  });
}

/** Deep-link payloads staff can print: a service, a hub or a topic. */
async function checkPayload(directory: Directory, payload: string): Promise<boolean> {
  if (TOPICS.includes(payload)) return true;
  const m = new RegExp(`^(svc|hub)_(${SERVICE_ID.source.slice(1, -1)})$`).exec(payload);
  const service = m && (await directory.find(m[2]!));
  return Boolean(service && (m[1] === "svc" || service.category === "hub"));
}

/**
 * Staff only (ADMIN_IDS): a CSV or JSON file sent to the bot imports the
 * directory (a dry-run summary first, applied all-or-nothing on
 * confirmation), /services_export gives it back as CSV, /qr makes a poster's
 * link and QR code. For anyone else these do nothing (the fallback answers).
 */
export function adminComposer({ isAdmin, downloadFile }: FeatureDeps, directory: Directory): Composer<BotContext> {
  const root = new Composer<BotContext>();
  const c = root.filter((ctx) => isAdmin(ctx.from?.id));
  const t = (ctx: BotContext) => ctx.t.bind(ctx) as (key: string, vars?: Record<string, string | number>) => string;

  /** Reads the file and works out what it would change; nothing is written. */
  const dryRun = async (fileId: string, name: string) => {
    const parsed = parseServicesFile(name, await downloadFile(fileId));
    return { ...parsed, plan: parsed.errors.length ? undefined : await directory.plan(parsed.services) };
  };

  c.on("message:document", async (ctx) => {
    const doc = ctx.msg.document;
    const name = doc.file_name ?? "";
    if (!/\.(csv|json)$/i.test(name) || (doc.file_size ?? 0) > MAX_FILE_BYTES) {
      return show(ctx, navScreen(ctx, ctx.t("svc-import-wrong-file"), { self: Route.menu }));
    }
    const { errors, plan } = await dryRun(doc.file_id, name);
    if (!plan) {
      const lines = errors.slice(0, ERRORS_SHOWN).map((e) => `• ${escapeHtml(describeRowError(t(ctx), e))}`);
      if (errors.length > ERRORS_SHOWN) lines.push(ctx.t("svc-import-more-errors", { count: errors.length - ERRORS_SHOWN }));
      const text = `${ctx.t("svc-import-refused", { count: errors.length })}\n\n${lines.join("\n")}`;
      await show(ctx, navScreen(ctx, text, { self: Route.menu }));
      if (errors.length > ERRORS_SHOWN) {
        const report = errors.map((e) => describeRowError(t(ctx), e)).join("\n");
        await ctx.replyWithDocument(new InputFile(Buffer.from(report), "import-errors.txt"));
      }
      return;
    }
    ctx.session.servicesImport = doc.file_id;
    const keyboard = new InlineKeyboard().text(ctx.t("svc-btn-import"), `${IMPORT}:${confirmToken(ctx, SCOPE)}`);
    const text = `${ctx.t("svc-import-dry-run")}\n\n${planSummary(t(ctx), plan)}\n\n${ctx.t("svc-import-question")}`;
    await show(ctx, navScreen(ctx, text, { self: Route.menu }, keyboard));
  });

  // Acts only from its own confirmation; the file is read again, so what is applied is what was checked.
  c.callbackQuery(confirmPattern(IMPORT), async (ctx) => {
    const fileId = ctx.session.servicesImport;
    if (!confirmed(ctx, SCOPE, ctx.match[1]) || !fileId) {
      return show(ctx, navScreen(ctx, ctx.t("svc-import-expired"), { self: Route.menu }));
    }
    delete ctx.session.servicesImport;
    const { plan } = await dryRun(fileId, "import.csv");
    if (!plan) return show(ctx, navScreen(ctx, ctx.t("svc-import-expired"), { self: Route.menu }));
    await directory.apply(plan);
    await show(ctx, navScreen(ctx, `${ctx.t("svc-import-done")}\n\n${planSummary(t(ctx), plan)}`, { self: Route.menu }));
  });

  c.command("services_export", async (ctx) => {
    const csv = servicesToCsv(await directory.all());
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), "services.csv"));
  });

  c.command("qr", async (ctx) => {
    const payload = ctx.match.trim();
    if (!(await checkPayload(directory, payload))) {
      return show(ctx, navScreen(ctx, ctx.t("svc-qr-help"), { self: Route.menu }));
    }
    const link = `https://t.me/${ctx.me.username}?start=${payload}`;
    // Loaded on first use: staff make posters rarely, and the library costs every instance ~10 MB.
    const { default: QRCode } = await import("qrcode");
    const png = await QRCode.toBuffer(link, { type: "png", margin: 2, width: 1024, errorCorrectionLevel: "M" });
    const svg = await QRCode.toString(link, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    await ctx.replyWithPhoto(new InputFile(png, `qr-${payload}.png`), { caption: link });
    await ctx.replyWithDocument(new InputFile(Buffer.from(svg, "utf8"), `qr-${payload}.svg`), { caption: link });
  });
  return root;
}
