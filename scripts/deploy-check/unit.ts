// The systemd unit of docs/deploy, run as systemd would run it where systemd is
// not PID 1 (a container): `systemd-analyze verify`, then three instances
// (ports 8081-8083: one, then two at once), each in a mount namespace made like the
// unit's ProtectSystem=strict (all read-only but ReadWritePaths), PrivateTmp,
// User=, NoNewPrivileges, WorkingDirectory, EnvironmentFile and Environment,
// running ExecStart. The code is this checkout (git archive of HEAD, with its
// node_modules) in DIR; the database is a fresh one on PostgreSQL at
// PG_ADMIN_URL (scripts/deploy-check.sh starts one). The fake Bot API posts updates round-robin to the instances.
// Then one instance gets SIGTERM as systemd sends it (KillMode=control-group:
// to every process of the unit at once) and must stop cleanly.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { FakeTelegram } from "../../src/fake-telegram/index.js";

const UNIT = "docs/deploy/safe-path-bot@.service";
const HOME_DIR = "/opt/safe-path-bot";
const dir = process.env.DIR ?? "/opt/safe-path-bot-check";
const adminUrl = process.env.PG_ADMIN_URL!;
const ports = [8081, 8082, 8083];
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) process.exit(1);
}

const verify = execFileSync("systemd-analyze", ["verify", UNIT], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
check(verify.trim() === "", "systemd-analyze verify: no complaint");

/** The unit's [Service] settings, with this check's folder for /opt/safe-path-bot and the port for %i. */
function service(port: number): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  const text = readFileSync(UNIT, "utf8").replaceAll(HOME_DIR, dir).replaceAll("/etc/safe-path-bot.env", `${dir}.env`).replaceAll("%i", String(port));
  for (const line of text.split("\n")) {
    const m = /^(\w+)=(.*)$/.exec(line);
    if (m) settings.set(m[1]!, [...(settings.get(m[1]!) ?? []), m[2]!]);
  }
  return settings;
}
const one = (s: Map<string, string[]>, key: string) => s.get(key)?.[0];

// The code as the unit's comment has it: installed by root, npm ci done; the user only runs it.
const user = one(service(0), "User")!;
if (spawnSyncStatus("id", [user]) !== 0) sh("useradd", ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", user]);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
execFileSync("sh", ["-c", `git archive HEAD | tar -x -C ${dir} && cp -a node_modules ${dir}/`]);
for (const path of service(0).get("ReadWritePaths")?.join(" ").split(" ") ?? []) sh("install", ["-d", "-o", user, path]);

// A fresh database, and the EnvironmentFile.
const db = `safe_path_unit_${randomBytes(3).toString("hex")}`;
const admin = new pg.Client(adminUrl);
await admin.connect();
await admin.query(`CREATE DATABASE ${db}`);
const fake = await FakeTelegram.start({ token: "123456789:AAE-unit-check-abcdefghijklmnop" });
fake.timeoutMs = 20_000;
fake.balance = ports.map((p) => `http://127.0.0.1:${p}`);
const envFile = one(service(0), "EnvironmentFile")!.replace(/^-/, "");
const secret = randomBytes(32).toString("hex");
const url = new URL(adminUrl);
url.pathname = `/${db}`;
writeFileSync(envFile, [
  "NODE_ENV=production", `BOT_TOKEN=${fake.token}`, `DATABASE_URL=${url}`, "BOT_MODE=webhook",
  "WEBHOOK_URL=https://bot.example.org/telegram", `WEBHOOK_SECRET=${secret}`,
  `DATA_ENCRYPTION_KEY=${randomBytes(32).toString("base64")}`, `TELEGRAM_API_ROOT=${fake.apiRoot}`, "",
].join("\n"), { mode: 0o600 });

/**
 * A shell line that makes the unit's sandbox in a new mount namespace, then
 * runs ExecStart as the unit's user with the unit's environment (the variables
 * systemd sets for User=, EnvironmentFile, then Environment).
 */
function sandboxed(s: Map<string, string[]>): string {
  const rw = one(s, "ReadWritePaths")?.split(" ") ?? [];
  const strict = one(s, "ProtectSystem") === "strict";
  const home = sh("getent", ["passwd", user]).split(":")[5]!;
  const env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin", `HOME=${home}`, `USER=${user}`, `LOGNAME=${user}`, "SHELL=/usr/sbin/nologin",
    ...readFileSync(envFile, "utf8").split("\n").filter(Boolean), ...(s.get("Environment") ?? [])];
  return [
    "set -e; mount --make-rprivate /",
    ...rw.map((p) => `mount --bind ${p} ${p}`),
    // Every mount read-only but /proc, /sys, /dev and the ReadWritePaths (bound above).
    strict ? `for m in $(awk '{print $2}' /proc/self/mounts | grep -Ev '^/(proc|sys|dev)(/|$)' ${rw.map((p) => `| grep -vx ${p}`).join(" ")}); do mount -o remount,bind,ro "$m" 2>/dev/null || true; done` : "",
    one(s, "PrivateTmp") === "true" ? "mount -t tmpfs tmpfs /tmp; mount -t tmpfs tmpfs /var/tmp" : "",
    `cd ${one(s, "WorkingDirectory")}`,
    `exec setpriv --reuid=${user} --regid=${user} --init-groups ${one(s, "NoNewPrivileges") === "true" ? "--no-new-privs" : ""} env -i ${env.map((e) => `'${e}'`).join(" ")} ${one(s, "ExecStart")}`,
  ].filter(Boolean).join("\n");
}

/** process.kill, false when no such process (group) is left. */
function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    return process.kill(pid, sig);
  } catch {
    return false;
  }
}

function spawnSyncStatus(cmd: string, args: string[]): number {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return 0;
  } catch (err) {
    return (err as { status: number }).status;
  }
}

const output = new Map<number, string>();
const instances = new Map<number, ChildProcess>();
function start(port: number): void {
  // detached: a process group of its own, as the unit's cgroup.
  const child = spawn("unshare", ["--mount", "sh", "-c", sandboxed(service(port))], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  output.set(port, "");
  const keep = (b: Buffer) => output.set(port, output.get(port) + b.toString());
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  instances.set(port, child);
}
const ready = async (port: number) => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200;
/** Waits until the instances answer /readyz, or one exits, or 4 minutes pass. */
async function allReady(group: number[], what: string): Promise<void> {
  const t = Date.now();
  while (Date.now() - t < 240_000 && !(await Promise.all(group.map(ready))).every(Boolean)) {
    if (group.some((p) => instances.get(p)!.exitCode !== null)) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const states = await Promise.all(group.map(ready));
  if (!states.every(Boolean)) for (const port of group) console.log(`--- ${port} ---\n${output.get(port)}`);
  check(states.every(Boolean), `${what}: ready (/readyz) after ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
try {
  // As the README says: one instance first (it migrates the database), then the others at once.
  start(8081);
  await allReady([8081], "the first instance (8081) migrated the empty database and started");
  start(8082);
  start(8083);
  await allReady([8082, 8083], "two more (8082, 8083) started at once");
  const warnings = [...output.values()].join("\n").split("\n").filter((l) => /npm (notice|warn|error)|EROFS|EACCES/i.test(l));
  check(warnings.length === 0, `no npm notice or warning, no write refused${warnings.length ? `:\n${[...new Set(warnings)].join("\n")}` : ""}`);
  const people = Array.from({ length: 9 }, () => fake.user({ languageCode: "en" }));
  await Promise.all(people.map((p) => p.send("/start")));
  check(people.every((p) => (p.lastText ?? "").length > 0), "9 people's /start, posted round-robin to the three, answered");

  // npm, the unit's main process, dies of the signal at once (systemd counts SIGTERM as a clean
  // exit); systemd then waits, up to TimeoutStopSec, for the rest of the unit: node, stopping.
  const victim = instances.get(8081)!;
  const stopped = Date.now();
  process.kill(-victim.pid!, "SIGTERM"); // every process of the group, as systemd does
  await new Promise((resolve) => victim.once("exit", resolve));
  const alive = () => signal(-victim.pid!, 0);
  while (alive() && Date.now() - stopped < 30_000) await new Promise((r) => setTimeout(r, 100));
  const log = output.get(8081)!;
  const clean = !alive() && log.includes('"msg":"stopped"');
  if (!clean) console.log(log.split("\n").slice(-5).join("\n"));
  check(clean, `SIGTERM to the whole unit: node finished and stopped cleanly in ${((Date.now() - stopped) / 1000).toFixed(1)} s`);
} finally {
  for (const child of instances.values()) signal(-child.pid!, "SIGTERM");
  await new Promise((r) => setTimeout(r, 2000));
  await fake.close();
  await admin.query(`DROP DATABASE ${db} WITH (FORCE)`);
  await admin.end();
  rmSync(envFile, { force: true });
  rmSync(dir, { recursive: true, force: true });
}
