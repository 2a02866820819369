import { type ItemIndex, itemKey, rowItem } from "./catalog";
import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import type { SheetSchema } from "./schema";
import type { Settings } from "./settings";
import { type NumberRule, Sheet, SheetRow } from "./sheet";
import { weekOf } from "./weeks";

/** The columns a sheet of planner's quantities by week has (Order Overrides, Forecast Overrides). */
export type WeekOverrideField = "sku" | "warehouse" | "week" | "quantity";

/** One planner's quantity for one week: reported at its Quantity cell when it does not count. */
export class WeekOverride extends SheetRow<WeekOverrideField> {
  constructor(
    sheet: Sheet<WeekOverrideField>,
    row: number,
    readonly week: number,
    readonly quantity: number,
  ) {
    super(sheet, row);
  }

  report(message: string): void {
    this.reportAt("quantity", message);
  }
}

/** How a sheet's messages name its rows, and what its 0 means. */
export interface WeekOverrideWords {
  /** "override", "forecast override". */
  row: string;
  /** "0 means do not order". */
  zero: string;
}

const AT_LEAST_0: NumberRule = { min: 0 };

/**
 * A planner's quantities by item-location (its position in the SKUs rows), then by plan
 * week: `Week` is any date in the week, `Quantity` ≥ 0; a row dated before the plan start
 * is reported and ignored, one after the horizon ignored; of two rows for one week the
 * last stands and the earlier one is reported; the trace of a cleared override is skipped.
 * `only`: just these rows (every row of the item-locations an edit touched).
 */
export function readWeekOverrides(
  input: WorkbookInput,
  schema: SheetSchema<WeekOverrideField>,
  words: WeekOverrideWords,
  settings: Settings,
  items: ItemIndex,
  problems: Problem[],
  only?: readonly number[],
): (Map<number, WeekOverride> | undefined)[] {
  const byItem = new Array<Map<number, WeekOverride> | undefined>(items.rows.length);
  const sheet = Sheet.open(input, schema, problems);
  if (!sheet) return byItem;
  const rows = only ?? sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (clearedTrace(sheet, r)) continue;
    const at = rowItem(sheet, r, settings.defaultWarehouse, items, words.row);
    if (at < 0) continue;
    const day = sheet.date(r, "week");
    const quantity = sheet.number(r, "quantity", AT_LEAST_0);
    if (day === undefined || quantity === undefined) {
      if (sheet.blank(r, "week")) sheet.reportAt(r, "week", `This ${words.row} has no Week, so it was not used.`);
      else if (sheet.blank(r, "quantity")) sheet.reportAt(r, "quantity", `This ${words.row} has no Quantity, so it was not used (${words.zero}).`);
      continue;
    }
    const week = weekOf(day, settings.planStart);
    if (week < 1) {
      sheet.reportAt(r, "week", `This ${words.row}'s week is before the plan start, so it was ignored.`);
      continue;
    }
    if (week > settings.horizonWeeks) continue;
    let weeks = byItem[at];
    if (!weeks) byItem[at] = weeks = new Map();
    const earlier = weeks.get(week);
    if (earlier) {
      const sku = sheet.code(r, "sku");
      const warehouse = sheet.code(r, "warehouse") ?? settings.defaultWarehouse;
      earlier.reportAt("week", `A later ${words.row} for SKU "${sku}" at "${warehouse}" in week ${week} (${sheet.address(r, "week")}) replaces this one.`);
    }
    weeks.set(week, new WeekOverride(sheet, r, week, quantity));
  }
  return byItem;
}

/**
 * The trace of a cleared override: SKU and Week still there, no Quantity, and a
 * planner's note in a column of their own, kept when the override was cleared
 * (overrideEdits.ts, `clearWeekOverrideRows`). It asks for nothing, so nothing about
 * it is reported. A row without such a note and without a Quantity is reported: the
 * add-in never leaves one, so a planner typed it and forgot the quantity.
 */
function clearedTrace(sheet: Sheet<WeekOverrideField>, row: number): boolean {
  return sheet.blank(row, "quantity") && !sheet.blank(row, "sku") && !sheet.blank(row, "week") && sheet.holdsOtherCells(row);
}

/**
 * Zero-based worksheet rows of every row of one item-location and plan week, in sheet
 * order: clearing a week must blank them all, or an earlier one would come back.
 */
export function weekOverrideRows(input: WorkbookInput, schema: SheetSchema<WeekOverrideField>, settings: Settings, sku: string, warehouse: string, week: number): number[] {
  return weekOverrideRowsByItem(input, schema, settings, week).get(itemKey(sku, warehouse)) ?? [];
}

/** The rows of one plan week for every item-location at once (by `itemKey`): "Create orders" clears many. */
export function weekOverrideRowsByItem(input: WorkbookInput, schema: SheetSchema<WeekOverrideField>, settings: Settings, week: number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  // Rows are found by SKU and Week alone: a sheet that lost its Quantity column still has rows to clear.
  const sheet = Sheet.find(input, schema, []);
  if (!sheet || !sheet.has("sku") || !sheet.has("week")) return rows;
  const origin = sheet.grid.originRow ?? 0;
  for (const r of sheet.rows) {
    const sku = sheet.code(r, "sku");
    const day = sheet.date(r, "week");
    if (sku === undefined || day === undefined || weekOf(day, settings.planStart) !== week) continue;
    const key = itemKey(sku, sheet.code(r, "warehouse") ?? settings.defaultWarehouse);
    rows.set(key, [...(rows.get(key) ?? []), origin + r]);
  }
  return rows;
}
