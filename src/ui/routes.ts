/**
 * Callback data of the screens that several features link to. Buttons carry
 * the route of the screen they open, so any button works after a restart and
 * on old messages: no per-person navigation state is kept.
 */
export const Route = {
  menu: "menu",
  /** Emergency numbers; `sos:<route>` remembers the screen to go back to. */
  sos: "sos",
  /** More support lines (legal aid, emotional support). */
  lines: "lines",
  language: "lang",
  about: "about",
} as const;

/** Route of the emergency screen that leads back to `from`. */
export function sosRoute(from: string): string {
  return from === Route.sos ? Route.sos : `${Route.sos}:${from}`;
}
