import fc from "fast-check";
import type { CellValue } from "../../src/core/input";
import { readModel } from "../../src/core/model";
import { planAll, planRows } from "../../src/core/plan";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { TODAY } from "../helpers";

const junk: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("1,200", "=SUM(A1)", "-", "NaN", "2026-02-30", "TRUE", "  7 ", "1e400", "#N/A"),
  fc.double(),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);

const HEADERS: Record<string, string[]> = {
  Settings: ["Setting", "Value"],
  SKUs: [
    "SKU",
    "Description",
    "Warehouse",
    "Supplier",
    "On Hand",
    "Safety Stock",
    "Safety Days",
    "Lead Time Days",
    "MOQ",
    "Order Multiple",
    "Unit Cost",
    "Purchase Status",
    "Weekly Forecast",
  ],
  Suppliers: ["Supplier", "Name", "Lead Time Days", "Currency"],
  "Supplier Items": ["SKU", "Supplier", "Unit Price", "Lead Time Days", "MOQ", "Order Multiple", "Preferred"],
  Forecast: ["SKU", "Warehouse", "2026-11-23", "2026-11-30"],
  Warehouses: ["Warehouse", "District", "Region"],
  "Purchase Statuses": ["Code", "Type", "Description"],
  "Status Overrides": ["SKU", "Warehouse", "District", "Region", "Status"],
  "Purchase Orders": ["PO Number", "Supplier", "Warehouse", "Status", "Order Date", "Expected Delivery"],
  "PO Lines": ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Received Qty", "Expected Delivery"],
  "Order Overrides": ["SKU", "Warehouse", "Week", "Quantity"],
};

/** Each sheet: its headers, then rows of junk (codes drawn from a small set so rows can refer to each other). */
const code = fc.constantFrom("A", "B", "MAIN", "W2", "ACME", "PO-1", "T", "D", 7, " A ", null);
const workbook = fc.record(
  Object.fromEntries(
    Object.entries(HEADERS).map(([name, header]) => [
      name,
      fc.array(fc.array(fc.oneof({ weight: 2, arbitrary: code }, { weight: 3, arbitrary: junk }), { minLength: header.length, maxLength: header.length }), { maxLength: 8 }),
    ]),
  ),
);

describe("junk in any cell", () => {
  it("never throws, and every non-blank row of SKUs, Supplier Items and the order sheets is either used or reported", () => {
    fc.assert(
      fc.property(workbook, (rowsBySheet) => {
        const sheets = Object.fromEntries(Object.entries(rowsBySheet).map(([name, rows]) => [name, [HEADERS[name] as CellValue[], ...rows]]));
        const result = readModel(new MemoryWorkbook(sheets).input(), { today: TODAY });
        if (!result.ok) return;
        const m = result.model;
        for (const row of planRows(planAll(m), m.settings)) {
          if (!Number.isFinite(row.orderValue.toNumber())) throw new Error("order value is not finite");
        }
        const rowOf = (address: string) => address.replace(/^.*![A-Z]+/, "");
        const used: Record<string, string[]> = {
          SKUs: m.skuRows.map((r) => r.address),
          "Supplier Items": [...m.supplierItems.values()].flat().map((i) => i.address),
          "Purchase Orders": m.orderBook.orders.map((o) => o.address),
          "PO Lines": m.orderBook.orders.flatMap((o) => o.lines.map((l) => l.address)),
        };
        for (const [name, addresses] of Object.entries(used)) {
          const rows = new Set([...addresses, ...m.problems.filter((p) => p.sheet === name).map((p) => p.address)].map(rowOf));
          sheets[name].forEach((row, i) => {
            if (i === 0 || row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return;
            if (!rows.has(String(i + 1))) throw new Error(`${name} row ${i + 1} was dropped silently`);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
