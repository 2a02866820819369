import type { CellValue } from "../../../src/core/input";
import { readModel } from "../../../src/core/model";
import type { OrderContext } from "../../../src/core/orders/create";
import type { Writes } from "../../../src/core/orders/writes";
import { MemoryWorkbook } from "../../../src/workbook/memory";
import { settings, TODAY } from "../../helpers";

/**
 * A small shop: two suppliers, three warehouses in two districts, statuses that
 * block some SKUs at some places, an override on a week line, and one existing order.
 */
export function shop(extra: Record<string, CellValue[][]> = {}, settingRows: Record<string, CellValue> = {}): MemoryWorkbook {
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 8, ...settingRows }),
    Suppliers: [
      ["Supplier", "Name", "Lead Time Days", "Currency", "Payment Terms", "Address"],
      ["ACME", "Acme Corp", 14, "USD", "Net 30", "1 Road Runner Way, Phoenix AZ"],
      ["BOLT", "Bolt GmbH", 7, "EUR", "Net 60", "Hauptstrasse 5, Berlin"],
    ],
    Warehouses: [
      ["Warehouse", "Name", "District", "Region"],
      ["MAIN", "Main DC", "NORTH", "US"],
      ["EAST", "East DC", "NORTH", "US"],
      ["WEST", "West DC", "SOUTH", "US"],
    ],
    SKUs: [
      ["SKU", "Description", "Warehouse", "Supplier", "On Hand", "Unit Cost", "Weekly Forecast", "Purchase Status"],
      ["WIDGET", "Blue widget", "MAIN", "ACME", 0, 2.5, 10, null],
      ["WIDGET", "Blue widget", "EAST", "ACME", 0, 2.5, 10, null],
      ["WIDGET", "Blue widget", "WEST", "ACME", 0, 2.5, 10, null],
      ["GADGET", "Gadget", "MAIN", "ACME", 0, null, 0, "D"],
      ["OLDIE", "Old thing", "MAIN", "ACME", 0, 1, 0, "T"],
      ["NOPRICE", "No price", "MAIN", "ACME", 0, null, 0, null],
      ["MYSTERY", "Unknown status", "MAIN", "ACME", 0, 1, 0, "ZZ"],
    ],
    "Supplier Items": [
      ["SKU", "Supplier", "Unit Price", "Lead Time Days", "Preferred"],
      ["WIDGET", "BOLT", 2.2, 21, false],
      ["GADGET", "ACME", 19.995, null, true],
    ],
    "Status Overrides": [
      ["SKU", "Warehouse", "District", "Region", "Status"],
      ["WIDGET", null, "SOUTH", null, "T"],
    ],
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["WIDGET", "MAIN", "2026-11-30", 35],
      ["WIDGET", "EAST", "2026-11-30", 12],
    ],
    "Purchase Orders": [
      [
        "PO Number",
        "Type",
        "Supplier",
        "Warehouse",
        "Status",
        "Order Date",
        "Expected Delivery",
        "Currency",
        "Total",
        "Notes",
        "Revision",
        "External ID",
        "Sync Status",
        "Last Synced",
      ],
      ["PO-0007", "Purchase Order", "ACME", "MAIN", "Confirmed", "2026-11-02", "2026-12-14", "USD", 25, "", 1, "", "", ""],
    ],
    "PO Lines": [
      ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Line Total", "Received Qty", "Expected Delivery"],
      ["PO-0007", 1, "WIDGET", 10, 2.5, 25, 0, null],
    ],
    ...extra,
  });
}

export function context(book: MemoryWorkbook): OrderContext {
  const input = book.input();
  const result = readModel(input, { today: TODAY });
  if (!result.ok) throw new Error(result.error);
  return { model: result.model, input };
}

/** What an adapter does with an action's writes; answers the worksheet rows it appended, per sheet. */
export function applyWrites(book: MemoryWorkbook, writes: Writes): Map<string, number[]> {
  const appended = new Map<string, number[]>();
  book.apply(writes).forEach((row, i) => {
    const { sheet } = writes.append[i];
    appended.set(sheet, [...(appended.get(sheet) ?? []), row]);
  });
  return appended;
}

/** A sheet's rows as objects keyed by header, for readable assertions. */
export function records(book: MemoryWorkbook, sheet: string): Record<string, CellValue>[] {
  const [header, ...rows] = book.sheet(sheet)!;
  return rows.filter((row) => row.some((v) => v !== null && v !== undefined && v !== "")).map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
}
