import type { Feature } from "../../bot/feature.js";
import { guideComposer, isGuideScreen } from "../../ui/guide.js";
import { bystanderGuide } from "./topics.js";

/** "Help someone else": the 5 Ds, reporting, children, what not to do (content brief §7). */
export const bystanderFeature: Feature = {
  menu: { label: "menu-bystander", route: bystanderGuide.id },
  screens: (route) => isGuideScreen(bystanderGuide, route),
  composer: () => guideComposer(bystanderGuide),
};
