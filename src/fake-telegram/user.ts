import type { Chat, Message, MessageEntity, User } from "grammy/types";
import type { FakeTelegram } from "./server.js";

export interface UserOptions {
  id?: number;
  firstName?: string;
  languageCode?: string;
  username?: string;
}

export interface ChatButton {
  text: string;
  data?: string;
  url?: string;
}

/** A button of the keyboard below the input field (reply keyboard). */
export interface ReplyButton {
  text: string;
  /** Pressing it shares the user's location. */
  requestLocation?: boolean;
  /** Pressing it shares the user's phone number. */
  requestContact?: boolean;
}

/** The reply keyboard the user sees below the input field, until the bot removes it. */
export interface ReplyKeyboard {
  rows: ReplyButton[][];
  oneTime: boolean;
  placeholder?: string;
}

/** A message as the user sees it in the chat. */
export interface ChatMessage {
  id: number;
  from: "bot" | "user";
  /** Plain text (caption for media, "" if none), entities already parsed out. */
  text: string;
  /** The source the bot sent with parse_mode HTML. */
  html?: string;
  entities: MessageEntity[];
  buttons?: ChatButton[][];
  /** A place on the map (sendVenue). */
  venue?: { latitude: number; longitude: number; title: string; address: string };
  /** A photo the bot sent, as uploaded. */
  photo?: { fileId: string; bytes: Buffer };
  /** A file the bot or the user sent. */
  document?: { fileId: string; fileName: string; bytes: Buffer };
  editedCount: number;
  /** The message as Telegram would put it into an update. */
  raw: Message;
}

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
}

/** A scripted user in a private chat with the bot (chat id = user id). */
export class FakeUser {
  readonly id: number;
  readonly from: User;
  readonly chat: Chat.PrivateChat;
  /** Visible messages by id; Map order is chat order. Maintained by FakeTelegram too. */
  readonly history = new Map<number, ChatMessage>();
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** Ids of this user's callback queries the bot has not answered yet. */
  readonly pendingCallbacks = new Set<string>();
  /** Telegram knows a private chat only once the user has written to the bot. */
  started = false;
  /** The keyboard below the input field, if the bot has put one there. */
  replyKeyboard?: ReplyKeyboard;
  private lastMessageId = 0;

  constructor(
    private readonly fake: FakeTelegram,
    opts: UserOptions & { id: number },
  ) {
    this.id = opts.id;
    const firstName = opts.firstName ?? `User${opts.id}`;
    this.from = {
      id: opts.id,
      is_bot: false,
      first_name: firstName,
      ...(opts.username ? { username: opts.username } : {}),
      ...(opts.languageCode ? { language_code: opts.languageCode } : {}),
    };
    this.chat = {
      id: opts.id,
      type: "private",
      first_name: firstName,
      ...(opts.username ? { username: opts.username } : {}),
    };
  }

  /** Message ids are shared by both sides of a chat and only grow. */
  nextMessageId(): number {
    return ++this.lastMessageId;
  }

  get messages(): ChatMessage[] {
    return [...this.history.values()];
  }

  get lastBotMessage(): ChatMessage | undefined {
    return this.newest((m) => m.from === "bot");
  }

  get lastText(): string | undefined {
    return this.lastBotMessage?.text;
  }

  /** Labels of the newest bot message that has an inline keyboard. */
  get buttons(): string[] {
    return this.newest((m) => m.buttons !== undefined)?.buttons?.flat().map((b) => b.text) ?? [];
  }

  get unansweredCallbacks(): number {
    return this.pendingCallbacks.size;
  }

  send(text: string): Promise<void> {
    return this.post(textFields(text), `message ${JSON.stringify(text)}`);
  }

  sendSticker(emoji = "👍"): Promise<void> {
    const file = this.file("sticker");
    const sticker = { ...file, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji };
    return this.post({ sticker }, "sticker");
  }

  sendPhoto(caption?: string): Promise<void> {
    const file = this.file("photo");
    const photo = ([[90, 68], [320, 240], [1280, 960]] as const).map(([width, height], i) => ({
      file_id: `${file.file_id}-${i}`,
      file_unique_id: `${file.file_unique_id}-${i}`,
      width,
      height,
      file_size: width * height / 8,
    }));
    return this.post({ photo, ...(caption ? { caption } : {}) }, "photo");
  }

  sendVoice(duration = 3): Promise<void> {
    const voice = { ...this.file("voice"), duration, mime_type: "audio/ogg", file_size: duration * 4000 };
    return this.post({ voice }, "voice");
  }

  sendLocation(latitude = 50.4501, longitude = 30.5234): Promise<void> {
    return this.post({ location: { latitude, longitude } }, "location");
  }

  /**
   * Presses a button of the reply keyboard by its label: a location button
   * shares `location` (required then), a contact button the phone, any other
   * sends its text. A one-time keyboard then folds away.
   */
  async pressKeyboard(label: string, location?: { latitude: number; longitude: number }): Promise<void> {
    const keyboard = this.replyKeyboard;
    const button = keyboard?.rows.flat().find((b) => b.text === label);
    if (!keyboard || !button) {
      const labels = keyboard?.rows.flat().map((b) => JSON.stringify(b.text)).join(", ") ?? "no reply keyboard";
      throw new Error(`user ${this.id}: no reply keyboard button ${JSON.stringify(label)}; available: ${labels}`);
    }
    if (keyboard.oneTime) this.replyKeyboard = undefined;
    if (button.requestLocation) {
      if (!location) throw new Error(`button ${JSON.stringify(label)} shares a location: pass one`);
      return this.sendLocation(location.latitude, location.longitude);
    }
    if (button.requestContact) return this.sendContact();
    return this.send(button.text);
  }

  /** Sends a file, as from the attachment menu; the bot can fetch it with getFile. */
  sendDocument(fileName: string, bytes: Buffer, mimeType = "application/octet-stream", caption?: string): Promise<void> {
    const file = this.fake.storeFile(bytes, "documents", fileName);
    const document = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: fileName, mime_type: mimeType, file_size: bytes.length };
    const seen = { document: { fileId: file.file_id, fileName, bytes } };
    return this.post({ document, ...(caption ? { caption } : {}) }, `document ${JSON.stringify(fileName)}`, seen);
  }

  /** Shares the user's own contact, as a request_contact button does. */
  sendContact(phoneNumber = "+380501234567"): Promise<void> {
    const contact = { phone_number: phoneNumber, first_name: this.from.first_name, user_id: this.id };
    return this.post({ contact }, "contact");
  }

  async edit(messageId: number, text: string): Promise<void> {
    const m = this.history.get(messageId);
    if (m?.from !== "user") throw new Error(`user ${this.id} has no own message ${messageId} to edit`);
    const fields = textFields(text);
    m.text = text;
    m.entities = fields.entities ?? [];
    m.editedCount++;
    m.raw = { ...this.message(messageId, m.raw.date, fields), edit_date: this.fake.unixTime() } as Message;
    return this.fake.dispatch(this, { edited_message: m.raw }, `edit of message ${messageId}`);
  }

  /** Presses an inline button by its exact label on the newest keyboard (or on `messageId`). */
  async press(label: string, opts: { messageId?: number } = {}): Promise<void> {
    const m = opts.messageId === undefined
      ? this.newest((x) => x.buttons !== undefined)
      : this.history.get(opts.messageId);
    const where = opts.messageId === undefined ? "in the chat" : `on message ${opts.messageId}`;
    if (m?.from !== "bot" || !m.buttons) throw new Error(`user ${this.id}: no inline keyboard ${where}`);
    const all = m.buttons.flat();
    const button = all.find((b) => b.text === label);
    if (!button) {
      const labels = all.map((b) => JSON.stringify(b.text)).join(", ");
      throw new Error(`user ${this.id}: no button ${JSON.stringify(label)} on message ${m.id}; available: ${labels}`);
    }
    if (button.data === undefined) throw new Error(`button ${JSON.stringify(label)} opens ${button.url}, it has no callback`);
    return this.pressData(button.data, m.id);
  }

  /**
   * Sends a callback query with any data, e.g. from a stale or crafted button;
   * `from` forges the presser (Telegram itself never sends that in a private chat).
   */
  async pressData(data: string, messageId: number, opts: { from?: User } = {}): Promise<void> {
    const m = this.history.get(messageId);
    if (m?.from !== "bot") throw new Error(`user ${this.id}: no bot message ${messageId}`);
    const id = this.fake.newCallbackId(this);
    const callback_query = { id, from: opts.from ?? this.from, message: m.raw, chat_instance: `-${this.id}77`, data };
    return this.fake.dispatch(this, { callback_query }, `press of ${JSON.stringify(data)}`);
  }

  private post(content: Record<string, unknown>, what: string, seen: Partial<ChatMessage> = {}): Promise<void> {
    const raw = this.message(this.nextMessageId(), this.fake.unixTime(), content);
    const text = raw.text ?? raw.caption ?? "";
    this.history.set(raw.message_id, { id: raw.message_id, from: "user", text, entities: raw.entities ?? [], editedCount: 0, raw, ...seen });
    return this.fake.dispatch(this, { message: raw }, what);
  }

  private message(message_id: number, date: number, content: Record<string, unknown>): Message {
    return { message_id, from: this.from, chat: this.chat, date, ...content } as Message;
  }

  private file(kind: string): { file_id: string; file_unique_id: string } {
    const n = this.lastMessageId + 1;
    return { file_id: `${kind}-${this.id}-${n}`, file_unique_id: `u-${kind}-${this.id}-${n}` };
  }

  private newest(match: (m: ChatMessage) => boolean): ChatMessage | undefined {
    let found: ChatMessage | undefined;
    for (const m of this.history.values()) if (match(m)) found = m;
    return found;
  }
}

/** Telegram marks a leading /command (also /command@bot) as a bot_command entity. */
function textFields(text: string): { text: string; entities?: MessageEntity[] } {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])/.exec(text);
  return command ? { text, entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : { text };
}
