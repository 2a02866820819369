import { itemKey } from "./catalog";
import { serialFromDay } from "./dates";
import { type Refusal, refusal, type WorkbookEdit } from "./edit";
import { forecastOverrideRows } from "./forecastOverrides";
import type { WorkbookInput } from "./input";
import type { ItemLocation, PlanningModel } from "./model";
import { overrideRowsOfWeek } from "./orderOverrides";
import { appendRow, type CellWrite, clearRow, noWrites, rowCells, sheetLayout } from "./orders/writes";
import { fieldsOf, requiredKeys, type SheetSchema, SHEETS } from "./schema";
import type { Settings } from "./settings";
import { newSheet } from "./setup";
import { Sheet } from "./sheet";
import { describeStatus } from "./statuses";
import type { WeekOverrideField } from "./weekOverrides";
import { weekStart } from "./weeks";

/**
 * The planner sets (a number ≥ 0) or clears (null) the quantity of an order week.
 * Setting writes into the row that stands for that week, else appends one (the
 * sheet is created when missing); clearing clears every row of that week (an
 * earlier duplicate would otherwise come back), as `clearWeekOverrideRows` does.
 */
export function overrideEdit(input: WorkbookInput, model: PlanningModel, sku: string, warehouse: string, week: number, quantity: number | null): WorkbookEdit {
  return weekOverrideEdit(input, model, ORDER, sku, warehouse, week, quantity);
}

/**
 * The planner sets (a number ≥ 0) or clears (null) the demand of a plan week: a
 * Forecast Overrides row (docs/forecasting.md), written as order overrides are. The
 * plan re-flows from the next read.
 */
export function forecastOverrideEdit(input: WorkbookInput, model: PlanningModel, sku: string, warehouse: string, week: number, quantity: number | null): WorkbookEdit {
  return weekOverrideEdit(input, model, DEMAND, sku, warehouse, week, quantity);
}

/** What differs between the two sheets of a planner's quantities by week. */
interface WeekOverrideSheet {
  schema: SheetSchema<WeekOverrideField>;
  rowsOf(input: WorkbookInput, settings: Settings, sku: string, warehouse: string, week: number): number[];
  /** What a quantity that is not one is told. */
  notAQuantity: string;
  /** Why setting a quantity on this item-location is refused; undefined when it may be set. */
  refuse?(item: ItemLocation): string | undefined;
}

const ORDER: WeekOverrideSheet = {
  schema: SHEETS.orderOverrides,
  rowsOf: overrideRowsOfWeek,
  notAQuantity: "The planner's quantity must be a number of 0 or more (0 means do not order that week); leave it blank to follow the recommendation.",
  refuse: (item) =>
    item.status.orderable
      ? undefined
      : `SKU "${item.sku}" cannot be ordered at "${item.warehouse}": its purchase status is ${describeStatus(item.status)}, so a planner's quantity would be ignored.`,
};

const DEMAND: WeekOverrideSheet = {
  schema: SHEETS.forecastOverrides,
  rowsOf: forecastOverrideRows,
  notAQuantity: "The week's demand must be a number of 0 or more (0 means no demand that week); leave it blank to use the forecast.",
};

function weekOverrideEdit(
  input: WorkbookInput,
  model: PlanningModel,
  sheet: WeekOverrideSheet,
  sku: string,
  warehouse: string,
  week: number,
  quantity: number | null,
): WorkbookEdit {
  const item = model.itemsByKey.get(itemKey(sku, warehouse));
  if (!item) return refusal(`SKU "${sku}" is not on the SKUs sheet at warehouse "${warehouse}".`);
  if (quantity !== null && !(Number.isFinite(quantity) && quantity >= 0)) return refusal(sheet.notAQuantity);
  const refused = quantity === null ? undefined : sheet.refuse?.(item);
  if (refused) return refusal(refused);
  const { settings } = model;
  const schema = sheet.schema;
  const weekCell = serialFromDay(weekStart(week, settings.planStart), input.date1904 ?? false);
  const layout = sheetLayout(input, schema.name, fieldsOf(schema));
  if (!layout) {
    if (quantity === null) return { ok: true, writes: noWrites() };
    return { ok: true, sheets: [newSheet(schema, [[sku, warehouse, weekCell, quantity]])] };
  }
  const missing = requiredKeys(schema).filter((key) => !layout.columns.has(key));
  if (missing.length > 0) return missingColumns(schema, missing);
  const rows = sheet.rowsOf(input, settings, sku, warehouse, week);
  if (quantity === null) return { ok: true, writes: { append: [], cells: clearWeekOverrideRows(input, schema, rows) } };
  if (rows.length > 0) return { ok: true, writes: { append: [], cells: rowCells(layout, rows[rows.length - 1], { quantity }) } };
  return { ok: true, writes: { append: [appendRow(layout, { sku, warehouse, week: weekCell, quantity })], cells: [] } };
}

/**
 * A week's override, once cleared (by the planner, or answered by New Order or Create
 * orders), goes: its Quantity cell is blanked, and the whole row only when it holds
 * nothing but the override. A planner's note in a column of their own stays, and the
 * reader takes such a row for the trace of a cleared override (weekOverrides.ts).
 * `rows` are zero-based worksheet rows.
 */
export function clearWeekOverrideRows(input: WorkbookInput, schema: SheetSchema<WeekOverrideField>, rows: readonly number[]): CellWrite[] {
  const layout = sheetLayout(input, schema.name, fieldsOf(schema));
  const sheet = Sheet.find(input, schema, []);
  if (!layout || !sheet || rows.length === 0) return [];
  const origin = sheet.grid.originRow ?? 0;
  return rows.flatMap((row) => (sheet.holdsOtherCells(row - origin) ? rowCells(layout, row, { quantity: null }) : clearRow(layout, row)));
}

function missingColumns(schema: SheetSchema<WeekOverrideField>, missing: WeekOverrideField[]): Refusal {
  return refusal(
    `The ${schema.name} sheet has no ${missing.map((k) => `"${schema.columns[k].header}"`).join(", ")} column in its header row: add it, then set the quantity again.`,
  );
}
