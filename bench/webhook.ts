/**
 * Webhook throughput of one instance and of three on one PostgreSQL (the
 * fake Bot API posting updates through its round-robin "load balancer"), the
 * scaling factor, p99 latency and memory per instance. Needs PostgreSQL
 * (TEST_POSTGRES_URL). `npm run bench:webhook`; `BENCH_QUICK=1` for a smoke run.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { FakeTelegram, type FakeUser } from "../src/fake-telegram/index.js";
import { freshPostgresDatabase, postgresReachable } from "../test/support/db.js";
import { metric, startInstances, stopInstance } from "./instances.js";

const QUICK = process.env.BENCH_QUICK === "1";
const PEOPLE = QUICK ? 300 : 1500;
const UPDATES = QUICK ? 2000 : 15_000;
const COMMANDS = ["/sos", "/menu", "/privacy"];
/** The steady rate for the latency figure, and for how long. */
const RATE = 100;
const LATENCY_SECONDS = QUICK ? 3 : 10;

if (!(await postgresReachable())) {
  console.log("bench/webhook: no PostgreSQL at TEST_POSTGRES_URL; nothing measured");
  process.exit(0);
}

async function run(count: number) {
  const db = await freshPostgresDatabase();
  const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
  fake.recordCalls = false;
  fake.settleMs = 0;
  fake.timeoutMs = 30_000;
  const instances = await startInstances(count, { fake, databaseUrl: db.url });
  const people: FakeUser[] = Array.from({ length: PEOPLE }, () => fake.user({ languageCode: "en" }));
  // Warm up: every person once.
  await Promise.all(people.map((p) => p.send("/start")));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    people.map(async (p, i) => {
      for (let n = i; next < UPDATES; n++) {
        next++;
        const t = performance.now();
        await p.send(COMMANDS[n % COMMANDS.length]!);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Latency at a steady rate below the ceiling, one update every 1/RATE s (open loop).
  const steady: number[] = [];
  const sends: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < RATE * LATENCY_SECONDS; i++) {
    const wait = t0 + (i * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    sends.push(people[i % PEOPLE]!.send(COMMANDS[i % COMMANDS.length]!).then(() => void steady.push(performance.now() - t)));
  }
  await Promise.all(sends);
  const rss = await Promise.all(instances.map(async (c) => metric(await c.metrics(), "bot_process_resident_memory_bytes") / 2 ** 20));
  await Promise.all(instances.map((c) => stopInstance(c)));
  await fake.close();
  await db.drop();
  steady.sort((a, b) => a - b);
  const q = (p: number) => steady[Math.min(steady.length - 1, Math.floor(p * steady.length))]!;
  return { rate: latencies.length / seconds, p50: q(0.5), p99: q(0.99), rss };
}

const one = await run(1);
const three = await run(3);
const show = (name: string, r: typeof one) =>
  console.log(
    `${name}: ${r.rate.toFixed(0)} updates/s; at ${RATE}/s latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; RSS per instance ${r.rss.map((m) => m.toFixed(0)).join(" / ")} MB`,
  );
show("1 instance ", one);
show("3 instances", three);
console.log(`scaling factor, 3 instances over 1: ${(three.rate / one.rate).toFixed(2)}x (${PEOPLE} people, ${UPDATES} updates, one machine's cores shared by the instances, PostgreSQL and the fake)`);
