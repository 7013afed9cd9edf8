import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { bystanderGuide } from "../../src/features/bystander/topics.js";
import { rightsGuide } from "../../src/features/rights/topics.js";
import { createLogger } from "../../src/logger.js";
import { hotlineVars } from "../../src/shared/hotlines.js";
import type { Guide } from "../../src/shared/guide.js";
import type { FakeUser } from "../../src/fake-telegram/index.js";
import { stepLabel } from "../../src/ui/guide.js";
import { TestBot } from "../support/harness.js";

const i18n = createI18n(createLogger("silent"));
const menuLabel = { rights: "menu-rights", bystander: "menu-bystander" } as Record<string, string>;

/** A label or plain text as the person sees it (tags stripped). */
function seen(locale: string, key: string): string {
  return i18n
    .t(locale, key, hotlineVars)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function openGuide(user: FakeUser, locale: string, guide: Guide) {
  await user.send("/menu");
  await user.press(seen(locale, menuLabel[guide.id]!));
  expect(user.lastText).toBe(seen(locale, `${guide.id}-intro`));
}

describe.each([rightsGuide, bystanderGuide])("guide $id", (guide) => {
  it.each(["uk", "en"])("every topic is reachable, pages through, offers next steps and goes back (%s)", async (locale) => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: locale });
    await openGuide(user, locale, guide);
    for (const topic of guide.topics) {
      const title = seen(locale, `${guide.id}-${topic.id}`);
      await user.press(title);
      for (let page = 1; page <= topic.pages; page++) {
        const counter = topic.pages > 1 ? ` (${page}/${topic.pages})` : "";
        expect(user.lastText).toBe(`${title}${counter}\n\n${seen(locale, `${guide.id}-${topic.id}-${page}`)}`);
        expect(user.buttons).toContain(seen(locale, "btn-sos"));
        expect(user.buttons).toContain(seen(locale, "btn-menu"));
        if (page < topic.pages) await user.press(seen(locale, "btn-page-next"));
      }
      const steps = topic.next.map((r) => seen(locale, stepLabel(r)));
      expect(user.buttons).toEqual(expect.arrayContaining(steps));
      if (topic.pages > 1) {
        await user.press(seen(locale, "btn-page-prev"));
        expect(user.lastText).toContain(`(${topic.pages - 1}/${topic.pages})`);
      }
      await user.press(seen(locale, "btn-back"));
      expect(user.lastText).toBe(seen(locale, `${guide.id}-intro`));
    }
    expect(t.problems).toEqual([]);
  });

  it("each next step opens its screen", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    for (const topic of guide.topics) {
      await openGuide(user, "en", guide);
      await user.press(seen("en", `${guide.id}-${topic.id}`));
      for (let page = 1; page < topic.pages; page++) await user.press(seen("en", "btn-page-next"));
      const at = user.lastBotMessage!.id;
      const lastPage = topic.pages > 1 ? `${guide.id}:${topic.id}:${topic.pages}` : `${guide.id}:${topic.id}`;
      for (const step of topic.next) {
        await user.press(seen("en", stepLabel(step)), { messageId: at });
        const [g, id] = step.split(":");
        const screens: Record<string, string> = { lines: "Other support lines", danger: "Am I in danger?" };
        expect(user.lastText).toContain(screens[step] ?? seen("en", `${g}-${id}`));
        await user.pressData(lastPage, at);
      }
    }
  });
});

describe("guide buttons from old messages", () => {
  it("a page number that no longer exists shows the topic's last page; an unknown topic shows the list", async () => {
    const t = await TestBot.start();
    const user = t.user({ languageCode: "en" });
    await user.send("/menu");
    const id = user.lastBotMessage!.id;
    await user.pressData("rights:urgent:9", id);
    expect(user.lastText).toContain("Urgent restraining order");
    await user.pressData("rights:gone", id);
    expect(user.lastText).toBe(seen("en", "rights-intro"));
  });
});
