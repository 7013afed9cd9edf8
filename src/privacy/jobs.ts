import type { Job } from "../scheduler/index.js";
import type { EraseSchedule } from "./auto-erase.js";
import type { MessageLog } from "./messages.js";

/** The privacy layer's scheduled work: auto-erase (which ends every flow in progress) and forgetting expired message ids. */
export function privacyJobs(deps: { messages: MessageLog; schedule: EraseSchedule; endFlows: (chatId: string) => Promise<void> }): Job[] {
  return [
    {
      name: "auto-erase",
      cron: "* * * * *",
      async run() {
        const chats = await deps.schedule.claimDue();
        for (const chatId of chats) {
          // A flow in progress (a plan, a form, a reply to staff) ends with the chat: its state goes too.
          await deps.endFlows(chatId);
          await deps.messages.erase(chatId);
        }
        return { erased: chats.length };
      },
    },
    {
      name: "purge-message-ids",
      cron: "*/5 * * * *",
      run: async () => ({ purged: await deps.messages.purgeExpired() }),
    },
  ];
}
