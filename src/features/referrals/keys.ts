import { HELP_KINDS, STAFF_OUTCOMES, WINDOWS, PARTNER_KINDS } from "./domain.js";
import { ACTOR_LABELS } from "./store.js";

const outcomes = [...STAFF_OUTCOMES, "cancelled", "withdrawn"];

/** Locale keys built from data, for the locale checks. */
export const referralKeys = [
  ...HELP_KINDS.map((h) => `ref-help-${h}`),
  ...WINDOWS.map((w) => `ref-window-${w}`),
  ...PARTNER_KINDS.map((k) => `staff-kind-${k}`),
  ...outcomes.map((o) => `ref-outcome-${o}`),
  ...outcomes.map((o) => `ref-status-closed-${o}`),
  ...STAFF_OUTCOMES.map((o) => `btn-card-${o}`),
  ...["open", "claimed", "contacted"].flatMap((s) => [`ref-status-${s}`, `card-status-${s}`]),
  ...ACTOR_LABELS.map((a) => `card-actor-${a}`),
  ...["sent", "claimed", "contacted", "released", "reminder", "escalated", "message-to-person", "message-to-staff", "cancelled", "withdrawn"]
    .concat(STAFF_OUTCOMES.map((o) => `closed-${o}`))
    .map((e) => `card-event-${e}`),
  "card-cancelled",
  "card-withdrawn",
];

