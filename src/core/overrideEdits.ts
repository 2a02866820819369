import { itemKey } from "./catalog";
import { serialFromDay } from "./dates";
import { refusal, type WorkbookEdit } from "./edit";
import type { WorkbookInput } from "./input";
import type { PlanningModel } from "./model";
import { overrideRowsOfWeek } from "./orderOverrides";
import { appendRow, clearRow, noWrites, rowCells, sheetLayout } from "./orders/writes";
import { fieldsOf, requiredKeys, SHEETS } from "./schema";
import { newSheet } from "./setup";
import { describeStatus } from "./statuses";
import { weekStart } from "./weeks";

const SHEET = SHEETS.orderOverrides;

/**
 * The planner sets (a number ≥ 0) or clears (null) the quantity of an order week.
 * Setting writes into the row that stands for that week, else appends one (the
 * sheet is created when missing); clearing blanks every row of that week (an
 * earlier duplicate would otherwise come back).
 */
export function overrideEdit(input: WorkbookInput, model: PlanningModel, sku: string, warehouse: string, week: number, quantity: number | null): WorkbookEdit {
  const item = model.itemsByKey.get(itemKey(sku, warehouse));
  if (!item) return refusal(`SKU "${sku}" is not on the SKUs sheet at warehouse "${warehouse}".`);
  if (quantity !== null && !(Number.isFinite(quantity) && quantity >= 0)) {
    return refusal("The planner's quantity must be a number of 0 or more (0 means do not order that week); leave it blank to follow the recommendation.");
  }
  if (quantity !== null && !item.status.orderable) {
    return refusal(`SKU "${sku}" cannot be ordered at "${warehouse}": its purchase status is ${describeStatus(item.status)}, so a planner's quantity would be ignored.`);
  }
  const { settings } = model;
  const weekCell = serialFromDay(weekStart(week, settings.planStart), input.date1904 ?? false);
  const layout = sheetLayout(input, SHEET.name, fieldsOf(SHEET));
  if (!layout) {
    if (quantity === null) return { ok: true, writes: noWrites() };
    return { ok: true, sheets: [newSheet(SHEET, [[sku, warehouse, weekCell, quantity]])] };
  }
  const missing = requiredKeys(SHEET).filter((key) => !layout.columns.has(key));
  if (missing.length > 0) {
    return refusal(
      `The ${SHEET.name} sheet has no ${missing.map((k) => `"${SHEET.columns[k].header}"`).join(", ")} column in its header row: add it, then set the quantity again.`,
    );
  }
  const rows = overrideRowsOfWeek(input, model.settings, sku, warehouse, week);
  if (quantity === null) return { ok: true, writes: { append: [], cells: rows.flatMap((row) => clearRow(layout, row)) } };
  if (rows.length > 0) return { ok: true, writes: { append: [], cells: rowCells(layout, rows[rows.length - 1], { quantity }) } };
  return { ok: true, writes: { append: [appendRow(layout, { sku, warehouse, week: weekCell, quantity })], cells: [] } };
}
