import type { Guide } from "../../shared/guide.js";

/**
 * "My rights": what Ukrainian law says about domestic violence (content brief §2).
 * Texts live in `locales/<lang>/rights.ftl` under `rights-<topic>` and
 * `rights-<topic>-<page>`.
 */
const verifiedAt = "2026-11-22";

export const rightsGuide: Guide = {
  id: "rights",
  topics: [
    {
      id: "forms",
      pages: 2,
      next: ["rights:who", "rights:rights", "lines"],
      source: "zakon.rada.gov.ua/laws/show/2229-19 (Law 2229-VIII), content brief §2",
      verifiedAt,
    },
    {
      id: "who",
      pages: 1,
      next: ["rights:rights", "rights:urgent"],
      source: "zakon.rada.gov.ua/laws/show/2229-19 (Law 2229-VIII), content brief §2",
      verifiedAt,
    },
    {
      id: "rights",
      pages: 2,
      next: ["rights:urgent", "rights:legal-aid", "lines"],
      source: "mvs.gov.ua/en/activity/domestic-violence/rights-of-victims, content brief §2",
      verifiedAt,
    },
    {
      id: "urgent",
      pages: 2,
      next: ["rights:restrict", "rights:legal-aid", "danger"],
      source: "zakon.rada.gov.ua/laws/show/2229-19 (Law 2229-VIII), content brief §2",
      verifiedAt,
    },
    {
      id: "restrict",
      pages: 2,
      next: ["rights:legal-aid", "rights:urgent"],
      source:
        "zakon.rada.gov.ua/laws/show/2229-19 (Law 2229-VIII); legal aid: pravo.minjust.gov.ua/en/programs/violence; content brief §2",
      verifiedAt,
    },
    {
      id: "crime",
      pages: 1,
      next: ["rights:urgent", "rights:legal-aid"],
      source: "Criminal Code of Ukraine Art. 126-1; Code of Ukraine on Administrative Offences Art. 173-2; content brief §2",
      verifiedAt,
    },
    {
      id: "legal-aid",
      pages: 1,
      next: ["rights:restrict", "rights:crsv", "lines"],
      source: "pravo.minjust.gov.ua/en/programs/violence, content brief §1-2",
      verifiedAt,
    },
    {
      id: "children",
      pages: 2,
      next: ["rights:restrict", "rights:legal-aid", "lines"],
      source:
        "Law 3733-IX (in force 19 Dec 2024) amending zakon.rada.gov.ua/laws/show/2229-19; child line: rrda.rv.gov.ua (2026); content brief §1-2",
      verifiedAt,
    },
    {
      id: "crsv",
      pages: 1,
      next: ["rights:legal-aid", "lines"],
      source: "Law 4067-IX (in force 18 Jun 2025); legal aid: pravo.minjust.gov.ua/en/programs/violence; content brief §2",
      verifiedAt,
    },
  ],
};
