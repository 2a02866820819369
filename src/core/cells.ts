import { Decimal } from "decimal.js";
import { type Day, dayFromDate, dayFromIso, dayFromSerial, isoFromDay } from "./dates";
import type { CellValue } from "./input";

/**
 * Typed readings of one cell. Each returns `undefined` for a blank cell and a
 * `Rejected` (with the sentence a planner reads) for a value that does not fit.
 */
export class Rejected {
  constructor(readonly reason: string) {}
}

export type Reading<T> = T | undefined | Rejected;

export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A JS Date as the ISO date a person typed; an invalid Date (a broken cell) says so. */
function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? "an invalid date" : isoFromDay(dayFromDate(value));
}

export function show(value: CellValue): string {
  if (value instanceof Date) return dateText(value);
  return `"${String(value)}"`;
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function readNumber(value: CellValue): Reading<number> {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : new Rejected("is not a number");
  if (typeof value === "string") {
    const text = value.trim();
    if (NUMERIC_TEXT.test(text)) return Number(text);
  }
  return new Rejected(`${show(value)} is not a number`);
}

export function readDecimal(value: CellValue): Reading<Decimal> {
  if (isBlank(value)) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === "string" && NUMERIC_TEXT.test(value.trim())) return new Decimal(value.trim());
  return new Rejected(`${show(value)} is not an amount`);
}

/** Codes are text: `123` is the code "123"; surrounding spaces are trimmed. */
export function readCode(value: CellValue): Reading<string> {
  if (isBlank(value)) return undefined;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return new Rejected(`${show(value)} is not a code`);
}

export function readText(value: CellValue): string {
  if (isBlank(value)) return "";
  if (value instanceof Date) return dateText(value);
  return String(value).trim();
}

export function readDate(value: CellValue, date1904: boolean): Reading<Day> {
  if (isBlank(value)) return undefined;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? new Rejected("is not a date") : dayFromDate(value);
  }
  if (typeof value === "number" && Number.isFinite(value) && value >= 1) return dayFromSerial(value, date1904);
  if (typeof value === "string") {
    const day = dayFromIso(value.trim());
    if (day !== undefined) return day;
  }
  return new Rejected(`${show(value)} is not a date (use a date cell or YYYY-MM-DD)`);
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "x"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

export function readBoolean(value: CellValue): Reading<boolean> {
  if (isBlank(value)) return undefined;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return new Rejected(`${show(value)} is not TRUE or FALSE`);
}
