import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseUrl, isPostgresUrl, loadDotEnv } from "./env.js";
import { parseKey } from "./shared/crypto.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalText = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional();

/** A base64 key of 32 bytes, checked by the crypto module itself. */
const key = z.string().transform((text, ctx) => {
  try {
    return parseKey(text);
  } catch (err) {
    ctx.addIssue({ code: "custom", message: (err as Error).message });
    return z.NEVER;
  }
});

/** A whole number of minutes or days, at least 1. */
function wholeNumber(unit: string, fallback: number) {
  return z.coerce.number({ error: `must be a whole number of ${unit}` }).int(`must be a whole number of ${unit}`).min(1, `must be at least 1 ${unit.slice(0, -1)}`).default(fallback);
}

/** A day of the year as MM-DD (the campaign is not tied to one year). */
const monthDay = z
  .string()
  .trim()
  .refine((d) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d), "must be a day of the year as MM-DD, e.g. 11-25");

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  BOT_TOKEN: z
    .string({ error: "is not set" })
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, "does not look like a token from @BotFather (digits:letters)"),
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .default(DEFAULT_DATABASE_URL)
    .refine(
      (u) => u.startsWith("file:") || isPostgresUrl(u),
      "must be a SQLite file URL such as file:./data/bot.db or a PostgreSQL URL such as postgresql://bot:secret@db:5432/bot",
    ),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d+$/, "must be comma-separated numeric Telegram user ids").transform(Number))),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ORG_NAME: optionalText,
  ORG_CONTACT: optionalText,
  DATA_ENCRYPTION_KEY: key.optional(),
  DATA_ENCRYPTION_OLD_KEYS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(key)),
  QUICK_EXIT_TEXT: optionalText,
  PREVIEW_PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a port number")
    .min(0, "must be a port number from 0 to 65535 (0: any free port)")
    .max(65535, "must be a port number from 0 to 65535 (0: any free port)")
    .default(3000),
  STAFF_CHAT_ID: z
    .string()
    .trim()
    .regex(/^-\d+$/, "must be a Telegram group id, a negative number such as -1001234567890")
    .optional(),
  REFERRAL_RETENTION_DAYS: wholeNumber("days", 30),
  REFERRAL_REMINDER_MINUTES: wholeNumber("minutes", 15),
  REFERRAL_ESCALATION_MINUTES: wholeNumber("minutes", 60),
  CAMPAIGN_SEND_TIME: z
    .string()
    .trim()
    .default("10:00")
    .refine((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t), "must be a time of day as HH:MM, e.g. 10:00"),
  CAMPAIGN_TIMEZONE: z
    .string()
    .trim()
    .default("Europe/Kyiv")
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Kyiv"),
  CAMPAIGN_START: monthDay.default("11-25"),
  CAMPAIGN_END: monthDay.default("12-10"),
  BROADCAST_RATE: z.coerce
    .number({ error: "must be a number of messages per second" })
    .int("must be a whole number of messages per second")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(25),
  BOT_MODE: z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling"),
  WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: "must be the public http(s) URL Telegram posts updates to, e.g. https://bot.example.org/telegram" })
    .optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and - (openssl rand -hex 32)")
    .optional(),
  WEBHOOK_DELETE_ON_STOP: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((v) => v === "true"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a port number")
    .min(0, "must be a port number from 0 to 65535")
    .max(65535, "must be a port number from 0 to 65535")
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }).optional(),
}).superRefine((c, ctx) => {
  // Every instance must read what the others wrote: no key file made beside a database elsewhere.
  if (isPostgresUrl(c.DATABASE_URL) && !c.DATA_ENCRYPTION_KEY) {
    ctx.addIssue({ code: "custom", path: ["DATA_ENCRYPTION_KEY"], message: "is required with PostgreSQL (the same key on every instance)" });
  }
  if (c.BOT_MODE !== "webhook") return;
  if (!c.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required with BOT_MODE=webhook" });
  else if (!c.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required with BOT_MODE=webhook" });
});

export type Config = z.infer<typeof schema>;

/** A bad or missing setting; its message is one line naming the setting. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads settings from the environment. Empty values count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const setting = String(issue.path[0]);
  throw new ConfigError(setting, `${setting} ${issue.message}`);
}

const TOKEN_HELP = `BOT_TOKEN is not set. To get one: open Telegram, talk to @BotFather, send /newbot and follow
the steps; it answers with a token like 123456789:AAE... Put it in a file named .env next to
package.json as a line BOT_TOKEN=123456789:AAE... (see .env.example), then run npm start again.`;

/**
 * How `npm start` runs: against Telegram, or as the local preview (a web chat
 * with an embedded fake Bot API) when asked to (`--preview`) or when no token
 * is set outside production. In production a missing token stays an error.
 */
export function startMode(argv: string[], env: NodeJS.ProcessEnv): "telegram" | "preview" {
  if (argv.includes("--preview")) return "preview";
  return env.BOT_TOKEN?.trim() || env.NODE_ENV === "production" ? "telegram" : "preview";
}

/** The start mode for this process, after loading `.env`. */
export function processStartMode(): "telegram" | "preview" {
  loadDotEnv();
  return startMode(process.argv.slice(2), process.env);
}

/**
 * Settings for a command run from the shell (the bot, `npm run rekey`): from
 * the environment and `.env`, with `overrides` on top (the preview's presets);
 * on a bad one, a single line saying which, and exit 1.
 */
export function readSettings(overrides: NodeJS.ProcessEnv = {}): Config {
  loadDotEnv();
  const env = { ...process.env, ...overrides };
  env.DATABASE_URL = process.env.DATABASE_URL = databaseUrl(env); // with its folder created
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.setting === "BOT_TOKEN" && !process.env.BOT_TOKEN?.trim() ? TOKEN_HELP : `Setting error: ${err.message}`);
    process.exit(1);
  }
}
