/**
 * The ceiling for bench/updates.ts: grammY on @grammyjs/runner doing nothing
 * but one sendMessage per update, started and fed exactly like the real bot.
 */
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN ?? "", { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.use((ctx) => ctx.reply("ok"));
run(bot);
