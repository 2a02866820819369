import { itemKey, rowItem } from "./catalog";
import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { SHEETS } from "./schema";
import type { Settings } from "./settings";
import { Sheet } from "./sheet";
import { weekOf } from "./weeks";

export interface OrderOverride {
  week: number;
  quantity: number;
  /** Grid row, to report on it later. */
  row: number;
  address: string;
  report(message: string): void;
}

/** The planner's quantities by item-location, then by order week (the last row of a week stands). */
export function readOrderOverrides(input: WorkbookInput, settings: Settings, items: ReadonlySet<string>, problems: Problem[]): Map<string, Map<number, OrderOverride>> {
  const byItem = new Map<string, Map<number, OrderOverride>>();
  const sheet = Sheet.open(input, SHEETS.orderOverrides, problems);
  if (!sheet) return byItem;
  for (const r of sheet.rows) {
    const item = rowItem(sheet, r, settings.defaultWarehouse, items, "override");
    if (!item) continue;
    const { sku, warehouse, key } = item;
    const day = sheet.date(r, "week");
    const quantity = sheet.number(r, "quantity", { min: 0 });
    if (day === undefined || quantity === undefined) {
      if (sheet.blank(r, "week")) sheet.reportAt(r, "week", "This override has no Week, so it was not used.");
      else if (sheet.blank(r, "quantity")) sheet.reportAt(r, "quantity", "This override has no Quantity, so it was not used (0 means do not order).");
      continue;
    }
    const week = weekOf(day, settings.planStart);
    if (week < 1) {
      sheet.reportAt(r, "week", `This override's week is before the plan start, so it was ignored.`);
      continue;
    }
    if (week > settings.horizonWeeks) continue;
    let weeks = byItem.get(key);
    if (!weeks) byItem.set(key, (weeks = new Map()));
    const earlier = weeks.get(week);
    if (earlier) {
      sheet.reportAt(earlier.row, "week", `A later override for SKU "${sku}" at "${warehouse}" in week ${week} (${sheet.address(r, "week")}) replaces this one.`);
    }
    weeks.set(week, { week, quantity, row: r, address: sheet.address(r, "quantity"), report: (m) => sheet.reportAt(r, "quantity", m) });
  }
  return byItem;
}

/**
 * Zero-based worksheet rows of every Order Overrides row of one item-location and order
 * week, in sheet order: clearing a week must blank them all, or an earlier one would come back.
 */
export function overrideRowsOfWeek(input: WorkbookInput, settings: Settings, sku: string, warehouse: string, week: number): number[] {
  return overrideRowsByItem(input, settings, week).get(itemKey(sku, warehouse)) ?? [];
}

/** The rows of one order week for every item-location at once (by `itemKey`): "Create orders" clears many. */
export function overrideRowsByItem(input: WorkbookInput, settings: Settings, week: number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  // Rows are found by SKU and Week alone: a sheet that lost its Quantity column still has rows to clear.
  const sheet = Sheet.find(input, SHEETS.orderOverrides, []);
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
