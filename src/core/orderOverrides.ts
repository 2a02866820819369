import { type ItemIndex, itemKey, rowItem } from "./catalog";
import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { type ColumnKey, SHEETS } from "./schema";
import type { Settings } from "./settings";
import { type NumberRule, Sheet, SheetRow } from "./sheet";
import { weekOf } from "./weeks";

type OverrideField = ColumnKey<typeof SHEETS.orderOverrides>;

/** One planner's quantity: reported at its Quantity cell when it does not count. */
export class OrderOverride extends SheetRow<OverrideField> {
  constructor(
    sheet: Sheet<OverrideField>,
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

const AT_LEAST_0: NumberRule = { min: 0 };

/** The planner's quantities by item-location (its position in the SKUs rows), then by order week (the last row of a week stands). */
export function readOrderOverrides(input: WorkbookInput, settings: Settings, items: ItemIndex, problems: Problem[]): (Map<number, OrderOverride> | undefined)[] {
  const byItem = new Array<Map<number, OrderOverride> | undefined>(items.rows.length);
  const sheet = Sheet.open(input, SHEETS.orderOverrides, problems);
  if (!sheet) return byItem;
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const at = rowItem(sheet, r, settings.defaultWarehouse, items, "override");
    if (at < 0) continue;
    const day = sheet.date(r, "week");
    const quantity = sheet.number(r, "quantity", AT_LEAST_0);
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
    let weeks = byItem[at];
    if (!weeks) byItem[at] = weeks = new Map();
    const earlier = weeks.get(week);
    if (earlier) {
      const sku = sheet.code(r, "sku");
      const warehouse = sheet.code(r, "warehouse") ?? settings.defaultWarehouse;
      earlier.reportAt("week", `A later override for SKU "${sku}" at "${warehouse}" in week ${week} (${sheet.address(r, "week")}) replaces this one.`);
    }
    weeks.set(week, new OrderOverride(sheet, r, week, quantity));
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
