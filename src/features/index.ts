import type { Feature } from "../bot/feature.js";
import { privacyFeature } from "./privacy/index.js";
import { quickExitFeature } from "./quick-exit/index.js";
import { bystanderFeature } from "./bystander/index.js";
import { dangerFeature } from "./danger/index.js";
import { planFeature } from "./plan/index.js";
import { campaignFeature } from "./campaign/index.js";
import { emergencyFeature } from "./emergency/index.js";
import { menuFeature } from "./menu/index.js";
import { referralsFeature } from "./referrals/index.js";
import { rightsFeature } from "./rights/index.js";
import { servicesFeature } from "./services/index.js";
import { staffFeature } from "./staff/index.js";
import { startFeature } from "./start/index.js";

/** Every feature, in main-menu order. A new feature is one line here. */
export const features: Feature[] = [
  quickExitFeature,
  emergencyFeature,
  servicesFeature,
  rightsFeature,
  planFeature,
  dangerFeature,
  bystanderFeature,
  referralsFeature,
  campaignFeature,
  startFeature,
  privacyFeature,
  menuFeature,
  staffFeature,
];
