import { readNumber, Rejected, show } from "./cells";
import { type ItemIndex, rowItem } from "./catalog";
import { Uncalculated, type WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { type ColumnKey, SHEETS } from "./schema";
import type { Settings } from "./settings";
import { LARGEST, type NumberRule, Sheet } from "./sheet";
import { WeekArrays } from "./weekArrays";
import { weekOf } from "./weeks";

const AT_LEAST_0: NumberRule = { min: 0 };

/**
 * Demand per item-location (by its position in the SKUs rows) and plan week, from the Forecast sheet in its wide
 * (one date column per week) or long (`Week`, `Quantity`) layout. `only`: just these rows (every row of the
 * item-locations an edit touched).
 */
export function readForecast(input: WorkbookInput, settings: Settings, items: ItemIndex, problems: Problem[], only?: readonly number[]): (Float64Array | undefined)[] {
  const demand = new Array<Float64Array | undefined>(items.rows.length);
  const sheet = Sheet.open(input, SHEETS.forecast, problems);
  if (!sheet) return demand;
  const rows = only ?? sheet.rows;
  const H = settings.horizonWeeks;
  const long = sheet.has("week") && sheet.has("quantity");
  const weekColumns = long ? [] : dateColumns(sheet, settings);
  if (weekColumns === undefined) {
    if (rows.length === 0) return demand;
    sheet.reportHeader(0, "The Forecast sheet has neither Week and Quantity columns nor columns headed by week dates, so it was not read.");
    return demand;
  }
  const arrays = new WeekArrays(H + 1, rows.length);
  // Flat arrays for the loop over every cell of a wide forecast.
  const cols = Int32Array.from(weekColumns, (c) => c.col);
  const weeksOf = Int32Array.from(weekColumns, (c) => c.week);

  for (let n = 0; n < rows.length; n++) {
    const r = rows[n];
    const at = rowItem(sheet, r, settings.defaultWarehouse, items, "forecast row");
    if (at < 0) continue;
    if (long) {
      const day = sheet.date(r, "week");
      const quantity = sheet.number(r, "quantity", AT_LEAST_0);
      if (day === undefined) {
        if (sheet.blank(r, "week")) sheet.reportAt(r, "week", "This forecast row has no Week date, so it was not used.");
        continue;
      }
      const weeks = weeksOfItem(demand, at, arrays);
      const w = weekOf(day, settings.planStart);
      if (w >= 1 && w <= H) weeks[w] += quantity ?? 0;
      continue;
    }
    const weeks = weeksOfItem(demand, at, arrays);
    const row = sheet.grid.values[r];
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i];
      const week = weeksOf[i];
      const value = row[col];
      if (value === null || value === undefined || value === "") continue;
      if (typeof value === "number" && value >= 0 && value <= LARGEST) {
        weeks[week] += value;
        continue;
      }
      // Numeric text is read as everywhere else (`.5`, `+3`); only the check of each cell is done here.
      const n = readNumber(value);
      if (n === undefined) continue;
      if (typeof n === "number" && n >= 0 && n <= LARGEST) weeks[week] += n;
      else if (value instanceof Uncalculated && n instanceof Rejected) sheet.report(r, col, `Forecast ${n.reason}; it counts as 0.`);
      else sheet.report(r, col, `Forecast ${show(value)} ${typeof n === "number" && n > LARGEST ? "is too large to be real" : "is not a quantity of 0 or more"}; it counts as 0.`);
    }
  }
  return demand;
}

/** Taken only once a row is used: a row that was not must not count as the item's forecast (its Weekly Forecast would be lost). */
function weeksOfItem(demand: (Float64Array | undefined)[], at: number, arrays: WeekArrays): Float64Array {
  return (demand[at] ??= arrays.take());
}

/** Wide layout: the date columns inside the plan, each mapped to its week; undefined when no header is a date. */
function dateColumns(sheet: Sheet<ColumnKey<typeof SHEETS.forecast>>, settings: Settings): { col: number; week: number }[] | undefined {
  const headers = sheet.dateHeaders();
  if (headers === undefined) return undefined;
  const out: { col: number; week: number }[] = [];
  for (const { col, day } of headers) {
    const week = weekOf(day, settings.planStart);
    if (week >= 1 && week <= settings.horizonWeeks) out.push({ col, week });
  }
  return out;
}
