import type { Guide } from "../../shared/guide.js";

/**
 * "Help someone else": what a witness can do safely (content brief §7).
 * Texts live in `locales/<lang>/bystander.ftl` under `bystander-<topic>` and
 * `bystander-<topic>-<page>`.
 */
const verifiedAt = "2026-11-22";

export const bystanderGuide: Guide = {
  id: "bystander",
  topics: [
    {
      id: "five-ds",
      pages: 2,
      next: ["bystander:report", "bystander:dont"],
      source: "Right To Be (5 Ds), content brief §7",
      verifiedAt,
    },
    {
      id: "report",
      pages: 1,
      next: ["bystander:children", "bystander:dont"],
      source:
        "mvs.gov.ua/en/activity/domestic-violence/police-actions; 1547: kyivpost.com (2020 launch), regional administrations; content brief §1, §7",
      verifiedAt,
    },
    {
      id: "children",
      pages: 1,
      next: ["bystander:report", "rights:children"],
      source: "content brief §1, §2 (Law 3733-IX), §7; child line: rrda.rv.gov.ua (2026)",
      verifiedAt,
    },
    {
      id: "dont",
      pages: 1,
      next: ["bystander:five-ds", "bystander:report", "lines"],
      source: "Right To Be (5 Ds: Document and Direct caveats), content brief §7",
      verifiedAt,
    },
  ],
};
