import type { KeyboardButton, Message, ReplyKeyboardMarkup } from "grammy/types";
import type { ChatMessage, FakeCall, FakeGroup, FakeTelegram, FakeUser } from "../fake-telegram/index.js";

/** The simulated people of the preview, each in a private chat with the bot. */
export const ROLES = ["person", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** Who writes or presses in the staff group: the caseworker or the admin. */
export const MEMBERS = ["caseworker", "admin"] as const;
export type Member = (typeof MEMBERS)[number];
export const LANGUAGES = ["uk", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Stand-ins for a shared location (a request_location button): city centres. */
export const CITIES = [
  { name: "Київ / Kyiv", latitude: 50.4501, longitude: 30.5234 },
  { name: "Львів / Lviv", latitude: 49.8397, longitude: 24.0297 },
  { name: "Харків / Kharkiv", latitude: 49.9935, longitude: 36.2304 },
  { name: "Одеса / Odesa", latitude: 46.4825, longitude: 30.7233 },
  { name: "Дніпро / Dnipro", latitude: 48.4647, longitude: 35.0462 },
] as const;

/** Why an action cannot be done; its message is shown to the person using the page. */
export class PreviewError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Chat {
  user?: FakeUser;
  /** /start was sent from the page (a press in the staff group does not start a private chat). */
  begun?: boolean;
  language: Language;
  /** The reply keyboard the bot last set for this chat, until it removes it. */
  replyKeyboard?: ReplyKeyboardMarkup;
  /** Ids of messages the bot sent with protect_content. */
  protectedIds: Set<number>;
}

export interface PreviewMessage {
  id: number;
  from: "bot" | "user";
  edited: boolean;
  protected: boolean;
  /** The message as Telegram would deliver it; the page renders it. */
  raw: Message;
  /** Where the page gets a photo's or document's bytes (this server, from the fake's stored file). */
  file?: { url: string; name?: string; size: number };
}

export interface ChatState {
  role: Role;
  /** The simulated user's id (a new one for each new person). */
  userId?: number;
  started: boolean;
  language: Language;
  messages: PreviewMessage[];
  replyKeyboard?: ReplyKeyboardMarkup;
  /** Answers to button presses (pop-up texts), oldest first. */
  answers: { text?: string; show_alert?: boolean }[];
}

export interface GroupState {
  /** The group's id, preset as STAFF_CHAT_ID: the referrals' fallback group. */
  id: number;
  title: string;
  members: { member: Member; userId: number; name: string }[];
  messages: PreviewMessage[];
  /** Answers to presses in the group (they reach only the presser), oldest first. */
  answers: { text?: string; show_alert?: boolean }[];
}

export interface PreviewState {
  chats: ChatState[];
  group: GroupState;
  cities: string[];
}

/** The preview's staff: the admin (ADMIN_IDS) and a caseworker of the staff group (STAFF_CHAT_ID). */
export interface PreviewStaff {
  adminId: number;
  caseworker: { id: number; name: string };
  staffChatId: number;
}

/** A file the bot sent, as the page downloads it. */
export interface PreviewFile {
  bytes: Buffer;
  type: string;
  name?: string;
}

/**
 * The preview's participants on the fake Bot API: the survivor ("person", a
 * new simulated user on each start over), a campaign admin (ADMIN_IDS), and
 * the staff group (STAFF_CHAT_ID) with the admin and a caseworker in it.
 * Everything they see comes from the fake's chat history and the bot's calls.
 */
export class PreviewChats {
  private readonly chats = new Map<Role, Chat>(ROLES.map((r) => [r, { language: "uk", protectedIds: new Set() }]));
  private readonly listeners = new Set<() => void>();
  private readonly group: FakeGroup;
  private readonly caseworker: FakeUser;
  private readonly groupAnswers: GroupState["answers"] = [];

  constructor(
    private readonly fake: FakeTelegram,
    private readonly staff: PreviewStaff,
  ) {
    fake.onCall = (call) => this.observe(call);
    // The fake numbers groups from its first one down: the preview's is the first, so its id is the preset.
    this.group = fake.group("Staff group (STAFF_CHAT_ID)");
    if (this.group.id !== staff.staffChatId) throw new Error(`the staff group got id ${this.group.id}, not ${staff.staffChatId}`);
    this.caseworker = fake.user({ id: staff.caseworker.id, firstName: staff.caseworker.name, languageCode: "uk" });
    this.group.add(this.caseworker);
  }

  /** Called after anything in any chat may have changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): PreviewState {
    const chats = ROLES.map((role): ChatState => {
      const chat = this.chats.get(role)!;
      const user = chat.user;
      return {
        role,
        ...(user ? { userId: user.id } : {}),
        started: Boolean(chat.begun),
        language: chat.language,
        messages: (user?.messages ?? []).map((m) => message(m, chat.protectedIds.has(m.id))),
        ...(chat.replyKeyboard ? { replyKeyboard: chat.replyKeyboard } : {}),
        answers: user?.callbackAnswers ?? [],
      };
    });
    const members = [...this.group.members].map((u) => ({ member: this.memberOf(u), userId: u.id, name: u.from.first_name }));
    const group: GroupState = {
      id: this.group.id,
      title: this.group.chat.title,
      members: MEMBERS.map((member) => members.find((m) => m.member === member)).filter((m) => m !== undefined),
      messages: this.group.messages.map((m) => message(m, false)),
      answers: this.groupAnswers,
    };
    return { chats, group, cities: CITIES.map((c) => c.name) };
  }

  /** Starts the chat with /start, as a person with this Telegram language. */
  async start(role: Role, language: Language): Promise<boolean> {
    const chat = this.chats.get(role)!;
    const user = this.userOf(role, language);
    chat.begun = true;
    return this.act(user.send("/start"));
  }

  /** A member writes in the staff group, optionally replying to a message there. */
  sendInGroup(member: Member, text: string, replyTo?: number): Promise<boolean> {
    checkText(text);
    if (replyTo !== undefined && !this.group.history.has(replyTo)) throw new PreviewError(400, "there is no such message to reply to");
    return this.act(this.group.send(this.member(member), text, replyTo === undefined ? {} : { replyTo }));
  }

  /** A member presses an inline button in the staff group; the answer (a pop-up) is the presser's. */
  async pressInGroup(member: Member, messageId: number, row: number, column: number): Promise<boolean> {
    const m = this.group.history.get(messageId);
    const button = m?.from === "bot" ? m.buttons?.[row]?.[column] : undefined;
    if (button?.data === undefined) throw new PreviewError(400, "there is no such button");
    const user = this.member(member);
    const seen = user.callbackAnswers.length;
    try {
      return await this.act(this.group.pressData(user, button.data, messageId));
    } finally {
      this.groupAnswers.push(...user.callbackAnswers.slice(seen));
      this.changed();
    }
  }

  /** A photo or document the bot sent to a participant, by its file id. */
  file(fileId: string): PreviewFile | undefined {
    const histories = [...[...this.chats.values()].map((c) => c.user?.messages ?? []), this.group.messages];
    for (const m of histories.flat()) {
      if (m.from !== "bot") continue;
      if (m.photo?.fileId === fileId) return { bytes: m.photo.bytes, type: imageType(m.photo.bytes) };
      if (m.document?.fileId === fileId) return { bytes: m.document.bytes, type: "application/octet-stream", name: m.document.fileName };
    }
    return undefined;
  }

  /** Starts over as a new person: a new Telegram user, nothing remembered. */
  newPerson(): void {
    const chat = this.chats.get("person")!;
    this.chats.set("person", { language: chat.language, protectedIds: new Set() });
    this.changed();
  }

  send(role: Role, text: string): Promise<boolean> {
    checkText(text);
    return this.act(this.started(role).user.send(text));
  }

  /** Presses an inline button, found by its message and position. */
  press(role: Role, messageId: number, row: number, column: number): Promise<boolean> {
    const { user } = this.started(role);
    const button = user.history.get(messageId)?.buttons?.[row]?.[column];
    if (button?.data === undefined) throw new PreviewError(400, "there is no such button");
    return this.act(user.pressData(button.data, messageId));
  }

  /** Presses a reply keyboard button: sends its text, a stand-in location or the contact. */
  reply(role: Role, row: number, column: number, city?: number): Promise<boolean> {
    const chat = this.started(role);
    const markup = chat.replyKeyboard;
    const button: KeyboardButton | undefined = markup?.keyboard[row]?.[column];
    if (button === undefined) throw new PreviewError(400, "there is no such button");
    const place = city === undefined ? undefined : CITIES[city];
    const asks = (what: "request_location" | "request_contact") => typeof button === "object" && Boolean((button as Partial<Record<typeof what, unknown>>)[what]);
    if (asks("request_location") && !place) throw new PreviewError(400, "choose one of the cities");
    if (markup?.one_time_keyboard) delete chat.replyKeyboard;
    if (asks("request_location")) return this.act(chat.user.sendLocation(place!.latitude, place!.longitude));
    if (asks("request_contact")) return this.act(chat.user.sendContact());
    return this.act(chat.user.send(typeof button === "string" ? button : button.text));
  }

  private started(role: Role): Chat & { user: FakeUser } {
    const chat = this.chats.get(role)!;
    if (!chat.begun || !chat.user) throw new PreviewError(409, "start the chat first");
    return chat as Chat & { user: FakeUser };
  }

  /**
   * The participant's Telegram user, made on first use with the chat's
   * language. The admin is also a member of the staff group, so the admin may
   * act there before starting their private chat.
   */
  private userOf(role: Role, language?: Language): FakeUser {
    const chat = this.chats.get(role)!;
    if (chat.user) return chat.user;
    if (language) chat.language = language;
    const admin = role === "admin";
    chat.user = this.fake.user({
      ...(admin ? { id: this.staff.adminId } : {}),
      languageCode: chat.language,
      firstName: admin ? "Admin" : "Person",
    });
    if (admin) this.group.add(chat.user);
    return chat.user;
  }

  private member(member: Member): FakeUser {
    return member === "caseworker" ? this.caseworker : this.userOf("admin");
  }

  private memberOf(user: FakeUser): Member {
    return user === this.caseworker ? "caseworker" : "admin";
  }

  /** Waits for the bot's reaction; false when there was none in time. */
  private async act(done: Promise<void>): Promise<boolean> {
    this.changed(); // the person's own message is in the chat already
    try {
      await done;
      return true;
    } catch {
      return false;
    } finally {
      this.changed();
    }
  }

  /** Follows what the bot sent: reply keyboards and protected messages are not in the chat history. */
  private observe(call: FakeCall): void {
    const chat = [...this.chats.values()].find((c) => c.user !== undefined && c.user.id === call.chatId);
    if (!chat) return;
    const sent = call.result as Partial<Message> | undefined;
    if (!call.error && call.method.startsWith("send") && typeof sent?.message_id === "number") {
      const markup = call.payload.reply_markup;
      if (markup?.keyboard) chat.replyKeyboard = markup;
      else if (markup?.remove_keyboard) delete chat.replyKeyboard;
      const flag = call.payload.protect_content;
      if (flag === true || flag === "true") chat.protectedIds.add(sent.message_id);
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function checkText(text: string): void {
  if (text.trim() === "") throw new PreviewError(400, "the message is empty");
  if ([...text].length > 4096) throw new PreviewError(400, "the message is longer than 4096 characters");
}

function message(m: ChatMessage, isProtected: boolean): PreviewMessage {
  const media = m.photo ?? m.document;
  return {
    id: m.id,
    from: m.from,
    edited: m.editedCount > 0,
    protected: isProtected,
    raw: m.raw,
    ...(media && m.from === "bot"
      ? { file: { url: `/files/${encodeURIComponent(media.fileId)}`, size: media.bytes.length, ...(m.document ? { name: m.document.fileName } : {}) } }
      : {}),
  };
}

/** The photos the fake accepts are PNG or JPEG. */
function imageType(bytes: Buffer): string {
  return bytes[0] === 0x89 && bytes[1] === 0x50 ? "image/png" : "image/jpeg";
}
