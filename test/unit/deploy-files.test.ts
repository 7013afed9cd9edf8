import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

/** The `environment:` block of the compose file's bot service, as KEY → value. */
function composeEnvironment(text: string): Record<string, string> {
  const block = /^ {2}bot:\n[\s\S]*?^ {4}environment:\n((?: {6}.*\n)+)/m.exec(text)?.[1] ?? "";
  return Object.fromEntries(block.trimEnd().split("\n").map((line) => {
    const [, key, value] = /^ {6}(\w+): "?([^"]*)"?$/.exec(line)!;
    return [key!, value!];
  }));
}

describe("deployment examples (docs/deploy)", () => {
  it("the compose file's bot settings pass the bot's own checks once its secrets are filled in", () => {
    const secrets: Record<string, string> = {
      BOT_TOKEN: "123456789:AAE-abcdefghijklmnopqrstuvwxyz",
      POSTGRES_PASSWORD: "pw",
      DOMAIN: "bot.example.org",
      WEBHOOK_SECRET: "0123456789abcdef0123456789abcdef",
      DATA_ENCRYPTION_KEY: "q3Bv8n0e5dJ8o3L0xYV6m1b2c3d4e5f6g7h8i9j0k1I=",
    };
    const env = composeEnvironment(readFileSync("docs/deploy/compose.yaml", "utf8"));
    expect(Object.keys(env)).toContain("WEBHOOK_SECRET");
    const filled = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace(/\$\{(\w+)\}/g, (_, name: string) => secrets[name]!)]));
    const config = loadConfig(filled);
    expect(config).toMatchObject({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram", PORT: 8080, REDIS_URL: "redis://redis:6379" });
    expect(config.DATABASE_URL).toMatch(/^postgresql:\/\//);
  });

  it("the image leaves out the checkout's dependencies, database and secrets; Caddy proxies only the webhook's path", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", "data", ".env", "*.db"]));
    const caddy = readFileSync("docs/deploy/Caddyfile", "utf8");
    const path = new URL(composeEnvironment(readFileSync("docs/deploy/compose.yaml", "utf8")).WEBHOOK_URL!.replace("${DOMAIN}", "x.org")).pathname;
    expect([...caddy.matchAll(/^\s*handle (\S+) \{$/gm)].map((m) => m[1])).toEqual([path]);
    expect(caddy).toMatch(/handle \{\s*respond 404\s*\}/);
  });

  it("the systemd unit runs npm start, one instance per port, and stops with SIGTERM", () => {
    const unit = readFileSync("docs/deploy/safe-path-bot@.service", "utf8");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/npm start$/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    expect(unit).toMatch(/^Environment=PORT=%i$/m);
  });
});
