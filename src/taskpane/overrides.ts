import { itemKey } from "../core/catalog";
import { serialFromDay } from "../core/dates";
import type { WorkbookInput } from "../core/input";
import type { PlanningModel } from "../core/model";
import { overrideRowsOfWeek } from "../core/orderOverrides";
import { describeStatus } from "../core/orders/rules";
import { appendRow, clearRow, noWrites, rowCells, sheetLayout } from "../core/orders/writes";
import { FORMAT } from "../core/sheetSpec";
import { weekStart } from "../core/weeks";
import type { Change } from "./host";

const FIELDS = { sku: "SKU", warehouse: "Warehouse", week: "Week", quantity: "Quantity" };

/**
 * The planner sets (a number ≥ 0) or clears (null) the quantity of an order week.
 * Setting writes into the row that stands for that week, else appends one; clearing
 * blanks every row of that week (an earlier duplicate would otherwise come back).
 */
export function overrideChange(input: WorkbookInput, model: PlanningModel, sku: string, warehouse: string, week: number, quantity: number | null): Change {
  const item = model.itemsByKey.get(itemKey(sku, warehouse));
  if (!item) return { ok: false, reason: `SKU "${sku}" is not on the SKUs sheet at warehouse "${warehouse}".` };
  if (quantity !== null && !(Number.isFinite(quantity) && quantity >= 0)) {
    return { ok: false, reason: "The planner's quantity must be a number of 0 or more (0 means do not order that week); leave it blank to follow the recommendation." };
  }
  if (quantity !== null && !item.status.orderable) {
    return {
      ok: false,
      reason: `SKU "${sku}" cannot be ordered at "${warehouse}": its purchase status is ${describeStatus(item.status)}, so a planner's quantity would be ignored.`,
    };
  }
  const { settings } = model;
  const weekCell = serialFromDay(weekStart(week, settings.planStart), input.date1904 ?? false);
  const layout = sheetLayout(input, "Order Overrides", FIELDS);
  if (!layout) {
    if (quantity === null) return { ok: true, writes: noWrites() };
    return {
      ok: true,
      sheets: [
        {
          name: "Order Overrides",
          rows: [Object.values(FIELDS), [sku, warehouse, weekCell, quantity]],
          widths: [14, 12, 12, 10],
          columnFormats: { 2: FORMAT.date, 3: FORMAT.quantity },
          styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: 3, style: { bold: true } }],
          table: { name: "OrderOverrides", headerRow: 0 },
        },
      ],
    };
  }
  const missing = (["sku", "week", "quantity"] as const).filter((key) => !layout.columns.has(key));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `The Order Overrides sheet has no ${missing.map((k) => `"${FIELDS[k]}"`).join(", ")} column in its header row: add it, then set the quantity again.`,
    };
  }
  const rows = overrideRowsOfWeek(input, model.settings, sku, warehouse, week);
  if (quantity === null) return { ok: true, writes: { append: [], cells: rows.flatMap((row) => clearRow(layout, row)) } };
  if (rows.length > 0) return { ok: true, writes: { append: [], cells: rowCells(layout, rows[rows.length - 1], { quantity }) } };
  return { ok: true, writes: { append: [appendRow(layout, { sku, warehouse, week: weekCell, quantity })], cells: [] } };
}
