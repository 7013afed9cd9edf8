import type { MessageEntity } from "grammy/types";

/** A parse failure; the message is what Telegram appends to "can't parse entities: ". */
export class HtmlError extends Error {}

export interface Parsed {
  text: string;
  entities: MessageEntity[];
}

const TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
  "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji",
]);
const SIMPLE: Record<string, MessageEntity["type"]> = {
  b: "bold", strong: "bold", i: "italic", em: "italic", u: "underline", ins: "underline",
  s: "strikethrough", strike: "strikethrough", del: "strikethrough",
  span: "spoiler", "tg-spoiler": "spoiler",
};
/** tdlib's order for entities covering the same range. */
const PRIORITY: Partial<Record<string, number>> = {
  blockquote: 0, expandable_blockquote: 1, pre: 11, code: 20, text_link: 49, bold: 90, italic: 91,
  underline: 92, strikethrough: 93, spoiler: 94, custom_emoji: 99,
};
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));/y;
const NAMED = new Map([["lt", "<"], ["gt", ">"], ["amp", "&"], ["quot", '"']]);

interface Open {
  tag: string;
  arg: string;
  expandable: boolean;
  offset: number;
}
type Draft = { type: string; offset: number; length: number } & Record<string, unknown>;

/** Decodes the entity at `i` (`&lt;`, `&#33;`, ...); undefined if there is none. */
function entityAt(s: string, i: number): { char: string; end: number } | undefined {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(s);
  if (!m) return undefined;
  const [, decimal, hex, name] = m;
  if (name) return { char: NAMED.get(name) ?? "", end: ENTITY.lastIndex };
  const code = decimal ? Number(decimal) : parseInt(hex ?? "", 16);
  if (code === 0 || code >= 0x10ffff) return undefined;
  return { char: String.fromCodePoint(code), end: ENTITY.lastIndex };
}

/**
 * Telegram's parse_mode "HTML" (modelled on tdlib's parser), except that a
 * bare ">" or an "&" that starts no entity is rejected too: real Telegram
 * passes those through, but they mean the bot forgot to escape user text,
 * which breaks as soon as that text contains "<".
 */
export function parseHtml(html: string): Parsed {
  const byteOffset = (i: number) => Buffer.byteLength(html.slice(0, i));
  const fail = (message: string): never => {
    throw new HtmlError(message);
  };
  let text = "";
  const drafts: Draft[] = [];
  const open: Open[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html.charAt(i);
    if (c === "&") {
      const e = entityAt(html, i) ?? fail(`Unescaped "&" at byte offset ${byteOffset(i)}; write &amp;`);
      text += e.char;
      i = e.end;
    } else if (c === ">") {
      fail(`Unescaped ">" at byte offset ${byteOffset(i)}; write &gt;`);
    } else if (c !== "<") {
      text += c;
      i++;
    } else if (html.charAt(i + 1) === "/") {
      const at = i;
      if (open.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(at)}`);
      const m = /<\/([^\s>]*)\s*>/y;
      m.lastIndex = at;
      const name = (m.exec(html) ?? fail(`Unclosed end tag at byte offset ${byteOffset(at)}`))[1] ?? "";
      const top = open.pop()!;
      if (name !== "" && name.toLowerCase() !== top.tag) {
        fail(`Unmatched end tag at byte offset ${byteOffset(at)}, expected "</${top.tag}>", found "</${name}>"`);
      }
      close(top, text, drafts, fail);
      i = m.lastIndex;
    } else {
      const tag = readStartTag(html, i, byteOffset, fail);
      open.push({ ...tag.open, offset: text.length });
      i = tag.end;
    }
  }
  const unclosed = open.pop();
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities: finish(drafts) };
}

function readStartTag(
  html: string,
  at: number,
  byteOffset: (i: number) => number,
  fail: (message: string) => never,
): { open: Omit<Open, "offset">; end: number } {
  let i = at + 1;
  while (i < html.length && !/[\s>]/.test(html.charAt(i))) i++;
  if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(at)}`);
  const tag = html.slice(at + 1, i).toLowerCase();
  if (!TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(at)}`);
  const where = `the tag "${tag}" at byte offset ${byteOffset(at)}`;
  let arg = "";
  let expandable = false;
  for (;;) {
    while (/\s/.test(html.charAt(i))) i++;
    if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(at)}`);
    if (html.charAt(i) === ">") break;
    const nameStart = i;
    while (i < html.length && !/[\s=>]/.test(html.charAt(i))) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    if (!name) fail(`Empty attribute name in ${where}`);
    while (/\s/.test(html.charAt(i))) i++;
    if (html.charAt(i) !== "=") {
      if (tag === "blockquote" && name === "expandable") {
        expandable = true;
        continue;
      }
      fail(`Expected equal sign in declaration of an attribute of ${where}`);
    }
    i++;
    while (/\s/.test(html.charAt(i))) i++;
    let value = "";
    const quote = html.charAt(i);
    if (quote === '"' || quote === "'") {
      // Inside quotes Telegram is lenient: entities are decoded, a bare "&" stays.
      i++;
      while (i < html.length && html.charAt(i) !== quote) {
        const e = html.charAt(i) === "&" ? entityAt(html, i) : undefined;
        value += e ? e.char : html.charAt(i);
        i = e ? e.end : i + 1;
      }
      i++;
    } else {
      const tokenStart = i;
      while (/[A-Za-z0-9.-]/.test(html.charAt(i))) i++;
      value = html.slice(tokenStart, i).toLowerCase();
      if (!/[\s>]/.test(html.charAt(i))) fail(`Unexpected end of name token at byte offset ${byteOffset(tokenStart)}`);
    }
    if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(at)}`);
    if (tag === "a" && name === "href") arg = value;
    if (tag === "tg-emoji" && name === "emoji-id") arg = value;
    if ((tag === "span" || tag === "code") && name === "class") arg = value;
  }
  if (tag === "span" && arg !== "tg-spoiler") {
    fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(at)}`);
  }
  return { open: { tag, arg, expandable }, end: i + 1 };
}

function close(top: Open, text: string, drafts: Draft[], fail: (message: string) => never): void {
  const offset = top.offset;
  const length = text.length - offset;
  if (top.tag === "tg-emoji" && !/^\d+$/.test(top.arg)) fail("Invalid custom emoji identifier specified");
  if (length === 0) return; // Telegram drops empty entities
  const simple = SIMPLE[top.tag];
  if (simple) drafts.push({ type: simple, offset, length });
  else if (top.tag === "a") drafts.push({ type: "text_link", offset, length, url: top.arg || text.slice(offset) });
  else if (top.tag === "tg-emoji") drafts.push({ type: "custom_emoji", offset, length, custom_emoji_id: top.arg });
  else if (top.tag === "blockquote") {
    drafts.push({ type: top.expandable ? "expandable_blockquote" : "blockquote", offset, length });
  } else if (top.tag === "code") {
    const language = top.arg.startsWith("language-") ? top.arg.slice("language-".length) : "";
    drafts.push({ type: "code", offset, length, language });
  } else {
    // <pre><code class="language-x">…</code></pre> is one pre entity with a language.
    const last = drafts.at(-1);
    if (last?.type === "code" && last.offset === offset && last.length === length && last.language) {
      drafts[drafts.length - 1] = { type: "pre", offset, length, language: last.language };
    } else drafts.push({ type: "pre", offset, length });
  }
}

/** Sorts like Telegram and drops what it drops: entities inside code and pre. */
function finish(drafts: Draft[]): MessageEntity[] {
  // Outer tags close later, so only a later code/pre can swallow an entity.
  const kept = drafts.filter((d, i) =>
    !drafts.some((v, j) =>
      j > i && (v.type === "code" || v.type === "pre") &&
      v.offset <= d.offset && d.offset + d.length <= v.offset + v.length
    )
  );
  for (const d of kept) if (d.type === "code") delete d.language;
  kept.sort((a, b) => a.offset - b.offset || b.length - a.length || (PRIORITY[a.type] ?? 50) - (PRIORITY[b.type] ?? 50));
  return kept as unknown as MessageEntity[];
}
