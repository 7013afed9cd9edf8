import { campaignJobs } from "./campaign/jobs.js";
import { processStartMode, readSettings } from "./config.js";
import { createLogger } from "./logger.js";
import { privacyJobs } from "./privacy/jobs.js";
import { StartError, startBot, stopOnSignals, type JobList } from "./start.js";

// Every scheduled job of the bot, in one place.
const jobs: JobList = (services) => [...privacyJobs(services), ...services.jobs, ...campaignJobs(services)];

try {
  if (processStartMode() === "preview") {
    // Only the preview loads the embedded Bot API and its web chat.
    const { startPreview } = await import("./preview/index.js");
    const preview = await startPreview(jobs);
    stopOnSignals(preview.stop, preview.logger);
    await preview.task;
  } else {
    const config = readSettings();
    const logger = createLogger(config.LOG_LEVEL);
    const bot = await startBot(config, logger, jobs);
    stopOnSignals(bot.stop, logger);
    await bot.task;
  }
} catch (err) {
  // One clear line instead of a stack trace: a wrong token or no connection.
  if (!(err instanceof StartError)) throw err;
  console.error(err.message);
  process.exit(1);
}
