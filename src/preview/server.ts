import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LANGUAGES, MEMBERS, PreviewError, ROLES, type Language, type Member, type PreviewChats, type Role } from "./chats.js";

/** The page: one HTML, one script, one style sheet, served from here (no CDN, no build step). */
const PAGE_DIR = new URL("../../src/preview/page/", import.meta.url);
const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/preview.js": { file: "preview.js", type: "text/javascript; charset=utf-8" },
  "/preview.css": { file: "preview.css", type: "text/css; charset=utf-8" },
};
/** Nothing from elsewhere: the page uses only what this server gives it. */
const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

const MAX_BODY = 64 * 1024;
const HEARTBEAT_MS = 15_000;

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

type Body = Record<string, unknown>;
type Action = (chats: PreviewChats, body: Body) => Promise<boolean> | boolean;

const role = (b: Body): Role => oneOf(b.role, ROLES, "role");
const member = (b: Body): Member => oneOf(b.member, MEMBERS, "member");
const text = (b: Body): string => {
  if (typeof b.text !== "string") throw new PreviewError(400, "text must be a string");
  return b.text;
};
const int = (v: unknown, name: string): number => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new PreviewError(400, `${name} must be a whole number`);
  return v;
};
function oneOf<T extends string>(v: unknown, options: readonly T[], name: string): T {
  if (!options.includes(v as T)) throw new PreviewError(400, `${name} must be one of ${options.join(", ")}`);
  return v as T;
}

/** What the page can ask for; each resolves to whether the bot reacted in time. */
const ACTIONS: Record<string, Action> = {
  "/api/start": (c, b) => c.start(role(b), oneOf<Language>(b.language, LANGUAGES, "language")),
  "/api/new-person": (c) => {
    c.newPerson();
    return true;
  },
  "/api/send": (c, b) => c.send(role(b), text(b)),
  "/api/press": (c, b) => c.press(role(b), int(b.messageId, "messageId"), int(b.row, "row"), int(b.column, "column")),
  "/api/reply": (c, b) =>
    c.reply(role(b), int(b.row, "row"), int(b.column, "column"), b.city === undefined ? undefined : int(b.city, "city")),
  "/api/group/send": (c, b) => c.sendInGroup(member(b), text(b), b.replyTo === undefined ? undefined : int(b.replyTo, "replyTo")),
  "/api/group/press": (c, b) => c.pressInGroup(member(b), int(b.messageId, "messageId"), int(b.row, "row"), int(b.column, "column")),
};

/**
 * Serves the preview page on 127.0.0.1 only: the page, its state as JSON, an
 * event stream of that state, and POST actions (JSON only, so another web
 * site cannot post here from a browser without a preflight we never answer).
 */
export async function startPreviewServer(chats: PreviewChats, port: number): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let pending = false;
  const unsubscribe = chats.subscribe(() => {
    // Many changes in one turn of the event loop make one event.
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      const event = `event: state\ndata: ${JSON.stringify(chats.state())}\n\n`;
      for (const res of streams) res.write(event);
    });
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(": still here\n\n");
  }, HEARTBEAT_MS);

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof PreviewError ? err.status : 500;
      const message = err instanceof PreviewError ? err.message : "the preview failed; see its log";
      if (status === 500) console.error(err);
      if (!res.headersSent) send(res, status, { error: message });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = server.address() as AddressInfo;
    // Only this machine's own address: a page elsewhere that rebinds a host name gets nothing.
    if (!new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]).has(req.headers.host ?? "")) {
      throw new PreviewError(421, "open the preview at its address on 127.0.0.1");
    }
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const asset = ASSETS[path];
    if (req.method === "GET" && asset) {
      res.writeHead(200, { "content-type": asset.type, "cache-control": "no-store", ...SECURITY_HEADERS });
      res.end(readFileSync(new URL(asset.file, PAGE_DIR)));
    } else if (req.method === "GET" && path.startsWith("/files/")) {
      // A photo or document the bot sent, from the fake's stored bytes; documents download, never render here.
      const file = chats.file(safeDecode(path.slice("/files/".length)));
      if (!file) throw new PreviewError(404, "no such file in the chats");
      const disposition = file.name === undefined ? "inline" : `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`;
      res.writeHead(200, {
        "content-type": file.type,
        "content-length": file.bytes.length,
        "content-disposition": disposition,
        "cache-control": "no-store",
        ...SECURITY_HEADERS,
      });
      res.end(file.bytes);
    } else if (req.method === "GET" && path === "/api/state") {
      send(res, 200, chats.state());
    } else if (req.method === "GET" && path === "/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(`event: state\ndata: ${JSON.stringify(chats.state())}\n\n`);
      streams.add(res);
      res.on("close", () => streams.delete(res));
    } else if (req.method === "POST" && ACTIONS[path]) {
      if (!req.headers["content-type"]?.startsWith("application/json")) throw new PreviewError(415, "send JSON");
      const answered = await ACTIONS[path](chats, await readJson(req));
      send(res, 200, { answered });
    } else {
      throw new PreviewError(404, "not found");
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A path segment as text; a malformed escape finds no file. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new PreviewError(413, "the request is too large");
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Body;
  } catch {
    // answered below
  }
  throw new PreviewError(400, "the body must be a JSON object");
}
