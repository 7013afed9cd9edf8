import type { Chat, Message, MessageEntity } from "grammy/types";
import type { FakeTelegram } from "./server.js";
import type { ChatMessage, FakeUser } from "./user.js";

/**
 * A group chat with the bot and some members (a partner's staff group). The
 * bot sees what Telegram sends a bot in privacy mode: commands and replies to
 * its own messages. Members read `messages`; any member may press a button.
 */
export class FakeGroup {
  readonly chat: Chat.GroupChat | Chat.SupergroupChat;
  readonly history = new Map<number, ChatMessage>();
  readonly members = new Set<FakeUser>();
  /** The bot is in the group, so Telegram knows the chat. */
  readonly started = true;
  private lastMessageId = 0;

  constructor(
    private readonly fake: FakeTelegram,
    readonly id: number,
    title: string,
    type: "group" | "supergroup" = "supergroup",
  ) {
    this.chat = { id, type, title };
  }

  /**
   * An admin turns this basic group into a supergroup, as Telegram does when
   * someone changes certain settings: a new chat id, the members moved, a
   * service message in each chat, and sends to the old id refused.
   */
  upgrade(by: FakeUser): Promise<FakeGroup> {
    return this.fake.upgradeGroup(this, by);
  }

  /** A service message from Telegram in this group (always reaches the bot). */
  service(from: FakeUser, fields: Partial<Message>): Promise<void> {
    const raw = { message_id: this.nextMessageId(), from: from.from, chat: this.chat, date: this.fake.unixTime(), ...fields } as Message;
    return this.fake.dispatch(from, { message: raw }, `service message in group ${this.id}`, this.id);
  }

  add(...users: FakeUser[]): this {
    for (const u of users) this.members.add(u);
    return this;
  }

  nextMessageId(): number {
    return ++this.lastMessageId;
  }

  get messages(): ChatMessage[] {
    return [...this.history.values()];
  }

  get lastBotMessage(): ChatMessage | undefined {
    return this.messages.filter((m) => m.from === "bot").at(-1);
  }

  /** A member writes in the group, optionally as a reply to a message. */
  send(from: FakeUser, text: string, opts: { replyTo?: number } = {}): Promise<void> {
    this.mustBeMember(from);
    const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])/.exec(text);
    const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
    const replied = opts.replyTo === undefined ? undefined : this.history.get(opts.replyTo);
    if (opts.replyTo !== undefined && !replied) throw new Error(`group ${this.id} has no message ${opts.replyTo}`);
    const raw = {
      message_id: this.nextMessageId(),
      from: from.from,
      chat: this.chat,
      date: this.fake.unixTime(),
      text,
      ...(entities.length ? { entities } : {}),
      ...(replied ? { reply_to_message: replied.raw } : {}),
    } as Message;
    this.history.set(raw.message_id, { id: raw.message_id, from: "user", text, entities, editedCount: 0, raw });
    // Privacy mode: plain chatter that is neither a command nor a reply to the bot never reaches it.
    if (!command && replied?.from !== "bot") return Promise.resolve();
    return this.fake.dispatch(from, { message: raw }, `group message ${JSON.stringify(text)}`, this.id);
  }

  /** A member presses a button by its label on the newest keyboard (or on `messageId`). */
  press(from: FakeUser, label: string, opts: { messageId?: number } = {}): Promise<void> {
    this.mustBeMember(from);
    const m = opts.messageId === undefined
      ? this.messages.filter((x) => x.buttons !== undefined).at(-1)
      : this.history.get(opts.messageId);
    if (m?.from !== "bot" || !m.buttons) throw new Error(`group ${this.id}: no inline keyboard`);
    const button = m.buttons.flat().find((b) => b.text === label);
    if (!button?.data) {
      const labels = m.buttons.flat().map((b) => JSON.stringify(b.text)).join(", ");
      throw new Error(`group ${this.id}: no button ${JSON.stringify(label)} on message ${m.id}; available: ${labels}`);
    }
    return this.pressData(from, button.data, m.id);
  }

  pressData(from: FakeUser, data: string, messageId: number): Promise<void> {
    const m = this.history.get(messageId);
    if (m?.from !== "bot") throw new Error(`group ${this.id}: no bot message ${messageId}`);
    const id = this.fake.newCallbackId(from);
    const callback_query = { id, from: from.from, message: m.raw, chat_instance: `${this.id}77`, data };
    return this.fake.dispatch(from, { callback_query }, `press of ${JSON.stringify(data)} in group ${this.id}`);
  }

  private mustBeMember(user: FakeUser): void {
    if (!this.members.has(user)) throw new Error(`user ${user.id} is not a member of group ${this.id}`);
  }
}
