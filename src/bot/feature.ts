import type { Composer } from "grammy";
import type { Screen } from "../ui/screen.js";
import type { BotContext } from "./context.js";

/** What every feature may use; features take nothing from globals. */
export interface FeatureDeps {
  /** The main menu, built from the features that have a menu entry. */
  mainMenu: (ctx: BotContext) => Screen;
  org: { name?: string; contact?: string };
}

export interface Feature {
  /** Main-menu entry: label key and route. Only working features have one. */
  menu?: { label: string; route: string };
  /** Commands shown in Telegram's command list: name and description key. */
  commands?: { command: string; description: string }[];
  composer(deps: FeatureDeps): Composer<BotContext>;
}
