import type { ItemIndex } from "./catalog";
import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { SHEETS } from "./schema";
import type { Settings } from "./settings";
import { readWeekOverrides, type WeekOverride, weekOverrideRows, weekOverrideRowsByItem } from "./weekOverrides";

/** One planner's order quantity: reported at its Quantity cell when it does not count. */
export type OrderOverride = WeekOverride;

/**
 * The planner's quantities by item-location (its position in the SKUs rows), then by order week (the last row of a
 * week stands). `only`: just these rows (every row of the item-locations an edit touched).
 */
export function readOrderOverrides(
  input: WorkbookInput,
  settings: Settings,
  items: ItemIndex,
  problems: Problem[],
  only?: readonly number[],
): (Map<number, OrderOverride> | undefined)[] {
  return readWeekOverrides(input, SHEETS.orderOverrides, { row: "override", zero: "0 means do not order" }, settings, items, problems, only);
}

/**
 * Zero-based worksheet rows of every Order Overrides row of one item-location and order
 * week, in sheet order: clearing a week must blank them all, or an earlier one would come back.
 */
export function overrideRowsOfWeek(input: WorkbookInput, settings: Settings, sku: string, warehouse: string, week: number): number[] {
  return weekOverrideRows(input, SHEETS.orderOverrides, settings, sku, warehouse, week);
}

/** The rows of one order week for every item-location at once (by `itemKey`): "Create orders" clears many. */
export function overrideRowsByItem(input: WorkbookInput, settings: Settings, week: number): Map<string, number[]> {
  return weekOverrideRowsByItem(input, SHEETS.orderOverrides, settings, week);
}
