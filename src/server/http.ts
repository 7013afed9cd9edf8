import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** Telegram's updates: POSTed to `path` with the secret in X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { path: string; secret: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> };
  /** Whether this instance can take traffic (database reachable, not stopping). */
  ready: () => Promise<boolean>;
  registry: Registry;
}

export interface HttpServer {
  port: number;
  /** Stops taking requests, lets the ones in progress finish. */
  close(): Promise<void>;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Equal secrets, compared in constant time (hashes first, so the length leaks nothing either). */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  return typeof given === "string" && timingSafeEqual(digest(given), digest(secret));
}

/**
 * The bot's HTTP server (node:http): the webhook, `/healthz` (the process
 * answers), `/readyz` (it can work: 503 otherwise, so a load balancer sends
 * updates elsewhere) and `/metrics` (Prometheus).
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const server = createServer((req, res) => {
    void route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const text = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    res.end(body);
  };
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const { webhook } = opts;
    if (webhook && path === webhook.path) {
      if (req.method !== "POST") return text(res, 405, "POST only\n");
      // Anyone who finds the URL could post forged updates: only Telegram knows the secret.
      if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) return text(res, 401, "wrong secret\n");
      await webhook.handle(req, res);
      return;
    }
    if (req.method !== "GET") return text(res, 404, "not found\n");
    if (path === "/healthz") return text(res, 200, "ok\n");
    if (path === "/readyz") return (await opts.ready()) ? text(res, 200, "ready\n") : text(res, 503, "not ready\n");
    if (path === "/metrics") {
      const body = await opts.registry.metrics();
      res.writeHead(200, { "content-type": opts.registry.contentType });
      res.end(body);
      return;
    }
    text(res, 404, "not found\n");
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
