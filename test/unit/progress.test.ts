import { describe, expect, it } from "vitest";
import type { Broadcast } from "@prisma/client";
import { createI18n } from "../../src/bot/i18n.js";
import { progressText } from "../../src/features/staff/progress.js";
import { createLogger } from "../../src/logger.js";

const i18n = createI18n(createLogger("silent"));
const broadcast = { id: 7, status: "running" } as Broadcast;

describe("broadcast progress", () => {
  it("shows sent, failed, remaining and the time left while sending, in both languages", () => {
    const p = { broadcast, sent: 1200, failed: 3, remaining: 1900, eta: 76 };
    expect(progressText((k, v) => i18n.t("en", k, v), p)).toBe(
      "<b>Broadcast #7</b>: sending\nSent 1,200 · failed 3 · remaining 1,900 · about 1 min 16 s left",
    );
    expect(progressText((k, v) => i18n.t("uk", k, v), p)).toBe(
      "<b>Розсилка #7</b>: надсилається\nНадіслано 1\u00a0200 · не доставлено 3 · у черзі 1\u00a0900 · лишилося приблизно 1 хв 16 с",
    );
  });
});
