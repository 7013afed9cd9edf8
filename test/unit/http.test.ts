import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { botApiFetch } from "../../src/bot/http.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server that answers with what it received, or never answers. */
async function echo(opts: { hang?: boolean } = {}): Promise<string> {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (opts.hang) return;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ method: req.method, type: req.headers["content-type"], body }));
    });
  });
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/bot1/getMe`;
}

describe("botApiFetch", () => {
  it("posts a JSON body and parses the JSON answer", async () => {
    const url = await echo();
    const res = await botApiFetch()(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' });
    expect(await res.json()).toEqual({ method: "POST", type: "application/json", body: '{"a":1}' });
  });

  it("streams a body given as chunks (file uploads)", async () => {
    const url = await echo();
    async function* chunks() {
      yield new TextEncoder().encode("part one, ");
      yield new TextEncoder().encode("part two");
    }
    const res = await botApiFetch()(url, { method: "POST", body: chunks() });
    expect(await res.json()).toMatchObject({ body: "part one, part two" });
  });

  it("gives up when grammY aborts the call (its timeout)", async () => {
    const url = await echo({ hang: true });
    const controller = new AbortController();
    const call = botApiFetch()(url, { method: "POST", body: "{}", signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toThrow("aborted");
  });
});
