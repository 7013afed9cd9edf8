import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPreview } from "../support/preview.js";

const CHROMIUM = "/usr/bin/chromium";
/** Screenshots of the runs, kept after the tests (git-ignored). */
const ARTEFACTS = resolve(import.meta.dirname, "../../test-artifacts");
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED: the preview's browser test needs Chromium at ${CHROMIUM} ` +
    "(Debian: apt-get install -y chromium; .ci/run installs it).");
}

describe.skipIf(!hasChromium)("the preview in a real browser (Chromium, phone-sized)", () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), "preview-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 390, height: 760 },
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
    mkdirSync(ARTEFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** A button by its exact visible name. */
  const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });
  const lastBotText = (page: Page) => page.locator("#chat li.bot .text").last();

  async function untilText(page: Page, text: string): Promise<void> {
    await page.locator("#chat li.bot .text", { hasText: text }).last().waitFor({ timeout: 10_000 });
  }

  it("walks a person through the bot in English, erases the chat, then starts over in Ukrainian", async () => {
    const { server } = await startTestPreview();
    const page = await context.newPage();
    const external: string[] = [];
    page.on("request", (r) => void (r.url().startsWith(server.url) || external.push(r.url())));
    await page.goto(server.url);
    expect(await page.locator("#badge").textContent()).toBe("Preview, not Telegram");

    // The Telegram language is chosen before /start.
    await page.getByLabel("English (en)").check();
    await button(page, "Start (/start)").click();
    await untilText(page, "Is it safe for you to chat right now?");
    expect(await page.locator("#setup").isHidden()).toBe(true);

    // By keyboard: the focused button is pressed with Enter, and focus moves on to the next screen's buttons.
    await button(page, "Yes, it is safe").focus();
    await page.keyboard.press("Enter");
    await untilText(page, "Hello!");
    expect(await page.evaluate(() => document.activeElement?.closest("li.bot") !== null)).toBe(true);
    await button(page, "English").click();
    await untilText(page, "How can I help?");
    await page.screenshot({ path: join(ARTEFACTS, "preview-menu.png") });

    await button(page, "⚖️ My rights").click();
    await untilText(page, "A short guide to what Ukrainian law says");
    await button(page, "Urgent restraining order (police)").click();
    await untilText(page, "Urgent restraining order");
    await page.screenshot({ path: join(ARTEFACTS, "preview-en.png") });
    await button(page, "← Back").click();
    await untilText(page, "A short guide to what Ukrainian law says");
    await button(page, "🆘 Emergency numbers").click();
    await untilText(page, "102");
    expect(await lastBotText(page).locator("strong").count()).toBeGreaterThan(0); // HTML shown as formatting

    const before = await page.locator("#chat li").count();
    expect(before).toBeGreaterThan(1);
    await button(page, "🚪 Quick exit").click();
    await page.locator("#chat li").first().waitFor({ state: "detached", timeout: 10_000 });
    expect(await page.locator("#chat li").count()).toBe(0);
    expect(await page.locator("#status").textContent()).toContain(`The bot deleted ${before} messages`);

    await button(page, "New person").click();
    await page.getByLabel("Українська (uk)").check();
    await button(page, "Start (/start)").click();
    await untilText(page, "Чи безпечно вам зараз переписуватися?");
    await button(page, "Так, безпечно").click();
    await untilText(page, "Вітаю");
    await page.screenshot({ path: join(ARTEFACTS, "preview-uk.png") });
    expect(external).toEqual([]); // nothing is loaded from elsewhere
  }, 60_000);

  it("shows a reply keyboard, shares a stand-in city, notes protected messages, and has an admin tab", async () => {
    const { t, server, chats } = await startTestPreview();
    const page = await context.newPage();
    await page.goto(server.url);
    await button(page, "Start (/start)").click(); // Ukrainian, the default
    await untilText(page, "Чи безпечно вам зараз переписуватися?");
    const userId = chats.state().chats[0]!.userId!;
    await t.bot.api.sendMessage(userId, "<b>Where</b> are you?", {
      parse_mode: "HTML",
      protect_content: true,
      reply_markup: { keyboard: [[{ text: "📍 Share my location", request_location: true }]], one_time_keyboard: true },
    });
    await untilText(page, "Where are you?");
    expect(await lastBotText(page).locator("strong").textContent()).toBe("Where");
    expect(await page.locator("#chat li.bot").last().textContent()).toContain("Protected: Telegram blocks forwarding");

    await button(page, "📍 Share my location").click();
    await button(page, "Львів / Lviv").click();
    await page.locator("#chat li.user .card", { hasText: "Location 49.8397, 24.0297" }).waitFor({ timeout: 10_000 });
    expect(await page.locator("#reply-keyboard").isHidden()).toBe(true); // a one-time keyboard goes after use
    await page.screenshot({ path: join(ARTEFACTS, "preview-reply-keyboard.png") });

    await button(page, "Admin").click();
    expect(await page.locator("#setup").isVisible()).toBe(true);
    expect(await page.locator("#new-person").isHidden()).toBe(true);
    expect(await page.locator("#chat li").count()).toBe(0);
    await button(page, "Person").click();
    expect(await page.locator("#chat li").count()).toBeGreaterThan(2);
  }, 60_000);

  it("walks a referral end to end: the person asks, the caseworker claims the card in the staff group and replies; the admin's QR code shows", async () => {
    const { server } = await startTestPreview();
    const page = await context.newPage();
    const external: string[] = [];
    page.on("request", (r) => void (r.url().startsWith(server.url) || external.push(r.url())));
    await page.goto(server.url);
    await page.getByLabel("English (en)").check();
    await button(page, "Start (/start)").click();
    for (const [label, next] of [
      ["Yes, it is safe", "Hello!"],
      ["English", "How can I help?"],
      ["💬 Talk to a person", "A specialist can contact you"],
      ["⚡ Whoever can help fastest", "What help do you need?"],
      ["Something else", "How should they contact you?"],
      ["💬 Through this chat (anonymous)", "Anything they should know first?"],
      ["Skip", "Please check before sending"],
      ["✅ Send", "Your reference code is"],
    ] as const) {
      await button(page, label).last().click();
      await untilText(page, next);
    }
    const code = /reference code is (\w{6})/.exec((await page.locator("#chat").textContent()) ?? "")![1]!;

    // The card is in the staff group; the caseworker (the default member) claims it.
    await button(page, "Staff group").click();
    expect(await page.locator("#group-info").isVisible()).toBe(true);
    await untilText(page, code);
    expect(await page.getByLabel("Write and press as").inputValue()).toBe("caseworker");
    await button(page, "✋ Взяти").click();
    await untilText(page, "Olena");
    await page.screenshot({ path: join(ARTEFACTS, "preview-staff-group.png") });

    // A reply to the card, by keyboard, reaches the person.
    await page.getByRole("button", { name: /^Reply to this message: 📋/ }).last().focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("#replying").isVisible()).toBe(true);
    await page.keyboard.type("Hello, this is Olena. I can help today.");
    await page.keyboard.press("Enter");
    await page.locator("#chat li.user", { hasText: "Hello, this is Olena." }).locator(".quote").waitFor({ timeout: 10_000 });
    expect(await page.locator("#replying").isHidden()).toBe(true);
    await button(page, "Person").click();
    await untilText(page, "Hello, this is Olena. I can help today.");

    // The admin's /qr: the PNG shows as an image, the SVG is a download link.
    await button(page, "Admin").click();
    await page.getByLabel("English (en)").check();
    await button(page, "Start (/start)").click();
    await untilText(page, "Is it safe for you to chat right now?");
    await button(page, "Yes, it is safe").click();
    await untilText(page, "Hello!");
    await page.getByLabel("Message to the bot").fill("/qr rights");
    await page.keyboard.press("Enter");
    const image = page.locator("#chat li.bot img").last();
    await image.waitFor({ timeout: 10_000 });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    expect(await image.getAttribute("alt")).toContain("from the bot");
    await page.locator("#chat a[download]", { hasText: "qr-rights.svg" }).waitFor({ timeout: 10_000 });
    await image.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTEFACTS, "preview-qr.png") });
    expect(external).toEqual([]);
  }, 90_000);
});
