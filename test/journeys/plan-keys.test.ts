import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { reencryptAll } from "../../src/privacy/rekey.js";
import { createCipher, newKey, parseKey } from "../../src/shared/crypto.js";
import { startInEnglish, TEST_KEY, TestBot } from "../support/harness.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** One person with a saved plan, another with a plan in progress. */
async function plansUnderTestKey(t: TestBot) {
  const saver = t.user({ languageCode: "en" });
  await startInEnglish(saver);
  await saver.send("/plan");
  await saver.press("▶️ Make a plan");
  await saver.press("✏️ Add a note");
  await saver.send("NoteUnderOldKey");
  for (let step = 1; step <= 9; step++) await saver.press(step === 1 ? "Next →" : "Skip →");
  await saver.press("💾 Keep my plan");
  const drafter = t.user({ languageCode: "uk" });
  await drafter.send("/plan");
  await drafter.press("▶️ Скласти план");
}

describe("plans and the encryption key", () => {
  it("npm run rekey re-encrypts saved plans and plans in progress", async () => {
    const t = await TestBot.start();
    await plansUnderTestKey(t);
    const next = parseKey(newKey());
    const rotated = createCipher(next, [TEST_KEY]);
    // One session (the language), one saved plan, one conversation in progress.
    expect(await reencryptAll(t.prisma, rotated)).toBe(3);
    expect(await reencryptAll(t.prisma, rotated)).toBe(0);
    const fresh = createCipher(next);
    const plan = await t.prisma.safetyPlan.findFirstOrThrow();
    expect(fresh.keyIdOf(plan.value)).toBe(fresh.keyId);
    expect(JSON.parse(fresh.decrypt(plan.value)).steps.places.note).toBe("NoteUnderOldKey");
    const draft = await t.prisma.conversationState.findFirstOrThrow();
    expect(fresh.keyIdOf(draft.value)).toBe(fresh.keyId);
    expect(() => JSON.parse(fresh.decrypt(draft.value))).not.toThrow();
  });

  it("a wrong key gives one clear error line", async () => {
    const t = await TestBot.start();
    await plansUnderTestKey(t);
    const wrong = createCipher(parseKey(newKey()));
    await expect(reencryptAll(t.prisma, wrong)).rejects.toThrow(/^no key with id [\w-]+: add it to DATA_ENCRYPTION_OLD_KEYS$/);
    await t.prisma.$disconnect();

    const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), "src/rekey.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        BOT_TOKEN: "123456:TEST-token-abcdefghijklmnop",
        DATABASE_URL: t.dbUrl,
        DATA_ENCRYPTION_KEY: newKey(),
        DATA_ENCRYPTION_OLD_KEYS: "",
      },
    });
    expect(run.status).toBe(1);
    const output = (run.stdout + run.stderr).trim();
    expect(output).toMatch(/^Cannot re-encrypt: no key with id [\w-]+: add it to DATA_ENCRYPTION_OLD_KEYS$/);
    await t.restart();
  }, 30_000);
});
