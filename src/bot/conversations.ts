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
import { Composer, type Context, type MiddlewareFn, type StorageAdapter, type Transformer } from "grammy";
import type { Cipher } from "../shared/crypto.js";
import type { BotContext, Locale } from "./context.js";
import { localeOf, rememberTranslations } from "./i18n.js";
import { cached, encrypted, writeOnlyChanges } from "./session-storage.js";
import { prismaKeyValueStore } from "./session-store.js";

/**
 * Conversations (@grammyjs/conversations v2) and the privacy layer.
 *
 * - State lives in the `ConversationState` table, one row per chat, encrypted
 *   with the same cipher as sessions (it holds every update of a conversation
 *   in progress, free text included). `npm run rekey` re-encrypts it, /forget
 *   deletes it, quick exit and auto-erase end the conversation by deleting it.
 * - Each conversation has a `version`; bump it whenever its code changes shape
 *   (the order of its waits, API calls or `external` calls): state stored
 *   under another version is dropped, so the person starts that conversation anew.
 * - Inside, `ctx.t` speaks the person's chosen language (fetched from the
 *   session via `external`), and the bot's messages are tracked for quick exit.
 * - A conversation only sees its own buttons (callback data starting with its
 *   `prefix`) and non-command messages. Commands (/menu, /sos, …) and every
 *   other button go on to the features while the conversation keeps waiting,
 *   so the menu, 🆘 and 🚪 always work and nobody is trapped; the person comes
 *   back through the feature's entry (which sees `ctx.conversation.active(id)`)
 *   or through any of the conversation's own buttons.
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
}

type Stored = VersionedState<ConversationData>;

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
  const adapter = writeOnlyChanges(cacheSize ? cached(sealed, cacheSize) : sealed);
  return { adapter, delete: async (chatId) => adapter.delete(chatId) };
}

/** Waits for the next update that belongs to the conversation (see above); the rest goes on to the features. */
export async function waitOwn(conversation: BotConversation, prefix: string): Promise<InsideContext> {
  const ctx = await conversation.wait();
  const data = ctx.callbackQuery?.data;
  const own = data !== undefined ? data.startsWith(`${prefix}:`) : Boolean(ctx.message) && !isCommand(ctx);
  if (!own) await conversation.skip({ next: true });
  return ctx;
}

function isCommand(ctx: Context): boolean {
  return ctx.message?.entities?.[0]?.type === "bot_command" && ctx.message.entities[0].offset === 0;
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
}): Composer<BotContext> {
  const { specs } = opts;
  const ids = new Set(specs.map((s) => s.id));
  if (ids.size !== specs.length) throw new Error("two conversations with the same id");
  const version = specs.map((s) => `${s.id}@${s.version}`).join(",");

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
      storage: { type: "key", version, adapter: opts.store.adapter, getStorageKey: (ctx) => ctx.chat?.id.toString() },
      plugins,
    }),
  );
  for (const spec of specs) c.use(createConversation<BotContext, InsideContext>(spec.builder, spec.id));
  return c;
}
