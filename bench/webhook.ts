/**
 * Webhook throughput of one instance and of three on one PostgreSQL (the
 * fake Bot API posting updates through its round-robin "load balancer"), the
 * scaling factor, p99 latency and memory per instance. Needs PostgreSQL
 * (TEST_POSTGRES_URL). `npm run bench:webhook`; `BENCH_QUICK=1` for a smoke run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { FakeTelegram, type FakeUser } from "../src/fake-telegram/index.js";
import { newKey } from "../src/shared/crypto.js";
import { freshPostgresDatabase, postgresReachable } from "../test/support/db.js";
import { freePort } from "../test/support/webhook.js";

const QUICK = process.env.BENCH_QUICK === "1";
const PEOPLE = QUICK ? 300 : 1500;
const UPDATES = QUICK ? 2000 : 15_000;
const COMMANDS = ["/sos", "/menu", "/privacy"];
/** The steady rate for the latency figure, and for how long. */
const RATE = 100;
const LATENCY_SECONDS = QUICK ? 3 : 10;
const ROOT = resolve(import.meta.dirname, "..");

if (!(await postgresReachable())) {
  console.log("bench/webhook: no PostgreSQL at TEST_POSTGRES_URL; nothing measured");
  process.exit(0);
}

async function run(instances: number) {
  const db = await freshPostgresDatabase();
  const fake = await FakeTelegram.start({ token: "123456:TEST-token-abcdefghijklmnop" });
  fake.recordCalls = false;
  fake.settleMs = 0;
  fake.timeoutMs = 30_000;
  const key = newKey();
  const children: { child: ChildProcess; base: string }[] = [];
  for (let i = 0; i < instances; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_URL: db.url,
        DATA_ENCRYPTION_KEY: key,
        BOT_MODE: "webhook",
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
        WEBHOOK_SECRET: "bench-secret-0123456789",
        PORT: String(port),
        LOG_LEVEL: "warn",
      },
    });
    const base = `http://127.0.0.1:${port}`;
    children.push({ child, base });
    for (let t = 0; ; t++) {
      if ((await fetch(`${base}/readyz`).then((r) => r.status, () => 0)) === 200) break;
      if (t > 300) throw new Error("an instance did not get ready");
      await sleep(100);
    }
  }
  fake.balance = children.map((c) => c.base);
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
  const rss = await Promise.all(
    children.map(async (c) => {
      const text = await (await fetch(`${c.base}/metrics`)).text();
      return Number(/^bot_process_resident_memory_bytes (\d+)/m.exec(text)?.[1]) / 2 ** 20;
    }),
  );
  for (const c of children) c.child.kill("SIGTERM");
  await Promise.all(children.map((c) => new Promise((r) => (c.child.exitCode === null ? c.child.once("exit", r) : r(null)))));
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
