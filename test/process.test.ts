import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/fake-telegram/index.js";
import { freshDatabase } from "./support/db.js";

const ROOT = resolve(import.meta.dirname, "..");
const MAIN = join(ROOT, "src/main.ts");
/** tsx by absolute URL, so the process can run from another folder. */
const TSX = import.meta.resolve("tsx");
const children: ChildProcess[] = [];
const dirs: string[] = [];

function freshTempDatabase(): string {
  const db = freshDatabase();
  dirs.push(db.dir);
  return db.url;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "bot-proc-"));
  dirs.push(dir);
  return dir;
}
let fake: FakeTelegram | undefined;

/** Starts a command in its own process group, collecting its output. */
function launch(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { ...opts, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, exited, output: () => output };
}

/** The environment without settings a developer's shell may have. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of [
    "BOT_TOKEN", "TELEGRAM_API_ROOT", "DATABASE_URL", "ADMIN_IDS", "LOG_LEVEL", "ORG_NAME", "ORG_CONTACT", "NODE_ENV", "PREVIEW_PORT",
  ]) delete env[k];
  return { ...env, ...extra };
}

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) process.kill(-c.pid!, "SIGKILL");
  await fake?.close();
  fake = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the bot as a process (npm start)", () => {
  it("prepares its database, answers a person over long polling and stops cleanly on SIGTERM", async () => {
    fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
    fake.timeoutMs = 30_000;
    const dir = tempDir();
    const bot = launch("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: cleanEnv({
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_URL: `file:${join(dir, "new", "bot.db")}`,
      }),
    });
    const user = fake.user({ languageCode: "en" });
    await user.send("/start");
    expect(user.lastText).toContain("Is it safe for you to chat right now?");
    await user.press("Yes, it is safe");
    expect(user.lastText).toContain("Hello!");
    await user.press("English");
    expect(user.lastText).toContain("How can I help?");
    expect(fake.commands.get("default|uk")?.length).toBeGreaterThan(0);
    // The first start loads the shipped directory.
    await user.press("📍 Find help near me");
    await user.press("🤝 Community safety hubs");
    await user.press("🗺 Choose region and city");
    await user.press("Poltava");
    await user.press("Poltava");
    expect(user.lastText).toContain("Community safety hub, Poltava");

    // npm itself dies of the signal at once; the bot inside finishes and says so.
    process.kill(-bot.child.pid!, "SIGTERM");
    await bot.exited;
    await expect.poll(() => bot.output(), { timeout: 10_000 }).toContain('"msg":"stopped"');
    expect(bot.output()).not.toContain("/start");
  }, 60_000);

  it.each(["SIGTERM", "SIGINT"] as const)("on %s stops cleanly and exits 0", async (signal) => {
    fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
    fake.timeoutMs = 20_000;
    const bot = launch(process.execPath, ["--import", TSX, MAIN], {
      cwd: ROOT,
      env: cleanEnv({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: freshTempDatabase() }),
    });
    const user = fake.user({ languageCode: "uk" });
    await user.send("/sos");
    expect(user.lastText).toContain("102");
    process.kill(bot.child.pid!, signal);
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
  }, 40_000);

  it("without a token outside production opens the preview: the real bot in a web chat on 127.0.0.1", async () => {
    const dir = tempDir();
    const bot = launch(process.execPath, ["--import", TSX, MAIN], { cwd: dir, env: cleanEnv({ PREVIEW_PORT: "0" }) });
    await expect.poll(() => bot.output(), { timeout: 30_000, interval: 100 }).toMatch(/Preview, not Telegram: open http/);
    const line = bot.output().split("\n").find((l) => l.startsWith("Preview, not Telegram"))!;
    expect(line).toContain("To connect to Telegram instead, set BOT_TOKEN");
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line)![0];
    expect(await (await fetch(url)).text()).toContain("Preview, not Telegram");

    const start = await fetch(new URL("/api/start", url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "person", language: "en" }),
    });
    expect(await start.json()).toEqual({ answered: true });
    const state = (await (await fetch(new URL("/api/state", url))).json()) as { chats: { messages: { raw: { text?: string } }[] }[] };
    expect(state.chats[0]!.messages.at(-1)!.raw.text).toContain("Is it safe for you to chat right now?");
    // Its own database, migrated like the bot's; nothing in the bot's.
    expect(existsSync(join(dir, "data", "preview.db"))).toBe(true);
    expect(existsSync(join(dir, "data", "bot.db"))).toBe(false);

    process.kill(bot.child.pid!, "SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
  }, 60_000);

  it("without a token in production explains how to get one and exits 1", async () => {
    const dir = tempDir();
    const bot = launch(process.execPath, ["--import", TSX, MAIN], { cwd: dir, env: cleanEnv({ NODE_ENV: "production" }) });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain("@BotFather");
    expect(bot.output()).not.toMatch(/\n\s+at /);
    expect(bot.output()).not.toContain("Preview");
  }, 30_000);

  it("a bad PREVIEW_PORT is named in one line", async () => {
    const dir = tempDir();
    const bot = launch(process.execPath, ["--import", TSX, MAIN], { cwd: dir, env: cleanEnv({ PREVIEW_PORT: "web" }) });
    expect(await bot.exited).toBe(1);
    expect(bot.output().trim()).toBe("Setting error: PREVIEW_PORT must be a port number");
  }, 30_000);

  it("names a bad setting in one line and exits 1", async () => {
    const dir = tempDir();
    const bot = launch(process.execPath, ["--import", TSX, MAIN], {
      cwd: dir,
      env: cleanEnv({ BOT_TOKEN: "123456:TEST-token-abcdefghijklmnop", LOG_LEVEL: "loud" }),
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output().trim()).toBe("Setting error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent");
  }, 30_000);
});
