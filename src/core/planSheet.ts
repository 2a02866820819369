import { isoFromDay, serialFromDay } from "./dates";
import type { ItemPlan, PlanRow } from "./plan";
import { planRows } from "./plan";
import type { Settings } from "./settings";
import { FORMAT, type OutValue, type SheetSpec, type StyledRange } from "./sheetSpec";

/** PLANNING.md's output columns: the sheet header and the camelCase key of CLI.md's JSON. */
export const PLAN_COLUMNS: { header: string; key: keyof PlanRow }[] = [
  { header: "SKU", key: "sku" },
  { header: "Warehouse", key: "warehouse" },
  { header: "Week", key: "week" },
  { header: "Week Start", key: "weekStart" },
  { header: "Demand", key: "demand" },
  { header: "Scheduled Receipts", key: "scheduledReceipts" },
  { header: "Planned Receipts", key: "plannedReceipts" },
  { header: "Projected On Hand", key: "projectedOnHand" },
  { header: "Safety Stock", key: "safetyStock" },
  { header: "Recommended", key: "recommended" },
  { header: "Override", key: "override" },
  { header: "Order Qty", key: "orderQty" },
  { header: "Arrival Week", key: "arrivalWeek" },
  { header: "Order Value", key: "orderValue" },
  { header: "Currency", key: "currency" },
  { header: "Flags", key: "flags" },
];

/** The JSON record of one plan row, exactly CLI.md's keys. */
export function planRowJson(row: PlanRow): Record<string, unknown> {
  return {
    sku: row.sku,
    warehouse: row.warehouse,
    week: row.week,
    weekStart: isoFromDay(row.weekStart),
    demand: row.demand,
    scheduledReceipts: row.scheduledReceipts,
    plannedReceipts: row.plannedReceipts,
    projectedOnHand: row.projectedOnHand,
    safetyStock: row.safetyStock,
    recommended: row.recommended,
    override: row.override,
    orderQty: row.orderQty,
    arrivalWeek: row.arrivalWeek,
    orderValue: row.orderValue.toFixed(2),
    currency: row.currency,
    flags: row.flags,
  };
}

const SHORTAGE_FILL = "F8CBAD";
const BELOW_SAFETY_FILL = "FFE699";

/** The `Supply Plan` output sheet: an Excel table, dates and numbers formatted, shortages highlighted. */
export function supplyPlanSheet(plans: ItemPlan[], settings: Settings, date1904 = false): SheetSpec {
  const rows: OutValue[][] = [PLAN_COLUMNS.map((c) => c.header)];
  const styles: StyledRange[] = [];
  const last = PLAN_COLUMNS.length - 1;
  for (const row of planRows(plans, settings)) {
    rows.push([
      row.sku,
      row.warehouse,
      row.week,
      serialFromDay(row.weekStart, date1904),
      row.demand,
      row.scheduledReceipts,
      row.plannedReceipts,
      row.projectedOnHand,
      row.safetyStock,
      row.recommended,
      row.override,
      row.orderQty,
      row.arrivalWeek,
      row.orderValue.toNumber(),
      row.currency,
      row.flags.join(", "),
    ]);
    const fill = row.flags.includes("stockout") ? SHORTAGE_FILL : row.flags.includes("below-safety") ? BELOW_SAFETY_FILL : undefined;
    if (fill) styles.push({ fromRow: rows.length - 1, toRow: rows.length - 1, fromCol: 0, toCol: last, style: { fill } });
  }
  return {
    name: "Supply Plan",
    rows,
    widths: [14, 12, 7, 12, 10, 11, 11, 12, 10, 12, 10, 10, 9, 13, 9, 34],
    columnFormats: {
      3: FORMAT.date,
      4: FORMAT.quantity,
      5: FORMAT.quantity,
      6: FORMAT.quantity,
      7: FORMAT.quantity,
      8: FORMAT.quantity,
      9: FORMAT.quantity,
      10: FORMAT.quantity,
      11: FORMAT.quantity,
      13: FORMAT.money,
    },
    styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: last, style: { bold: true, wrap: true } }, ...styles],
    table: { name: "SupplyPlan", headerRow: 0, style: "TableStyleMedium2" },
    freezeRows: 1,
    print: { landscape: true, fitToWidth: true, title: "Supply Plan" },
  };
}
