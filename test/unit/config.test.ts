import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, startMode } from "../../src/config.js";

const token = "123456789:AAE-abcdefghijklmnopqrstuvwxyz";

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("config", () => {
  it("applies defaults when only the token is set", () => {
    expect(loadConfig({ BOT_TOKEN: token })).toEqual({
      BOT_TOKEN: token,
      DATABASE_URL: "file:./data/bot.db",
      ADMIN_IDS: [],
      LOG_LEVEL: "info",
      DATA_ENCRYPTION_OLD_KEYS: [],
      PREVIEW_PORT: 3000,
      REFERRAL_RETENTION_DAYS: 30,
      REFERRAL_REMINDER_MINUTES: 15,
      REFERRAL_ESCALATION_MINUTES: 60,
      CAMPAIGN_SEND_TIME: "10:00",
      CAMPAIGN_TIMEZONE: "Europe/Kyiv",
      CAMPAIGN_START: "11-25",
      CAMPAIGN_END: "12-10",
      BROADCAST_RATE: 25,
      BOT_MODE: "polling",
      WEBHOOK_DELETE_ON_STOP: false,
    });
  });

  it("takes PostgreSQL, webhook and Redis settings, and names what webhook mode lacks", () => {
    const secret = "s3cret-0123456789abcdef";
    const config = loadConfig({
      BOT_TOKEN: token,
      DATABASE_URL: "postgresql://bot:pw@db:5432/bot",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: secret,
      WEBHOOK_DELETE_ON_STOP: "true",
      PORT: "8080",
      REDIS_URL: "redis://cache:6379",
      DATA_ENCRYPTION_KEY: "q3Bv8n0e5dJ8o3L0xYV6m1b2c3d4e5f6g7h8i9j0k1I=",
    });
    expect(config).toMatchObject({ BOT_MODE: "webhook", WEBHOOK_SECRET: secret, WEBHOOK_DELETE_ON_STOP: true, PORT: 8080 });
    expect(errorOf({ BOT_TOKEN: token, DATABASE_URL: "postgresql://db/bot" }).message).toBe(
      "DATA_ENCRYPTION_KEY is required with PostgreSQL (the same key on every instance)",
    );
    expect(errorOf({ BOT_TOKEN: token, BOT_MODE: "webhook" }).message).toBe("WEBHOOK_URL is required with BOT_MODE=webhook");
    expect(errorOf({ BOT_TOKEN: token, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/t" }).setting).toBe("WEBHOOK_SECRET");
    expect(errorOf({ BOT_TOKEN: token, BOT_MODE: "hook" }).message).toBe("BOT_MODE must be polling or webhook");
    expect(errorOf({ BOT_TOKEN: token, WEBHOOK_SECRET: "short" }).setting).toBe("WEBHOOK_SECRET");
    expect(errorOf({ BOT_TOKEN: token, REDIS_URL: "http://x" }).message).toBe("REDIS_URL must be a redis:// URL");
  });

  it("takes a staff group id and referral timings, and names a bad one", () => {
    const config = loadConfig({ BOT_TOKEN: token, STAFF_CHAT_ID: "-1001234567890", REFERRAL_REMINDER_MINUTES: "5" });
    expect(config).toMatchObject({ STAFF_CHAT_ID: "-1001234567890", REFERRAL_REMINDER_MINUTES: 5 });
    expect(errorOf({ BOT_TOKEN: token, STAFF_CHAT_ID: "1234" }).message).toBe(
      "STAFF_CHAT_ID must be a Telegram group id, a negative number such as -1001234567890",
    );
    expect(errorOf({ BOT_TOKEN: token, REFERRAL_RETENTION_DAYS: "soon" }).message).toBe(
      "REFERRAL_RETENTION_DAYS must be a whole number of days",
    );
    expect(errorOf({ BOT_TOKEN: token, REFERRAL_ESCALATION_MINUTES: "0" }).setting).toBe("REFERRAL_ESCALATION_MINUTES");
  });

  it("checks the campaign and broadcast settings", () => {
    const env = { BOT_TOKEN: token, CAMPAIGN_SEND_TIME: "9:30" };
    expect(errorOf(env).message).toBe("CAMPAIGN_SEND_TIME must be a time of day as HH:MM, e.g. 10:00");
    expect(errorOf({ BOT_TOKEN: token, CAMPAIGN_TIMEZONE: "Kyiv" }).message).toBe("CAMPAIGN_TIMEZONE must be an IANA time zone such as Europe/Kyiv");
    expect(errorOf({ BOT_TOKEN: token, CAMPAIGN_START: "25-11" }).message).toBe("CAMPAIGN_START must be a day of the year as MM-DD, e.g. 11-25");
    expect(errorOf({ BOT_TOKEN: token, BROADCAST_RATE: "0" }).message).toBe("BROADCAST_RATE must be at least 1");
    expect(errorOf({ BOT_TOKEN: token, BROADCAST_RATE: "fast" }).message).toBe("BROADCAST_RATE must be a number of messages per second");
    const config = loadConfig({ BOT_TOKEN: token, CAMPAIGN_SEND_TIME: "09:30", CAMPAIGN_TIMEZONE: "Europe/Warsaw", BROADCAST_RATE: "20" });
    expect([config.CAMPAIGN_SEND_TIME, config.CAMPAIGN_TIMEZONE, config.BROADCAST_RATE]).toEqual(["09:30", "Europe/Warsaw", 20]);
  });

  it("parses every setting", () => {
    const config = loadConfig({
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_URL: "file:/tmp/x.db",
      ADMIN_IDS: " 42, 7 ",
      LOG_LEVEL: "debug",
      ORG_NAME: "La Strada",
      ORG_CONTACT: "info@example.org",
    });
    expect(config).toMatchObject({
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      ADMIN_IDS: [42, 7],
      LOG_LEVEL: "debug",
      ORG_NAME: "La Strada",
    });
  });

  it.each([
    [{}, "BOT_TOKEN", "BOT_TOKEN is not set"],
    [{ BOT_TOKEN: "  " }, "BOT_TOKEN", "BOT_TOKEN is not set"],
    [{ BOT_TOKEN: "abc" }, "BOT_TOKEN", "@BotFather"],
    [{ BOT_TOKEN: token, ADMIN_IDS: "42,bob" }, "ADMIN_IDS", "numeric"],
    [{ BOT_TOKEN: token, LOG_LEVEL: "loud" }, "LOG_LEVEL", "must be one of"],
    [{ BOT_TOKEN: token, TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT", "http(s) URL"],
    [{ BOT_TOKEN: token, DATABASE_URL: "mysql://x" }, "DATABASE_URL", "PostgreSQL"],
    [{ BOT_TOKEN: token, DATA_ENCRYPTION_KEY: "c2hvcnQ=" }, "DATA_ENCRYPTION_KEY", "32 bytes in base64"],
    [{ BOT_TOKEN: token, DATA_ENCRYPTION_OLD_KEYS: "c2hvcnQ=" }, "DATA_ENCRYPTION_OLD_KEYS", "32 bytes in base64"],
    [{ BOT_TOKEN: token, PREVIEW_PORT: "web" }, "PREVIEW_PORT", "must be a port number"],
    [{ BOT_TOKEN: token, PREVIEW_PORT: "70000" }, "PREVIEW_PORT", "from 0 to 65535"],
  ])("names the bad setting in one line: %j", (env, setting, words) => {
    const err = errorOf(env);
    expect(err.setting).toBe(setting);
    expect(err.message).toContain(words);
    expect(err.message).not.toContain("\n");
  });

  it("reads PREVIEW_PORT (0: any free port)", () => {
    expect(loadConfig({ BOT_TOKEN: token, PREVIEW_PORT: "8080" }).PREVIEW_PORT).toBe(8080);
    expect(loadConfig({ BOT_TOKEN: token, PREVIEW_PORT: "0" }).PREVIEW_PORT).toBe(0);
  });

  it.each([
    [[], {}, "preview"],
    [[], { BOT_TOKEN: " " }, "preview"],
    [[], { BOT_TOKEN: token }, "telegram"],
    [[], { NODE_ENV: "production" }, "telegram"],
    [["--preview"], { BOT_TOKEN: token }, "preview"],
    [["--preview"], { NODE_ENV: "production" }, "preview"],
  ] as const)("start mode with arguments %j and %j: %s", (argv, env, mode) => {
    expect(startMode([...argv], env)).toBe(mode);
  });
});
