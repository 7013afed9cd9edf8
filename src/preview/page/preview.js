// The preview's web chat: renders the chats from the Telegram Message JSON the
// fake Bot API holds, and sends what the person does as the fake's scripted user.
"use strict";

const $ = (selector) => document.querySelector(selector);
const chatList = $("#chat");
/** Which participant's chat is shown. */
let role = "person";
let state;
/** Rendered messages by id: the element and what it was rendered from. */
let rendered = new Map();
/** Per participant: the chat last seen (user id, message ids) and answers already shown. */
const seen = {};

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") el.className = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value);
  }
  el.append(...children);
  return el;
}

function note(text) {
  $("#status").textContent = text;
}

async function post(path, body = {}) {
  try {
    const res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role, ...body }),
    });
    const reply = await res.json().catch(() => ({}));
    if (!res.ok) note(`Not done: ${reply.error ?? res.status}`);
    else if (reply.answered === false) note("No answer from the bot within 5 seconds.");
  } catch {
    note("The preview is not reachable. Is it still running?");
  }
}

// ---- Text with Telegram entities -------------------------------------------------

const SAFE_LINK = /^(https?:|tel:|mailto:)/i;

function entityElement(entity, part) {
  switch (entity.type) {
    case "bold": return h("strong");
    case "italic": return h("em");
    case "underline": return h("u");
    case "strikethrough": return h("s");
    case "spoiler": return h("span", { class: "spoiler", tabindex: "0", title: "Spoiler: hover or focus to read" });
    case "code": return h("code");
    case "pre": return h("pre");
    case "blockquote":
    case "expandable_blockquote": return h("blockquote");
    case "text_link": return link(entity.url);
    case "url": return link(/^[a-z]+:/i.test(part) ? part : `https://${part}`);
    case "email": return link(`mailto:${part}`);
    case "phone_number": return link(`tel:${part.replace(/[^\d+]/g, "")}`);
    case "bot_command":
      return h("button", { type: "button", class: "command", onclick: () => post("/api/send", { text: part }) });
    default: return h("span");
  }
}

function link(url) {
  return SAFE_LINK.test(url ?? "") ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }) : h("span");
}

/** Appends text[start, end) with the entities inside it (UTF-16 offsets, as in JS strings). */
function appendText(parent, text, entities, start, end) {
  let pos = start;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    if (e.offset < pos) continue; // overlaps one already drawn
    if (e.offset >= end) break;
    const stop = Math.min(e.offset + e.length, end);
    if (e.offset > pos) parent.append(text.slice(pos, e.offset));
    const el = entityElement(e, text.slice(e.offset, stop));
    const inner = entities.slice(i + 1).filter((x) => x.offset < stop);
    appendText(el, text, inner, e.offset, stop);
    parent.append(el);
    pos = stop;
  }
  if (pos < end) parent.append(text.slice(pos, end));
}

function formatted(text, entities = []) {
  const p = h("div", { class: "text" });
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  appendText(p, text, sorted, 0, text.length);
  return p;
}

// ---- Messages --------------------------------------------------------------------

function size(bytes) {
  return bytes === undefined ? "" : bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}

/** Media and places, shown as cards: the preview has no files to show. */
function attachment(raw) {
  if (raw.photo) {
    const big = raw.photo[raw.photo.length - 1] ?? {};
    return h("div", { class: "card" }, `🖼 Photo ${big.width ?? "?"}×${big.height ?? "?"}`);
  }
  if (raw.document) {
    const d = raw.document;
    return h("div", { class: "card" }, `📄 ${d.file_name ?? "Document"} ${[d.mime_type, size(d.file_size)].filter(Boolean).join(", ")}`);
  }
  if (raw.venue) {
    const v = raw.venue;
    return h("div", { class: "card" }, h("strong", {}, `📍 ${v.title}`), h("br"), v.address,
      h("br"), h("small", {}, `${v.location.latitude}, ${v.location.longitude}`));
  }
  if (raw.location) return h("div", { class: "card" }, `📍 Location ${raw.location.latitude}, ${raw.location.longitude}`);
  if (raw.contact) return h("div", { class: "card" }, `👤 Contact ${raw.contact.phone_number}`);
  if (raw.sticker) return h("div", { class: "card" }, `Sticker ${raw.sticker.emoji ?? ""}`);
  if (raw.voice) return h("div", { class: "card" }, `🎤 Voice message, ${raw.voice.duration} s`);
  return undefined;
}

function inlineKeyboard(m) {
  const rows = m.raw.reply_markup?.inline_keyboard;
  if (!rows) return undefined;
  return h("div", { class: "inline-keyboard", role: "group", "aria-label": "Buttons of this message" },
    ...rows.map((row, r) => h("div", { class: "row" }, ...row.map((b, c) => b.url
      ? h("a", { class: "button", href: b.url, target: "_blank", rel: "noopener noreferrer" }, `${b.text} ↗`)
      : h("button", { type: "button", onclick: () => post("/api/press", { messageId: m.id, row: r, column: c }) }, b.text)))));
}

function messageElement(m) {
  const raw = m.raw;
  const time = new Date(raw.date * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const meta = [time];
  if (m.edited) meta.push("edited");
  const bubble = h("div", { class: "bubble" }, h("span", { class: "visually-hidden" }, m.from === "bot" ? "Bot: " : "You: "));
  const media = attachment(raw);
  if (media) bubble.append(media);
  const text = raw.text ?? raw.caption;
  if (text) bubble.append(formatted(text, raw.entities ?? raw.caption_entities));
  if (m.protected || raw.has_protected_content) {
    bubble.append(h("p", { class: "protected" }, "🔒 Protected: Telegram blocks forwarding and saving this message"));
  }
  bubble.append(h("p", { class: "meta" }, meta.join(" · ")));
  const li = h("li", { class: `message ${m.from}`, "data-id": String(m.id) }, bubble);
  const keyboard = inlineKeyboard(m);
  if (keyboard) li.append(keyboard);
  return li;
}

function renderMessages(chat) {
  const focusedId = document.activeElement?.closest?.("li.message")?.dataset.id;
  const next = new Map();
  let lostFocus = false;
  for (const m of chat.messages) {
    const key = JSON.stringify(m);
    const old = rendered.get(m.id);
    const el = old && old.key === key ? old.el : messageElement(m);
    if (old && old.el !== el && String(m.id) === focusedId) lostFocus = true;
    next.set(m.id, { key, el });
  }
  if (focusedId && !next.has(Number(focusedId))) lostFocus = true;
  // Unchanged messages stay where they are: taking a focused element out of the page would lose the focus.
  let cursor = chatList.firstChild;
  for (const { el } of next.values()) {
    if (el === cursor) cursor = cursor.nextSibling;
    else chatList.insertBefore(el, cursor);
  }
  while (cursor) {
    const gone = cursor;
    cursor = cursor.nextSibling;
    gone.remove();
  }
  rendered = next;
  if (lostFocus) {
    // The pressed message changed into the next screen (or went): go on from its buttons.
    const buttons = chatList.querySelectorAll("li.bot .inline-keyboard button");
    (buttons[0] ?? $("#text")).focus();
  }
}

function renderReplyKeyboard(chat) {
  const box = $("#reply-keyboard");
  const rows = chat.replyKeyboard?.keyboard ?? [];
  box.hidden = rows.length === 0;
  box.replaceChildren(...rows.map((row, r) => h("div", { class: "row" }, ...row.map((b, c) => {
    const label = typeof b === "string" ? b : b.text;
    const onclick = typeof b === "object" && b.request_location
      ? () => chooseCity(r, c)
      : () => post("/api/reply", { row: r, column: c });
    return h("button", { type: "button", onclick }, label);
  }))));
}

function chooseCity(row, column) {
  const box = $("#cities");
  box.querySelector(".city-list").replaceChildren(...state.cities.map((name, city) =>
    h("button", { type: "button", onclick: () => { box.hidden = true; post("/api/reply", { row, column, city }); } }, name)));
  box.hidden = false;
  box.querySelector("button").focus();
}

/** What changed since the last state: deletions, new answers, new bot messages. */
function report(chat) {
  const before = seen[chat.role];
  const ids = new Set(chat.messages.map((m) => m.id));
  seen[chat.role] = { userId: chat.userId, ids, answers: chat.answers.length };
  if (!before || before.userId !== chat.userId || chat.role !== role) return;
  const deleted = [...before.ids].filter((id) => !ids.has(id)).length;
  if (deleted > 0) note(`🗑 The bot deleted ${deleted} message${deleted === 1 ? "" : "s"} from this chat.`);
  const answer = chat.answers.slice(before.answers).reverse().find((a) => a.text);
  if (answer) note(`${answer.show_alert ? "Alert" : "Pop-up"}: ${answer.text}`);
  const fresh = chat.messages.filter((m) => m.from === "bot" && !before.ids.has(m.id)).at(-1);
  if (fresh) $("#announce").textContent = `Bot: ${fresh.raw.text ?? fresh.raw.caption ?? "a message"}`;
}

function render() {
  if (!state) return;
  for (const chat of state.chats) if (chat.role !== role) report(chat);
  const chat = state.chats.find((c) => c.role === role);
  report(chat);
  for (const b of document.querySelectorAll("[data-role]")) b.setAttribute("aria-pressed", String(b.dataset.role === role));
  $("#new-person").hidden = role !== "person";
  const setup = $("#setup");
  if (setup.hidden !== chat.started) {
    setup.hidden = chat.started;
    setup.querySelector(`input[value="${chat.language}"]`).checked = true;
  }
  $("#composer").hidden = !chat.started;
  const atBottom = chatList.scrollHeight - chatList.scrollTop - chatList.clientHeight < 40;
  renderMessages(chat);
  renderReplyKeyboard(chat);
  if (atBottom) chatList.scrollTop = chatList.scrollHeight;
}

// ---- Wiring ----------------------------------------------------------------------

$("#setup").addEventListener("submit", (event) => {
  event.preventDefault();
  note("");
  post("/api/start", { language: new FormData(event.target).get("language") });
});

$("#composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("#text");
  if (!input.value.trim()) return;
  note("");
  post("/api/send", { text: input.value });
  input.value = "";
});

$("#new-person").addEventListener("click", () => {
  note("A new person: choose their Telegram language, then start.");
  post("/api/new-person");
});

$("#cities-cancel").addEventListener("click", () => { $("#cities").hidden = true; });

for (const button of document.querySelectorAll("[data-role]")) {
  button.addEventListener("click", () => {
    role = button.dataset.role;
    rendered = new Map();
    note("");
    render();
  });
}

const events = new EventSource("/events");
events.addEventListener("state", (event) => {
  state = JSON.parse(event.data);
  render();
});
events.addEventListener("error", () => note("Connection to the preview lost; retrying…"));
events.addEventListener("open", () => { if ($("#status").textContent.startsWith("Connection")) note(""); });
