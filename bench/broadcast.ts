/**
 * Broadcast delivery of the real bot process against the fake Bot API, which
 * enforces a global send limit with real 429 answers: achieved rate against
 * BROADCAST_RATE, recipients lost, recipients sent twice; then the same with
 * the process killed (SIGKILL) halfway and started again; then with
 * Telegram's limit at half the configured rate (429s all along).
 * `npm run bench:broadcast`; `BENCH_QUICK=1` for a smoke run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Broadcasts, DEFAULT_CAMPAIGN } from "../src/campaign/broadcasts.js";
import { loadCampaign } from "../src/campaign/days.js";
import { IN_FLIGHT, LEASE_MS } from "../src/campaign/outbox.js";
import { openDatabase } from "../src/db.js";
import { FakeTelegram } from "../src/fake-telegram/index.js";
import { newKey } from "../src/shared/crypto.js";
import { systemClock } from "../src/shared/clock.js";
import { freshDatabase } from "../test/support/db.js";

const QUICK = process.env.BENCH_QUICK === "1";
const RECIPIENTS = QUICK ? 2_000 : 20_000;
/** BROADCAST_RATE, raised with the fake's limit so the run stays short (Telegram's own is about 30/s). */
const RATE = Number(process.env.BENCH_RATE ?? 800);
const FAKE_LIMIT = Math.round(RATE * 1.1);
const GOAL = { share: 0.9 };
const ROOT = resolve(import.meta.dirname, "..");
const FIRST_ID = 10_000_000;

const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
fake.recordCalls = false;
fake.sendRateLimit = FAKE_LIMIT;
for (let i = 0; i < RECIPIENTS; i++) fake.user({ id: FIRST_ID + i }).started = true;
const probe = fake.user({ id: 1 });
probe.started = true;

const problems = { lines: 0, first: "" };
/** Deliveries per chat of the current run, and when the first and last arrived. */
let received = new Map<number, number>();
let first = 0;
let last = 0;
fake.onCall = (call) => {
  if (call.method !== "sendMessage" || call.error || call.chatId === undefined || call.chatId < FIRST_ID) return;
  received.set(call.chatId, (received.get(call.chatId) ?? 0) + 1);
  first ||= performance.now();
  last = performance.now();
};

/** A fresh database with every recipient listed and one broadcast to all of them, already in the outbox. */
async function prepare(count = RECIPIENTS): Promise<string> {
  const { url } = freshDatabase();
  const prisma = await openDatabase(url);
  const rows = Array.from({ length: count }, (_, i) => ({ chatId: String(FIRST_ID + i), language: i % 2 ? "uk" : "en" }));
  for (let i = 0; i < rows.length; i += 5000) await prisma.recipient.createMany({ data: rows.slice(i, i + 5000) });
  const broadcasts = new Broadcasts(prisma, systemClock, loadCampaign(), DEFAULT_CAMPAIGN);
  await broadcasts.create({ content: { all: "<b>Bench</b> broadcast" }, audience: "everyone", sendAt: new Date(), progressChat: "1" });
  await broadcasts.startDue();
  await prisma.$disconnect();
  return url;
}

function startBot(url: string, key: string): ChildProcess {
  const child = spawn(process.execPath, ["--enable-source-maps", join(ROOT, "dist/main.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: url,
      DATA_ENCRYPTION_KEY: key,
      BROADCAST_RATE: String(RATE),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.once("exit", () => child.kill("SIGKILL"));
  // Counted, not printed (LOG_LEVEL warn: warnings and errors only).
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    problems.first ||= text.split("\n")[0]!;
    problems.lines += text.split("\n").length - 1;
  });
  return child;
}

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${received.size} of ${RECIPIENTS} reached`);
    await sleep(20);
  }
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((done) => child.once("exit", done));
  child.kill(signal);
  await exited;
}

function figures(label: string, count = RECIPIENTS) {
  const counts = [...received.values()];
  const lost = count - received.size;
  const duplicates = counts.reduce((n, c) => n + c - 1, 0);
  const seconds = (last - first) / 1000;
  return { label, rate: (count + duplicates) / seconds, seconds, lost, duplicates };
}

const reset = () => {
  received = new Map();
  first = last = 0;
};
const budget = (RECIPIENTS / RATE) * 3000 + 30_000;
console.log(`${QUICK ? "quick run: " : ""}${RECIPIENTS} recipients, BROADCAST_RATE ${RATE}/s, fake Telegram limit ${FAKE_LIMIT}/s`);

// 1. One uninterrupted run.
const key = newKey();
let bot = startBot(await prepare(), key);
await until(() => received.size === RECIPIENTS, budget, "the broadcast");
await sleep(500); // anything sent twice would arrive now
await stop(bot, "SIGTERM");
const clean = figures("uninterrupted");
const clean429 = fake.refused.rateLimited;

// 2. Killed halfway, started again on the same database.
reset();
const url = await prepare();
bot = startBot(url, key);
await until(() => received.size >= RECIPIENTS / 2, budget, "half the broadcast");
await stop(bot, "SIGKILL");
const atKill = received.size;
bot = startBot(url, key);
await until(() => received.size === RECIPIENTS, budget + LEASE_MS, "the rest after the restart");
await sleep(500);
await stop(bot, "SIGTERM");
const crash = figures("killed halfway");

// 3. Telegram's limit below the configured rate: 429s with retry_after, still nobody lost or sent twice.
reset();
const squeezed = Math.round(RATE / 2);
const few = RECIPIENTS / 5;
fake.sendRateLimit = squeezed;
const before429 = fake.refused.rateLimited;
bot = startBot(await prepare(few), key);
await until(() => received.size === few, budget, "the broadcast under a tighter limit");
await sleep(500);
await stop(bot, "SIGTERM");
const limited = figures("limited", few);
const limited429 = fake.refused.rateLimited - before429;
await fake.close();

const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");
console.log(`
uninterrupted: achieved ${clean.rate.toFixed(0)}/s of ${RATE}/s configured: ${((clean.rate / RATE) * 100).toFixed(0)}% (goal >= ${GOAL.share * 100}%) ${pass(clean.rate >= GOAL.share * RATE)}
uninterrupted: lost ${clean.lost}, sent twice ${clean.duplicates} (goal 0 and 0) ${pass(clean.lost === 0 && clean.duplicates === 0)}
uninterrupted: 429 answers from the fake: ${clean429}
killed halfway (SIGKILL after ${atKill} recipients, then restarted): lost ${crash.lost}, sent twice ${crash.duplicates} (goal 0 lost, at most ${IN_FLIGHT} twice: the sends in flight) ${pass(crash.lost === 0 && crash.duplicates <= IN_FLIGHT)}
killed halfway: ${crash.seconds.toFixed(1)} s from first to last message, the restart waiting up to ${LEASE_MS / 1000} s for the dead process's claims to expire
${few} recipients with the fake's limit at ${squeezed}/s, below BROADCAST_RATE: achieved ${limited.rate.toFixed(0)}/s, ${limited429} answers 429, lost ${limited.lost}, sent twice ${limited.duplicates} ${pass(limited.lost === 0 && limited.duplicates === 0)}
bot log lines at warn and above: ${problems.lines}${problems.first ? `, first: ${problems.first}` : ""}`);
