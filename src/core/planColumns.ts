import { isoFromDay, serialFromDay } from "./dates";
import type { PlanRow } from "./plan";
import { FORMAT, type OutValue } from "./sheetSpec";

/**
 * PLANNING.md's output columns, once: the Supply Plan sheet, PLAN(), and the CLI's
 * table, CSV and JSON all take them from here, so a new column is one entry.
 */
export interface PlanColumn {
  /** The sheet's and CSV's header. */
  header: string;
  /** CLI.md's JSON key (camelCase of the header). */
  key: string;
  /** What a sheet cell holds: dates as serials, money as a number rounded to cents. */
  cell(row: PlanRow, date1904: boolean): OutValue;
  /** The JSON value. */
  json(row: PlanRow): unknown;
  /** Table and CSV text. */
  text(row: PlanRow): string;
  /** The sheet's number format below the header. */
  format?: string;
  /** The sheet's column width, in characters. */
  width: number;
  /** Right-aligned in the CLI's table. */
  numeric?: boolean;
  /** Shown by `planster plan` as a table when no `--columns` is given: what a planner reads first. */
  glance?: boolean;
}

/** Quantities as people read them: whole, or with at most two decimals. */
export function quantityText(n: number): string {
  if (Object.is(n, -0)) return "0";
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, "");
}

function quantity(header: string, key: string, value: (row: PlanRow) => number, width: number, glance = false): PlanColumn {
  return { header, key, cell: value, json: value, text: (row) => quantityText(value(row)), format: FORMAT.quantity, width, numeric: true, glance };
}

function code(header: string, key: string, value: (row: PlanRow) => string, width: number): PlanColumn {
  return { header, key, cell: value, json: value, text: value, width, glance: true };
}

const nullable = (value: number | null) => (value === null ? "" : quantityText(value));

/** Week starts repeat for every item-location: each is made into text once. */
const isoDays = new Map<number, string>();
function isoDay(day: number): string {
  let iso = isoDays.get(day);
  if (iso === undefined) isoDays.set(day, (iso = isoFromDay(day)));
  return iso;
}

/** Order values repeat (plan rows share them): each is made into text once. */
const moneyTexts = new WeakMap<PlanRow["orderValue"], string>();
function money(value: PlanRow["orderValue"]): string {
  let text = moneyTexts.get(value);
  if (text === undefined) moneyTexts.set(value, (text = value.toFixed(2)));
  return text;
}

export const PLAN_COLUMNS: readonly PlanColumn[] = [
  code("SKU", "sku", (r) => r.sku, 14),
  code("Warehouse", "warehouse", (r) => r.warehouse, 12),
  { header: "Week", key: "week", cell: (r) => r.week, json: (r) => r.week, text: (r) => String(r.week), width: 7, numeric: true, glance: true },
  {
    header: "Week Start",
    key: "weekStart",
    cell: (r, date1904) => serialFromDay(r.weekStart, date1904),
    json: (r) => isoDay(r.weekStart),
    text: (r) => isoDay(r.weekStart),
    format: FORMAT.date,
    width: 12,
    glance: true,
  },
  quantity("Demand", "demand", (r) => r.demand, 10, true),
  quantity("Scheduled Receipts", "scheduledReceipts", (r) => r.scheduledReceipts, 11),
  quantity("Planned Receipts", "plannedReceipts", (r) => r.plannedReceipts, 11),
  quantity("Projected On Hand", "projectedOnHand", (r) => r.projectedOnHand, 12, true),
  quantity("Safety Stock", "safetyStock", (r) => r.safetyStock, 10, true),
  quantity("Recommended", "recommended", (r) => r.recommended, 12),
  { header: "Override", key: "override", cell: (r) => r.override, json: (r) => r.override, text: (r) => nullable(r.override), format: FORMAT.quantity, width: 10, numeric: true },
  quantity("Order Qty", "orderQty", (r) => r.orderQty, 10, true),
  { header: "Arrival Week", key: "arrivalWeek", cell: (r) => r.arrivalWeek, json: (r) => r.arrivalWeek, text: (r) => nullable(r.arrivalWeek), width: 9, numeric: true },
  {
    header: "Order Value",
    key: "orderValue",
    cell: (r) => r.orderValue.toNumber(),
    json: (r) => money(r.orderValue),
    text: (r) => money(r.orderValue),
    format: FORMAT.money,
    width: 13,
    numeric: true,
  },
  { header: "Currency", key: "currency", cell: (r) => r.currency, json: (r) => r.currency, text: (r) => r.currency, width: 9 },
  { header: "Flags", key: "flags", cell: (r) => r.flags.join(", "), json: (r) => r.flags, text: (r) => r.flags.join(", "), width: 34, glance: true },
  // Last, after PLANNING.md's columns, so that theirs keep their places.
  { header: "Source", key: "source", cell: (r) => r.source, json: (r) => r.source, text: (r) => r.source, width: 16 },
];
