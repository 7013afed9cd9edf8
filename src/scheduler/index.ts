import { Prisma, type PrismaClient } from "@prisma/client";
import cron from "node-cron";
import type { Logger } from "../logger.js";

/**
 * A scheduled job. Every job of the bot is listed in one place (`main.ts`)
 * and runs here. A job must be safe when several instances run it at once:
 * it claims its work in the database rather than assuming it is alone.
 */
export interface Job {
  name: string;
  /** Cron expression, e.g. every minute: "* * * * *". */
  cron: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Whether this instance takes the job's run for this tick (its scheduled minute). */
export type TickClaim = (name: string, tick: Date) => Promise<boolean>;

/**
 * Claims a job's tick with a `JobRun` row: the first instance to insert it
 * runs the job, the others skip that tick. So with several instances each
 * job runs once per tick (the work itself is claimed row by row as well).
 * Rows older than a day are deleted once an hour.
 */
export function databaseTickClaim(prisma: PrismaClient): TickClaim {
  return async (name, tick) => {
    try {
      await prisma.jobRun.create({ data: { name, tick } });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return false;
      throw err;
    }
    if (tick.getUTCMinutes() === 0) await prisma.jobRun.deleteMany({ where: { tick: { lt: new Date(tick.getTime() - 86_400_000) } } });
    return true;
  };
}

/** The minute a cron run belongs to: the same on every instance whose clock is within the minute. */
export const tickOf = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

/** `ran` is told of each run this instance makes (after the claim, before the work): the metrics. */
export function startScheduler(jobs: Job[], logger: Logger, claim?: TickClaim, ran?: (job: string) => void): Scheduler {
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          if (claim && !(await claim(job.name, tickOf(Date.now())))) return;
          ran?.(job.name);
          const result = await job.run();
          logger.debug({ job: job.name, result }, "job done");
        } catch (err) {
          logger.error({ job: job.name, err: { name: (err as Error).name, message: (err as Error).message } }, "job failed");
        }
      },
      { name: job.name, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
