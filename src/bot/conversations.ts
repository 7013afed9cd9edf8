import {
  conversations,
  createConversation,
  type Conversation,
  type ConversationBuilder,
  type ConversationData,
  type VersionedState,
} from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { PrismaClient } from "@prisma/client";
import { type Context, type MiddlewareFn, type StorageAdapter, type Transformer } from "grammy";
import { Composer } from "./composer.js";
import type { Cipher } from "../shared/crypto.js";
import type { BotContext, Locale } from "./context.js";
import { localeOf, rememberTranslations } from "./i18n.js";
import { cached, encrypted } from "./session-storage.js";
import { prismaKeyValueStore } from "./session-store.js";

/**
 * Conversations (@grammyjs/conversations v2) and the privacy layer.
 *
 * - State lives in the `ConversationState` table, one row per chat, encrypted
 *   with the same cipher as sessions (it holds every update of a conversation
 *   in progress, free text included). `npm run rekey` re-encrypts it, /forget
 *   deletes it, quick exit and auto-erase end the conversation by deleting it.
 * - Each conversation has a `version`; bump it whenever its code changes shape
 *   (the order of its waits, API calls or `external` calls): its state stored
 *   under another version is dropped, so the person starts that conversation
 *   anew; other conversations in progress are kept.
 * - Inside, `ctx.t` speaks the person's chosen language (fetched from the
 *   session via `external`), and the bot's messages are tracked for quick exit.
 * - A conversation only sees its own buttons (callback data starting with its
 *   `prefix`) and messages that are neither commands nor locations. Commands (/menu, /sos, …) and every
 *   other button go on to the features while the conversation keeps waiting,
 *   so the menu, 🆘 and 🚪 always work and nobody is trapped; the person comes
 *   back through the feature's entry (which sees `ctx.conversation.active(id)`)
 *   or through any of the conversation's own buttons. Such updates do not
 *   even replay the conversation, so they cost nothing extra. A feature that
 *   re-enters a conversation that may be active (exit, then enter) names
 *   those updates in `enters`.
 */

/** The context inside a conversation: no session, no `ctx.conversation`; i18n comes from the layer. */
export type InsideContext = Context & I18nFlavor & { chosenLocale?: Locale };
export type BotConversation = Conversation<BotContext, InsideContext>;

export interface ConversationSpec {
  /** Unique id, used with `ctx.conversation.enter(id)`. */
  id: string;
  /** Bump when the conversation's code changes shape (see above). */
  version: number;
  /** Callback data this conversation owns: `<prefix>:…`. Other buttons pass it by. */
  prefix: string;
  builder: ConversationBuilder<BotContext, InsideContext>;
  /** Locale key of the line the /forget inventory shows while this conversation is in progress. */
  kept: string;
  /**
   * Updates whose handler (re)enters this conversation from outside it, e.g.
   * its command or entry buttons. While it is active it is registered for
   * these too (and replayed once), so `exit` then `enter` starts it anew.
   */
  enters?: (ctx: Context) => boolean;
}

/** The plugin's state, with the version of each conversation in it. */
type Stored = VersionedState<ConversationData> & { versions?: Record<string, number> };

/** Conversation state of chats, encrypted; deleting it ends every conversation of the chat. */
export interface ConversationStore {
  adapter: StorageAdapter<Stored>;
  /** Ends every conversation of the chat (quick exit, auto-erase). */
  delete(chatId: string): Promise<void>;
}

/**
 * The store, cached in memory like sessions when `cacheSize` is set (long
 * polling only). Every delete must go through it, so the cache stays true.
 */
export function conversationStore(prisma: PrismaClient, cipher: Cipher, cacheSize?: number): ConversationStore {
  const sealed = encrypted<Stored>(prismaKeyValueStore(prisma, "ConversationState"), cipher);
  const adapter = writeOnlyChangedState(cacheSize ? cached(sealed, cacheSize) : sealed);
  return { adapter, delete: async (chatId) => adapter.delete(chatId) };
}

/**
 * Skips writing state that did not change, e.g. while a conversation waits
 * and the person uses the menu (its state can be large: it holds every update).
 * Like `writeOnlyChanges`, but the plugin writes a new versioned wrapper around
 * the same state object it read, so the state object is the key.
 */
function writeOnlyChangedState(storage: StorageAdapter<Stored>): StorageAdapter<Stored> {
  const stored = new WeakMap<object, string>();
  return {
    async read(key) {
      const value = await storage.read(key);
      if (value) stored.set(value.state, JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      if (stored.get(value.state) === json) return;
      await storage.write(key, value);
      stored.set(value.state, json);
    },
    delete: (key) => storage.delete(key),
  };
}

/**
 * The plugin knows one version for all conversations; this keeps one per
 * conversation, so bumping one drops only its own state in progress.
 */
function perConversationVersions(storage: StorageAdapter<Stored>, versions: Record<string, number>): StorageAdapter<Stored> {
  return {
    async read(key) {
      const value = await storage.read(key);
      // In place: the state object stays the one that was read (see writeOnlyChangedState).
      for (const id of Object.keys(value?.state ?? {})) if (value!.versions?.[id] !== versions[id]) delete value!.state[id];
      return value;
    },
    write: (key, { version, state }) =>
      storage.write(key, { version, state, versions: Object.fromEntries(Object.keys(state).map((id) => [id, versions[id]!])) }),
    delete: (key) => storage.delete(key),
  };
}

/**
 * Waits for the next update that belongs to the conversation (see above); the
 * rest goes on to the features. The layer already keeps other updates away
 * from an active conversation; this is the same rule inside, should a
 * conversation ever be run without that filter.
 */
export async function waitOwn(conversation: BotConversation, prefix: string): Promise<InsideContext> {
  const ctx = await conversation.wait();
  if (!owns(ctx, prefix)) await conversation.skip({ next: true });
  return ctx;
}

/** True for a message that is the command `/name` (also `/name@bot`, with or without arguments). */
export function isCommand(ctx: Context, name: string): boolean {
  const entity = ctx.message?.entities?.[0];
  if (entity?.type !== "bot_command" || entity.offset !== 0) return false;
  return ctx.message!.text!.slice(1, entity.length).split("@")[0] === name;
}

/**
 * A conversation's own update: its buttons, or a message that is neither a
 * command nor a location. A location never enters a conversation, whose
 * stored state would keep it: features use it outside and keep nothing.
 */
function owns(ctx: Context, prefix: string): boolean {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return data.startsWith(`${prefix}:`);
  const command = ctx.message?.entities?.[0]?.type === "bot_command" && ctx.message.entities[0].offset === 0;
  return Boolean(ctx.message) && !command && !ctx.message?.location;
}

/**
 * The conversations middleware and every conversation, to install after
 * sessions and i18n and before the features.
 */
export function conversationLayer(opts: {
  store: ConversationStore;
  i18n: I18n<BotContext>;
  /** The bot's outgoing-message tracking (quick exit must delete what a conversation sent). */
  outgoing: Transformer;
  specs: ConversationSpec[];
  /** A message some feature waits for outside conversations (see `Feature.awaitsMessage`). */
  awaited: (ctx: BotContext) => boolean;
}): Composer<BotContext> {
  const { specs } = opts;
  const ids = new Set(specs.map((s) => s.id));
  if (ids.size !== specs.length) throw new Error("two conversations with the same id");
  const versions = Object.fromEntries(specs.map((s) => [s.id, s.version]));

  const remember = rememberTranslations(opts.i18n) as unknown as MiddlewareFn<InsideContext>;
  // Run on every update a conversation handles, replayed ones included.
  const plugins = (conversation: BotConversation): MiddlewareFn<InsideContext>[] => [
    async (ctx, next) => {
      // The conversation's own Api object misses the bot's transformers.
      ctx.api.config.use(opts.outgoing);
      ctx.chosenLocale = await conversation.external((outside) => localeOf(outside));
      await next();
    },
    opts.i18n as unknown as MiddlewareFn<InsideContext>,
    remember,
  ];

  const c = new Composer<BotContext>();
  c.use(
    conversations<BotContext, InsideContext>({
      storage: { type: "key", adapter: perConversationVersions(opts.store.adapter, versions), getStorageKey: (ctx) => ctx.chat?.id.toString() },
      plugins,
    }),
  );
  for (const spec of specs) {
    // Registered (so it can be entered) unless it is active and the update is neither its own nor one
    // that enters it anew: then it is not replayed.
    const own = (ctx: BotContext) => owns(ctx, spec.prefix) && !(ctx.message && opts.awaited(ctx));
    const concerned = (ctx: BotContext) => own(ctx) || ctx.conversation.active(spec.id) === 0 || (spec.enters?.(ctx) ?? false);
    // Parallel: conversations of different features may be in progress at once (each takes only its own updates).
    c.filter(concerned, createConversation<BotContext, InsideContext>(spec.builder, { id: spec.id, parallel: true }));
  }
  return c;
}
