import { stringify } from "csv-stringify/sync";
import { Directory } from "../../src/features/services/directory.js";
import { COLUMNS, validateRows } from "../../src/features/services/records.js";
import { shippedServices } from "../../src/features/services/shipped.js";
import type { TestBot } from "./harness.js";

/**
 * Clearly fake services for tests: "(test)" in every name, phone numbers
 * starting +000, example.org sites. The running bot never loads these.
 */
export type FakeRow = Partial<Record<(typeof COLUMNS)[number], string>>;

export function fakeService(id: string, overrides: FakeRow = {}): FakeRow {
  return {
    id,
    category: "shelter",
    name_uk: `Тестовий притулок ${id} (test)`,
    name_en: `Test shelter ${id} (test)`,
    address_uk: `вул. Тестова, ${id.length}`,
    address_en: `${id.length} Test Street`,
    hours_uk: "Цілодобово (тест)",
    hours_en: "24/7 (test)",
    oblast: "kyiv",
    city_uk: "Київ",
    city_en: "Kyiv",
    latitude: "50.46",
    longitude: "30.52",
    phones: "+000 00 000 00 01",
    website: "https://example.org/",
    source: "test fixture",
    verified_at: "2026-06-01",
    ...overrides,
  };
}

/** Near a test origin in Kyiv (50.45, 30.52): ids say the order by distance. */
export const KYIV: { latitude: number; longitude: number } = { latitude: 50.4501, longitude: 30.5234 };
export const kyivRows: FakeRow[] = [
  fakeService("near-1", { latitude: "50.455", longitude: "30.525" }),
  fakeService("near-3", { latitude: "50.48", longitude: "30.52", verified_at: "" }),
  fakeService("near-2", { latitude: "50.46", longitude: "30.53", category: "police", name_uk: "Тестовий відділ поліції (test)", name_en: "Test police station (test)" }),
  fakeService("near-4", { latitude: "50.52", longitude: "30.50", verified_at: "2024-01-10" }),
  fakeService("lviv-1", { oblast: "lviv", city_uk: "Львів", city_en: "Lviv", latitude: "49.84", longitude: "24.03" }),
];

export function csvOf(rows: FakeRow[]): Buffer {
  return Buffer.from(stringify(rows, { header: true, columns: [...COLUMNS] }), "utf8");
}

/** Loads rows (and the shipped national lines) straight into the bot's database. */
export async function loadServices(t: TestBot, rows: FakeRow[], withShipped = true): Promise<void> {
  const { services, errors } = validateRows(rows.map((row, i) => ({ line: i + 2, row })));
  if (errors.length) throw new Error(JSON.stringify(errors));
  const directory = new Directory(t.prisma);
  await directory.apply(await directory.plan([...(withShipped ? shippedServices() : []), ...services]));
}
