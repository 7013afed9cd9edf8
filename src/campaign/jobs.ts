import type { Job } from "../scheduler/index.js";
import type { Broadcasts } from "./broadcasts.js";
import type { Outbox } from "./outbox.js";

/** The campaign's scheduled work. The outbox itself drains continuously (Outbox.start in main.ts). */
export function campaignJobs(deps: { broadcasts: Broadcasts; outbox: Outbox }): Job[] {
  return [
    {
      // Every minute: staff broadcasts whose time has come, and today's campaign
      // message once its time has come (also catching up after downtime that day).
      name: "broadcasts",
      cron: "* * * * *",
      async run() {
        const started = await deps.broadcasts.startDue();
        const campaign = await deps.broadcasts.queueCampaignDay();
        if (started || campaign) deps.outbox.wake();
        return { started, campaign };
      },
    },
    {
      name: "purge-outbox",
      cron: "17 * * * *",
      run: async () => ({ purged: await deps.broadcasts.purge() }),
    },
  ];
}
