// The preview's web chat: renders the chats from the Telegram Message JSON the
// fake Bot API holds, and sends what the person does as the fake's scripted user.
"use strict";

const $ = (selector) => document.querySelector(selector);
const chatList = $("#chat");
/** Which participant's chat is shown: "person", "admin" or "staff" (the staff group). */
let role = "person";
/** In the staff group: the message the next one replies to. */
let replyTo;
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
  // In the staff group the same actions go to the group, as the chosen member.
  const group = role === "staff";
  try {
    const res = await fetch(group ? path.replace("/api/", "/api/group/") : path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(group ? { member: $("#member").value, ...body } : { role, ...body }),
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

/** Media and places: the bot's photos and documents come from this server, other media as cards. */
function attachment(m) {
  const raw = m.raw;
  if (raw.photo) {
    const big = raw.photo[raw.photo.length - 1] ?? {};
    const label = `Photo ${big.width ?? "?"}×${big.height ?? "?"}`;
    if (!m.file) return h("div", { class: "card" }, `🖼 ${label}`);
    return h("a", { class: "photo", href: m.file.url, target: "_blank", rel: "noopener" },
      h("img", { src: m.file.url, alt: `${label} from the bot (opens full size)` }));
  }
  if (raw.document) {
    const d = raw.document;
    const label = `📄 ${d.file_name ?? "Document"}`;
    const details = [d.mime_type, size(d.file_size)].filter(Boolean).join(", ");
    if (!m.file) return h("div", { class: "card" }, `${label} ${details}`);
    return h("div", { class: "card" }, h("a", { href: m.file.url, download: m.file.name ?? "" }, `${label} (download, ${details})`));
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
  const group = raw.chat.type !== "private";
  const sender = m.from === "bot" ? "Bot" : group ? raw.from?.first_name ?? "Member" : "You";
  const bubble = h("div", { class: "bubble" }, h("span", { class: group ? "sender" : "visually-hidden" }, `${sender}: `));
  const quoted = raw.reply_to_message;
  if (quoted) bubble.append(h("p", { class: "quote" }, `↪ ${snippet(quoted)}`));
  const media = attachment(m);
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
  // In a group the bot reads replies to its messages: that is how staff answer a card.
  if (group && m.from === "bot") {
    li.append(h("button", { type: "button", class: "reply-to", "aria-label": `Reply to this message: ${snippet(raw)}`,
      onclick: () => startReply(m) }, "↩ Reply to this message"));
  }
  return li;
}

function snippet(raw) {
  const text = raw.text ?? raw.caption ?? "a message";
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function startReply(m) {
  replyTo = m.id;
  $("#replying-to").textContent = snippet(m.raw);
  $("#replying").hidden = false;
  $("#text").focus();
}

function cancelReply() {
  replyTo = undefined;
  $("#replying").hidden = true;
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
  const group = { ...state.group, role: "staff", started: true };
  for (const chat of [...state.chats, group]) if (chat.role !== role) report(chat);
  const chat = role === "staff" ? group : state.chats.find((c) => c.role === role);
  report(chat);
  for (const b of document.querySelectorAll("[data-role]")) b.setAttribute("aria-pressed", String(b.dataset.role === role));
  $("#new-person").hidden = role !== "person";
  $("#group-info").hidden = role !== "staff";
  $("#admin-info").hidden = role !== "admin";
  $("#member-choice").hidden = role !== "staff";
  if (replyTo !== undefined && (role !== "staff" || !chat.messages.some((m) => m.id === replyTo))) cancelReply();
  const setup = $("#setup");
  if (setup.hidden !== chat.started) {
    setup.hidden = chat.started;
    setup.querySelector(`input[value="${chat.language}"]`).checked = true;
  }
  // The admin may have acted in the staff group first: their Telegram language is set then.
  for (const input of setup.querySelectorAll("input")) input.disabled = chat.userId !== undefined;
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
  post("/api/send", { text: input.value, ...(role === "staff" && replyTo !== undefined ? { replyTo } : {}) });
  input.value = "";
  cancelReply();
});

$("#replying-cancel").addEventListener("click", () => {
  cancelReply();
  $("#text").focus();
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
    cancelReply();
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
