import type { Feature } from "../../bot/feature.js";
import { guideComposer, isGuideScreen } from "../../ui/guide.js";
import { rightsGuide } from "./topics.js";

/** "My rights": the law on domestic violence in short screens (content brief §2). */
export const rightsFeature: Feature = {
  menu: { label: "menu-rights", route: rightsGuide.id },
  screens: (route) => isGuideScreen(rightsGuide, route),
  composer: () => guideComposer(rightsGuide),
};
