import type { KeyboardButton, Message, ReplyKeyboardMarkup } from "grammy/types";
import type { FakeCall, FakeTelegram, FakeUser } from "../fake-telegram/index.js";

/** The simulated people of the preview, each in a private chat with the bot. */
export const ROLES = ["person", "admin"] as const;
export type Role = (typeof ROLES)[number];
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

export interface PreviewState {
  chats: ChatState[];
  cities: string[];
}

/**
 * The preview's participants on the fake Bot API: the survivor ("person", a
 * new simulated user on each start over) and a campaign admin (ADMIN_IDS).
 * Everything they see comes from the fake's chat history and the bot's calls.
 */
export class PreviewChats {
  private readonly chats = new Map<Role, Chat>(ROLES.map((r) => [r, { language: "uk", protectedIds: new Set() }]));
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fake: FakeTelegram,
    private readonly adminId: number,
  ) {
    fake.onCall = (call) => this.observe(call);
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
        started: Boolean(user?.started),
        language: chat.language,
        messages: (user?.messages ?? []).map((m) => ({
          id: m.id,
          from: m.from,
          edited: m.editedCount > 0,
          protected: chat.protectedIds.has(m.id),
          raw: m.raw,
        })),
        ...(chat.replyKeyboard ? { replyKeyboard: chat.replyKeyboard } : {}),
        answers: user?.callbackAnswers ?? [],
      };
    });
    return { chats, cities: CITIES.map((c) => c.name) };
  }

  /** Starts the chat with /start, as a person with this Telegram language. */
  async start(role: Role, language: Language): Promise<boolean> {
    const chat = this.chats.get(role)!;
    if (!chat.user) {
      chat.language = language;
      const id = role === "admin" ? this.adminId : undefined;
      chat.user = this.fake.user({ id, languageCode: language, firstName: role === "admin" ? "Admin" : "Person" });
    }
    return this.act(chat.user.send("/start"));
  }

  /** Starts over as a new person: a new Telegram user, nothing remembered. */
  newPerson(): void {
    const chat = this.chats.get("person")!;
    this.chats.set("person", { language: chat.language, protectedIds: new Set() });
    this.changed();
  }

  send(role: Role, text: string): Promise<boolean> {
    if (text.trim() === "") throw new PreviewError(400, "the message is empty");
    if ([...text].length > 4096) throw new PreviewError(400, "the message is longer than 4096 characters");
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
    if (!chat.user?.started) throw new PreviewError(409, "start the chat first");
    return chat as Chat & { user: FakeUser };
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
