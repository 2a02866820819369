import fc from "fast-check";
import type { CellValue, WorkbookInput } from "../../src/core/input";
import { readModel } from "../../src/core/model";
import { planAll, planRows } from "../../src/core/plan";
import { readSkus } from "../../src/core/catalog";
import { readDate } from "../../src/core/cells";
import { readSalesHistory } from "../../src/core/salesHistory";
import { SHEETS } from "../../src/core/schema";
import type { Settings } from "../../src/core/settings";
import { Sheet } from "../../src/core/sheet";
import { weekOf } from "../../src/core/weeks";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { TODAY } from "../helpers";

/** Addresses (of column A) of the Sales History rows its reader took in or left out by a rule of its own. */
function salesRowsSeen(input: WorkbookInput, settings: Settings): string[] {
  const skus = Sheet.open(input, SHEETS.skus, [])!;
  const seen: string[] = [];
  readSalesHistory(input, settings, readSkus(skus, settings), [], (row) => seen.push(`Sales History!A${row + 1}`));
  return seen;
}

const junk: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("1,200", "=SUM(A1)", "-", "NaN", "2026-02-30", "TRUE", "  7 ", "1e400", "#N/A", "95%", "0.5", "auto", "none", "sba"),
  // Dates in the history, in week 1, older than three years, after the horizon.
  fc.constantFrom("2026-11-16", "2026-11-09", "2026-11-25", "2023-06-05", "2027-03-01", 46340, 46349),
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
    "Service Level",
    "Forecast Method",
    "Lead Time SD Days",
  ],
  Suppliers: ["Supplier", "Name", "Lead Time Days", "Currency", "Lead Time SD Days"],
  "Supplier Items": ["SKU", "Supplier", "Unit Price", "Lead Time Days", "MOQ", "Order Multiple", "Preferred", "Lead Time SD Days"],
  Forecast: ["SKU", "Warehouse", "2026-11-23", "2026-11-30"],
  Warehouses: ["Warehouse", "District", "Region"],
  "Purchase Statuses": ["Code", "Type", "Description"],
  "Status Overrides": ["SKU", "Warehouse", "District", "Region", "Status"],
  "Purchase Orders": ["PO Number", "Supplier", "Warehouse", "Status", "Order Date", "Expected Delivery"],
  "PO Lines": ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Received Qty", "Expected Delivery"],
  "Order Overrides": ["SKU", "Warehouse", "Week", "Quantity"],
  "Sales History": ["SKU", "Warehouse", "Date", "Quantity", "Stockout"],
  "Forecast Overrides": ["SKU", "Warehouse", "Week", "Quantity"],
};

/** Sales History in the wide layout instead: two history weeks, and week 1 (not history). */
const WIDE_SALES = ["SKU", "Warehouse", "2026-11-09", "2026-11-16", "2026-11-23"];

/** Each sheet: its headers, then rows of junk (codes drawn from a small set so rows can refer to each other). */
const code = fc.constantFrom("A", "B", "MAIN", "W2", "ACME", "PO-1", "T", "D", 7, " A ", null);
const rows = (columns: number) =>
  fc.array(fc.array(fc.oneof({ weight: 2, arbitrary: code }, { weight: 3, arbitrary: junk }), { minLength: columns, maxLength: columns }), { maxLength: 8 });

/**
 * The forecast sheets' rows are mostly well formed, a cell here and there junk: rows that
 * reach the item-location, week and quantity checks are common, so that each way a row
 * can be used, ignored or reported is met.
 */
const week = fc.constantFrom<CellValue>("2026-11-16", "2026-11-09", 46340, "2023-06-05", "2026-11-25", "2027-06-07", null);
const units = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constant(null));
const mostly = (...columns: fc.Arbitrary<CellValue>[]) =>
  fc.array(fc.tuple(...columns.map((plausible) => fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: junk }))), { maxLength: 10 });
const sku = fc.constantFrom<CellValue>("A", "B");
const warehouse = fc.constantFrom<CellValue>(null, "MAIN", "W2");
const FORECAST_SHEETS = {
  "Sales History": mostly(sku, warehouse, week, units, fc.constantFrom<CellValue>(true, false, null)),
  "Forecast Overrides": mostly(sku, warehouse, week, units),
};
const workbook = fc.record({
  ...Object.fromEntries(Object.entries(HEADERS).map(([name, header]) => [name, rows(header.length)])),
  ...FORECAST_SHEETS,
  wide: fc.boolean(),
});

describe("junk in any cell", () => {
  it("never throws, gives demand and safety stock ≥ 0, quantiles in order and the same answer twice, and every non-blank row of SKUs, Supplier Items, the order sheets, Sales History and Forecast Overrides is either used or reported", () => {
    fc.assert(
      fc.property(workbook, ({ wide, ...rowsBySheet }) => {
        const headerOf = (name: string) => (name === "Sales History" && wide ? WIDE_SALES : HEADERS[name]);
        const sheets = Object.fromEntries(Object.entries(rowsBySheet).map(([name, rows]) => [name, [headerOf(name) as CellValue[], ...(rows as CellValue[][])]]));
        const input = new MemoryWorkbook(sheets).input();
        const result = readModel(input, { today: TODAY });
        if (!result.ok) return;
        const m = result.model;
        for (const row of planRows(planAll(m), m.settings)) {
          if (!Number.isFinite(row.orderValue.toNumber())) throw new Error("order value is not finite");
        }
        for (const item of m.items) {
          if (!(item.safetyStock >= 0 && Number.isFinite(item.safetyStock))) throw new Error(`safety stock ${item.safetyStock}`);
          for (let w = 1; w <= m.settings.horizonWeeks; w++) if (!(item.demand[w] >= 0 && Number.isFinite(item.demand[w]))) throw new Error(`demand ${item.demand[w]}`);
          const f = item.forecast;
          if (f)
            for (let h = 0; h < m.settings.horizonWeeks; h++) if (!(f.low[h] >= 0 && f.low[h] <= f.point[h] && f.point[h] <= f.high[h])) throw new Error("quantiles out of order");
        }
        const rowOf = (address: string) => address.replace(/^.*![A-Z]+/, "");
        const used: Record<string, string[]> = {
          SKUs: m.skuRows.map((r) => r.address),
          "Supplier Items": [...m.supplierItems.values()].flat().map((i) => i.address),
          "Purchase Orders": m.orderBook.orders.map((o) => o.address),
          "PO Lines": m.orderBook.orders.flatMap((o) => o.lines.map((l) => l.address)),
          "Forecast Overrides": [
            ...m.items.flatMap((i) => [...(i.inputs.forecastOverrides?.values() ?? [])].map((o) => o.addressOf())),
            // Weeks after the horizon are ignored without a problem, as Order Overrides' are.
            ...sheets["Forecast Overrides"].flatMap((row, i) => {
              const day = readDate(row[2], false);
              return typeof day === "number" && weekOf(day, m.settings.planStart) > m.settings.horizonWeeks ? [`Forecast Overrides!A${i + 1}`] : [];
            }),
          ],
          "Sales History": salesRowsSeen(input, m.settings),
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
