import type { Feature } from "../bot/feature.js";
import { aboutFeature } from "./about/index.js";
import { bystanderFeature } from "./bystander/index.js";
import { emergencyFeature } from "./emergency/index.js";
import { menuFeature } from "./menu/index.js";
import { rightsFeature } from "./rights/index.js";
import { startFeature } from "./start/index.js";

/** Every feature, in main-menu order. A new feature is one line here. */
export const features: Feature[] = [
  emergencyFeature,
  rightsFeature,
  bystanderFeature,
  startFeature,
  aboutFeature,
  menuFeature,
];
