import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./env.js";
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
    .refine((u) => u.startsWith("file:"), "must be a SQLite file URL such as file:./data/bot.db"),
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
