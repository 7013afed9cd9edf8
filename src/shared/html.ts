/** Escapes text for Telegram's HTML parse mode (anything not our own markup). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
