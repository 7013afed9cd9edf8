import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { ChatState, GroupState, PreviewState } from "../../src/preview/chats.js";
import { PREVIEW_ADMIN_ID, PREVIEW_STAFF } from "../../src/preview/index.js";
import { startTestPreview } from "../support/preview.js";

async function post(base: string, path: string, body: unknown, type = "application/json") {
  const res = await fetch(new URL(path, base), { method: "POST", headers: { "content-type": type }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { answered?: boolean; error?: string } };
}

async function state(base: string, role = "person"): Promise<ChatState> {
  const all = (await (await fetch(new URL("/api/state", base))).json()) as PreviewState;
  return all.chats.find((c) => c.role === role)!;
}

async function group(base: string): Promise<GroupState> {
  return ((await (await fetch(new URL("/api/state", base))).json()) as PreviewState).group;
}

const texts = (chat: ChatState | GroupState) => chat.messages.map((m) => m.raw.text ?? "");

/** Presses the button with this label on the newest message that has it. */
async function pressLabel(base: string, role: string, label: string) {
  const chat = await state(base, role);
  for (const m of [...chat.messages].reverse()) {
    const rows = m.raw.reply_markup?.inline_keyboard ?? [];
    for (const [row, buttons] of rows.entries()) {
      const column = buttons.findIndex((b) => b.text === label);
      if (column >= 0) return post(base, "/api/press", { role, messageId: m.id, row, column });
    }
  }
  throw new Error(`no button ${label}; last: ${texts(chat).at(-1)}`);
}

describe("the preview's web server", () => {
  it("serves one page, its script and style, labelled as a preview, with nothing from elsewhere", async () => {
    const { server } = await startTestPreview();
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain("Preview, not Telegram");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const [path, type] of [["/preview.js", "text/javascript"], ["/preview.css", "text/css"]]) {
      const res = await fetch(new URL(path!, server.url));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
    }
    expect((await fetch(new URL("/nothing", server.url))).status).toBe(404);
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
  });

  it("starts a chat in the chosen language; a message and a button press reach the real bot", async () => {
    const { server } = await startTestPreview();
    expect((await state(server.url)).started).toBe(false);
    expect(await post(server.url, "/api/start", { role: "person", language: "en" })).toEqual({ status: 200, body: { answered: true } });
    let chat = await state(server.url);
    expect(chat).toMatchObject({ started: true, language: "en" });
    expect(chat.messages.at(-1)?.raw.from?.language_code).toBeUndefined(); // the bot's own message
    expect(texts(chat)).toEqual(["/start", expect.stringContaining("Is it safe for you to chat right now?")]);

    const question = chat.messages.at(-1)!;
    const yes = await post(server.url, "/api/press", { role: "person", messageId: question.id, row: 0, column: 0 });
    expect(yes.body.answered).toBe(true);
    chat = await state(server.url);
    expect(chat.messages.at(-1)).toMatchObject({ id: question.id, edited: true });
    expect(chat.messages.at(-1)?.raw.text).toContain("Hello!");

    await post(server.url, "/api/send", { role: "person", text: "/sos" });
    chat = await state(server.url);
    expect(texts(chat).at(-2)).toBe("/sos");
    expect(texts(chat).at(-1)).toContain("102");
    expect(chat.messages.at(-1)?.raw.entities?.some((e) => e.type === "bold")).toBe(true);
  });

  it("sends every change as a server-sent event", async () => {
    const { server } = await startTestPreview();
    const events: PreviewState[] = [];
    let buffer = "";
    const stream = request(new URL("/events", server.url), (res) => {
      expect(res.headers["content-type"]).toBe("text/event-stream");
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const data = /^event: state\ndata: (.*)$/s.exec(buffer.slice(0, end));
          if (data) events.push(JSON.parse(data[1]!) as PreviewState);
          buffer = buffer.slice(end + 2);
        }
      });
    });
    stream.end();
    await expect.poll(() => events.length).toBe(1); // the state at once
    await post(server.url, "/api/start", { role: "person", language: "uk" });
    await expect.poll(() => events.at(-1)?.chats[0]?.messages.at(-1)?.raw.text).toContain("Чи безпечно вам");
    stream.destroy();
  });

  it("shows a reply keyboard the bot sets, and its location button shares a stand-in city", async () => {
    const { t, server } = await startTestPreview();
    await post(server.url, "/api/start", { role: "person", language: "en" });
    const { userId } = await state(server.url);
    await t.bot.api.sendMessage(userId!, "Where are you?", {
      reply_markup: { keyboard: [[{ text: "📍 Share my location", request_location: true }], [{ text: "Skip" }]], one_time_keyboard: true },
      protect_content: true,
    });
    let chat = await state(server.url);
    expect(chat.replyKeyboard?.keyboard).toEqual([[{ text: "📍 Share my location", request_location: true }], [{ text: "Skip" }]]);
    expect(chat.messages.at(-1)).toMatchObject({ protected: true, raw: { text: "Where are you?" } });
    expect(chat.messages.at(-2)?.protected).toBe(false);

    expect((await post(server.url, "/api/reply", { role: "person", row: 0, column: 0 })).status).toBe(400); // no city chosen
    const shared = await post(server.url, "/api/reply", { role: "person", row: 0, column: 0, city: 1 });
    expect(shared.body.answered).toBe(true); // the bot's fallback answers a location
    chat = await state(server.url);
    const location = chat.messages.find((m) => m.raw.location)!;
    expect(location).toMatchObject({ from: "user", raw: { location: { latitude: 49.8397, longitude: 24.0297 } } });
    expect(chat.replyKeyboard).toBeUndefined(); // it was a one-time keyboard

    await t.bot.api.sendMessage(userId!, "Pick", { reply_markup: { keyboard: [[{ text: "Skip" }]] } });
    await post(server.url, "/api/reply", { role: "person", row: 0, column: 0 });
    expect(texts(await state(server.url))).toContain("Skip");
    await t.bot.api.sendMessage(userId!, "Done", { reply_markup: { remove_keyboard: true } });
    expect((await state(server.url)).replyKeyboard).toBeUndefined();
  });

  it("starts over as a new person; the admin is the preset ADMIN_IDS user", async () => {
    const { server } = await startTestPreview();
    await post(server.url, "/api/start", { role: "person", language: "en" });
    const first = (await state(server.url)).userId;
    expect((await post(server.url, "/api/new-person", {})).status).toBe(200);
    expect(await state(server.url)).toMatchObject({ started: false, messages: [] });
    await post(server.url, "/api/start", { role: "person", language: "uk" });
    const again = await state(server.url);
    expect(again.userId).not.toBe(first);
    expect(again.messages[0]?.raw.from?.language_code).toBe("uk");

    await post(server.url, "/api/start", { role: "admin", language: "en" });
    const admin = await state(server.url, "admin");
    expect(admin.userId).toBe(PREVIEW_ADMIN_ID);
    expect(admin.messages.at(-1)?.raw.text).toContain("Is it safe for you to chat right now?");
  });

  it("a referral to whoever can help fastest lands in the staff group; the caseworker claims it and answers the person", async () => {
    const { server } = await startTestPreview();
    const staff = await group(server.url);
    expect(staff).toMatchObject({ id: PREVIEW_STAFF.staffChatId, messages: [] });
    expect(staff.members).toEqual([{ member: "caseworker", userId: PREVIEW_STAFF.caseworker.id, name: "Olena" }]);

    await post(server.url, "/api/start", { role: "person", language: "en" });
    for (const label of ["Yes, it is safe", "English", "💬 Talk to a person", "⚡ Whoever can help fastest", "Something else",
      "💬 Through this chat (anonymous)", "Skip", "✅ Send"]) {
      expect((await pressLabel(server.url, "person", label)).body.answered).toBe(true);
    }
    const code = /reference code is (\w{6})/.exec(texts(await state(server.url)).join("\n"))?.[1];
    expect(code).toBeDefined();

    let card = (await group(server.url)).messages.at(-1)!;
    expect(card.raw.text).toContain(code); // in Ukrainian: the fallback group's language
    const claim = card.raw.reply_markup!.inline_keyboard[0]!.findIndex((b) => b.text === "✋ Взяти");
    const pressed = await post(server.url, "/api/group/press", { member: "caseworker", messageId: card.id, row: 0, column: claim });
    expect(pressed.body.answered).toBe(true);
    const after = await group(server.url);
    card = after.messages.find((m) => m.id === card.id)!;
    expect(card).toMatchObject({ edited: true });
    expect(card.raw.text).toContain("Olena");
    expect(after.answers.at(-1)?.text).toContain(code);
    expect(texts(await state(server.url)).join("\n")).toContain("Your request was accepted by the duty team.");

    const reply = await post(server.url, "/api/group/send", { member: "caseworker", text: "Hello, I can help today", replyTo: card.id });
    expect(reply.body.answered).toBe(true);
    const mine = (await group(server.url)).messages.find((m) => m.raw.text === "Hello, I can help today")!;
    expect(mine).toMatchObject({ from: "user", raw: { from: { first_name: "Olena" }, reply_to_message: { message_id: card.id } } });
    expect(texts(await state(server.url)).join("\n")).toContain("Hello, I can help today");

    // The admin is a member too, once they exist; a stranger's press or a missing card is refused.
    await post(server.url, "/api/start", { role: "admin", language: "en" });
    expect((await group(server.url)).members.map((m) => m.member)).toEqual(["caseworker", "admin"]);
    expect((await post(server.url, "/api/group/press", { member: "stranger", messageId: card.id, row: 0, column: 0 })).status).toBe(400);
    expect((await post(server.url, "/api/group/press", { member: "caseworker", messageId: 999, row: 0, column: 0 })).status).toBe(400);
    expect((await post(server.url, "/api/group/send", { member: "admin", text: "hi", replyTo: 999 })).status).toBe(400);
  });

  it("serves a photo the bot sent (the admin's QR code) as an image and a document as a download", async () => {
    const { server } = await startTestPreview();
    await post(server.url, "/api/start", { role: "admin", language: "en" });
    expect((await post(server.url, "/api/send", { role: "admin", text: "/qr rights" })).body.answered).toBe(true);
    const admin = await state(server.url, "admin");
    const photo = admin.messages.find((m) => m.raw.photo)!;
    expect(photo.file?.url).toMatch(/^\/files\//);
    const image = await fetch(new URL(photo.file!.url, server.url));
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("content-security-policy")).toContain("default-src 'self'");
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.length).toBe(photo.file!.size);

    const svg = admin.messages.find((m) => m.raw.document)!;
    expect(svg.file).toMatchObject({ name: "qr-rights.svg" });
    const download = await fetch(new URL(svg.file!.url, server.url));
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    expect(download.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''qr-rights.svg");
    expect(await download.text()).toContain("<svg");
    expect((await fetch(new URL("/files/file-999-photos", server.url))).status).toBe(404);
    expect((await fetch(new URL("/files/%E0%A4%A", server.url))).status).toBe(404);
  });

  it("refuses what the page never sends, with a reason", async () => {
    const { server } = await startTestPreview();
    expect(await post(server.url, "/api/send", { role: "person", text: "hi" })).toEqual({
      status: 409,
      body: { error: "start the chat first" },
    });
    expect((await post(server.url, "/api/start", { role: "stranger", language: "en" })).status).toBe(400);
    expect((await post(server.url, "/api/start", { role: "person", language: "de" })).status).toBe(400);
    expect((await post(server.url, "/api/start", { role: "person", language: "en" }, "text/plain")).status).toBe(415);
    await post(server.url, "/api/start", { role: "person", language: "en" });
    expect((await post(server.url, "/api/press", { role: "person", messageId: 2, row: 5, column: 0 })).status).toBe(400);
    expect((await post(server.url, "/api/press", { role: "person", messageId: "2", row: 0, column: 0 })).status).toBe(400);
    expect((await post(server.url, "/api/send", { role: "person", text: "   " })).status).toBe(400);
    expect((await post(server.url, "/api/send", { role: "person", text: "x".repeat(4097) })).status).toBe(400);
    expect((await post(server.url, "/api/send", { role: "person", text: "x".repeat(70_000) })).status).toBe(413);
    // Another host name pointing here (DNS rebinding) gets nothing.
    const status = await new Promise<number>((resolve) => {
      request(new URL("/api/state", server.url), { headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      }).end();
    });
    expect(status).toBe(421);
  });
});
