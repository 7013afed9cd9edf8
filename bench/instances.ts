/**
 * Real bot processes (the built dist/main.js) in webhook mode on one
 * database, behind the fake Bot API's round-robin "load balancer": started,
 * read through /metrics and stopped, for bench/webhook.ts and bench/fleet.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeTelegram } from "../src/fake-telegram/index.js";
import { newKey } from "../src/shared/crypto.js";
import { freePort } from "../test/support/webhook.js";

const ROOT = resolve(import.meta.dirname, "..");

export interface Instance {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Lines it logged (LOG_LEVEL warn: warnings and errors), counted, not printed, and the first one. */
  log: { lines: number; first: string };
  /** Its /metrics text. */
  metrics(): Promise<string>;
}

/**
 * Starts `count` instances one after another (the first one seeds the
 * directory), each ready (/readyz 200) before the next; the fake then posts
 * the webhook's updates to them in turn. `env` adds settings (REDIS_URL, …).
 */
export async function startInstances(
  count: number,
  opts: { fake: FakeTelegram; databaseUrl: string; env?: Record<string, string> },
): Promise<Instance[]> {
  const key = newKey();
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ["--enable-source-maps", "dist/main.js"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        BOT_TOKEN: opts.fake.token,
        TELEGRAM_API_ROOT: opts.fake.apiRoot,
        DATABASE_URL: opts.databaseUrl,
        DATA_ENCRYPTION_KEY: key,
        BOT_MODE: "webhook",
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
        WEBHOOK_SECRET: "bench-secret-0123456789",
        PORT: String(port),
        LOG_LEVEL: "warn",
        ...opts.env,
      },
    });
    process.once("exit", () => child.kill("SIGKILL")); // never left behind by a failed run
    const base = `http://127.0.0.1:${port}`;
    const log = { lines: 0, first: "" };
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      log.first ||= text.split("\n")[0]!;
      log.lines += text.split("\n").length - 1;
    });
    instances.push({ child, base, log, metrics: async () => (await fetch(`${base}/metrics`)).text() });
    for (let t = 0; ; t++) {
      if ((await fetch(`${base}/readyz`).then((r) => r.status, () => 0)) === 200) break;
      if (child.exitCode !== null || t > 300) throw new Error(`instance ${i + 1} did not get ready`);
      await sleep(100);
    }
  }
  opts.fake.balance = instances.map((c) => c.base);
  return instances;
}

/** Stops an instance (SIGTERM: cleanly; SIGKILL: as a crash) and waits until it has exited. */
export async function stopInstance(instance: Instance, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise((done) => instance.child.once("exit", done));
  instance.child.kill(signal);
  await exited;
}

/** The value of one series in a /metrics text, e.g. `bot_updates_total{type="message"}` (0 when absent). */
export function metric(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
