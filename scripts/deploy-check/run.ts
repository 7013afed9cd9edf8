// The scenario of scripts/deploy-check.sh, once PostgreSQL, Redis and Caddy
// run: the bots of docs/deploy/compose.yaml against the fake Bot API, which
// posts each update through Caddy (https://localhost/telegram, trusted through
// NODE_EXTRA_CA_CERTS) as Telegram would. Exits 1 on the first failed check.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { createServer, connect, type Server } from "node:net";
import { FakeTelegram } from "../../src/fake-telegram/index.js";

// Never a synchronous call while the bots run: the fake answers them from this process.
const run = promisify(execFile);
const docker = async (...args: string[]) => (await run("docker", args, { maxBuffer: 1 << 24 })).stdout;
const compose = (...args: string[]) => docker(...process.env.COMPOSE!.split(" "), ...args);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) process.exit(1);
}

const fake = await FakeTelegram.start({ token: process.env.BOT_TOKEN! });
fake.timeoutMs = 20_000;
// The containers reach this machine at docker0's address (host.docker.internal).
const gateway = /inet ([\d.]+)/.exec(execFileSync("ip", ["-4", "-o", "addr", "show", "docker0"], { encoding: "utf8" }))![1]!;
const forward: Server = createServer((socket) => socket.pipe(connect(Number(new URL(fake.apiRoot).port), "127.0.0.1")).pipe(socket));
await new Promise<void>((resolve) => forward.listen(0, gateway, resolve));
const port = (forward.address() as { port: number }).port;
process.env.TELEGRAM_API_ROOT = `http://host.docker.internal:${port}`;

/** Sends /start from a new user and returns the bot's answer and how long it took. */
async function converse(): Promise<{ text: string; ms: number }> {
  const user = fake.user({ languageCode: "en" });
  const t = Date.now();
  await user.send("/start");
  return { text: user.lastText ?? "", ms: Date.now() - t };
}
const instances = async () => (await compose("ps", "-q", "bot")).trim().split("\n").filter(Boolean);
/** The updates an instance handled, from its own /metrics (which Caddy does not serve). */
async function updatesHandled(id: string): Promise<number> {
  const script = "fetch('http://127.0.0.1:8080/metrics').then((r) => r.text()).then((t) => console.log(t))";
  const text = await docker("exec", id, "node", "-e", script);
  return [...text.matchAll(/^bot_updates_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

try {
  let t = Date.now();
  await compose("up", "-d", "--wait", "--scale", "bot=1", "bot");
  check((await instances()).length === 1, `one bot instance migrated an empty database and is healthy (/readyz) after ${seconds(t)} s`);
  check(fake.webhook?.url === "https://localhost/telegram" && fake.webhook.secret === process.env.WEBHOOK_SECRET, "it set the webhook, with the secret");
  const inside = await fetch("https://localhost/metrics");
  check(inside.status === 404, `Caddy answers /metrics with ${inside.status}: it stays inside`);
  const forged = await fetch("https://localhost/telegram", { method: "POST", body: "{}" });
  check(forged.status === 401, `a post to the webhook without the secret gets ${forged.status}`);
  const first = await converse();
  check(first.text.length > 0, `an update posted through Caddy was answered in ${first.ms} ms: "${first.text.split("\n")[0]}"`);

  t = Date.now();
  await compose("up", "-d", "--wait", "--scale", "bot=3", "bot");
  check((await instances()).length === 3, `three instances healthy after ${seconds(t)} s`);
  await new Promise((r) => setTimeout(r, 6_000)); // Caddy looks the instances up every 5 s
  const answers = await Promise.all(Array.from({ length: 30 }, converse));
  check(answers.every((a) => a.text === first.text), `30 people's /start answered, slowest in ${Math.max(...answers.map((a) => a.ms))} ms`);
  const handled = await Promise.all((await instances()).map(updatesHandled));
  check(handled.every((n) => n > 0), `each instance handled some (bot_updates_total from each one's /metrics): ${handled.join(", ")}`);

  const [victim] = await instances();
  t = Date.now();
  await docker("stop", victim!);
  const state = JSON.parse(await docker("inspect", "-f", "{{json .State}}", victim!));
  const tail = await docker("logs", "--tail", "3", victim!);
  check(state.ExitCode === 0 && tail.includes('"msg":"stopped"'), `docker stop: SIGTERM reached node, clean exit 0 after ${seconds(t)} s`);
  const during = await Promise.all(Array.from({ length: 10 }, converse));
  check(during.every((a) => a.text === first.text), "with one instance stopped, 10 more people answered by the other two");

  // An empty database again, and three instances starting at once: they take turns on Prisma's lock.
  await compose("rm", "--stop", "--force", "bot", "postgres");
  await docker("volume", "rm", "safe-path-check_pgdata");
  await compose("up", "-d", "--wait", "postgres");
  t = Date.now();
  await compose("up", "-d", "--wait", "--scale", "bot=3", "bot");
  const ids = await instances();
  // Logs of every run of each container: Prisma waits 10 s for its lock, then fails (P1002) and
  // the container is restarted.
  const starts = await Promise.all(ids.map(async (id) => {
    const { stdout, stderr } = await run("docker", ["logs", id]);
    return stdout + stderr;
  }));
  const restarts = await Promise.all(ids.map(async (id) => Number(await docker("inspect", "-f", "{{.RestartCount}}", id))));
  const migrated = starts.filter((log) => log.includes("have been applied")).length;
  const idle = starts.filter((log) => log.includes("No pending migrations")).length;
  check(starts.length === 3 && migrated === 1 && idle === 2, `three instances started together on an empty database: one migrated, two found nothing to do; ` +
    `healthy after ${seconds(t)} s, restarts ${restarts.join(", ")} (timed out on the migration lock: ${starts.filter((l) => l.includes("P1002")).length})`);
  const again = await Promise.all(Array.from({ length: 10 }, converse));
  check(again.every((a) => a.text === first.text), "10 people answered");
} finally {
  forward.close();
  await fake.close();
}

