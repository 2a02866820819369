import type { CellValue } from "../../../src/core/input";
import { readModel } from "../../../src/core/model";
import type { OrderContext } from "../../../src/core/orders/create";
import type { Writes } from "../../../src/core/orders/writes";
import { MemoryWorkbook } from "../../../src/workbook/memory";
import { settings, TODAY } from "../../helpers";

/** The order sheets' headers, as a workbook made before Last Received was added has them. */
const PO_HEADER = [
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
];
const LINE_HEADER = ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Line Total", "Received Qty", "Expected Delivery"];

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
    "Purchase Orders": [PO_HEADER, ["PO-0007", "Purchase Order", "ACME", "MAIN", "Confirmed", "2026-11-02", "2026-12-14", "USD", 25, "", 1, "", "", ""]],
    "PO Lines": [LINE_HEADER, ["PO-0007", 1, "WIDGET", 10, 2.5, 25, 0, null]],
    ...extra,
  });
}

/**
 * Plan Start = today = 2026-11-23 (serial 46349), 8 weeks, weekly review; every item
 * starts with nothing on hand and no safety stock, so with lead L weeks and F a week
 * the week-1 recommendation is the demand up to its arrival: (1 + L) × F.
 *
 * - ACME (USD, 14 days → L 2, Min Order Value 500):
 *   A1@MAIN F 100 → 300 × 2.50 = 750.00
 *   A2@MAIN F 10, 21 days on Supplier Items → L 3; the planner's week-1 override 40 → 40 × 19.995 = 799.80
 *   A3@MAIN F 1 → 3 × 0.125 = 0.375 → 0.38 (half away from zero)
 *     ACME at MAIN: 750.00 + 799.80 + 0.38 = 1550.18
 *   A1@EAST F 55 → 165 × 2.50 = 412.50: below 500.00, not created
 *   N1@MAIN F 10 → 30, no price anywhere: left out
 * - BOLT (EUR, 7 days → L 1):
 *   B1@MAIN override 50 → 50 × 1.10 = 55.00;   B1@EAST F 5 → 10 × 1.10 = 11.00
 * - G1@MAIN is bought from GHOST, not on the Suppliers sheet (lead 0 → L 0): 10 × 1, left out.
 * Existing orders: PO-0041 (and an orphan line numbered PO-0039): new ones are PO-0042, …
 */
export function buyersShop(): MemoryWorkbook {
  const rows: Record<string, CellValue[][]> = {
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 8 }),
    Suppliers: [
      ["Supplier", "Name", "Lead Time Days", "Currency", "Min Order Value"],
      ["ACME", "Acme Corp", 14, "USD", 500],
      ["BOLT", "Bolt GmbH", 7, "EUR", null],
    ],
    Warehouses: [
      ["Warehouse", "Name"],
      ["MAIN", "Main DC"],
      ["EAST", "East DC"],
    ],
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "On Hand", "Unit Cost", "Weekly Forecast", "Purchase Status"],
      ["A1", "MAIN", "ACME", 0, 2.5, 100, null],
      ["A2", "MAIN", "ACME", 0, null, 10, null],
      ["A3", "MAIN", "ACME", 0, null, 1, null],
      ["A1", "EAST", "ACME", 0, 2.5, 55, null],
      ["N1", "MAIN", "ACME", 0, null, 10, null],
      ["B1", "MAIN", "BOLT", 0, 1.1, 20, null],
      ["B1", "EAST", "BOLT", 0, 1.1, 5, null],
      ["G1", "MAIN", "GHOST", 0, 1, 10, null],
      ["OLD", "MAIN", "ACME", 0, 1, 0, "T"],
    ],
    "Supplier Items": [
      ["SKU", "Supplier", "Unit Price", "Lead Time Days"],
      ["A2", "ACME", 19.995, 21],
      ["A3", "ACME", 0.125, null],
    ],
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity", "Why"],
      ["A2", "MAIN", "2026-11-23", 40, "promo"],
      ["B1", "MAIN", "2026-11-25", 50, null],
      ["B1", "MAIN", "2026-12-07", 5, null],
    ],
    "Purchase Orders": [PO_HEADER, ["PO-0041", "Purchase Order", "BOLT", "EAST", "Closed", "2026-10-01", "2026-10-08", "EUR", 1.1, "", 1, "", "", ""]],
    "PO Lines": [LINE_HEADER, ["PO-0041", 1, "B1", 1, 1.1, 1.1, 1, null], ["PO-0039", 1, "B1", 1, 1.1, 1.1, 1, null]],
  };
  return new MemoryWorkbook(rows);
}

/**
 * The shop (PO-0007: ACME at MAIN, Confirmed, line 1 WIDGET 10, due 2026-12-14) with:
 * - PO-0008 Shipped, due 2026-11-30: line 1 WIDGET 100 (20 received), line 2 GADGET 50;
 * - PO-0009 Received (read-only): WIDGET 5 of 5.
 * Receipt Tolerance 5 %: a line of 100 may receive up to 105.
 */
export function receivingShop(): MemoryWorkbook {
  const book = shop({}, { "Receipt Tolerance %": 5 });
  book.append("Purchase Orders", [
    ["PO-0008", "Purchase Order", "ACME", "MAIN", "Shipped", "2026-11-02", "2026-11-30", "USD", 1249.75, "", 3, "", "", ""],
    ["PO-0009", "Purchase Order", "ACME", "MAIN", "Received", "2026-10-01", "2026-10-20", "USD", 12.5, "", 2, "", "", ""],
  ]);
  book.append("PO Lines", [
    ["PO-0008", 1, "WIDGET", 100, 2.5, 250, 20, null],
    ["PO-0008", 2, "GADGET", 50, 19.995, 999.75, 0, null],
    ["PO-0009", 1, "WIDGET", 5, 2.5, 12.5, 5, null],
  ]);
  return book;
}

/**
 * Today is 2026-11-23. The shop's PO-0007 (Confirmed, due 2026-12-14) and:
 * - PO-0010 Shipped, due 2026-11-16, nothing received: overdue;
 * - PO-0011 Partially Received, due 2026-11-20: line 1 in full, line 2 due 2026-12-01 on its own date: not overdue;
 * - PO-0012 Received, due 2026-11-01: not open, so not overdue;
 * - PO-0013 Draft with no date: GADGET 1 × 19.995 = 20.00;
 * - PO-0014 BOLT (EUR) Submitted, due yesterday: overdue; 3 × 2.20 = 6.60 EUR.
 */
export function followUpShop(settings: Record<string, string> = {}): MemoryWorkbook {
  const b = shop({}, settings);
  b.append("Purchase Orders", [
    ["PO-0010", "Purchase Order", "ACME", "MAIN", "Shipped", "2026-11-01", "2026-11-16", "USD", 25, "", 1, "", "", ""],
    ["PO-0011", "Purchase Order", "ACME", "EAST", "Partially Received", "2026-11-01", "2026-11-20", "USD", 37.5, "", 2, "", "", ""],
    ["PO-0012", "Purchase Order", "ACME", "MAIN", "Received", "2026-10-01", "2026-11-01", "USD", 2.5, "", 2, "", "", ""],
    ["PO-0013", "Purchase Order", "ACME", "MAIN", "Draft", "2026-11-23", null, "USD", 20, "", 1, "", "", ""],
    ["PO-0014", "Purchase Order", "BOLT", "MAIN", "Submitted", "2026-11-10", "2026-11-22", "EUR", 6.6, "", 1, "", "", ""],
  ]);
  b.append("PO Lines", [
    ["PO-0010", 1, "WIDGET", 10, 2.5, 25, 0, null],
    ["PO-0011", 1, "WIDGET", 5, 2.5, 12.5, 5, null],
    ["PO-0011", 2, "WIDGET", 10, 2.5, 25, 0, "2026-12-01"],
    ["PO-0012", 1, "WIDGET", 1, 2.5, 2.5, 1, null],
    ["PO-0013", 1, "GADGET", 1, 19.995, 20, 0, null],
    ["PO-0014", 1, "WIDGET", 3, 2.2, 6.6, 0, null],
  ]);
  return b;
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
