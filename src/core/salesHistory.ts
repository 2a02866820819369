import { isoFromDay } from "./dates";
import { type ItemIndex, rowItem } from "./catalog";
import { readBoolean, readNumber, Rejected, show } from "./cells";
import { Uncalculated, type WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { type ColumnKey, SHEETS } from "./schema";
import type { Settings } from "./settings";
import { LARGEST, Sheet } from "./sheet";
import { WeekArrays } from "./weekArrays";

/** Only the last 156 history weeks (three years) count (docs/forecasting.md). */
export const HISTORY_WEEKS = 156;

type SalesField = ColumnKey<typeof SHEETS.salesHistory>;

/**
 * One item-location's sales history: weekly demand from its first week with a sale
 * (oldest first) to history week −1, the week before the plan starts; NaN for a week
 * censored by a stockout. What the forecasting engine takes.
 */
export interface ItemHistory {
  weeks: Float64Array;
  /** The history week (−156 … −1) of `weeks[0]`. */
  firstWeek: number;
}

/**
 * Each item-location's history (by its position in the SKUs rows), from the Sales
 * History sheet in its long (Date or Week, Quantity, optional Stockout) or wide (a
 * date column per week) layout. An item-location without a week that sold above 0
 * has none (undefined).
 *
 * A date falls in history week floor((date − Plan Start) / 7); rows in one week are
 * added (returns, negative, too), a net below 0 counts 0, a week with no row counts 0
 * and a week with a Stockout row is censored. Dates on or after Plan Start are one
 * problem for the sheet; weeks older than 156 are ignored without one.
 */
export function readSalesHistory(input: WorkbookInput, settings: Settings, items: ItemIndex, problems: Problem[], seen?: RowSeen): (ItemHistory | undefined)[] {
  const sheet = Sheet.open(input, SHEETS.salesHistory, problems);
  if (!sheet) return new Array<ItemHistory | undefined>(items.rows.length);
  const sales = new WeeklySales(items.rows.length);
  if (sheet.has("date") && sheet.has("quantity")) readLong(sheet, settings, items, sales, seen);
  else readWide(sheet, settings, items, sales, seen);
  return sales.histories();
}

/**
 * Told of each grid row the reader takes in (`used`) or leaves out by a rule that needs no
 * problem of its own (older than 156 weeks; dated from the plan start on, reported once
 * for the sheet): with the problems, every row is accounted for (the junk property test).
 */
export type RowSeen = (gridRow: number, how: "used" | "ignored") => void;

/** Net sales per history week of each item-location, index 0 = week −156, with its censored weeks. */
class WeeklySales {
  readonly net: (Float64Array | undefined)[];
  readonly censored: (Uint8Array | undefined)[];
  private readonly arrays: WeekArrays;

  constructor(items: number) {
    this.net = new Array<Float64Array | undefined>(items);
    this.censored = new Array<Uint8Array | undefined>(items);
    this.arrays = new WeekArrays(HISTORY_WEEKS, items);
  }

  weeksOf(at: number): Float64Array {
    return (this.net[at] ??= this.arrays.take());
  }

  censor(at: number, index: number): void {
    this.weeksOf(at);
    (this.censored[at] ??= new Uint8Array(HISTORY_WEEKS))[index] = 1;
  }

  /** Each item's weeks made into its history, in place: from its first observed sale, NaN where censored, net returns 0. */
  histories(): (ItemHistory | undefined)[] {
    const out = new Array<ItemHistory | undefined>(this.net.length);
    for (let at = 0; at < this.net.length; at++) {
      const weeks = this.net[at];
      if (!weeks) continue;
      const censored = this.censored[at];
      let first = -1;
      for (let i = 0; i < HISTORY_WEEKS; i++) {
        if (censored && censored[i]) weeks[i] = NaN;
        else if (weeks[i] < 0) weeks[i] = 0;
        else if (first < 0 && weeks[i] > 0) first = i;
      }
      if (first >= 0) out[at] = { weeks: weeks.subarray(first), firstWeek: first - HISTORY_WEEKS };
    }
    return out;
  }
}

/** Dates on or after the plan start: counted, and reported once for the sheet at the first. */
class Future {
  count = 0;
  /** Reports at the first one. */
  private first?: (message: string) => void;

  constructor(
    private readonly settings: Settings,
    private readonly what: "rows" | "columns",
  ) {}

  add(reportAtIt: () => (message: string) => void): void {
    if (this.count++ === 0) this.first = reportAtIt();
  }

  report(): void {
    if (!this.first) return;
    const one = this.count === 1;
    const things = one ? this.what.slice(0, -1) : this.what;
    this.first(
      `${one ? "One" : this.count} ${things} of Sales History ${one ? "is" : "are"} dated on or after the plan start (${isoFromDay(this.settings.planStart)}), ${one ? "this one" : "the first here"}: sales from week 1 on are not history, so ${one ? "it was" : "they were"} ignored.`,
    );
  }
}

/** History week index (0 = week −156) of a day; ≥ HISTORY_WEEKS from the plan start on, < 0 before the last 156 weeks. */
function historyIndex(day: number, settings: Settings): number {
  return HISTORY_WEEKS + Math.floor((day - settings.planStart) / 7);
}

function readLong(sheet: Sheet<SalesField>, settings: Settings, items: ItemIndex, sales: WeeklySales, seen: RowSeen | undefined): void {
  const future = new Future(settings, "rows");
  const hasStockout = sheet.has("stockout");
  const rows = sheet.rows;
  for (let n = 0; n < rows.length; n++) {
    const r = rows[n];
    // A row dated outside the history is set aside whatever its other cells hold: older
    // ones without a problem, later ones in the sheet's one problem.
    const dated = sheet.dateIfAny(r, "date");
    if (dated !== undefined) {
      const index = historyIndex(dated, settings);
      if (index >= HISTORY_WEEKS) future.add(() => (message) => sheet.reportAt(r, "date", message));
      if (index >= HISTORY_WEEKS || index < 0) {
        seen?.(r, "ignored");
        continue;
      }
    }
    const at = rowItem(sheet, r, settings.defaultWarehouse, items, "sales row");
    if (at < 0) continue;
    if (dated === undefined) {
      // Reports the date that is not one; a blank one says what is missing.
      sheet.date(r, "date");
      if (sheet.blank(r, "date")) sheet.reportAt(r, "date", `This sales row has no ${sheet.header("date")}, so it was not used.`);
      continue;
    }
    const index = historyIndex(dated, settings);
    let stockout = false;
    if (hasStockout && !sheet.blank(r, "stockout")) {
      const flag = readBoolean(sheet.raw(r, "stockout"));
      stockout = flag !== false;
      if (flag instanceof Rejected)
        sheet.reportAt(r, "stockout", `${sheet.header("stockout")} ${flag.reason}; the week counts as censored by a stockout until the cell says TRUE or FALSE.`);
    }
    const quantity = sheet.number(r, "quantity");
    if (quantity === undefined && !(stockout && sheet.blank(r, "quantity"))) {
      if (sheet.blank(r, "quantity")) sheet.reportAt(r, "quantity", "This sales row has no Quantity, so it was not used (write 0 for a week that sold nothing).");
      continue;
    }
    seen?.(r, "used");
    if (quantity !== undefined) sales.weeksOf(at)[index] += quantity;
    if (stockout) sales.censor(at, index);
  }
  future.report();
}

function readWide(sheet: Sheet<SalesField>, settings: Settings, items: ItemIndex, sales: WeeklySales, seen: RowSeen | undefined): void {
  const headers = sheet.dateHeaders();
  if (headers === undefined) {
    if (sheet.rows.length > 0) {
      sheet.reportHeader(0, "The Sales History sheet has neither Date (or Week) and Quantity columns nor columns headed by week dates, so it was not read.");
    }
    return;
  }
  const future = new Future(settings, "columns");
  const cols: number[] = [];
  const indexes: number[] = [];
  for (const { col, day } of headers) {
    const index = historyIndex(day, settings);
    if (index >= HISTORY_WEEKS) future.add(() => (message) => sheet.reportHeader(col, message));
    else if (index >= 0) {
      cols.push(col);
      indexes.push(index);
    }
  }
  future.report();
  const rows = sheet.rows;
  for (let n = 0; n < rows.length; n++) {
    const r = rows[n];
    const at = rowItem(sheet, r, settings.defaultWarehouse, items, "sales row");
    if (at < 0) continue;
    seen?.(r, "used");
    const weeks = sales.weeksOf(at);
    const row = sheet.grid.values[r];
    for (let i = 0; i < cols.length; i++) {
      const value = row[cols[i]];
      if (value === null || value === undefined || value === "") continue;
      if (typeof value === "number" && value >= -LARGEST && value <= LARGEST) {
        weeks[indexes[i]] += value;
        continue;
      }
      const quantity = readNumber(value);
      if (quantity === undefined) continue;
      if (typeof quantity === "number" && Math.abs(quantity) <= LARGEST) weeks[indexes[i]] += quantity;
      else if (value instanceof Uncalculated && quantity instanceof Rejected) sheet.report(r, cols[i], `Sales ${quantity.reason}; this week's sales were not counted.`);
      else {
        const why = typeof quantity === "number" ? "is too large to be real" : "is not a quantity";
        sheet.report(r, cols[i], `Sales ${show(value)} ${why}; this week's sales were not counted.`);
      }
    }
  }
}
