import type { Decimal } from "decimal.js";
import { dateFromDay, type Day, dayFromIso } from "../core/dates";
import { displayQuantity, grouped } from "../core/format";
import { formatMoney } from "../core/money";

/*
 * How the pane writes numbers, money and dates: one module, so that every view and
 * every input shows them the same way. Dates are `23 Nov 2026` everywhere (inputs
 * included: they take that form, or ISO `2026-11-23`); only the week table, where the
 * year is in the row's details, drops it (`23 Nov`).
 */

export const qty = displayQuantity;

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

/** Amount and currency never part at the end of a line: a no-break space between them. */
const withCurrency = (amount: string, currency: string) => `${amount}\u00a0${currency}`;

/** An amount in cents with its currency: `1,234.50 USD`. */
export const money = (amount: Decimal, currency: string): string => withCurrency(grouped(formatMoney(amount)), currency);

/** A unit price with its currency, every decimal it has (at least two): `19.995 USD`, `2.50 USD`. */
export const price = (amount: Decimal, currency: string): string => withCurrency(grouped(amount.toFixed(Math.max(2, amount.decimalPlaces()))), currency);

/** `23 Nov 2026`; blank for no date. */
export function date(d: Day | null | undefined): string {
  if (d === null || d === undefined) return "";
  const js = dateFromDay(d);
  return `${js.getUTCDate()} ${MONTHS[js.getUTCMonth()]} ${js.getUTCFullYear()}`;
}

/** `23 Nov`: for the week table, whose rows give the year in their details. */
export function shortDate(d: Day): string {
  const js = dateFromDay(d);
  return `${js.getUTCDate()} ${MONTHS[js.getUTCMonth()]}`;
}

const WRITTEN = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;

/**
 * A date typed into the pane: as the pane shows dates (`7 Dec 2026`, `7 December 2026`)
 * or ISO (`2026-12-07`); undefined when it is neither or no such day exists.
 */
export function parseDate(text: string): Day | undefined {
  const trimmed = text.trim();
  const m = WRITTEN.exec(trimmed);
  if (!m) return dayFromIso(trimmed);
  // The month's three letters or more of its name: `Dec`, `Sept`, `December`.
  const typed = m[2].toLowerCase();
  const month = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(typed));
  if (month < 0) return undefined;
  return dayFromIso(`${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`);
}

const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/**
 * A sentence of core's (a refusal, a problem) as the pane shows it: core writes days as
 * ISO `2026-11-23`, as the command line and the sheets do; the pane writes `23 Nov 2026`.
 */
export function sentence(text: string): string {
  return text.replace(ISO_DAY, (iso) => {
    const day = dayFromIso(iso);
    return day === undefined ? iso : date(day);
  });
}

/** What a date input says when its text is not a date. */
export const DATE_HINT = "Write a date as 7 Dec 2026 (or 2026-12-07).";

export const plural = (n: number, one: string, many = `${one}s`): string => `${displayQuantity(n)} ${n === 1 ? one : many}`;
