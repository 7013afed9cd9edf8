/** Routes of the 16 Days subscription (src/ui/routes.ts keeps the shared ones). */
export const CampaignRoute = {
  /** The subscription screen. */
  screen: "days",
  on: "days:on",
  off: "days:off",
  /** Declines the one-time offer. */
  no: "days:no",
  /** `days:silent:0|1`, `days:neutral:0|1` */
  option: "days",
} as const;
