import { type Day, mondayOf } from "./dates";
import { looseName, type WorkbookInput } from "./input";
import type { Problem } from "./problems";
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
}

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
  };
}

type Apply = (sheet: Sheet<"setting" | "value">, row: number, settings: Settings) => boolean;

const CURRENCY = /^[A-Z]{3}$/;

/** Each setting reads its value cell; `false` means the value did not fit (already reported or to report). */
const SETTINGS: Record<string, Apply> = {
  "Plan Start": (s, r, out) => set(s.date(r, "value"), (v) => (out.planStart = mondayOf(v))),
  "Horizon Weeks": (s, r, out) => set(s.number(r, "value", { min: 1, max: 260, integer: true }), (v) => (out.horizonWeeks = v)),
  Currency: (s, r, out) => {
    const code = s.text(r, "value");
    if (!CURRENCY.test(code)) return false;
    out.currency = code;
    return true;
  },
  "Default Warehouse": (s, r, out) => set(s.code(r, "value"), (v) => (out.defaultWarehouse = v)),
  "Safety Days": (s, r, out) => set(s.number(r, "value", { min: 0 }), (v) => (out.safetyDays = v)),
  "Review Weeks": (s, r, out) => set(s.number(r, "value", { min: 1, integer: true }), (v) => (out.reviewWeeks = v)),
  "PO Prefix": (s, r, out) => {
    out.poPrefix = s.text(r, "value");
    return true;
  },
  "Integration URL": (s, r, out) => {
    const url = s.text(r, "value");
    if (!isIntegrationUrl(url)) return false;
    out.integrationUrl = url;
    return true;
  },
};

function set<T>(value: T | undefined, apply: (v: T) => void): boolean {
  if (value === undefined) return false;
  apply(value);
  return true;
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

export function readSettings(input: WorkbookInput, today: Day, problems: Problem[]): Settings {
  const settings = defaultSettings(today);
  const sheet = Sheet.open(input, "Settings", { setting: "Setting", value: "Value" }, ["setting", "value"], problems);
  if (!sheet) return settings;
  const byName = new Map(Object.keys(SETTINGS).map((name) => [looseName(name), name]));
  sheet.describeCells((r, key) => (key === "value" ? byName.get(looseName(sheet.text(r, "setting"))) : undefined));
  const seen = new Set<string>();
  for (const r of sheet.rows) {
    const label = sheet.text(r, "setting");
    const name = byName.get(looseName(label));
    if (!name) {
      sheet.reportAt(r, "setting", `Unknown setting "${label}"; known settings are ${Object.keys(SETTINGS).join(", ")}.`);
      continue;
    }
    if (seen.has(name)) {
      sheet.reportAt(r, "setting", `The setting ${name} is given twice; the first one is used.`);
      continue;
    }
    seen.add(name);
    if (sheet.blank(r, "value")) continue;
    const before = problems.length;
    if (!SETTINGS[name](sheet, r, settings) && problems.length === before) {
      sheet.reportAt(r, "value", `${name} ${JSON.stringify(sheet.text(r, "value"))} does not fit (${HINTS[name] ?? "see the spec"}); the default is used.`);
    }
  }
  return settings;
}

const HINTS: Record<string, string> = {
  Currency: "a three-letter ISO 4217 code such as USD",
  "Integration URL": "an https:// address",
};
