import type { ItemIndex } from "./catalog";
import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { SHEETS } from "./schema";
import type { Settings } from "./settings";
import { readWeekOverrides, type WeekOverride, weekOverrideRows } from "./weekOverrides";

/**
 * The planner's demand by item-location (its position in the SKUs rows), then by plan
 * week (docs/forecasting.md): the first source of a week's demand. Read as Order
 * Overrides are: any date in the week, Quantity ≥ 0, the last row of a week stands.
 */
export function readForecastOverrides(
  input: WorkbookInput,
  settings: Settings,
  items: ItemIndex,
  problems: Problem[],
  only?: readonly number[],
): (Map<number, WeekOverride> | undefined)[] {
  return readWeekOverrides(input, SHEETS.forecastOverrides, { row: "forecast override", zero: "0 means no demand that week" }, settings, items, problems, only);
}

/** Zero-based worksheet rows of every Forecast Overrides row of one item-location and week, in sheet order. */
export function forecastOverrideRows(input: WorkbookInput, settings: Settings, sku: string, warehouse: string, week: number): number[] {
  return weekOverrideRows(input, SHEETS.forecastOverrides, settings, sku, warehouse, week);
}
