/**
 * Throughput, memory and latency of the real bot process, fed over HTTP by the
 * fake Bot API, with a bare grammY bot (bench/bare-bot.ts) as the ceiling.
 * `npm run bench`; `BENCH_QUICK=1 npm run bench` for a smoke run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Update } from "grammy/types";
import { FakeTelegram, type FakeUser } from "../src/fake-telegram/index.js";
import { newKey } from "../src/shared/crypto.js";
import { freshDatabase } from "../test/support/db.js";

const QUICK = process.env.BENCH_QUICK === "1";
// Enough people that none taps faster than the bot's per-person rate limit (12 updates in 10 s).
const PEOPLE = QUICK ? 500 : 2000;
const UPDATES = QUICK ? 2000 : 20_000;
const RATE = 200;
const LATENCY_SECONDS = QUICK ? 3 : 20;
const GOAL = { ratio: 0.4, rssMb: 250, p99Ms: 25 };

const ROOT = resolve(import.meta.dirname, "..");
/** tsx by absolute URL, to run the bare bot from source. */
const TSX = import.meta.resolve("tsx");
/** Calls that show a person the bot's answer (answerCallbackQuery only stops the spinner). */
const REPLIES = new Set(["sendMessage", "editMessageText"]);

type Body = Omit<Update, "update_id">;
type Locale = "uk" | "en";

interface Person {
  user: FakeUser;
  locale: Locale;
  step: number;
  /** What the person sent to the real bot, replayed to the bare one. */
  sent: Body[];
}

/**
 * One round of a person's walk: /start, then buttons by their callback data
 * (the same in both languages): safe to talk, language, my rights, a topic,
 * next page or next step, back, another topic, menu, help someone else, one
 * of its topics.
 */
function walk(locale: Locale): (string | RegExp)[] {
  return [
    "/start",
    /^safe:yes$/,
    new RegExp(`^lang:set:${locale}$`),
    /^rights$/,
    /^rights:[a-z-]+$/,
    /^rights:[a-z-]+(:\d+)?$/,
    /^rights$/,
    /^rights:[a-z-]+$/,
    /^menu$/,
    /^bystander$/,
    /^bystander:[a-z-]+$/,
  ];
}
const WALKS = { uk: walk("uk"), en: walk("en") };

const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
fake.recordCalls = false; // keeps the fake's memory flat
const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => {
  const locale: Locale = i % 2 ? "en" : "uk";
  const user = fake.user({ languageCode: locale });
  user.started = true; // the fake knows a chat once its person has written; updates here bypass FakeUser
  return { user, locale, step: 0, sent: [] };
});
/** Outside the measured crowd: its /start tells that a bot is up (and warms it). */
const probe = fake.user();
probe.started = true;

// Our own reply tracking: fake.waitForReply also resolves on answerCallbackQuery,
// which comes before the edited screen a person needs for the next press.
const waiting = new Map<number, () => void>();
fake.onCall = (call) => {
  if (call.error || call.chatId === undefined || !REPLIES.has(call.method)) return;
  const done = waiting.get(call.chatId);
  waiting.delete(call.chatId);
  done?.();
};
/** Queues one update and resolves with the milliseconds until the bot's reply in that chat. */
function send(chatId: number, body: Body): Promise<number> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no reply in chat ${chatId} within 30 s (rate limited?)`)), 30_000);
    const start = performance.now();
    waiting.set(chatId, () => {
      clearTimeout(timer);
      done(performance.now() - start);
    });
    fake.queueUpdate(body);
  });
}

function command(user: FakeUser, text: string): Body {
  const entities = [{ type: "bot_command" as const, offset: 0, length: text.length }];
  return { message: { message_id: user.nextMessageId(), from: user.from, chat: user.chat, date: fake.unixTime(), text, entities } };
}

/** The person's next update, built from the chat as the fake holds it. */
function nextStep(p: Person): Body {
  const { user } = p;
  const step = WALKS[p.locale][p.step++ % WALKS[p.locale].length]!;
  if (typeof step === "string") return command(user, step);
  const m = user.lastBotMessage;
  const choices = m?.buttons?.flat().filter((b) => b.data !== undefined && step.test(b.data)) ?? [];
  const data = choices[Math.floor(Math.random() * choices.length)]?.data;
  if (!m || data === undefined) throw new Error(`person ${user.id}: no button ${step} in ${JSON.stringify(m?.buttons)}`);
  return { callback_query: { id: fake.newCallbackId(user), from: user.from, message: m.raw, chat_instance: `-${user.id}77`, data } };
}

/** Starts a bot process on a fresh database; resolves once it answers; counts its log lines. */
async function startBot(args: string[]): Promise<{ child: ChildProcess; log: { lines: number; first: string } }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: freshDatabase().url,
      DATA_ENCRYPTION_KEY: newKey(),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  process.once("exit", () => child.kill()); // don't leave a bot polling if the bench fails
  // Counted, not printed: a warning per update would bury the figures.
  const log = { lines: 0, first: "" };
  const count = (chunk: Buffer) => {
    const text = chunk.toString();
    log.first ||= text.split("\n")[0]!;
    log.lines += text.split("\n").length - 1;
  };
  child.stdout!.on("data", count);
  child.stderr!.on("data", count);
  const died = new Promise<never>((_, fail) =>
    child.once("exit", (code) => fail(new Error(`${args.at(-1)} exited with ${code} before answering: ${log.first}`))));
  await Promise.race([send(probe.id, command(probe, "/start")), died]);
  return { child, log };
}

async function stopBot(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
}

/** Every person sends updates one after another, each once the previous was answered; updates/s. */
async function closedLoop(next: (p: Person, i: number) => Body): Promise<number> {
  const perPerson = UPDATES / PEOPLE;
  const start = performance.now();
  await Promise.all(people.map(async (p) => {
    for (let i = 0; i < perPerson; i++) await send(p.user.id, next(p, i));
  }));
  return UPDATES / ((performance.now() - start) / 1000);
}

/** A steady rate, scheduled by absolute time, each update from a person not waiting for a reply. */
async function steadyLoad(): Promise<number[]> {
  const idle = [...people];
  const latencies: Promise<number>[] = [];
  const start = performance.now();
  for (let i = 0; i < RATE * LATENCY_SECONDS; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const p = idle.shift();
    if (!p) throw new Error(`all ${PEOPLE} people are waiting for a reply: the bot is stuck`);
    latencies.push(send(p.user.id, nextStep(p)).then((ms) => {
      idle.push(p);
      return ms;
    }));
  }
  return (await Promise.all(latencies)).sort((a, b) => a - b);
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** CPU time (user and system) a live process has used, in ms: less swayed by other load on the machine than rates. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime and stime, in ticks of 10 ms
}

/** Peak resident memory of a live process, in MB. */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

console.log(`${QUICK ? "quick run: " : ""}${PEOPLE} people, ${UPDATES} updates; then ${RATE}/s for ${LATENCY_SECONDS} s`);

// The bot as `npm start` runs it (`npm run bench` builds dist/ first).
const bot = await startBot(["--enable-source-maps", join(ROOT, "dist/main.js")]);
const botCpu = cpuMs(bot.child.pid!);
const botRate = await closedLoop((p) => {
  const body = nextStep(p);
  p.sent.push(body);
  return body;
});
const botCpuPerUpdate = (cpuMs(bot.child.pid!) - botCpu) / UPDATES;
console.log(`bot: ${botRate.toFixed(0)} updates/s`);
const latencies = await steadyLoad();
const rssMb = peakRssMb(bot.child.pid!);
await stopBot(bot.child);

const bare = await startBot(["--import", TSX, join(ROOT, "bench/bare-bot.ts")]);
const bareCpu = cpuMs(bare.child.pid!);
const ceilingRate = await closedLoop((p, i) => p.sent[i]!);
const bareCpuPerUpdate = (cpuMs(bare.child.pid!) - bareCpu) / UPDATES;
console.log(`ceiling: ${ceilingRate.toFixed(0)} updates/s`);
await stopBot(bare.child);
await fake.close();

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const ratio = botRate / ceilingRate;
const p99 = percentile(latencies, 0.99);
console.log(`
throughput bot: ${botRate.toFixed(0)} updates/s
throughput ceiling: ${ceilingRate.toFixed(0)} updates/s
ratio: ${(ratio * 100).toFixed(0)}% (goal >= ${GOAL.ratio * 100}%) ${verdict(ratio >= GOAL.ratio)}
CPU per update: bot ${botCpuPerUpdate.toFixed(2)} ms, ceiling ${bareCpuPerUpdate.toFixed(2)} ms (share ${((bareCpuPerUpdate / botCpuPerUpdate) * 100).toFixed(0)}%)
peak RSS bot: ${rssMb.toFixed(0)} MB (goal < ${GOAL.rssMb} MB) ${verdict(rssMb < GOAL.rssMb)}
latency p50: ${percentile(latencies, 0.5).toFixed(1)} ms (${latencies.length} updates at ${RATE}/s)
latency p99: ${p99.toFixed(1)} ms (goal < ${GOAL.p99Ms} ms) ${verdict(p99 < GOAL.p99Ms)}
bot log lines at warn and above: ${bot.log.lines}${bot.log.first ? `, first: ${bot.log.first}` : ""}`);
