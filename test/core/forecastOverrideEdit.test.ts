import type { CellValue } from "../../src/core/input";
import { readModel } from "../../src/core/model";
import { forecastOverrideEdit } from "../../src/core/overrideEdits";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { settings, SUPPLIERS, TODAY } from "../helpers";

/** Plan Start 2026-11-23 (serial 46349), 4 weeks; A plans on a Weekly Forecast of 5, T is discontinued. */
function book(overrides?: CellValue[][]): MemoryWorkbook {
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 4 }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Supplier", "Unit Cost", "Weekly Forecast", "Purchase Status"],
      ["A", "ACME", 1, 5, null],
      ["T", "ACME", 1, 5, "T"],
    ],
    ...(overrides ? { "Forecast Overrides": overrides } : {}),
  });
}

function edit(workbook: MemoryWorkbook, sku: string, week: number, quantity: number | null) {
  const read = readModel(workbook.input(), { today: TODAY });
  if (!read.ok) throw new Error(read.error);
  return forecastOverrideEdit(workbook.input(), read.model, sku, "MAIN", week, quantity);
}

/** Applies an edit as an adapter would, then reads the demand the plan now uses. */
function demandAfter(workbook: MemoryWorkbook, sku: string, week: number, quantity: number | null): number[] {
  const change = edit(workbook, sku, week, quantity);
  if (!change.ok) throw new Error(change.reason);
  for (const sheet of change.sheets ?? []) workbook.write(sheet.name, sheet.rows);
  if (change.writes) workbook.apply(change.writes);
  const read = readModel(workbook.input(), { today: TODAY });
  if (!read.ok) throw new Error(read.error);
  return Array.from(read.model.items.find((i) => i.sku === sku)!.demand.subarray(1));
}

describe("setting a week's demand", () => {
  it("creates the Forecast Overrides sheet when missing, dated on the week's Monday, and the plan takes it", () => {
    const workbook = book();
    expect(demandAfter(workbook, "A", 2, 12)).toEqual([5, 12, 5, 5]);
    expect(workbook.sheet("Forecast Overrides")).toEqual([
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["A", "MAIN", 46356, 12],
    ]);
  });

  it("appends a row, or rewrites the row that stands for the week", () => {
    const workbook = book([
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["A", "MAIN", "2026-12-08", 7], // week 3
    ]);
    expect(demandAfter(workbook, "A", 1, 0)).toEqual([0, 5, 7, 5]);
    expect(demandAfter(workbook, "A", 3, 9)).toEqual([0, 5, 9, 5]);
    expect(workbook.sheet("Forecast Overrides")!.slice(1)).toEqual([
      ["A", "MAIN", "2026-12-08", 9],
      ["A", "MAIN", 46349, 0],
    ]);
  });

  it("clears every row of the week, so that an earlier one does not come back", () => {
    const workbook = book([
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["A", "MAIN", "2026-11-30", 7],
      ["A", null, "2026-12-02", 8],
    ]);
    expect(demandAfter(workbook, "A", 2, null)).toEqual([5, 5, 5, 5]);
  });

  it("sets demand for an item that cannot be ordered too: demand is not an order", () => {
    expect(demandAfter(book(), "T", 4, 3)).toEqual([5, 5, 5, 3]);
  });

  it("refuses a quantity below 0, an unknown item-location, and a sheet without its columns, writing nothing", () => {
    expect(edit(book(), "A", 1, -1)).toEqual({
      ok: false,
      reason: "The week's demand must be a number of 0 or more (0 means no demand that week); leave it blank to use the forecast.",
    });
    expect(edit(book(), "Z", 1, 1)).toEqual({ ok: false, reason: 'SKU "Z" is not on the SKUs sheet at warehouse "MAIN".' });
    expect(edit(book([["SKU", "Warehouse", "Week"]]), "A", 1, 1)).toEqual({
      ok: false,
      reason: 'The Forecast Overrides sheet has no "Quantity" column in its header row: add it, then set the quantity again.',
    });
  });
});

describe("clearing a week's demand beside the planner's note", () => {
  it("blanks only the Quantity, keeps the note, and the reader says nothing of the row", () => {
    const workbook = book([
      ["SKU", "Warehouse", "Week", "Quantity", "Note"],
      ["A", "MAIN", "2026-11-30", 7, "trade fair"], // week 2
    ]);
    // Week 2 back to the Weekly Forecast of 5.
    expect(demandAfter(workbook, "A", 2, null)).toEqual([5, 5, 5, 5]);
    expect(workbook.sheet("Forecast Overrides")![1]).toEqual(["A", "MAIN", "2026-11-30", null, "trade fair"]);
    const read = readModel(workbook.input(), { today: TODAY });
    expect(read.ok && read.model.problems).toEqual([]);
  });
});
