import type { Progress } from "../../campaign/outbox.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

/** The admin's live view of a broadcast: one message, edited as it goes. */
export function progressText(t: T, p: Progress): string {
  const { broadcast: b, sent, failed, remaining, eta } = p;
  const head = t("bc-progress-head", { id: b.id, status: t("bc-status", { status: b.status }) });
  const counts = t("bc-progress", { sent, failed, remaining });
  const left = remaining > 0 ? ` · ${t("bc-progress-eta", { minutes: Math.floor(eta / 60), seconds: eta % 60 })}` : "";
  return `${head}\n${counts}${left}`;
}
