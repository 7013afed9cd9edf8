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

export function startScheduler(jobs: Job[], logger: Logger): Scheduler {
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
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
