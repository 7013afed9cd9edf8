import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  BotCommand,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { HtmlError, parseHtml, type Parsed } from "./html.js";
import { FakeGroup } from "./group.js";
import { FakeUser, type ChatMessage, type ReplyButton, type ReplyKeyboard, type UserOptions } from "./user.js";

/** A chat the bot can write to: a person's private chat or a group. */
type FakeChat = FakeUser | FakeGroup;

/** One Bot API request as the fake received it. */
export interface FakeCall {
  method: string;
  payload: any;
  /** The private chat the call concerns (for answerCallbackQuery: the presser's chat). */
  chatId?: number;
  /** Telegram's error description when the call failed. */
  error?: string;
  /** What the call returned when it succeeded (e.g. the sent Message). */
  result?: unknown;
}

export interface FakeTelegramOptions {
  token?: string;
  botId?: number;
  botUsername?: string;
}

type Payload = Record<string, any>;
type Handler = (p: Payload, res: ServerResponse) => unknown;

interface Content extends Parsed {
  html?: string;
}

/** A user action waiting (long polling mode) for the bot to react. */
interface Waiter {
  chatId: number;
  updateId: number;
  fetched: boolean;
  lastError?: string;
  timeout: NodeJS.Timeout;
  settle?: NodeJS.Timeout;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Poll {
  limit: number;
  finish: (result: Update[] | ApiError) => void;
}

class ApiError extends Error {
  constructor(readonly code: number, readonly description: string, readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number }) {
    super(description);
  }
}

/** The chat an update belongs to, for per-chat order. */
function chatOfUpdate(u: Update): number | undefined {
  return (u.message ?? u.edited_message)?.chat.id ?? u.callback_query?.message?.chat.id ?? u.callback_query?.from.id;
}

function bad(what: string): never {
  throw new ApiError(400, `Bad Request: ${what}`);
}

const NOT_MODIFIED = "message is not modified: specified new message content and reply markup are exactly " +
  "the same as a current content and reply markup of the message";
/** Calls that count as the bot reacting to a user's update. */
const REACTIONS = new Set([
  "sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "deleteMessages", "answerCallbackQuery",
  "sendVenue", "sendPhoto", "sendDocument",
]);
/** Telegram's limits on files: bots upload photos up to 10 MB, other files up to 50 MB, download up to 20 MB. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
  "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);
/** Fields Telegram decodes from JSON when they arrive as form or query strings. */
const JSON_FIELDS = [
  "reply_markup", "entities", "commands", "scope", "message_ids", "allowed_updates", "menu_button",
  "link_preview_options", "reply_parameters",
];
const DELETE_WINDOW_S = 48 * 3600;

/** A fake Telegram Bot API server speaking real HTTP, with scripted users (see `user()`). */
export class FakeTelegram {
  readonly token: string;
  readonly apiRoot: string;
  readonly botUser: User;
  readonly me: UserFromGetMe;
  readonly calls: FakeCall[] = [];
  /** Turn off to keep memory flat in benchmarks. */
  recordCalls = true;
  onCall?: (call: FakeCall) => void;
  /** Makes a call fail instead (e.g. a Bot API server without a method, or a 5xx). */
  failCall?: (call: FakeCall) => { code: number; description: string } | undefined;
  /** In-process delivery, e.g. `(u) => bot.handleUpdate(u)`; unset, updates wait for getUpdates. */
  deliver?: (update: Update) => unknown;
  /** Milliseconds since the epoch; override to age messages. */
  clock: () => number = Date.now;
  /** Long polling: quiet time after the bot's last reaction before a user action resolves. */
  settleMs = 40;
  /** Long polling: how long a user action waits for any reaction. */
  timeoutMs = 5000;
  /**
   * Telegram's global limit for the bot: sendMessage calls per (real-time)
   * second over all chats; past it, 429 with retry_after. Off when unset.
   */
  sendRateLimit?: number;
  /** The next this many sendMessage calls fail with a 502, as Telegram sometimes does. */
  failNextSends = 0;
  /** sendMessage calls answered 429, 403 or 502 (benchmarks report them). */
  readonly refused = { rateLimited: 0, blocked: 0, failed: 0 };
  private readonly blockedBy = new Set<number>();
  private sendWindow = { second: 0, count: 0 };
  /** Set by setWebhook: updates are POSTed there (with the secret header) instead of waiting for getUpdates. */
  webhook?: { url: string; secret?: string };
  /**
   * A load balancer's stand-in: webhook posts go round-robin to these origins
   * (e.g. "http://127.0.0.1:8081"), keeping the webhook URL's path.
   */
  balance?: string[];
  /**
   * Telegram delivers a chat's updates one after another (the next once the
   * previous was answered). "none" posts each at once, as a redelivery or a
   * slow instance could, to test that the bot keeps order itself.
   */
  webhookOrder: "chat" | "none" = "chat";
  /** Webhook posts answered other than 200, by status (a retry follows each). */
  readonly webhookRefused = new Map<number, number>();
  private readonly chatChains = new Map<number, Promise<void>>();
  /**
   * setWebhook's max_connections (Telegram: 1-100, 40 when not given): posts
   * in progress at once; the others wait their turn at Telegram, not at the bot.
   */
  private maxConnections = 40;
  private readonly connections = { open: 0, waiting: [] as (() => void)[] };
  private nextOrigin = 0;
  /** setMyCommands storage by "scope|language_code", e.g. "default|uk" or "chat:1000|". */
  readonly commands = new Map<string, BotCommand[]>();

  private readonly users = new Map<number, FakeUser>();
  /** Every file Telegram knows: uploaded by users or by the bot, by file_id. */
  private readonly files = new Map<string, StoredFile>();
  private nextFileId = 1;
  private readonly groups = new Map<number, FakeGroup>();
  private nextGroupId = -1001000000001;
  private nextBasicGroupId = -4000000001;
  /** Basic groups that became supergroups: old id → new id. */
  private readonly upgraded = new Map<number, number>();
  /** Unanswered callback query ids and who pressed. */
  private readonly callbacks = new Map<string, FakeUser>();
  private queue: Update[] = [];
  private poll?: Poll;
  private readonly unfetched = new Map<number, Waiter>();
  private readonly waiters = new Map<number, Set<Waiter>>();
  private readonly replyWaiters = new Map<number, ((call: FakeCall) => void)[]>();
  private nextUpdateId = 1;
  private nextUserId = 1000;
  private nextCallbackId = 1;
  private closed = false;

  private constructor(private readonly server: Server, port: number, opts: FakeTelegramOptions) {
    this.token = opts.token ?? "123456:TEST-token";
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.botUser = {
      id: opts.botId ?? (Number(this.token.split(":")[0]) || 123456),
      is_bot: true,
      first_name: "Test Bot",
      username: opts.botUsername ?? "test_bot",
    };
    this.me = {
      ...this.botUser,
      is_bot: true,
      username: opts.botUsername ?? "test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const server = createServer();
    // grammY keeps connections alive; a server-side idle timeout would race with reuse.
    server.keepAliveTimeout = 0;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const fake = new FakeTelegram(server, (server.address() as AddressInfo).port, opts);
    server.on("request", (req, res) => void fake.handle(req, res));
    return fake;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.poll?.finish([]);
    for (const set of this.waiters.values()) {
      for (const w of set) this.settle(w, new Error(`FakeTelegram closed before the bot reacted in chat ${w.chatId}`));
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** A scripted user; its private chat id equals its user id. */
  user(opts: UserOptions = {}): FakeUser {
    let id = opts.id;
    if (id === undefined) {
      while (this.users.has(this.nextUserId)) this.nextUserId++;
      id = this.nextUserId++;
    }
    if (this.users.has(id)) throw new Error(`user ${id} already exists`);
    const user = new FakeUser(this, { ...opts, id });
    this.users.set(id, user);
    return user;
  }

  /** A group with the bot in it (a supergroup, or a basic group that may be upgraded); members are added with `add`. */
  group(title = "Staff", opts: { basic?: boolean } = {}): FakeGroup {
    const group = opts.basic ? new FakeGroup(this, this.nextBasicGroupId--, title, "group") : new FakeGroup(this, this.nextGroupId--, title);
    this.groups.set(group.id, group);
    return group;
  }

  /** See FakeGroup.upgrade. */
  async upgradeGroup(old: FakeGroup, by: FakeUser): Promise<FakeGroup> {
    if (old.chat.type !== "group") throw new Error(`group ${old.id} is already a supergroup`);
    const group = this.group(old.chat.title).add(...old.members);
    this.groups.delete(old.id);
    this.upgraded.set(old.id, group.id);
    await old.service(by, { migrate_to_chat_id: group.id });
    await group.service(by, { migrate_from_chat_id: old.id });
    return group;
  }

  /** The user blocked the bot: sending to them gets 403 from now on. */
  block(userId: number): void {
    this.blockedBy.add(userId);
  }

  unixTime(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** Queues a raw update for getUpdates; update_id is assigned when missing. */
  queueUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const update_id = update.update_id ?? this.nextUpdateId++;
    this.nextUpdateId = Math.max(this.nextUpdateId, update_id + 1);
    const full = { ...update, update_id } as Update;
    if (this.webhook) {
      this.post(full);
      return full;
    }
    this.queue.push(full);
    if (this.poll) this.poll.finish(this.take(this.poll.limit));
    return full;
  }

  /** Webhook delivery: in order per chat (see webhookOrder), retried until answered 200, as Telegram does. */
  private post(update: Update): void {
    const chat = chatOfUpdate(update);
    const send = async () => {
      const w = this.unfetched.get(update.update_id);
      if (w) {
        w.fetched = true;
        this.unfetched.delete(update.update_id);
      }
      for (let attempt = 0; !this.closed && this.webhook; attempt++) {
        const hook = this.webhook;
        const target = new URL(hook.url);
        const origin = this.balance?.length ? this.balance[this.nextOrigin++ % this.balance.length] : undefined;
        const url = origin ? new URL(target.pathname + target.search, origin) : target;
        await this.connect();
        const status = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(hook.secret ? { "x-telegram-bot-api-secret-token": hook.secret } : {}) },
          body: JSON.stringify(update),
        })
          .then(
            async (res) => (await res.arrayBuffer(), res.status),
            () => 0,
          )
          .finally(() => this.disconnect());
        if (status === 200) return;
        this.webhookRefused.set(status, (this.webhookRefused.get(status) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 1000)));
      }
    };
    if (this.webhookOrder === "none" || chat === undefined) {
      void send();
      return;
    }
    const next = (this.chatChains.get(chat) ?? Promise.resolve()).then(send);
    this.chatChains.set(chat, next);
    void next.then(() => {
      if (this.chatChains.get(chat) === next) this.chatChains.delete(chat);
    });
  }

  /** Takes one of the webhook's connections, waiting for one when all are in use. */
  private async connect(): Promise<void> {
    if (this.connections.open < this.maxConnections) {
      this.connections.open++;
      return;
    }
    await new Promise<void>((resolve) => this.connections.waiting.push(resolve)); // handed over by disconnect
  }

  private disconnect(): void {
    const next = this.connections.waiting.shift();
    if (next) next();
    else this.connections.open--;
  }

  /**
   * Resolves on the bot's next send/edit/delete/answer call for the chat, with
   * no settle delay: the primitive for latency benchmarks.
   */
  waitForReply(chatId: number, timeoutMs = this.timeoutMs): Promise<FakeCall> {
    return new Promise((resolve, reject) => {
      const list = this.replyWaiters.get(chatId) ?? [];
      const done = (call: FakeCall) => {
        clearTimeout(timer);
        resolve(call);
      };
      const timer = setTimeout(() => {
        const rest = (this.replyWaiters.get(chatId) ?? []).filter((r) => r !== done);
        if (rest.length) this.replyWaiters.set(chatId, rest);
        else this.replyWaiters.delete(chatId);
        reject(new Error(`no reply from the bot in chat ${chatId} within ${timeoutMs} ms`));
      }, timeoutMs);
      list.push(done);
      this.replyWaiters.set(chatId, list);
    });
  }

  /** Sends a user's update to the bot; resolves once the bot has handled it (see settleMs). */
  dispatch(user: FakeUser, body: object, what: string, chatId = user.id): Promise<void> {
    if (chatId === user.id) user.started = true;
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    if (this.deliver) return Promise.resolve(this.deliver(update)).then(() => undefined);
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        chatId,
        updateId: update.update_id,
        fetched: false,
        resolve,
        reject,
        timeout: setTimeout(() => this.settle(w, new Error(this.explain(w, what))), this.timeoutMs),
      };
      this.unfetched.set(w.updateId, w);
      const set = this.waiters.get(w.chatId) ?? new Set();
      set.add(w);
      this.waiters.set(w.chatId, set);
      this.queueUpdate(update);
    });
  }

  newCallbackId(user: FakeUser): string {
    const id = String(4_000_000_000_000 + this.nextCallbackId++);
    this.callbacks.set(id, user);
    user.pendingCallbacks.add(id);
    return id;
  }

  private explain(w: Waiter, what: string): string {
    const why = w.fetched
      ? "it fetched the update but made no send/edit/delete/answerCallbackQuery call for this chat"
      : "it never fetched the update with getUpdates (is the bot polling?)";
    const last = w.lastError ? `; last failed call: ${w.lastError}` : "";
    return `user ${w.chatId}: no reaction to the ${what} (update ${w.updateId}) within ${this.timeoutMs} ms: ${why}${last}`;
  }

  private settle(w: Waiter, error?: Error): void {
    clearTimeout(w.timeout);
    clearTimeout(w.settle);
    this.unfetched.delete(w.updateId);
    const set = this.waiters.get(w.chatId);
    set?.delete(w);
    if (set?.size === 0) this.waiters.delete(w.chatId);
    if (error) w.reject(error);
    else w.resolve();
  }

  private reacted(chatId: number, call: FakeCall): void {
    for (const w of this.waiters.get(chatId) ?? []) {
      if (!w.fetched) continue; // reactions to earlier updates don't count
      clearTimeout(w.settle);
      if (this.settleMs > 0) w.settle = setTimeout(() => this.settle(w), this.settleMs);
      else this.settle(w);
    }
    const replies = this.replyWaiters.get(chatId);
    if (replies) {
      this.replyWaiters.delete(chatId);
      for (const reply of replies) reply(call);
    }
  }

  private take(limit: number): Update[] {
    const batch = this.queue.slice(0, limit);
    for (const u of batch) {
      const w = this.unfetched.get(u.update_id);
      if (w) {
        w.fetched = true;
        this.unfetched.delete(u.update_id);
      }
    }
    return batch;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let call: FakeCall | undefined;
    let status = 200;
    let reply: object;
    try {
      const url = new URL(req.url ?? "/", this.apiRoot);
      if (url.pathname.startsWith("/file/")) return this.download(url, res);
      const [, token, name] = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname) ?? [];
      if (name === undefined) throw new ApiError(404, "Not Found");
      if (token !== this.token) throw new ApiError(401, "Unauthorized");
      const method = this.methodNames.get(name.toLowerCase());
      const handler = method === undefined ? undefined : this.methods[method];
      if (!method || !handler) throw new ApiError(404, "Not Found: method not found");
      const payload = await readPayload(req, url);
      call = { method, payload, chatId: this.chatIdOf(payload) };
      const failure = this.failCall?.(call);
      if (failure) throw new ApiError(failure.code, failure.description);
      if (method === "sendMessage") this.gateSend(payload);
      call.result = await handler(payload, res);
      reply = { ok: true, result: call.result };
      if (call.chatId !== undefined && REACTIONS.has(method)) this.reacted(call.chatId, call);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(500, `Internal Server Error: ${String(e)}`);
      status = error.code;
      reply = { ok: false, error_code: error.code, description: error.description, ...(error.parameters ? { parameters: error.parameters } : {}) };
      if (call) {
        call.error = error.description;
        // Kept for the timeout message: a failed reply is the usual reason a user action times out.
        const waiters = call.chatId === undefined ? undefined : this.waiters.get(call.chatId);
        for (const w of waiters ?? []) w.lastError = `${call.method}: ${call.error}`;
      }
    }
    if (!res.destroyed) {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply));
    }
    if (call) {
      if (this.recordCalls) this.calls.push(call);
      this.onCall?.(call);
    }
  }

  /** Keeps a file as Telegram would, returning its ids and path for getFile. */
  storeFile(bytes: Buffer, kind: "documents" | "photos", fileName?: string): StoredFile {
    const n = this.nextFileId++;
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName ?? "")?.[1] ?? (kind === "photos" ? "jpg" : "dat");
    const file: StoredFile = {
      file_id: `file-${n}-${kind}`,
      file_unique_id: `u-file-${n}`,
      file_path: `${kind}/file_${n}.${ext}`,
      bytes,
      ...(fileName ? { fileName } : {}),
    };
    this.files.set(file.file_id, file);
    return file;
  }

  /** GET /file/bot<token>/<file_path>: the file's bytes, as the Bot API serves downloads. */
  private download(url: URL, res: ServerResponse): void {
    const [, token, path] = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname) ?? [];
    const file = token === this.token ? [...this.files.values()].find((f) => f.file_path === path) : undefined;
    if (!file) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
    res.end(file.bytes);
  }

  /** A file the bot sends: a new upload (multipart) or the file_id of a file Telegram has. */
  private inputFile(value: unknown, field: string, kind: "documents" | "photos"): StoredFile {
    if (isUpload(value)) {
      if (value.bytes.length === 0) bad("file must be non-empty");
      const max = kind === "photos" ? MAX_PHOTO_BYTES : MAX_UPLOAD_BYTES;
      if (value.bytes.length > max) bad("Request Entity Too Large");
      if (kind === "photos" && !isImage(value.bytes)) bad("IMAGE_PROCESS_FAILED");
      return this.storeFile(value.bytes, kind, value.filename);
    }
    if (typeof value !== "string" || value === "") bad(`there is no ${field} in the request`);
    if (value.startsWith("attach://")) bad(`file ${value} not found in the request`);
    const known = this.files.get(value);
    if (!known) bad("wrong file identifier/HTTP URL specified");
    return known;
  }

  /** A bot message with media: the caption is parsed like a text, up to 1024 characters. */
  private sendMedia(p: Payload, media: Partial<Message>, seen: Pick<ChatMessage, "photo" | "document" | "venue">): Message {
    const user = this.chatOf(p.chat_id);
    let c: Content = { text: "", entities: [] };
    if (p.caption !== undefined && p.caption !== "") {
      c = content({ ...p, text: p.caption });
      if ([...c.text].length > 1024) bad("message caption is too long");
    }
    const markup = this.markup(user, p.reply_markup);
    const id = user.nextMessageId();
    const base = this.botMessage(user, id, this.unixTime(), { text: "", entities: [] }, markup);
    delete (base as { text?: string }).text;
    const raw = {
      ...base,
      ...media,
      ...(c.text ? { caption: c.text, ...(c.entities.length ? { caption_entities: c.entities } : {}) } : {}),
    } as Message;
    user.history.set(id, { id, from: "bot", ...c, buttons: buttonsOf(markup), editedCount: 0, raw, ...seen });
    return raw;
  }

  /**
   * reply_markup of a new message: an inline keyboard stays on the message; a
   * reply keyboard (or remove_keyboard) changes what the user sees below the input field.
   */
  private markup(chat: FakeChat, markup: unknown): InlineKeyboardMarkup | undefined {
    if (typeof markup === "object" && markup !== null) {
      // Only people see reply keyboards here; a group's members are not simulated that far.
      if ("keyboard" in markup) {
        const keyboard = replyKeyboard(markup as Payload);
        if (chat instanceof FakeUser) chat.replyKeyboard = keyboard;
        return undefined;
      }
      if ("remove_keyboard" in markup) {
        if ((markup as Payload).remove_keyboard !== true) bad("field \"remove_keyboard\" must be true");
        if (chat instanceof FakeUser) chat.replyKeyboard = undefined;
        return undefined;
      }
    }
    return inlineKeyboard(markup);
  }

  /** What Telegram checks before a message is sent: the global rate, a transient failure, a block. */
  private gateSend(p: Payload): void {
    if (this.sendRateLimit !== undefined) {
      const second = Math.floor(Date.now() / 1000);
      if (second !== this.sendWindow.second) this.sendWindow = { second, count: 0 };
      if (++this.sendWindow.count > this.sendRateLimit) {
        this.refused.rateLimited++;
        throw new ApiError(429, "Too Many Requests: retry after 1", { retry_after: 1 });
      }
    }
    if (this.failNextSends > 0) {
      this.failNextSends--;
      this.refused.failed++;
      throw new ApiError(502, "Bad Gateway");
    }
    if (this.blockedBy.has(Number(p.chat_id))) {
      this.refused.blocked++;
      throw new ApiError(403, "Forbidden: bot was blocked by the user");
    }
  }

  private chatIdOf(p: Payload): number | undefined {
    const id = p.chat_id !== undefined ? Number(p.chat_id) : this.callbacks.get(String(p.callback_query_id))?.id;
    return Number.isFinite(id) ? id : undefined;
  }

  private chatOf(chatId: unknown): FakeChat {
    if (chatId === undefined || chatId === "") bad("chat_id is empty");
    const moved = this.upgraded.get(Number(chatId));
    if (moved !== undefined) throw new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: moved });
    const user = this.users.get(Number(chatId)) ?? this.groups.get(Number(chatId));
    if (!user?.started) bad("chat not found");
    return user;
  }

  private find(p: Payload, notFound: string): { user: FakeChat; m: ChatMessage } {
    const user = this.chatOf(p.chat_id);
    if (p.message_id === undefined) bad("message identifier is not specified");
    const m = user.history.get(Number(p.message_id));
    if (!m) bad(notFound);
    return { user, m };
  }

  private deletable(m: ChatMessage): boolean {
    return this.unixTime() - m.raw.date < DELETE_WINDOW_S;
  }

  private botMessage(user: FakeChat, id: number, date: number, c: Content, markup?: InlineKeyboardMarkup, protect = false): Message {
    return {
      message_id: id,
      from: this.botUser,
      chat: user.chat,
      date,
      text: c.text,
      ...(c.entities.length ? { entities: c.entities } : {}),
      ...(markup ? { reply_markup: markup } : {}),
      // Sent with protect_content: no forwarding or saving, kept through edits.
      ...(protect ? { has_protected_content: true } : {}),
    } as Message;
  }

  /** Replaces a bot message's content and keyboard, as an edit does. */
  private edit(user: FakeChat, m: ChatMessage, c: Content, markup?: InlineKeyboardMarkup): Message {
    const same = m.text === c.text && JSON.stringify(m.entities) === JSON.stringify(c.entities) &&
      JSON.stringify(m.raw.reply_markup) === JSON.stringify(markup);
    if (same) bad(NOT_MODIFIED);
    const raw = { ...this.botMessage(user, m.id, m.raw.date, c, markup, m.raw.has_protected_content), edit_date: this.unixTime() };
    Object.assign(m, c, { buttons: buttonsOf(markup), editedCount: m.editedCount + 1, raw });
    return raw;
  }

  private readonly methods: Record<string, Handler> = {
    getMe: () => this.me,
    deleteWebhook: (p) => {
      if (p.drop_pending_updates === true || p.drop_pending_updates === "true") this.queue = [];
      this.webhook = undefined;
      return true;
    },
    setWebhook: (p) => {
      if (typeof p.url !== "string") bad("field \"url\" must be a String");
      if (p.url === "") {
        this.webhook = undefined;
        return true;
      }
      if (!/^https?:\/\//.test(p.url)) bad("bad webhook: An HTTPS URL must be provided for webhook");
      if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) bad("bad webhook: secret token contains unallowed characters");
      this.webhook = { url: p.url, secret: p.secret_token === undefined ? undefined : String(p.secret_token) };
      this.maxConnections = Math.min(100, Math.max(1, int(p.max_connections) ?? 40));
      // Updates that waited for getUpdates go to the webhook now.
      for (const u of this.queue.splice(0)) this.post(u);
      return true;
    },
    getWebhookInfo: () => ({ url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.queue.length }),
    getUpdates: (p, res) => {
      if (this.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      // Asking for an offset confirms every earlier update; a negative one keeps the last -offset.
      const offset = int(p.offset) ?? 0;
      if (offset < 0) this.queue = this.queue.slice(offset);
      else {
        const kept = this.queue.findIndex((u) => u.update_id >= offset);
        this.queue.splice(0, kept < 0 ? this.queue.length : kept);
      }
      const limit = Math.min(Math.max(int(p.limit) ?? 100, 1), 100);
      const timeout = int(p.timeout) ?? 0;
      this.poll?.finish(new ApiError(409, "Conflict: terminated by other getUpdates request; " +
        "make sure that only one bot instance is running"));
      if (this.queue.length > 0 || timeout <= 0 || this.closed) return this.take(limit);
      return new Promise<Update[]>((resolve, reject) => {
        const poll: Poll = {
          limit,
          finish: (result) => {
            if (this.poll !== poll) return;
            this.poll = undefined;
            clearTimeout(timer);
            if (result instanceof ApiError) reject(result);
            else resolve(result);
          },
        };
        const timer = setTimeout(() => poll.finish([]), timeout * 1000);
        this.poll = poll;
        res.once("close", () => poll.finish([])); // the client gave up, e.g. bot.stop() aborted it
      });
    },
    setMyCommands: (p) => {
      if (!Array.isArray(p.commands)) bad("field \"commands\" must be an Array");
      const list = p.commands.map((c: any): BotCommand => {
        if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) bad("BOT_COMMAND_INVALID");
        if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
          bad("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        return { command: c.command, description: c.description };
      });
      if (list.length) this.commands.set(commandsKey(p), list);
      else this.commands.delete(commandsKey(p));
      return true;
    },
    getMyCommands: (p) => this.commands.get(commandsKey(p)) ?? [],
    deleteMyCommands: (p) => {
      this.commands.delete(commandsKey(p));
      return true;
    },
    setChatMenuButton: () => true,
    sendChatAction: (p) => {
      this.chatOf(p.chat_id);
      if (!CHAT_ACTIONS.has(p.action)) bad("wrong parameter action in request");
      return true;
    },
    sendMessage: (p) => {
      const user = this.chatOf(p.chat_id);
      const c = content(p);
      const markup = this.markup(user, p.reply_markup);
      const id = user.nextMessageId();
      const replied = user.history.get(Number(p.reply_parameters?.message_id));
      const protect = p.protect_content === true || p.protect_content === "true";
      const raw = { ...this.botMessage(user, id, this.unixTime(), c, markup, protect), ...(replied ? { reply_to_message: replied.raw } : {}) } as Message;
      user.history.set(id, { id, from: "bot", ...c, buttons: buttonsOf(markup), editedCount: 0, raw });
      return raw;
    },
    editMessageText: (p) => {
      const { user, m } = this.find(p, "message to edit not found");
      if (m.from === "user") bad("message can't be edited");
      if (m.raw.text === undefined) bad("there is no text in the message to edit");
      onlyInline(p.reply_markup);
      // Like Telegram, an edit without reply_markup removes the inline keyboard.
      return this.edit(user, m, content(p), inlineKeyboard(p.reply_markup));
    },
    editMessageReplyMarkup: (p) => {
      const { user, m } = this.find(p, "message to edit not found");
      if (m.from === "user") bad("message can't be edited");
      onlyInline(p.reply_markup);
      return this.edit(user, m, m, inlineKeyboard(p.reply_markup));
    },
    sendVenue: (p) => {
      const latitude = Number(p.latitude);
      const longitude = Number(p.longitude);
      if (p.latitude === undefined || !Number.isFinite(latitude) || Math.abs(latitude) > 90) bad("wrong latitude");
      if (p.longitude === undefined || !Number.isFinite(longitude) || Math.abs(longitude) > 180) bad("wrong longitude");
      const title = typeof p.title === "string" ? p.title.trim() : "";
      const address = typeof p.address === "string" ? p.address.trim() : "";
      if (!title) bad("venue title is empty");
      if (!address) bad("venue address is empty");
      const venue = { latitude, longitude, title, address };
      return this.sendMedia(p, { venue: { location: { latitude, longitude }, title, address } } as Partial<Message>, { venue });
    },
    sendPhoto: (p) => {
      const file = this.inputFile(p.photo, "photo", "photos");
      const photo = [{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: 1024, height: 1024, file_size: file.bytes.length }];
      return this.sendMedia(p, { photo } as Partial<Message>, { photo: { fileId: file.file_id, bytes: file.bytes } });
    },
    sendDocument: (p) => {
      const file = this.inputFile(p.document, "document", "documents");
      const fileName = file.fileName ?? "document";
      const document = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: fileName, file_size: file.bytes.length };
      return this.sendMedia(p, { document } as Partial<Message>, { document: { fileId: file.file_id, fileName, bytes: file.bytes } });
    },
    getFile: (p) => {
      const file = this.files.get(String(p.file_id ?? ""));
      if (!file) bad("invalid file_id");
      if (file.bytes.length > MAX_DOWNLOAD_BYTES) bad("file is too big");
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: file.file_path };
    },
    deleteMessage: (p) => {
      const { user, m } = this.find(p, "message to delete not found");
      if (!this.deletable(m)) bad("message can't be deleted for everyone");
      user.history.delete(m.id);
      return true;
    },
    deleteMessages: (p) => {
      const user = this.chatOf(p.chat_id);
      const ids: unknown = p.message_ids;
      if (ids === undefined || (Array.isArray(ids) && ids.length === 0)) bad("message identifiers are not specified");
      if (!Array.isArray(ids)) bad("expected an Array of message identifiers");
      if (ids.length > 100) bad("too many message identifiers specified");
      // Messages that can't be deleted are skipped, as Telegram documents.
      for (const id of ids) {
        const m = user.history.get(Number(id));
        if (m && this.deletable(m)) user.history.delete(m.id);
      }
      return true;
    },
    answerCallbackQuery: (p) => {
      const id = String(p.callback_query_id);
      const user = this.callbacks.get(id);
      if (!user) bad("query is too old and response timeout expired or query ID is invalid");
      const text = p.text === undefined ? undefined : String(p.text);
      if (text !== undefined && [...text].length > 200) bad("MESSAGE_TOO_LONG");
      this.callbacks.delete(id);
      user.pendingCallbacks.delete(id);
      const showAlert = p.show_alert === true || p.show_alert === "true";
      user.callbackAnswers.push({ ...(text ? { text } : {}), ...(showAlert ? { show_alert: true } : {}) });
      return true;
    },
  };

  private readonly methodNames = new Map(Object.keys(this.methods).map((m) => [m.toLowerCase(), m]));
}

async function readPayload(req: IncomingMessage, url: URL): Promise<Payload> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const body = bytes.toString("utf8");
  const type = req.headers["content-type"] ?? "";
  const p: Payload = Object.fromEntries(url.searchParams);
  if (type.startsWith("multipart/form-data")) Object.assign(p, multipart(bytes, type));
  else if (type.startsWith("application/json")) {
    try {
      if (body) Object.assign(p, JSON.parse(body));
    } catch {
      bad("can't parse JSON body");
    }
  } else if (body) for (const [k, v] of new URLSearchParams(body)) p[k] = v;
  for (const k of JSON_FIELDS) {
    if (typeof p[k] !== "string") continue;
    try {
      p[k] = JSON.parse(p[k]);
    } catch {
      bad(`can't parse ${k} JSON object`);
    }
  }
  return p;
}

/** A file the bot uploaded (multipart/form-data), or one Telegram keeps. */
interface Upload {
  filename?: string;
  bytes: Buffer;
}

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  fileName?: string;
  bytes: Buffer;
}

function isUpload(v: unknown): v is Upload {
  return typeof v === "object" && v !== null && Buffer.isBuffer((v as Upload).bytes);
}

/** PNG or JPEG, by their first bytes: Telegram refuses photos it cannot decode. */
function isImage(b: Buffer): boolean {
  const png = b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return png || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff);
}

/**
 * A multipart/form-data body as grammY sends it with files: plain fields are
 * strings; a field valued `attach://<name>` gets the file part of that name.
 */
function multipart(body: Buffer, type: string): Payload {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!boundary) bad("multipart boundary is missing");
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields: Payload = {};
  const files = new Map<string, Upload>();
  let at = body.indexOf(delimiter);
  if (at < 0) bad("can't parse multipart body");
  while (true) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) bad("can't parse multipart body");
    // A part: CRLF, headers, a blank line, content, CRLF before the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) bad("can't parse multipart body");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) bad("can't parse multipart body: a part has no name");
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(headers);
    if (filename) files.set(name, { filename: filename[1] ?? filename[2], bytes: Buffer.from(content) });
    else fields[name] = content.toString("utf8");
    at = next;
  }
  for (const [k, v] of Object.entries(fields)) {
    const attached = typeof v === "string" && v.startsWith("attach://") ? files.get(v.slice("attach://".length)) : undefined;
    if (attached) fields[k] = attached;
  }
  return fields;
}

/** Edits carry inline keyboards only. */
function onlyInline(markup: unknown): void {
  if (typeof markup === "object" && markup !== null && !("inline_keyboard" in markup)) bad("inline keyboard expected");
}

/** Validates a reply keyboard like Telegram: rows of buttons, each a text and at most one request. */
function replyKeyboard(markup: Payload): ReplyKeyboard {
  const rows: unknown = markup.keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) bad("field \"keyboard\" of the ReplyKeyboardMarkup should be an Array of Arrays");
  const parsed = rows.map((row: unknown[]) =>
    row.map((b: any): ReplyButton => {
      const text = typeof b === "string" ? b : b?.text;
      if (typeof text !== "string" || text.trim() === "") bad("can't parse keyboard button: text must be non-empty");
      const requests = ["request_location", "request_contact", "request_poll", "request_users", "request_chat", "web_app"]
        .filter((k) => typeof b === "object" && b[k] !== undefined && b[k] !== false);
      if (requests.length > 1) bad("can't parse keyboard button: only one request is allowed");
      if (requests.length && !["request_location", "request_contact"].includes(requests[0]!)) {
        bad(`can't parse keyboard button: ${requests[0]} is not modelled by the fake`);
      }
      return {
        text,
        ...(requests[0] === "request_location" ? { requestLocation: true } : {}),
        ...(requests[0] === "request_contact" ? { requestContact: true } : {}),
      };
    }),
  ).filter((row) => row.length > 0);
  if (parsed.length === 0) bad("keyboard must be non-empty");
  return {
    rows: parsed,
    oneTime: markup.one_time_keyboard === true,
    ...(typeof markup.input_field_placeholder === "string" ? { placeholder: markup.input_field_placeholder } : {}),
  };
}

function int(v: unknown): number | undefined {
  return v === undefined || v === null || v === "" ? undefined : Number(v);
}

/** Text of sendMessage/editMessageText after parse_mode, trimmed and length-checked like Telegram. */
function content(p: Payload): Content {
  const source = p.text === undefined || p.text === null ? "" : String(p.text);
  const mode = String(p.parse_mode ?? "").toLowerCase();
  let parsed: Parsed;
  if (mode === "html") {
    try {
      parsed = parseHtml(source);
    } catch (e) {
      if (e instanceof HtmlError) bad(`can't parse entities: ${e.message}`);
      throw e;
    }
  } else if (mode !== "") bad(`unsupported parse_mode "${p.parse_mode}" (the fake implements HTML only)`);
  else parsed = { text: source, entities: Array.isArray(p.entities) ? p.entities : [] };
  const c = trim(parsed);
  if (c.text === "") bad("message text is empty");
  // The limit counts characters (code points), unlike entity offsets (UTF-16 units).
  if (c.text.length > 4096 && [...c.text].length > 4096) bad("message is too long");
  return mode === "html" ? { ...c, html: source } : c;
}

/** Telegram strips surrounding whitespace and shifts the entities to match. */
function trim({ text, entities }: Parsed): Parsed {
  const start = text.length - text.replace(/^[ \t\r\n\v]+/, "").length;
  const end = text.replace(/[ \t\r\n\v]+$/, "").length;
  if (start === 0 && end === text.length) return { text, entities };
  const shifted = entities.map((e) => {
    const from = Math.max(e.offset, start);
    const to = Math.min(e.offset + e.length, end);
    return { ...e, offset: from - start, length: to - from };
  });
  return { text: text.slice(Math.min(start, end), end), entities: shifted.filter((e) => e.length > 0) };
}

/** Validates an inline keyboard like Telegram (reply keyboards: `replyKeyboard`; force_reply isn't modelled). */
function inlineKeyboard(markup: unknown): InlineKeyboardMarkup | undefined {
  if (typeof markup !== "object" || markup === null || !("inline_keyboard" in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    bad("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
  }
  const inline_keyboard = rows.map((row: unknown[]) => row.map(inlineButton));
  return inline_keyboard.some((row) => row.length > 0) ? { inline_keyboard } : undefined;
}

/** The fake models only callback_data and url buttons, exactly one per button. */
function inlineButton(b: any): InlineKeyboardButton {
  if (typeof b?.text !== "string") bad("can't parse inline keyboard button: Field \"text\" must be of type String");
  if (b.text.trim() === "") bad("can't parse inline keyboard button: button text must be non-empty");
  const data: unknown = b.callback_data;
  const url: unknown = b.url;
  const hasData = data !== undefined && data !== "";
  const hasUrl = url !== undefined && url !== "";
  if (!hasData && !hasUrl) bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (hasData && hasUrl) bad("can't parse inline keyboard button: use exactly one of callback_data and url");
  if (hasData) {
    if (typeof data !== "string" || Buffer.byteLength(data) > 64) bad("BUTTON_DATA_INVALID");
    return { text: b.text, callback_data: data };
  }
  if (typeof url !== "string" || !isButtonUrl(url)) bad("BUTTON_URL_INVALID");
  return { text: b.text, url };
}

function isButtonUrl(url: string): boolean {
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`);
    return u.protocol === "tg:" || ((u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes("."));
  } catch {
    return false;
  }
}

function buttonsOf(markup?: InlineKeyboardMarkup): ChatMessage["buttons"] {
  return markup?.inline_keyboard.map((row) =>
    row.map((b) => ("url" in b ? { text: b.text, url: b.url } : { text: b.text, data: (b as { callback_data: string }).callback_data }))
  );
}

function commandsKey(p: Payload): string {
  const scope = p.scope ?? { type: "default" };
  const target = [scope.type, scope.chat_id, scope.user_id].filter((x) => x !== undefined).join(":");
  return `${target}|${p.language_code ?? ""}`;
}
