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
  /** What stays in Telegram (cloud chat, chat list, notifications), from About. */
  traces: "traces",
  /** What the bot keeps (the list; /forget shows what it keeps about this person). */
  kept: "kept",
  /** Quick exit: erase the chat. */
  exit: "exit",
  /** First contact: is it safe to talk now? `safe:yes`, `safe:no`, `safe:numbers`. */
  safe: "safe",
  /** Auto-erase setting: `erase`, `erase:<minutes>` (0 = off). */
  erase: "erase",
  /** Delete my data: `forget`, then `forget:yes:<token>` or `forget:erase:<token>` (src/ui/confirm.ts). */
  forget: "forget",
  /** Find help: the directory of services (`svc:…`, src/features/services). */
  services: "svc",
  /** Safety plan: `plan` (its hub), `plan:new`, `plan:view`, `plan:edit[:<step>]`, `plan:del[:yes:<token>]`. */
  plan: "plan",
  /** "Am I in danger?": `danger`, then `danger:q<answers so far>` (one letter each: y, n, u), `danger:stop`. */
  danger: "danger",
} as const;

/** Telegram's limit for a button's callback data. */
export const MAX_CALLBACK_BYTES = 64;

/** `<route>:<arg>`, or the bare route where there is no arg or the pair would not fit in a button. */
export function withArg(route: string, arg: string | undefined): string {
  const full = `${route}:${arg}`;
  return arg && Buffer.byteLength(full) <= MAX_CALLBACK_BYTES ? full : route;
}

/** Route of the emergency screen that leads back to `from`. */
export function sosRoute(from: string): string {
  return from === Route.sos ? Route.sos : withArg(Route.sos, from);
}
