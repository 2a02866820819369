import { type Day, dayFromIso, dayFromSerial, isoFromDay } from "../core/dates";
import type { Settings } from "../core/settings";
import { weekOf, weekStart } from "../core/weeks";
import { badArgument } from "./errors";

/**
 * Arguments as Excel hands them to a function declared `any`: numbers, text,
 * booleans, and `null`/`undefined` (or an empty string from a blank cell) when
 * omitted. Every refusal names the argument.
 */
export type Arg = unknown;

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
/** Week indexes stop at 260 (Horizon Weeks' maximum); serials this small are not plan dates. */
const LAST_NON_DATE_SERIAL = 366;

export function isOmitted(value: Arg): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function shown(value: Arg): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** A code (SKU, warehouse, supplier, PO): text or a number, trimmed; `undefined` when omitted. */
export function optionalCode(value: Arg, name: string): string | undefined {
  if (isOmitted(value)) return undefined;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw badArgument(`${name} must be a code such as a SKU or supplier, not ${shown(value)}.`);
}

export function requiredCode(value: Arg, name: string): string {
  const code = optionalCode(value, name);
  if (code === undefined) throw badArgument(`${name} is required.`);
  return code;
}

/** A number, or numeric text such as "3"; `undefined` when omitted. */
function optionalNumber(value: Arg): number | undefined | null {
  if (isOmitted(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && NUMERIC_TEXT.test(value.trim())) return Number(value.trim());
  return null;
}

/** A date as an Excel serial (in the workbook's date system) or ISO text `2026-11-23`. */
export function optionalDate(value: Arg, name: string, date1904: boolean): Day | undefined {
  if (isOmitted(value)) return undefined;
  if (typeof value === "string") {
    const day = dayFromIso(value.trim());
    if (day !== undefined) return day;
  }
  const n = optionalNumber(value);
  if (typeof n === "number" && n >= 1) return dayFromSerial(n, date1904);
  throw badArgument(`${name} must be a date (a date cell, a serial number or YYYY-MM-DD), not ${shown(value)}.`);
}

/**
 * A plan week: a whole number 1..H, or a date inside the plan (as a serial or
 * ISO text), which stands for the week that contains it.
 */
export function optionalWeek(value: Arg, name: string, settings: Settings, date1904: boolean): number | undefined {
  if (isOmitted(value)) return undefined;
  const H = settings.horizonWeeks;
  const n = optionalNumber(value);
  const isoDay = typeof value === "string" ? dayFromIso(value.trim()) : undefined;
  if (isoDay === undefined && n === null) {
    throw badArgument(`${name} must be a week number 1..${H} or a date inside the plan, not ${shown(value)}.`);
  }
  if (isoDay === undefined && typeof n === "number" && n <= LAST_NON_DATE_SERIAL) {
    if (Number.isInteger(n) && n >= 1 && n <= H) return n;
    if (!Number.isInteger(n)) throw badArgument(`${name} ${n} is not a whole week number: use a week number 1..${H} or a date inside the plan.`);
    throw badArgument(`${name} ${n} is outside the plan: use a week number 1..${H} or a date inside the plan.`);
  }
  const day = isoDay ?? dayFromSerial(n as number, date1904);
  const week = weekOf(day, settings.planStart);
  if (week >= 1 && week <= H) return week;
  const first = isoFromDay(settings.planStart);
  const last = isoFromDay(weekStart(H + 1, settings.planStart) - 1);
  throw badArgument(`${name} ${isoFromDay(day)} is outside the plan (${first} to ${last}).`);
}

export function requiredWeek(value: Arg, name: string, settings: Settings, date1904: boolean): number {
  const week = optionalWeek(value, name, settings, date1904);
  if (week === undefined) throw badArgument(`${name} is required: a week number 1..${settings.horizonWeeks} or a date inside the plan.`);
  return week;
}

/** An ISO 4217 code; lower case is accepted. */
export function optionalCurrency(value: Arg, name: string): string | undefined {
  if (isOmitted(value)) return undefined;
  const code = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (CURRENCY.test(code)) return code;
  throw badArgument(`${name} must be a three-letter currency code such as USD, not ${shown(value)}.`);
}

/** A whole number from `min` to `max`; `undefined` when omitted. */
export function optionalWhole(value: Arg, name: string, min: number, max: number): number | undefined {
  const n = optionalNumber(value);
  if (n === undefined) return undefined;
  if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n;
  throw badArgument(`${name} must be a whole number from ${min} to ${max}, not ${shown(value)}.`);
}

/**
 * The numbers of one column or one row of cells (a single cell too), in order: blank
 * cells are missing (NaN); text that is not a number is refused, naming its place.
 */
export function numberSeries(value: Arg, name: string): number[] {
  const rows = Array.isArray(value) ? (value as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : [row])) : [[value]];
  const columns = rows.reduce((most, row) => Math.max(most, row.length), 0);
  if (rows.length > 1 && columns > 1) throw badArgument(`${name} must be one column or one row of numbers, not ${rows.length} rows by ${columns} columns.`);
  const cells = rows.length > 1 ? rows.map((row) => row[0]) : (rows[0] ?? []);
  return cells.map((cell, i) => {
    const n = optionalNumber(cell);
    if (n === undefined) return NaN;
    if (n === null) throw badArgument(`${name}: ${shown(cell)} (number ${i + 1} of ${cells.length}) is not a number.`);
    return n;
  });
}
