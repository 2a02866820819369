import { Decimal } from "decimal.js";
import { type Day, dayFromDate, dayFromIso, dayFromSerial } from "./dates";
import { type CellValue, Uncalculated } from "./input";

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

/**
 * A formula saved without its result is never read as blank (an On Hand of 0 would
 * recommend buying): every typed reader rejects it with what to do.
 */
export function uncalculated(value: Uncalculated): Rejected {
  const formula = value.formula ? `the formula =${value.formula}` : "a formula";
  return new Rejected(`holds ${formula} but no saved result (the workbook was saved without calculating): open it in Excel, recalculate (Ctrl+Alt+F9) and save it`);
}

/** A JS Date as the ISO date a person typed; an invalid Date (a broken cell) says so. */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return "an invalid date";
  const iso = value.toISOString();
  return iso.slice(0, iso.indexOf("T"));
}

export function show(value: CellValue): string {
  if (value instanceof Date) return dateText(value);
  if (value instanceof Uncalculated) return String(value);
  return `"${String(value)}"`;
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function readNumber(value: CellValue): Reading<number> {
  if (isBlank(value)) return undefined;
  if (value instanceof Uncalculated) return uncalculated(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : new Rejected("is not a number");
  if (typeof value === "string") {
    const text = value.trim();
    if (NUMERIC_TEXT.test(text)) return Number(text);
  }
  return new Rejected(`${show(value)} is not a number`);
}

export function readDecimal(value: CellValue): Reading<Decimal> {
  if (isBlank(value)) return undefined;
  if (value instanceof Uncalculated) return uncalculated(value);
  if (typeof value === "number" && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === "string" && NUMERIC_TEXT.test(value.trim())) return new Decimal(value.trim());
  return new Rejected(`${show(value)} is not an amount`);
}

/** Codes are text: `123` is the code "123"; surrounding spaces are trimmed. */
export function readCode(value: CellValue): Reading<string> {
  if (isBlank(value)) return undefined;
  if (value instanceof Uncalculated) return uncalculated(value);
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return new Rejected(`${show(value)} is not a code`);
}

/** Free text; a formula without a saved result has none (the sheet reader reports it). */
export function readText(value: CellValue): string {
  if (isBlank(value) || value instanceof Uncalculated) return "";
  if (value instanceof Date) return dateText(value);
  return String(value).trim();
}

/** Excel's first and last dates: 1900-01-01 and 9999-12-31. */
const FIRST_DAY = dayFromIso("1900-01-01")!;
const LAST_DAY = dayFromIso("9999-12-31")!;
const OUT_OF_RANGE = "is not a date Excel can hold (1900-01-01 to 9999-12-31)";

function inRange(day: Day, value: CellValue): Reading<Day> {
  return day >= FIRST_DAY && day <= LAST_DAY ? day : new Rejected(`${typeof value === "number" ? value : show(value)} ${OUT_OF_RANGE}`);
}

export function readDate(value: CellValue, date1904: boolean): Reading<Day> {
  if (isBlank(value)) return undefined;
  if (value instanceof Uncalculated) return uncalculated(value);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? new Rejected("is not a date") : inRange(dayFromDate(value), value);
  }
  // Serial 0 is 1900-01-00 in the 1900 system (and 1904-01-01 in the 1904 one); below it a number is no date at all.
  if (typeof value === "number" && Number.isFinite(value) && value >= (date1904 ? 0 : 1)) return inRange(dayFromSerial(value, date1904), value);
  if (typeof value === "string") {
    const day = dayFromIso(value.trim());
    if (day !== undefined) return inRange(day, value);
  }
  return new Rejected(`${show(value)} is not a date (use a date cell or YYYY-MM-DD)`);
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "x"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

export function readBoolean(value: CellValue): Reading<boolean> {
  if (isBlank(value)) return undefined;
  if (value instanceof Uncalculated) return uncalculated(value);
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return new Rejected(`${show(value)} is not TRUE or FALSE`);
}
