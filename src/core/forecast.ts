import { readDate, readNumber, Rejected, show } from "./cells";
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
 * (one date column per week) or long (`Week`, `Quantity`) layout.
 */
export function readForecast(input: WorkbookInput, settings: Settings, items: ItemIndex, problems: Problem[]): (Float64Array | undefined)[] {
  const demand = new Array<Float64Array | undefined>(items.rows.length);
  const sheet = Sheet.open(input, SHEETS.forecast, problems);
  if (!sheet) return demand;
  const H = settings.horizonWeeks;
  const long = sheet.has("week") && sheet.has("quantity");
  const weekColumns = long ? [] : dateColumns(sheet, settings, input.date1904 ?? false);
  if (weekColumns === undefined) {
    if (sheet.rows.length === 0) return demand;
    sheet.reportHeader(0, "The Forecast sheet has neither Week and Quantity columns nor columns headed by week dates, so it was not read.");
    return demand;
  }
  const arrays = new WeekArrays(H + 1, sheet.rows.length);
  // Flat arrays for the loop over every cell of a wide forecast.
  const cols = Int32Array.from(weekColumns, (c) => c.col);
  const weeksOf = Int32Array.from(weekColumns, (c) => c.week);

  const rows = sheet.rows;
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

/** Header text a person meant as a date but that is not one the add-in reads (`23/11/2026`, `30.11.2026`, `46356`). */
const DATE_LIKE = /^(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d+(\.\d+)?)$/;

/**
 * Wide layout: header cells that are dates inside the plan, each mapped to its week.
 * `undefined` when no header is a date at all: every row would plan zero demand in place
 * of its Weekly Forecast, which must not pass silently.
 */
function dateColumns(sheet: Sheet<ColumnKey<typeof SHEETS.forecast>>, settings: Settings, date1904: boolean): { col: number; week: number }[] | undefined {
  const out: { col: number; week: number }[] = [];
  let dates = 0;
  for (const { col, value } of sheet.otherColumns()) {
    const day = readDate(value, date1904);
    if (typeof day !== "number") {
      // A table's headers are always text, so a date typed there arrives as the text Excel shows.
      if (typeof value === "string" && DATE_LIKE.test(value.trim())) {
        sheet.reportHeader(col, `Forecast column "${value.trim()}" is not a date the add-in can read (use a date cell or YYYY-MM-DD), so the column was not used.`);
      }
      // Week headers are often formulas (=C1+7): saved without their results, the columns must not vanish silently.
      if (value instanceof Uncalculated && day instanceof Rejected) sheet.reportHeader(col, `Forecast column header ${day.reason}, so the column was not used.`);
      continue;
    }
    dates++;
    const week = weekOf(day, settings.planStart);
    if (week >= 1 && week <= settings.horizonWeeks) out.push({ col, week });
  }
  return dates === 0 ? undefined : out;
}
