import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import QRCode from "qrcode";
import { FakeTelegram } from "../src/fake-telegram/index.js";

let fake: FakeTelegram;

afterEach(async () => {
  await fake?.close();
});

/** A fake delivering in-process to a plain grammY bot, and a user who has written to the bot. */
async function setup() {
  fake = await FakeTelegram.start();
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.me });
  fake.deliver = (update) => bot.handleUpdate(update);
  const user = fake.user({ firstName: "Olena", languageCode: "uk" });
  await user.send("hello"); // makes the chat known; nothing handles it
  return { bot, user };
}

/** The Telegram description of the GrammyError the call fails with. */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GrammyError);
  return (error as GrammyError).description;
}

describe("fake Telegram rules", () => {
  it("rejects bad HTML and stores good HTML as plain text plus entities", async () => {
    const { bot, user } = await setup();
    const send = (html: string) => bot.api.sendMessage(user.id, html, { parse_mode: "HTML" });
    expect(await failure(send("<div>x</div>")))
      .toBe("Bad Request: can't parse entities: Unsupported start tag \"div\" at byte offset 0");
    expect(await failure(send("Tom & Jerry"))).toMatch(/^Bad Request: can't parse entities: Unescaped "&"/);
    expect(await failure(send("<b>open <i>x</b></i>"))).toMatch(/Unmatched end tag/);
    expect(await failure(send("<b>never closed"))).toMatch(/Can't find end tag corresponding to start tag "b"/);

    const sent = await send(
      "<b>Привіт</b> 👋 <a href=\"https://example.com/?a=1&amp;b=2\">link</a> <code>a&lt;b</code>\n",
    );
    expect(sent.text).toBe("Привіт 👋 link a<b");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 6 },
      { type: "text_link", offset: 10, length: 4, url: "https://example.com/?a=1&b=2" }, // 👋 is 2 UTF-16 units
      { type: "code", offset: 15, length: 3 },
    ]);
    expect(user.lastBotMessage?.html).toContain("<b>Привіт</b>");
  });

  it("limits text length after parsing, counting characters", async () => {
    const { bot, user } = await setup();
    expect(await failure(bot.api.sendMessage(user.id, "x".repeat(4097)))).toBe("Bad Request: message is too long");
    expect(await failure(bot.api.sendMessage(user.id, " \n "))).toBe("Bad Request: message text is empty");
    expect(await failure(bot.api.sendMessage(user.id, "<b></b>", { parse_mode: "HTML" })))
      .toBe("Bad Request: message text is empty");
    await bot.api.sendMessage(user.id, `<b>${"😀".repeat(4096)}</b>`, { parse_mode: "HTML" });
    expect(user.lastText).toHaveLength(8192);
  });

  it("limits callback_data to 64 bytes and requires an action per button", async () => {
    const { bot, user } = await setup();
    const send = (keyboard: InlineKeyboard) => bot.api.sendMessage(user.id, "pick", { reply_markup: keyboard });
    expect(await failure(send(new InlineKeyboard().text("Так", "ї".repeat(33))))).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect(await failure(send(new InlineKeyboard().text("Так", "")))).toMatch(/Text buttons are unallowed/);
    await send(new InlineKeyboard().text("Так", "ї".repeat(32)).url("Site", "https://example.com"));
    expect(user.lastBotMessage?.buttons).toEqual([[
      { text: "Так", data: "ї".repeat(32) },
      { text: "Site", url: "https://example.com" },
    ]]);
  });

  it("refuses edits that change nothing, and edits without markup drop the keyboard", async () => {
    const { bot, user } = await setup();
    const keyboard = new InlineKeyboard().text("A", "a");
    const sent = await bot.api.sendMessage(user.id, "<b>Hi</b>", { parse_mode: "HTML", reply_markup: keyboard });
    const notModified = "Bad Request: message is not modified: specified new message content and reply markup " +
      "are exactly the same as a current content and reply markup of the message";
    expect(await failure(bot.api.editMessageText(user.id, sent.message_id, "<b>Hi</b>", {
      parse_mode: "HTML",
      reply_markup: keyboard,
    }))).toBe(notModified);
    expect(await failure(bot.api.editMessageReplyMarkup(user.id, sent.message_id, { reply_markup: keyboard })))
      .toBe(notModified);

    await bot.api.editMessageText(user.id, sent.message_id, "<b>Hi</b>", { parse_mode: "HTML" });
    expect(user.lastBotMessage).toMatchObject({ editedCount: 1, buttons: undefined });
    expect(await failure(bot.api.editMessageText(user.id, 999, "x"))).toBe("Bad Request: message to edit not found");
    expect(await failure(bot.api.editMessageText(user.id, user.messages[0]!.id, "x")))
      .toBe("Bad Request: message can't be edited");
  });

  it("knows only chats of users who wrote, and deletes only messages younger than 48 h", async () => {
    const { bot, user } = await setup();
    const silent = fake.user();
    expect(await failure(bot.api.sendMessage(silent.id, "hi"))).toBe("Bad Request: chat not found");
    const old = await bot.api.sendMessage(user.id, "old");
    const fresh = await bot.api.sendMessage(user.id, "fresh");
    const start = Date.now();
    fake.clock = () => start + 48 * 3600 * 1000 + 1000;
    expect(await failure(bot.api.deleteMessage(user.id, old.message_id)))
      .toBe("Bad Request: message can't be deleted for everyone");
    fake.clock = Date.now;
    await bot.api.deleteMessage(user.id, fresh.message_id);
    expect(await failure(bot.api.deleteMessage(user.id, fresh.message_id)))
      .toBe("Bad Request: message to delete not found");
    expect(user.messages.map((m) => m.text)).toEqual(["hello", "old"]);
  });

  it("answers wrong token and unknown methods like Telegram", async () => {
    await setup();
    const wrongToken = await fetch(`${fake.apiRoot}/bot1:nope/getMe`, { method: "POST" });
    expect(wrongToken.status).toBe(401);
    const unknown = await fetch(`${fake.apiRoot}/bot${fake.token}/sendTelepathy`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "chat_id=1000",
    });
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
  });
});

describe("scripted users", () => {
  it("press() routes a button to the bot's callbackQuery handler (in-process)", async () => {
    const { bot, user } = await setup();
    bot.command("start", (ctx) => ctx.reply("Continue?", { reply_markup: new InlineKeyboard().text("Yes", "yes") }));
    bot.callbackQuery("yes", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Saved" });
      await ctx.editMessageText("Done");
    });

    await user.send("/start");
    expect(user.buttons).toEqual(["Yes"]);
    await expect(user.press("No")).rejects.toThrow(/no button "No" .*available: "Yes"/);
    await user.press("Yes");
    expect(user.callbackAnswers).toEqual([{ text: "Saved" }]);
    expect(user.unansweredCallbacks).toBe(0);
    expect(user.lastText).toBe("Done");
    expect(user.buttons).toEqual([]);
    expect(await failure(bot.api.answerCallbackQuery(fake.calls.find((c) => c.method === "answerCallbackQuery")!
      .payload.callback_query_id))).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  });

  it("serves a bot running bot.start() long polling", async () => {
    fake = await FakeTelegram.start();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.on("message:text", async (ctx) => {
      await ctx.replyWithChatAction("typing");
      await ctx.reply(`echo: ${ctx.message.text}`);
    });
    const polling = bot.start({ timeout: 5 });
    const user = fake.user();

    await user.send("one");
    expect(user.lastText).toBe("echo: one");
    const reply = fake.waitForReply(user.id);
    await user.send("two");
    expect((await reply).payload.text).toBe("echo: two");
    expect(user.messages.map((m) => `${m.from}: ${m.text}`))
      .toEqual(["user: one", "bot: echo: one", "user: two", "bot: echo: two"]);

    await bot.stop();
    await polling;
  });
});

describe("fake Telegram: reply keyboards, venues and files", () => {
  it("shows a reply keyboard until the bot removes it; a location button shares a location", async () => {
    const { bot, user } = await setup();
    const shared: unknown[] = [];
    bot.on("message:location", (ctx) => void shared.push(ctx.msg.location));
    await bot.api.sendMessage(user.id, "below", {
      reply_markup: { keyboard: [[{ text: "Where I am", request_location: true }], [{ text: "Cancel" }]], resize_keyboard: true },
    });
    expect(user.replyKeyboard?.rows).toEqual([[{ text: "Where I am", requestLocation: true }], [{ text: "Cancel" }]]);
    await user.pressKeyboard("Where I am", { latitude: 48.5, longitude: 32.25 });
    expect(shared).toEqual([{ latitude: 48.5, longitude: 32.25 }]);
    await expect(user.pressKeyboard("Nope")).rejects.toThrow(/no reply keyboard button "Nope"/);
    await bot.api.sendMessage(user.id, "gone", { reply_markup: { remove_keyboard: true } });
    expect(user.replyKeyboard).toBeUndefined();
  });

  it("validates reply keyboards and refuses them on edits", async () => {
    const { bot, user } = await setup();
    expect(await failure(bot.api.sendMessage(user.id, "x", { reply_markup: { keyboard: [] } }))).toBe("Bad Request: keyboard must be non-empty");
    expect(await failure(bot.api.sendMessage(user.id, "x", { reply_markup: { keyboard: [[{ text: " " }]] } })))
      .toMatch(/text must be non-empty/);
    const both = { text: "x", request_location: true, request_contact: true };
    expect(await failure(bot.api.sendMessage(user.id, "x", { reply_markup: { keyboard: [[both]] } }))).toMatch(/only one request/);
    const m = await bot.api.sendMessage(user.id, "text");
    expect(await failure(bot.api.editMessageText(user.id, m.message_id, "new", { reply_markup: { keyboard: [["a"]] } } as never)))
      .toBe("Bad Request: inline keyboard expected");
  });

  it("sends venues with checked coordinates, title and address", async () => {
    const { bot, user } = await setup();
    await bot.api.sendVenue(user.id, 50.45, 30.52, "Test place", "1 Test Street");
    expect(user.lastBotMessage?.venue).toEqual({ latitude: 50.45, longitude: 30.52, title: "Test place", address: "1 Test Street" });
    expect(await failure(bot.api.sendVenue(user.id, 95, 30, "t", "a"))).toBe("Bad Request: wrong latitude");
    expect(await failure(bot.api.sendVenue(user.id, 50, 30, "t", " "))).toBe("Bad Request: venue address is empty");
  });

  it("takes photo and document uploads as multipart, checks them, and serves them back by getFile", async () => {
    const { bot, user } = await setup();
    const png = await QRCode.toBuffer("https://t.me/test_bot?start=help", { type: "png" });
    await bot.api.sendPhoto(user.id, new InputFile(png, "qr.png"), { caption: "<b>QR</b>", parse_mode: "HTML" });
    const photo = user.lastBotMessage!;
    expect(photo.photo?.bytes.equals(png)).toBe(true);
    expect(photo.text).toBe("QR");
    expect(await failure(bot.api.sendPhoto(user.id, new InputFile(Buffer.from("not an image"), "x.png"))))
      .toBe("Bad Request: IMAGE_PROCESS_FAILED");
    expect(await failure(bot.api.sendPhoto(user.id, "no-such-file-id"))).toBe("Bad Request: wrong file identifier/HTTP URL specified");

    await bot.api.sendDocument(user.id, new InputFile(Buffer.from("a,b\n1,2\n"), "table.csv"), { caption: "x".repeat(1025) })
      .then(() => expect.fail("a caption over 1024 characters"), (e: GrammyError) => expect(e.description).toBe("Bad Request: message caption is too long"));
    const sent = await bot.api.sendDocument(user.id, new InputFile(Buffer.from("a,b\n1,2\n"), "table.csv"));
    expect(user.lastBotMessage?.document).toMatchObject({ fileName: "table.csv" });
    // A file the bot sent can be sent again by its id, as in Telegram.
    await bot.api.sendDocument(user.id, sent.document!.file_id);
    expect(user.lastBotMessage?.document?.bytes.toString()).toBe("a,b\n1,2\n");
  });

  it("lets a user send a document the bot downloads by getFile and the file URL", async () => {
    const { bot, user } = await setup();
    const got: string[] = [];
    bot.on("message:document", async (ctx) => {
      const file = await ctx.getFile();
      const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
      got.push(`${ctx.msg.document.file_name}: ${await res.text()}`);
    });
    await user.sendDocument("services.csv", Buffer.from("id\nx\n"), "text/csv");
    expect(got).toEqual(["services.csv: id\nx\n"]);
    expect(user.messages.at(-1)).toMatchObject({ from: "user", document: { fileName: "services.csv" } });
    expect(await failure(bot.api.getFile("nope"))).toBe("Bad Request: invalid file_id");
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/none.csv`)).status).toBe(404);
    expect((await fetch(`${fake.apiRoot}/file/botWRONG/documents/file_1.csv`)).status).toBe(404);
  });
});

describe("fake Telegram: webhook delivery", () => {
  it("has at most max_connections posts open at once (40 unless set), as Telegram does", async () => {
    fake = await FakeTelegram.start();
    let open = 0;
    let most = 0;
    let received = 0;
    const hook = createServer((req, res) => {
      most = Math.max(most, ++open);
      req.resume();
      setTimeout(() => {
        open--;
        received++;
        res.end();
      }, 200);
    });
    await new Promise<void>((done) => hook.listen(0, "127.0.0.1", done));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.me });
    // One update from each of `chats` people at once (a chat's own updates go one at a time anyway).
    const burst = async (chats: number) => {
      [most, received] = [0, 0];
      for (let id = 1; id <= chats; id++) {
        const chat = { id, type: "private" as const, first_name: "A" };
        fake.queueUpdate({ message: { message_id: 1, date: 0, chat, from: { id, is_bot: false, first_name: "A" }, text: "hi" } });
      }
      await expect.poll(() => received).toBe(chats);
      return most;
    };
    await bot.api.setWebhook(url);
    const most40 = await burst(50); // all 50 at once without the limit (each is held 200 ms)
    expect(most40).toBeLessThanOrEqual(40);
    expect(most40).toBeGreaterThan(2);
    await bot.api.setWebhook(url, { max_connections: 2 });
    expect(await burst(6)).toBe(2);
    await new Promise((done) => {
      hook.close(done);
      hook.closeAllConnections();
    });
  });
});
