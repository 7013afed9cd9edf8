import { describe, expect, it } from "vitest";
import { Directory } from "../../src/features/services/directory.js";
import { parseServicesFile, servicesToCsv } from "../../src/features/services/records.js";
import { TestBot } from "../support/harness.js";
import { csvOf, fakeService, kyivRows, loadServices } from "../support/services.js";

const ADMIN = 5_559_000_001;

async function bot() {
  const t = await TestBot.start({ admins: [ADMIN] });
  await loadServices(t, kyivRows);
  return t;
}

const ids = async (t: TestBot) => (await new Directory(t.prisma).all()).filter((s) => s.active).map((s) => s.id);

describe("staff keep the directory current in Telegram", () => {
  it("export, edit, upload: a dry-run summary first, applied all-or-nothing only from its confirmation (en)", async () => {
    const t = await bot();
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    await admin.send("/services_export");
    const exported = admin.lastBotMessage!.document!;
    expect(exported.fileName).toBe("services.csv");
    const current = parseServicesFile("services.csv", exported.bytes);
    expect(current.errors).toEqual([]);
    expect(current.services).toEqual(await new Directory(t.prisma).all());

    const [added] = parseServicesFile("n.csv", csvOf([fakeService("new-1")])).services;
    const next = [
      ...current.services.filter((s) => s.id !== "near-1").map((s) => (s.id === "near-3" ? { ...s, hoursEn: "Mon-Fri (test)" } : s)),
      added!,
    ];
    const before = await ids(t);
    await admin.sendDocument("services.csv", Buffer.from(servicesToCsv(next)), "text/csv");
    expect(admin.lastText).toContain(`The file is checked. Applying it would give:\n\nadded: 1\nchanged: 1\ndeactivated (not in the file): 1\nunchanged: ${next.length - 2}`);
    expect(await ids(t)).toEqual(before); // nothing applied yet
    const summary = admin.lastBotMessage!.id;

    await admin.pressData("svc:imp:forged", summary);
    expect(admin.lastText).toBe("This confirmation is no longer valid. Please send the file again.");
    expect(await ids(t)).toEqual(before);

    await admin.sendDocument("services.csv", Buffer.from(servicesToCsv(next)), "text/csv");
    await admin.press("✅ Yes, apply");
    expect(admin.lastText).toContain("Done, the directory is updated.");
    expect(await ids(t)).toEqual(before.filter((id) => id !== "near-1").concat("new-1").sort());
    expect((await new Directory(t.prisma).find("near-3"))?.hoursEn).toBe("Mon-Fri (test)");
    expect(t.problems).toEqual([]);
  });

  it("a file with bad rows: each listed with line and reason, nothing changed (uk)", async () => {
    const t = await bot();
    const admin = t.user({ id: ADMIN, languageCode: "uk" });
    const before = await new Directory(t.prisma).all();
    const file = csvOf([fakeService("fine"), fakeService("bad-phone", { phones: "дзвоніть" }), fakeService("fine")]);
    await admin.sendDocument("services.csv", file, "text/csv");
    expect(admin.lastText).toContain("У файлі є помилки: 2. Нічого не змінено.");
    expect(admin.lastText).toContain("• Рядок 3 (phones): неправильний номер телефону\n• Рядок 4 (id): такий ідентифікатор уже є вище у файлі");
    expect(admin.buttons).not.toContain("✅ Так, застосувати");
    expect(await new Directory(t.prisma).all()).toEqual(before);
  });

  it("more errors than fit the chat come as a full report file", async () => {
    const t = await bot();
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    const rows = Array.from({ length: 35 }, (_, i) => fakeService(`x-${i}`, { category: "spa" }));
    await admin.sendDocument("services.json", Buffer.from(JSON.stringify(rows)), "application/json");
    const report = admin.lastBotMessage!.document!;
    expect(report.fileName).toBe("import-errors.txt");
    expect(report.bytes.toString().split("\n")).toHaveLength(35);
    expect(report.bytes.toString()).toContain("Line 35 (category): unknown kind of help");
  });

  it("refuses uploads and staff commands from anyone else, without reading the file", async () => {
    const t = await bot();
    const user = t.user({ languageCode: "en" });
    const before = await new Directory(t.prisma).all();
    await user.sendDocument("services.csv", csvOf([fakeService("intruder")]), "text/csv");
    expect(user.lastText).toContain("I am only a bot and do not reply to messages");
    for (const command of ["/services_export", "/qr help"]) {
      await user.send(command);
      expect(user.lastText).toBe("I don’t know that command. Here is what I can do:");
    }
    expect(t.fake.calls.some((c) => c.method === "getFile")).toBe(false);
    expect(await new Directory(t.prisma).all()).toEqual(before);
  });

  it("/qr gives a poster's link as a PNG and an SVG QR code; bad payloads get the usage", async () => {
    const t = await bot();
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    await admin.send("/qr svc_near-1");
    const [photo, svg] = admin.messages.slice(-2);
    const link = "https://t.me/test_bot?start=svc_near-1";
    expect(photo!.text).toBe(link);
    expect(photo!.photo!.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(svg!.document!.fileName).toBe("qr-svc_near-1.svg");
    expect(svg!.document!.bytes.toString()).toMatch(/^<svg /);
    expect(svg!.text).toBe(link);

    for (const payload of ["svc_nope", "hub_near-1", "", "rights!"]) {
      await admin.send(`/qr ${payload}`.trim());
      expect(admin.lastText).toContain("A link and QR code for a poster:\n/qr svc_<id>: a service’s card");
    }
    await admin.send("/qr help");
    expect(admin.lastBotMessage!.text).toBe("https://t.me/test_bot?start=help");
  });

  it("a file that is not CSV or JSON gets a kind note", async () => {
    const t = await bot();
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    await admin.sendDocument("photo.jpg", Buffer.from([0xff, 0xd8, 0xff]), "image/jpeg");
    expect(admin.lastText).toContain("Please send a CSV or JSON file of up to 20 MB");
  });
});
