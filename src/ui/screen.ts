import type { I18nFlavor } from "@grammyjs/i18n";
import { GrammyError, InlineKeyboard, type Context } from "grammy";
import { MAX_CALLBACK_BYTES, Route, sosRoute } from "./routes.js";

/** What screens need of a context: also met inside conversations. */
type ScreenContext = Context & I18nFlavor;

/** What one bot message shows: HTML text and its buttons. */
export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
  /** Telegram then blocks forwarding and saving: for screens about the person. */
  protect?: boolean;
}

/** Telegram's error when an edit would change nothing (a double tap). */
const NOT_MODIFIED = "message is not modified";

function telegramSays(err: unknown, fragment: string): boolean {
  return err instanceof GrammyError && err.description.includes(fragment);
}

/**
 * Shows a screen. A pressed button turns its own message into the new screen
 * (one message per journey, nothing piles up in the chat); anything else gets
 * a new message. `notice` is shown briefly over the chat when a button was pressed.
 */
export async function show(ctx: ScreenContext, screen: Screen, notice?: string): Promise<void> {
  const options = sendOptions(screen);
  // Stop a button's spinner at once; an answer that comes too late is harmless.
  const answered = ctx.callbackQuery && ctx.answerCallbackQuery(notice ? { text: notice } : undefined).catch(() => {});
  try {
    if (ctx.callbackQuery?.message) await ctx.editMessageText(screen.text, options);
    else await ctx.reply(screen.text, options);
  } catch (err) {
    if (telegramSays(err, NOT_MODIFIED)) return;
    // Old or deleted messages cannot be edited: say it anew.
    if (!ctx.callbackQuery || !(err instanceof GrammyError) || err.error_code !== 400) throw err;
    await ctx.reply(screen.text, options);
  } finally {
    await answered;
  }
}

/** Shows a screen as a new message, below what was sent before it (a pressed button is answered by the caller). */
export async function showBelow(ctx: ScreenContext, screen: Screen): Promise<void> {
  await ctx.reply(screen.text, sendOptions(screen));
}

function sendOptions(screen: Screen) {
  // Builders leave empty rows behind `.row()`; Telegram is sent only real ones.
  const inline_keyboard = screen.keyboard.inline_keyboard.filter((row) => row.length > 0);
  for (const button of inline_keyboard.flat()) {
    const data = "callback_data" in button ? button.callback_data : undefined;
    // A route built from too long an argument: a bug to find in tests, not in a chat.
    if (data !== undefined && Buffer.byteLength(data) > MAX_CALLBACK_BYTES) throw new Error(`callback data over 64 bytes: ${data.slice(0, 40)}…`);
  }
  return {
    parse_mode: "HTML" as const,
    reply_markup: { inline_keyboard },
    link_preview_options: { is_disabled: true },
    protect_content: screen.protect,
  };
}

export interface NavOptions {
  /**
   * This screen's route, so the emergency screen can lead back here. Omitted
   * only on the emergency screens themselves, which need no emergency button.
   */
  self?: string;
  /** Where "Back" leads; omitted on screens one step below the menu. */
  back?: string;
}

/** Adds the way back, the way to the menu, the emergency button and quick exit to a keyboard. */
export function withNav(ctx: ScreenContext, keyboard: InlineKeyboard, { self, back }: NavOptions): InlineKeyboard {
  keyboard.row();
  if (back && back !== Route.menu) keyboard.text(ctx.t("btn-back"), back);
  keyboard.text(ctx.t("btn-menu"), Route.menu).row();
  if (self !== undefined) keyboard.text(ctx.t("btn-sos"), sosRoute(self));
  return withExit(ctx, keyboard);
}

/** The quick exit button, on every screen. */
export function withExit(ctx: ScreenContext, keyboard: InlineKeyboard): InlineKeyboard {
  return keyboard.text(ctx.t("btn-exit"), Route.exit).row();
}

/** A screen of text under the standard navigation. */
export function navScreen(ctx: ScreenContext, text: string, nav: NavOptions, keyboard = new InlineKeyboard()): Screen {
  return { text, keyboard: withNav(ctx, keyboard, nav) };
}
