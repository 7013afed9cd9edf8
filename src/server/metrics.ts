import type { PrismaClient } from "@prisma/client";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the bot reports as it works (createBot and the outbox call these). */
export interface BotMetrics {
  /** An update was handled (its first key: message, callback_query, …) in this many seconds. */
  update(type: string, seconds: number): void;
  /** An update failed (the person got "please try again"). */
  failed(): void;
  /** The outbox finished one send: sent, failed, blocked or retry. */
  outbox(outcome: string): void;
  /** A caseworker claimed a referral this many seconds after it was sent. */
  referralClaimed(seconds: number): void;
  /** This instance runs a scheduled job (it won the job's tick). */
  jobRun(job: string): void;
}

/**
 * Prometheus metrics of one instance (prom-client), served at /metrics.
 * Counters and the latency histogram are this process's; the gauges read the
 * database when scraped, so they are the fleet's (the same on every instance).
 */
export function createMetrics(prisma: PrismaClient, redisUp?: () => Promise<boolean>): BotMetrics & { registry: Registry } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "bot_" });
  const registers = [registry];
  const updates = new Counter({ name: "bot_updates_total", help: "Updates handled, by type", labelNames: ["type"], registers });
  const latency = new Histogram({
    name: "bot_update_duration_seconds",
    help: "Time to handle an update, replies included",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({ name: "bot_update_errors_total", help: "Updates that failed", registers });
  const claims = new Histogram({
    name: "bot_referral_time_to_claim_seconds",
    help: "Time from a referral's sending to its claim by a caseworker (claims made on this instance)",
    buckets: [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400],
    registers,
  });
  const sends = new Counter({ name: "bot_outbox_sends_total", help: "Outbox sends by outcome (sent, failed, blocked, retry)", labelNames: ["outcome"], registers });
  // Summed over the instances: each job's ticks, once each (src/scheduler).
  const jobRuns = new Counter({ name: "bot_job_runs_total", help: "Scheduled job runs on this instance, by job", labelNames: ["job"], registers });
  new Gauge({
    name: "bot_outbox_depth",
    help: "Outbox rows waiting or being sent (all instances)",
    registers,
    async collect() {
      this.set(await prisma.outbox.count({ where: { status: { in: ["queued", "sending"] } } }));
    },
  });
  new Gauge({
    name: "bot_referrals_waiting",
    help: "Referrals no caseworker has claimed yet",
    registers,
    async collect() {
      this.set(await prisma.referral.count({ where: { status: "open" } }));
    },
  });
  new Gauge({
    name: "bot_referral_oldest_wait_seconds",
    help: "How long the oldest unclaimed referral has waited (0: none)",
    registers,
    async collect() {
      const oldest = await prisma.referral.findFirst({ where: { status: "open" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      this.set(oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0);
    },
  });
  // Not part of /readyz: without Redis the bot works on (rate limits per instance), and one shared
  // Redis down must not take every instance out of the load balancer. Alert on this instead.
  if (redisUp) {
    new Gauge({
      name: "bot_redis_up",
      help: "1 when Redis (REDIS_URL) answers, else 0",
      registers,
      async collect() {
        this.set((await redisUp()) ? 1 : 0);
      },
    });
  }
  return {
    registry,
    update(type, seconds) {
      updates.inc({ type });
      latency.observe(seconds);
    },
    failed: () => errors.inc(),
    outbox: (outcome) => sends.inc({ outcome }),
    referralClaimed: (seconds) => claims.observe(seconds),
    jobRun: (job) => jobRuns.inc({ job }),
  };
}
