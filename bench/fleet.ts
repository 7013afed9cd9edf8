/**
 * The fleet at full scale (issue 12): three real bot processes in webhook mode
 * on one PostgreSQL and one Redis, behind the fake Bot API's round-robin.
 *  1. 3,000 people send 30,000 updates (commands and button presses, each
 *     person's updates sent at once; the fake delivers a chat's updates in
 *     order, as Telegram does): every person's replies exactly once, in order.
 *  2. Scheduled jobs across at least two minute ticks: each job once per tick
 *     over the fleet (bot_job_runs_total summed against the JobRun rows).
 *  3. A 20,000-recipient broadcast drained by all three, one SIGKILLed about
 *     halfway and not restarted: nobody lost, who got it twice, the fleet's
 *     rate against BROADCAST_RATE (Redis), and each process's share.
 * Exits 1 when a check fails. `npm run bench:fleet`; `BENCH_QUICK=1` for a smoke run.
 */
import { createHash } from "node:crypto";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { Broadcasts, DEFAULT_CAMPAIGN } from "../src/campaign/broadcasts.js";
import { loadCampaign } from "../src/campaign/days.js";
import { IN_FLIGHT, LEASE_MS } from "../src/campaign/outbox.js";
import { openDatabase } from "../src/db.js";
import { FakeTelegram, type FakeCall, type FakeUser } from "../src/fake-telegram/index.js";
import { rightsGuide } from "../src/features/rights/topics.js";
import { systemClock } from "../src/shared/clock.js";
import { Route } from "../src/ui/routes.js";
import { freshPostgresDatabase, postgresReachable } from "../test/support/db.js";
import { redisReachable, TEST_REDIS_URL } from "../test/support/redis.js";
import { metric, startInstances, stopInstance } from "./instances.js";

const QUICK = process.env.BENCH_QUICK === "1";
const PEOPLE = QUICK ? 300 : 3_000;
const RECIPIENTS = QUICK ? 2_000 : 20_000;
/** BROADCAST_RATE, with the fake's limit a little above it (Telegram's own is about 30/s: 20,000 would take 11 minutes). */
const RATE = Number(process.env.BENCH_RATE ?? 800);
const FAKE_LIMIT = Math.round(RATE * 1.1);
/** The jobs whose cron is every minute (src/privacy/jobs.ts, src/campaign/jobs.ts, src/features/referrals). */
const MINUTE_JOBS = ["auto-erase", "broadcasts", "referral-reminder", "referral-escalation"];
const TICKS = 2;
const FIRST_RECIPIENT = 10_000_000;
const BROADCAST_TEXT = "Fleet bench broadcast";
const NO_CAMPAIGN = new Date().getUTCMonth() < 6 ? "10-01" : "04-01";

if (!(await postgresReachable()) || !(await redisReachable())) {
  console.log(`bench/fleet: needs PostgreSQL (TEST_POSTGRES_URL) and Redis (TEST_REDIS_URL, ${TEST_REDIS_URL}); one does not answer, nothing measured`);
  process.exit(0);
}

const db = await freshPostgresDatabase();
const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
fake.recordCalls = false;
fake.settleMs = 0;
// Each person's ten updates wait in the fake's queue for that chat (however slow the machine): no timeout here.
fake.timeoutMs = 3_600_000;
fake.user({ id: 1 }).started = true; // the broadcast's progress chat

// Fresh ids each run: the per-person rate limit counts them in Redis for a few seconds.
const base = 5_000_000_000 + Math.floor(Math.random() * 1e9);
const control = fake.user({ id: base - 1, languageCode: "en" });
const people = Array.from({ length: PEOPLE }, (_, i) => fake.user({ id: base + i, languageCode: "en" }));

/** Replies per person (sent and edited messages, their text and buttons, hashed), and when the last came. */
const replies = new Map<number, string[]>();
const texts = new Map<string, string>();
let lastReply = 0;
/** Broadcast deliveries: when each chat got it (twice: two times), and how many in each second. */
const deliveries = new Map<number, number[]>();
const perSecond = new Map<number, number>();
const add = <T>(map: Map<number, T[]>, key: number, value: T) => void (map.get(key) ?? map.set(key, []).get(key)!).push(value);
fake.onCall = (call: FakeCall) => {
  if (call.error || call.chatId === undefined || !["sendMessage", "editMessageText"].includes(call.method)) return;
  if (call.chatId >= base - 1) {
    const hash = createHash("sha1").update(`${call.method} ${String(call.payload.text)} ${JSON.stringify(call.payload.reply_markup)}`).digest("base64");
    add(replies, call.chatId, hash);
    texts.set(hash, `${call.method} ${String(call.payload.text).slice(0, 40)}`);
    lastReply = performance.now();
  } else if (call.chatId >= FIRST_RECIPIENT && String(call.payload.text).includes(BROADCAST_TEXT)) {
    add(deliveries, call.chatId, Date.now());
    const second = Math.floor(Date.now() / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
};

const started = Date.now();
const instances = await startInstances(3, {
  fake,
  databaseUrl: db.url,
  env: {
    REDIS_URL: TEST_REDIS_URL,
    BROADCAST_RATE: String(RATE),
    // No campaign day today (a window months away): its daily message would go to the bench's subscribers too.
    CAMPAIGN_START: NO_CAMPAIGN,
    CAMPAIGN_END: NO_CAMPAIGN,
  },
});
const ready = Date.now();
const failed: string[] = [];
/** One line per figure; a check's line starts with PASS or FAIL. */
const report = (line: string, ok?: boolean) => {
  if (ok === false) failed.push(line);
  console.log(`${ok === undefined ? "    " : ok ? "PASS" : "FAIL"} ${line}`);
};
const load = () => os.loadavg()[0]!.toFixed(1);
report(
  `${QUICK ? "quick run: " : ""}3 instances (webhook mode, one PostgreSQL, REDIS_URL) started in ${((ready - started) / 1000).toFixed(1)} s on ${os.cpus().length} cores, load average ${load()}; ` +
    `BROADCAST_RATE ${RATE}/s with the fake's limit at ${FAKE_LIMIT}/s (Telegram's is about 30/s: ${RECIPIENTS} recipients would take ${Math.round(RECIPIENTS / 30 / 60)} minutes)`,
);

// 1. The updates. After /start (whose question carries the buttons), the other nine at once:
// presses and commands, the language changed twice, so each reply shows the session's state.
const SCRIPT: ({ press: string } | { send: string })[] = [
  { press: `${Route.safe}:yes` },
  { press: `${Route.language}:set:uk` },
  { send: "/sos" },
  { send: "/menu" },
  { press: rightsGuide.id },
  { send: "/language" },
  { press: `${Route.language}:set:en` },
  { send: "/privacy" },
  { send: "/menu" },
];
const UPDATES = PEOPLE * (SCRIPT.length + 1);
async function walk(person: FakeUser, together: boolean): Promise<void> {
  await person.send("/start");
  const question = person.lastBotMessage!.id;
  const step = (s: (typeof SCRIPT)[number]) => ("press" in s ? person.pressData(s.press, question) : person.send(s.send));
  if (together) await Promise.all(SCRIPT.map(step));
  else for (const s of SCRIPT) await step(s);
}
await walk(control, false); // one update at a time: the replies every person must get
const expected = replies.get(control.id) ?? [];
const t0 = performance.now();
await Promise.all(people.map((p) => walk(p, true).catch(() => {})));
for (let i = 0; i < 300 && people.some((p) => (replies.get(p.id)?.length ?? 0) < expected.length); i++) await sleep(100);
const seconds = (lastReply - t0) / 1000;
await sleep(1000); // anything sent twice or late would arrive now
const chats = { missing: 0, duplicate: 0, outOfOrder: 0, unexpected: 0 };
for (const p of people) {
  const got = replies.get(p.id) ?? [];
  if (got.join() === expected.join()) continue;
  // The first such chat, for whoever looks into it (the bot's texts, no person's).
  if (Object.values(chats).every((n) => n === 0)) console.log({ expected: expected.map((h) => texts.get(h)), got: got.map((h) => texts.get(h)) });
  const count = (list: string[]) => list.reduce((m, h) => m.set(h, (m.get(h) ?? 0) + 1), new Map<string, number>());
  const [want, have] = [count(expected), count(got)];
  const missing = [...want].some(([h, n]) => (have.get(h) ?? 0) < n);
  const duplicate = [...have].some(([h, n]) => n > (want.get(h) ?? 0) && want.has(h));
  const unexpected = [...have.keys()].some((h) => !want.has(h));
  chats.missing += +missing;
  chats.duplicate += +duplicate;
  chats.unexpected += +unexpected;
  chats.outOfOrder += +(!missing && !duplicate && !unexpected);
}
const handled = await Promise.all(
  instances.map(async (c) => {
    const text = await c.metrics();
    return { updates: metric(text, 'bot_updates_total{type="message"}') + metric(text, 'bot_updates_total{type="callback_query"}'), errors: metric(text, "bot_update_errors_total") };
  }),
);
report(
  `updates: ${PEOPLE} people, ${UPDATES} updates (${SCRIPT.length + 1} each: commands and button presses) in ${seconds.toFixed(1)} s: ${(UPDATES / seconds).toFixed(0)} updates/s over 3 instances, ` +
    `handled ${handled.map((h) => h.updates).join(" / ")}, webhook posts refused ${[...fake.webhookRefused.values()].reduce((a, b) => a + b, 0)}; load average ${load()}`,
);
report(
  `replies: ${expected.length} per person expected; chats with replies missing ${chats.missing}, twice ${chats.duplicate}, out of order ${chats.outOfOrder}, unexpected ${chats.unexpected}; update errors ${handled.reduce((n, h) => n + h.errors, 0)}`,
  expected.length >= SCRIPT.length &&
    Object.values(chats).every((n) => n === 0) &&
    handled.every((h) => h.errors === 0) &&
    handled.reduce((n, h) => n + h.updates, 0) === UPDATES + SCRIPT.length + 1, // the control person's too
);

// 3. The broadcast (the jobs' ticks go on meanwhile): recipients listed and subscribed, started now.
fake.sendRateLimit = FAKE_LIMIT;
const prisma = await openDatabase(db.url);
const rows = Array.from({ length: RECIPIENTS }, (_, i) => ({ chatId: String(FIRST_RECIPIENT + i), language: i % 2 ? "uk" : "en", subscribed: true }));
for (let i = 0; i < RECIPIENTS; i++) fake.user({ id: FIRST_RECIPIENT + i }).started = true;
for (let i = 0; i < rows.length; i += 5000) await prisma.recipient.createMany({ data: rows.slice(i, i + 5000) });
const broadcasts = new Broadcasts(prisma, systemClock, loadCampaign(), DEFAULT_CAMPAIGN);
await broadcasts.create({ content: { all: `<b>${BROADCAST_TEXT}</b>` }, audience: "subscribers", sendAt: new Date(), progressChat: "1" });
const refusedBefore = fake.refused.rateLimited;
// Started between seconds 10 and 40 of a minute, so that halfway (the kill) is rarely near a tick.
const into = Date.now() % 60_000;
if (into < 10_000 || into > 40_000) await sleep((70_000 - into) % 60_000);
await broadcasts.startDue();

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${deliveries.size} of ${RECIPIENTS} reached`);
    await sleep(20);
  }
}
/** Not within a job's tick (from a second before the minute to five after): runs are counted whole. */
async function awayFromTick(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into < 5_000 || into > 59_000) await sleep((65_000 - into) % 60_000);
}
const sentBy = (text: string) => metric(text, 'bot_outbox_sends_total{outcome="sent"}');
/** Only a guard against a hang: 30 ms a recipient (a loaded machine is slow, and the bench says how slow). */
const budget = RECIPIENTS * 30 + LEASE_MS;
await until(() => deliveries.size >= RECIPIENTS / 2, budget, "half the broadcast");
await awayFromTick();
const victim = instances[1]!;
const victimMetrics = await victim.metrics();
await stopInstance(victim, "SIGKILL");
const killedAt = Date.now();
const atKill = deliveries.size;
await until(() => deliveries.size === RECIPIENTS, budget, "the rest after the kill");
await sleep(1000); // anything sent twice would arrive now
const counts = [...deliveries.values()];
const lost = RECIPIENTS - deliveries.size;
const twice = [...deliveries.values()].filter((times) => times.length > 1);
const duplicates = counts.reduce((n, t) => n + t.length - 1, 0);
// A send Telegram took but the killed process had not recorded yet goes again after its lease: first before the kill, again after.
const acrossKill = twice.every((times) => times[0]! < killedAt && times.slice(1).every((t) => t >= killedAt));
const firstAt = Math.min(...counts.map((t) => t[0]!));
const lastAt = Math.max(...counts.map((t) => t.at(-1)!));
const full = [...perSecond.entries()].filter(([s]) => s > Math.floor(firstAt / 1000) && s < Math.floor(lastAt / 1000)).map(([, n]) => n).sort((a, b) => a - b);
const median = full[Math.floor(full.length / 2)] ?? 0;
const max = Math.max(...perSecond.values());
const outbox = await prisma.outbox.groupBy({ by: ["status"], _count: { _all: true } });

// 2. The jobs: at least TICKS minute ticks since all three were up, then every instance's count.
const ticksSince = (from: number, to: number) => Math.floor((to - 5_000) / 60_000) - Math.floor(from / 60_000);
while (ticksSince(ready, Date.now()) < TICKS) await sleep(1000);
await awayFromTick();
const end = Date.now();
const survivors = instances.filter((c) => c !== victim);
// In instance order; the killed one's as it was just before the kill.
const scraped = await Promise.all(instances.map((c) => (c === victim ? victimMetrics : c.metrics())));
const runs = await prisma.jobRun.findMany();
const ticks = ticksSince(ready, end);
const jobLines: string[] = [];
let jobsOk = true;
for (const job of [...new Set([...MINUTE_JOBS, ...runs.map((r) => r.name)])].sort()) {
  const byInstance = scraped.map((t) => metric(t, `bot_job_runs_total{job="${job}"}`));
  const total = byInstance.reduce((a, b) => a + b, 0);
  const rowsOf = runs.filter((r) => r.name === job);
  // Every minute tick while all three were up has its run.
  const covered = rowsOf.filter((r) => r.tick.getTime() > ready && r.tick.getTime() < end).length;
  const ok = total === rowsOf.length && (!MINUTE_JOBS.includes(job) || covered === ticks);
  jobsOk &&= ok;
  jobLines.push(`${job} ${total} (${byInstance.join("+")})`);
}
report(`jobs over ${ticks} minute ticks with all three up (runs by instance 1+2+3, the killed one's until the kill): ${jobLines.join(", ")}`, jobsOk && ticks >= TICKS);

const shares = scraped.map(sentBy);
const sentRows = outbox.find((g) => g.status === "sent")?._count._all ?? 0;
report(
  `broadcast: ${RECIPIENTS} recipients, lost ${lost}, outbox rows sent ${sentRows} of ${RECIPIENTS}; instance 2 SIGKILLed after ${atKill} had theirs (not restarted); sent by instance 1 / 2 (until the kill) / 3: ${shares.join(" / ")}`,
  lost === 0 && sentRows === RECIPIENTS && shares.every((n) => n > 0) && atKill < RECIPIENTS,
);
report(
  `broadcast: sent twice ${duplicates} (goal 0; by design at most the ${IN_FLIGHT} sends the killed process had in flight, sent but not yet recorded)${duplicates ? `, each first before the kill and again after its lease: ${acrossKill}` : ""}`,
  duplicates <= IN_FLIGHT && acrossKill,
);
const achieved = (RECIPIENTS + duplicates) / ((lastAt - firstAt) / 1000);
report(
  `broadcast rate held: max ${max} messages in any one second (BROADCAST_RATE ${RATE}/s for the whole fleet, through Redis; within 5%), 429 answers ${fake.refused.rateLimited - refusedBefore}`,
  max <= RATE * 1.05,
);
report(
  `broadcast rate achieved: median full second ${median}/s, ${((median / RATE) * 100).toFixed(0)}% of BROADCAST_RATE (goal >= 90%: ${median >= RATE * 0.9 ? "met" : "not met"}); ` +
    `${achieved.toFixed(0)}/s from first to last message (${((lastAt - firstAt) / 1000).toFixed(1)} s, the killed process's claimed rows waiting up to ${LEASE_MS / 1000} s for their lease); load average ${load()}`,
);
const logs = instances.map((c) => c.log);
report(`bot log lines at warn and above: ${logs.map((l) => l.lines).join(" / ")}${logs.find((l) => l.first) ? `; first: ${logs.find((l) => l.first)!.first}` : ""}`);

await prisma.$disconnect();
await Promise.all(survivors.map((c) => stopInstance(c)));
await fake.close();
await db.drop();
console.log(failed.length ? `${failed.length} checks failed` : "every check passed");
process.exit(failed.length ? 1 : 0);
