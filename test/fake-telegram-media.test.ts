import { Bot, GrammyError, InputFile } from "grammy";
import QRCode from "qrcode";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/fake-telegram/index.js";

let fake: FakeTelegram;

afterEach(async () => {
  await fake?.close();
});

async function setup() {
  fake = await FakeTelegram.start();
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.me });
  fake.deliver = (update) => bot.handleUpdate(update);
  const user = fake.user({ languageCode: "en" });
  await user.send("hello");
  return { bot, user };
}

async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GrammyError);
  return (error as GrammyError).description;
}

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
    expect(await failure(bot.api.getFile("nope"))).toBe("Bad Request: invalid file_id");
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/none.csv`)).status).toBe(404);
    expect((await fetch(`${fake.apiRoot}/file/botWRONG/documents/file_1.csv`)).status).toBe(404);
  });
});
