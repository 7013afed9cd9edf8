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
  /** Quick exit: erase the chat. */
  exit: "exit",
  /** First contact: is it safe to talk now? `safe:yes`, `safe:no`, `safe:numbers`. */
  safe: "safe",
  /** Auto-erase setting: `erase`, `erase:<minutes>` (0 = off). */
  erase: "erase",
  /** Delete my data: `forget`, then `forget:yes:<token>` or `forget:erase:<token>` (src/ui/confirm.ts). */
  forget: "forget",
  /** Safety plan: `plan` (its hub), `plan:new`, `plan:view`, `plan:edit[:<step>]`, `plan:del[:yes:<token>]`. */
  plan: "plan",
  /** "Am I in danger?": `danger`, then `danger:q<answers so far>` (one letter each: y, n, u), `danger:stop`. */
  danger: "danger",
} as const;

/** Route of the emergency screen that leads back to `from`. */
export function sosRoute(from: string): string {
  return from === Route.sos ? Route.sos : `${Route.sos}:${from}`;
}
