import type { PrismaClient } from "@prisma/client";
import type { Api, Composer } from "grammy";
import type { Broadcast } from "@prisma/client";
import type { Broadcasts } from "../campaign/broadcasts.js";
import type { CampaignDays } from "../campaign/days.js";
import type { OutgoingMessage } from "../campaign/outbox.js";
import type { Recipient } from "../features/campaign/message.js";
import type { EraseSchedule } from "../privacy/auto-erase.js";
import type { MessageLog } from "../privacy/messages.js";
import type { Cipher } from "../shared/crypto.js";
import type { Job } from "../scheduler/index.js";
import type { Clock } from "../shared/clock.js";
import type { BotMetrics } from "../server/metrics.js";
import type { Counters } from "../stats/counters.js";
import type { Screen } from "../ui/screen.js";
import type { BotContext, Locale } from "./context.js";
import type { ConversationSpec } from "./conversations.js";

/** What every feature may use; features take nothing from globals. */
export interface FeatureDeps {
  /** The main menu, built from the features that have a menu entry. */
  mainMenu: (ctx: BotContext) => Screen;
  org: { name?: string; contact?: string };
  /** True for a route a "back" button may lead to (see `Feature.screens`). */
  isScreen: (route: string) => boolean;
  /** Anonymous daily counters (no person in them). */
  counters: Counters;
  /** Prometheus metrics of this instance; unset (tests, preview), nothing is measured. */
  metrics?: BotMetrics;
  /** The 16 Days campaign and broadcasts (src/campaign). */
  campaign: {
    broadcasts: Broadcasts;
    days: CampaignDays;
    /** The bot's clock. */
    now: () => Date;
    /** The outbox has new rows: send now rather than at its next look. */
    wake: () => void;
    /** A message as the recipient gets it (for previews). */
    render: (row: Recipient, broadcast: Pick<Broadcast, "kind" | "content">) => OutgoingMessage | undefined;
  };
  prisma: PrismaClient;
  clock: Clock;
  /** Staff in ADMIN_IDS: they import data, make QR codes, link partner groups and so on. */
  isAdmin: (userId: number | undefined) => boolean;
  /** The bytes of a file someone sent to the bot (getFile, then the file download URL). */
  downloadFile: (fileId: string) => Promise<Buffer>;
  /** Personal data only through the cipher. */
  cipher: Cipher;
  /** For messages sent outside a person's update (staff groups, scheduled jobs). */
  api: Api;
  /** A text in a given language, outside any update. */
  translate: (locale: Locale, key: string, vars?: Record<string, string | number>) => string;
  referrals: ReferralSettings;
  privacy: {
    messages: MessageLog;
    schedule: EraseSchedule;
    /** Deletes every row that refers to the chat. */
    forget: (chatId: string) => Promise<void>;
    /** Ends every flow in progress of the chat: its conversations and the session's flow fields. */
    endFlows: (chatId: string) => Promise<void>;
    /** What the features keep about the person beyond the session, as lines for the /forget inventory. */
    kept: (ctx: BotContext) => Promise<string[]>;
    /** Left in the chat after quick exit; none when unset. */
    exitText?: string;
  };
}

/** Warm referrals' settings (src/config.ts). */
export interface ReferralSettings {
  /** The fallback staff group; unset, only partners with their own group receive referrals. */
  staffChatId?: string;
  retentionDays: number;
  reminderMinutes: number;
  escalationMinutes: number;
}

export interface Feature {
  /** Main-menu entry: label key and route. Only working features have one. */
  menu?: { label: string; route: string };
  /** Commands shown in Telegram's command list: name and description key. */
  commands?: { command: string; description: string }[];
  /** Staff commands, listed only in the chats of admins. */
  staffCommands?: { command: string; description: string }[];
  /** Commands for staff groups, listed in every group the bot is in (instead of the people's list). */
  groupCommands?: { command: string; description: string }[];
  composer(deps: FeatureDeps): Composer<BotContext>;
  /** Updates from groups and supergroups (staff groups); no session or i18n there. */
  groups?: (deps: FeatureDeps) => Composer<BotContext>;
  /** Its scheduled jobs, listed with the others in main.ts. */
  jobs?: (deps: FeatureDeps) => Job[];
  /** Runs before the person's data is deleted (/forget), e.g. to tell staff they withdrew. */
  forget?: (chatId: string, deps: FeatureDeps) => Promise<void>;
  /**
   * True while the feature waits for the person's next message outside any
   * conversation (a relayed reply, a shared location): a conversation in
   * progress then lets that message pass to the features.
   */
  awaitsMessage?: (ctx: BotContext) => boolean;
  /** Its conversations (src/bot/conversations.ts); they see updates before every composer. */
  conversations?: (deps: FeatureDeps) => ConversationSpec[];
  /**
   * What it keeps about the person outside the session, as translated lines
   * for the /forget inventory (a conversation in progress is listed by its spec).
   */
  kept?: (ctx: BotContext, deps: FeatureDeps) => Promise<string[]>;
  /**
   * The feature's screens that other screens may lead back to (e.g. from the
   * emergency numbers): true for a route that opens a screen and changes
   * nothing, with valid arguments. Button data is input: a route taken from
   * it is checked here before it goes into a new button.
   */
  screens?: (route: string) => boolean;
  /**
   * Runs before rate limiting, sessions and i18n: for what must work at once
   * and always (quick exit). Such a composer cannot use `ctx.session` or `ctx.t`.
   */
  early?: boolean;
}
