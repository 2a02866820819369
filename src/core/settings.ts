import { readNumber, readText, Rejected } from "./cells";
import { isMethodName, METHOD_NAMES } from "./forecasting/methods";
import { type Day, isoFromDay, mondayOf } from "./dates";
import { type CellValue, looseName, type WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { SHEETS } from "./schema";
import type { OutValue } from "./sheetSpec";
import { Sheet } from "./sheet";

export interface Settings {
  /** Monday of week 1. */
  planStart: Day;
  horizonWeeks: number;
  currency: string;
  defaultWarehouse: string;
  safetyDays: number;
  reviewWeeks: number;
  poPrefix: string;
  /** Blank when there is no integration. */
  integrationUrl: string;
  /** `auto`, `none` or a method name of the forecasting engine (docs/forecasting.md), in lower case. */
  forecastMethod: string;
  /** Target cycle service level as a fraction (0.95); undefined when not used. */
  serviceLevel?: number;
  /** How far a receipt may exceed the ordered quantity, in percent (5 = 5 %). */
  receiptTolerancePct: number;
}

/** One row of the Settings sheet that reads well or says why not. */
type SettingCell = Sheet<"setting" | "value">;

/**
 * One setting: its name on the Settings sheet, the value "Create Planster sheets"
 * writes (blank for a default that moves, such as Plan Start), how its Value cell
 * is read (undefined when the cell was reported by the typed reader already, a
 * `Rejected` with the sentence otherwise) and how the pane shows it.
 */
interface SettingSpec<K extends keyof Settings> {
  name: string;
  key: K;
  initial: OutValue;
  /** What a value that does not fit is told to be. */
  hint: string;
  read(sheet: SettingCell, row: number, today: Day): Settings[K] | undefined | Rejected;
  /** `dayText` writes a date as the caller shows dates (ISO by default; the pane has its own). */
  show(value: Settings[K], dayText: (day: Day) => string): string;
}

const setting = <K extends keyof Settings>(spec: SettingSpec<K>): SettingSpec<K> => spec;

/** A value of the right kind outside what fits: the setting's hint says what does. */
const MISFIT = new Rejected("");

const CURRENCY = /^[A-Z]{3}$/;
/** A Plan Start further from today than this is a typo (a serial such as 9999 is 1927), not a plan. */
const PLAN_START_YEARS = 10;
const PLAN_START_DAYS = Math.round(PLAN_START_YEARS * 365.25);
const SERVICE_LEVEL = { min: 50, max: 99.9 };
/** What a Forecast Method or Service Level cell (Settings, SKUs) that does not fit is told to hold. */
export const SERVICE_LEVEL_HINT = `a percentage from ${SERVICE_LEVEL.min} to ${SERVICE_LEVEL.max}, written 95, 95% or 0.95`;
export const FORECAST_METHOD_HINT = `auto, none or one of the methods ${METHOD_NAMES.join(", ")}`;

const plain = (value: string | number) => String(value);

/** The settings in the order the Settings sheet and the pane list them (docs/workbook.md). */
export const SETTINGS = [
  setting({
    name: "Plan Start",
    key: "planStart",
    initial: null,
    hint: `a date within ${PLAN_START_YEARS} years of today`,
    read: (s, r, today) => {
      const day = s.date(r, "value");
      if (day === undefined) return undefined;
      if (Math.abs(day - today) > PLAN_START_DAYS) {
        // Beyond what a JS Date holds (a serial such as 1e12) there is no date to name.
        const named = Math.abs(day) < 1e8 ? `${isoFromDay(day)} is` : "it is not a date";
        return new Rejected(`${named} more than ${PLAN_START_YEARS} years from today (${isoFromDay(today)})`);
      }
      return mondayOf(day);
    },
    show: (day, dayText) => dayText(day),
  }),
  setting({
    name: "Horizon Weeks",
    key: "horizonWeeks",
    initial: 26,
    hint: "a whole number of weeks from 1 to 260",
    read: (s, r) => s.number(r, "value", { min: 1, max: 260, integer: true }),
    show: plain,
  }),
  setting({
    name: "Currency",
    key: "currency",
    initial: "USD",
    hint: "a three-letter ISO 4217 code such as USD",
    read: (s, r) => {
      const code = s.text(r, "value");
      return CURRENCY.test(code) ? code : MISFIT;
    },
    show: plain,
  }),
  setting({ name: "Default Warehouse", key: "defaultWarehouse", initial: "MAIN", hint: "a warehouse code", read: (s, r) => s.code(r, "value"), show: plain }),
  setting({ name: "Safety Days", key: "safetyDays", initial: 0, hint: "days of cover, 0 or more", read: (s, r) => s.number(r, "value", { min: 0 }), show: plain }),
  setting({
    name: "Review Weeks",
    key: "reviewWeeks",
    initial: 1,
    hint: "a whole number of weeks, 1 or more",
    read: (s, r) => s.number(r, "value", { min: 1, integer: true }),
    show: plain,
  }),
  setting({ name: "PO Prefix", key: "poPrefix", initial: "PO-", hint: "text", read: (s, r) => s.text(r, "value"), show: plain }),
  setting({
    name: "Integration URL",
    key: "integrationUrl",
    initial: null,
    hint: "an https:// address",
    read: (s, r) => {
      const url = s.text(r, "value");
      return isIntegrationUrl(url) ? url : MISFIT;
    },
    show: (url) => url || "none",
  }),
  setting({
    name: "Forecast Method",
    key: "forecastMethod",
    initial: "auto",
    hint: FORECAST_METHOD_HINT,
    read: (s, r) => readForecastMethod(s.raw(r, "value")),
    show: plain,
  }),
  setting({
    name: "Service Level",
    key: "serviceLevel",
    initial: null,
    hint: SERVICE_LEVEL_HINT,
    read: (s, r) => readServiceLevel(s.raw(r, "value")),
    show: (level) => (level === undefined ? "none" : `${plain(Math.round(level * 1e6) / 1e4)}%`),
  }),
  setting({
    name: "Receipt Tolerance %",
    key: "receiptTolerancePct",
    initial: 0,
    hint: "a percentage, 0 or more",
    read: (s, r) => percent(s.raw(r, "value"), { min: 0 }),
    show: (pct) => `${plain(pct)}%`,
  }),
] as const;

export function defaultSettings(today: Day): Settings {
  return {
    planStart: mondayOf(today),
    horizonWeeks: 26,
    currency: "USD",
    defaultWarehouse: "MAIN",
    safetyDays: 0,
    reviewWeeks: 1,
    poPrefix: "PO-",
    integrationUrl: "",
    forecastMethod: "auto",
    serviceLevel: undefined,
    receiptTolerancePct: 0,
  };
}

/** Each setting as the pane shows it: its name and its value in effect. */
export function settingsShown(settings: Settings, dayText: (day: Day) => string = isoFromDay): [string, string][] {
  return SETTINGS.map((spec) => [spec.name, (spec.show as (value: unknown, dayText: (day: Day) => string) => string)(settings[spec.key], dayText)]);
}

/** HTTPS, or plain HTTP to this machine (a local bridge or a test server). */
export function isIntegrationUrl(text: string): boolean {
  try {
    const url = new URL(text);
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

/** `auto`, `none` or a method of the forecasting engine's registry (src/core/forecasting/methods.ts), in any case. */
export function readForecastMethod(value: CellValue): string | undefined | Rejected {
  const text = readText(value);
  if (text === "") return undefined;
  const word = text.toLowerCase();
  return word === "auto" || word === "none" || isMethodName(word) ? word : MISFIT;
}

const withPercentSign = (value: CellValue): value is string => typeof value === "string" && value.trim().endsWith("%");

/** A number, or text such as `5%`: the number it writes. */
function percentText(value: CellValue): number | undefined | Rejected {
  if (!withPercentSign(value)) return readNumber(value);
  const n = readNumber(value.trim().slice(0, -1));
  return typeof n === "number" ? n : new Rejected(`"${value.trim()}" is not a percentage`);
}

function percent(value: CellValue, bounds: { min: number }): number | undefined | Rejected {
  const pct = percentText(value);
  if (typeof pct !== "number") return pct;
  return pct < bounds.min ? MISFIT : pct;
}

/**
 * docs/forecasting.md: `95`, `95%` or `0.95` are the same level. A plain number below 1
 * is a fraction (a cell formatted as a percentage holds 0.95), anything else percent.
 */
export function readServiceLevel(value: CellValue): number | undefined | Rejected {
  const written = percentText(value);
  if (typeof written !== "number") return written;
  const pct = !withPercentSign(value) && written < 1 ? written * 100 : written;
  // To a ten-thousandth of a percent: 99.9 / 100 would otherwise carry binary noise.
  return pct < SERVICE_LEVEL.min || pct > SERVICE_LEVEL.max ? MISFIT : Math.round(pct * 1e4) / 1e6;
}

export function readSettings(input: WorkbookInput, today: Day, problems: Problem[]): Settings {
  const settings = defaultSettings(today);
  const sheet = Sheet.open(input, SHEETS.settings, problems);
  if (!sheet) return settings;
  const byName = new Map<string, (typeof SETTINGS)[number]>(SETTINGS.map((spec) => [looseName(spec.name), spec]));
  sheet.describeCells((r, key) => (key === "value" ? byName.get(looseName(sheet.text(r, "setting")))?.name : undefined));
  const seen = new Set<string>();
  for (const r of sheet.rows) {
    const label = sheet.text(r, "setting");
    const spec = byName.get(looseName(label));
    if (!spec) {
      sheet.reportAt(r, "setting", `Unknown setting "${label}"; known settings are ${SETTINGS.map((s) => s.name).join(", ")}.`);
      continue;
    }
    if (seen.has(spec.name)) {
      sheet.reportAt(r, "setting", `The setting ${spec.name} is given twice; the first one is used.`);
      continue;
    }
    seen.add(spec.name);
    if (sheet.blank(r, "value") || sheet.uncalculated(r, "value")) continue;
    const value = spec.read(sheet, r, today);
    if (value === undefined) continue;
    if (value instanceof Rejected) {
      const why = value.reason ? `: ${value.reason}` : ` (${spec.hint})`;
      sheet.reportAt(r, "value", `${spec.name} ${JSON.stringify(sheet.text(r, "value"))} does not fit${why}; the default is used.`);
      continue;
    }
    (settings as unknown as Record<string, unknown>)[spec.key] = value;
  }
  return settings;
}
