import type { Service } from "@prisma/client";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { isCategory, isOblast, SERVICE_ID, UKRAINE } from "./catalog.js";

/**
 * The import/export format: one row per service, these columns (CSV header
 * or JSON keys). Texts come in pairs, `_uk` and `_en`; either may be empty.
 */
export const COLUMNS = [
  "id", "category", "name_uk", "name_en", "address_uk", "address_en", "description_uk", "description_en",
  "hours_uk", "hours_en", "serves_uk", "serves_en", "accessibility_uk", "accessibility_en", "oblast", "city_uk",
  "city_en", "latitude", "longitude", "phones", "website", "telegram", "takes_referrals", "source", "verified_at",
  "active",
] as const;
type Column = (typeof COLUMNS)[number];

const TEXTS = [
  "name", "address", "description", "hours", "serves", "accessibility",
] as const;

/** Why a row was refused; a locale key `svc-error-<code>` says it in words. */
export const ROW_ERROR_CODES = [
  "file", "bad-id", "duplicate-id", "unknown-category", "missing-name", "too-long", "unknown-oblast", "missing-city",
  "bad-coordinates", "outside-ukraine", "bad-phone", "bad-website", "bad-telegram", "bad-flag", "bad-date",
  "missing-source",
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  /** Line in a CSV file (the header is line 1), entry number in a JSON file; 0 for the file as a whole. */
  line: number;
  code: RowErrorCode;
  /** The column concerned, when there is one. */
  column?: Column;
}

export interface Parsed {
  services: Service[];
  errors: RowError[];
}

type Row = Partial<Record<Column, unknown>>;

const MAX_NAME = 150;
const MAX_TEXT = 400;
const PHONE = /^\+?\d[\d ()-]{1,18}\d$/;
const TELEGRAM = /^@?([A-Za-z][A-Za-z0-9_]{4,31})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

class RowProblem extends Error {
  constructor(
    readonly code: RowErrorCode,
    readonly column?: Column,
  ) {
    super(code);
  }
}

function text(row: Row, column: Column, max = MAX_TEXT): string | null {
  const value = row[column];
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  if ([...s].length > max) throw new RowProblem("too-long", column);
  return s || null;
}

function flag(row: Row, column: Column, fallback: boolean): boolean {
  const value = row[column];
  if (typeof value === "boolean") return value;
  const s = value === undefined || value === null ? "" : String(value).trim().toLowerCase();
  if (s === "") return fallback;
  if (["yes", "true", "1", "так"].includes(s)) return true;
  if (["no", "false", "0", "ні"].includes(s)) return false;
  throw new RowProblem("bad-flag", column);
}

function coordinate(row: Row, column: "latitude" | "longitude"): number | null {
  const s = text(row, column, 32);
  if (s === null) return null;
  const n = Number(s.replace(",", "."));
  if (!Number.isFinite(n) || !/^-?\d+([.,]\d+)?$/.test(s)) throw new RowProblem("bad-coordinates", column);
  return n;
}

function phones(row: Row): string | null {
  const s = text(row, "phones");
  if (s === null) return null;
  const list = s.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
  for (const p of list) {
    const digits = p.replace(/\D/g, "").length;
    if (!PHONE.test(p) || digits < 3 || digits > 15) throw new RowProblem("bad-phone", "phones");
  }
  return list.join("; ") || null;
}

function website(row: Row): string | null {
  const s = text(row, "website");
  if (s === null) return null;
  try {
    const url = new URL(s);
    if ((url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".")) return url.href;
  } catch {
    // falls through to the error
  }
  throw new RowProblem("bad-website", "website");
}

function telegram(row: Row): string | null {
  const s = text(row, "telegram", 40);
  if (s === null) return null;
  const m = TELEGRAM.exec(s);
  if (!m) throw new RowProblem("bad-telegram", "telegram");
  return `@${m[1]}`;
}

function date(row: Row): Date | null {
  const s = text(row, "verified_at", 10);
  if (s === null) return null;
  const m = DATE.exec(s);
  const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!d || d.toISOString().slice(0, 10) !== s) throw new RowProblem("bad-date", "verified_at");
  return d;
}

/** One row as a service, or the first thing wrong with it. */
function toService(row: Row): Service {
  const id = text(row, "id", 64);
  if (!id || !SERVICE_ID.test(id)) throw new RowProblem("bad-id", "id");
  const category = text(row, "category", 32) ?? "";
  if (!isCategory(category)) throw new RowProblem("unknown-category", "category");
  const t = Object.fromEntries(
    TEXTS.flatMap((name) => {
      const max = name === "name" ? MAX_NAME : MAX_TEXT;
      return [[`${name}Uk`, text(row, `${name}_uk`, max)], [`${name}En`, text(row, `${name}_en`, max)]];
    }),
  ) as Record<`${(typeof TEXTS)[number]}${"Uk" | "En"}`, string | null>;
  if (!t.nameUk && !t.nameEn) throw new RowProblem("missing-name", "name_uk");

  const oblast = text(row, "oblast", 32);
  if (oblast !== null && !isOblast(oblast)) throw new RowProblem("unknown-oblast", "oblast");
  const cityUk = text(row, "city_uk", 80);
  const cityEn = text(row, "city_en", 80);
  // Every service but a national line is somewhere: the region search lists it by oblast and city.
  if (category !== "hotline" && !oblast) throw new RowProblem("unknown-oblast", "oblast");
  if ((oblast || cityUk || cityEn) && !(cityUk && cityEn && /[a-z]/i.test(cityEn))) {
    throw new RowProblem("missing-city", cityUk ? "city_en" : "city_uk");
  }

  const latitude = coordinate(row, "latitude");
  const longitude = coordinate(row, "longitude");
  if ((latitude === null) !== (longitude === null)) {
    throw new RowProblem("bad-coordinates", latitude === null ? "latitude" : "longitude");
  }
  if (latitude !== null && longitude !== null) {
    const inside = latitude >= UKRAINE.minLat && latitude <= UKRAINE.maxLat &&
      longitude >= UKRAINE.minLon && longitude <= UKRAINE.maxLon;
    if (!inside) throw new RowProblem("outside-ukraine", "latitude");
  }
  const source = text(row, "source");
  if (!source) throw new RowProblem("missing-source", "source");

  return {
    id,
    category,
    ...t,
    oblast,
    cityUk,
    cityEn,
    latitude,
    longitude,
    phones: phones(row),
    website: website(row),
    telegram: telegram(row),
    takesReferrals: flag(row, "takes_referrals", false),
    source,
    verifiedAt: date(row),
    active: flag(row, "active", true),
  };
}

/** Validates rows (with their line numbers): every bad row is reported, each id may appear once. */
export function validateRows(rows: { line: number; row: Row }[]): Parsed {
  const services: Service[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const { line, row } of rows) {
    try {
      const service = toService(row);
      if (seen.has(service.id)) throw new RowProblem("duplicate-id", "id");
      seen.add(service.id);
      services.push(service);
    } catch (err) {
      if (!(err instanceof RowProblem)) throw err;
      errors.push({ line, code: err.code, ...(err.column ? { column: err.column } : {}) });
    }
  }
  return { services, errors };
}

/** Reads an import file: JSON (an array of objects) when it looks like one, CSV otherwise. */
export function parseServicesFile(name: string, bytes: Buffer): Parsed {
  const content = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const json = name.toLowerCase().endsWith(".json") || /^\s*\[/.test(content);
  try {
    if (json) {
      const data: unknown = JSON.parse(content);
      if (!Array.isArray(data)) return fileError();
      return validateRows(data.map((row, i) => ({ line: i + 1, row: typeof row === "object" && row ? row : {} })));
    }
    const records: { record: Row; info: { lines: number } }[] = parse(content, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      info: true,
      trim: true,
    });
    // csv-parse reports the line a record ends on; a record spans one line unless a quoted field has breaks.
    return validateRows(records.map(({ record, info }) => ({ line: info.lines, row: record })));
  } catch (err) {
    // csv-parse names the line of a broken quote or a row with a wrong number of cells.
    const line = (err as { lines?: unknown }).lines;
    return fileError(typeof line === "number" ? line : 0);
  }
}

function fileError(line = 0): Parsed {
  return { services: [], errors: [{ line, code: "file" }] };
}

/** The directory as CSV in the import format: exporting and importing it again changes nothing. */
export function servicesToCsv(services: Service[]): string {
  const cell = (s: Service, column: Column): string => {
    switch (column) {
      case "takes_referrals":
        return s.takesReferrals ? "yes" : "no";
      case "active":
        return s.active ? "yes" : "no";
      case "verified_at":
        return s.verifiedAt ? s.verifiedAt.toISOString().slice(0, 10) : "";
      default: {
        const field = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof Service;
        const value = s[field];
        return value === null || value === undefined ? "" : String(value);
      }
    }
  };
  return stringify(services.map((s) => COLUMNS.map((c) => cell(s, c))), { header: true, columns: [...COLUMNS] });
}
