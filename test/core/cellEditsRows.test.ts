import { applyCellEdits } from "../../src/core/cellEdits";
import type { Grid } from "../../src/core/input";
import { type Planned, planWorkbook } from "../../src/core/planned";
import { TODAY } from "../helpers";
import { everyAnswer } from "../runtime/everyAnswer";
import { type Book, type BookEdit, copyOf, write } from "../runtime/randomBook";

/** 2026-11-30, the plan's week 2 (Plan Start 2026-11-23), as a serial. */
const WEEK_2 = 46356;

const book = (): Book => ({
  Settings: [
    ["Setting", "Value"],
    ["Plan Start", "2026-11-23"],
    ["Horizon Weeks", 6],
  ],
  Suppliers: [
    ["Supplier", "Lead Time Days"],
    ["ACME", 7],
  ],
  SKUs: [
    ["SKU", "Warehouse", "Supplier", "On Hand", "Weekly Forecast", "Unit Cost"],
    ["A", "MAIN", "ACME", 10, 5, 2],
    ["B", "MAIN", "ACME", 0, 3, 1],
  ],
  "Order Overrides": [
    ["SKU", "Warehouse", "Week", "Quantity", "Note"],
    ["A", "MAIN", WEEK_2, 40, ""],
  ],
  "Forecast Overrides": [["SKU", "Warehouse", "Week", "Quantity"]],
});

const inputOf = (b: Book, table = false) => ({
  grids: Object.entries(b).map(([name, rows]): Grid => ({ name, sheet: name, values: rows.map((row) => [...row]), ...(table ? { table: true } : {}) })),
});

/** Applies the edits one by one; each must be applied by itself and answer as a full read of the edited book does. */
function applyAll(truth: Book, edits: BookEdit[]): Planned {
  let state: Planned = planWorkbook(inputOf(truth), TODAY);
  for (const edit of edits) {
    write(truth, edit);
    const next = state.ok ? applyCellEdits(state, [edit]) : undefined;
    expect(next).toBeDefined();
    state = next!;
    expect(everyAnswer(state)).toEqual(everyAnswer(planWorkbook(inputOf(copyOf(truth)), TODAY)));
  }
  return state;
}

/*
 * The planner's quantity for a week with no row yet is a row typed under the last of
 * Order Overrides (the pane appends it): the plan follows without reading the workbook,
 * and answers as a full read of the edited workbook does at every step.
 */
describe("rows typed under the last, or cleared, on the planner's sheets by week", () => {
  it("an Order Overrides row appended in one paste is applied by itself", () => {
    const state = applyAll(book(), [{ sheet: "Order Overrides", row: 2, col: 0, values: [["B", "MAIN", WEEK_2, 30]] }]);
    expect(state.ok && state.byKey.get("B\u0000MAIN")?.item.overrides[2]).toBe(30);
  });

  it("and typed cell by cell, each step answering as a full read (the row has no Week yet, then no Quantity)", () => {
    applyAll(book(), [
      { sheet: "Order Overrides", row: 2, col: 0, values: [["B"]] },
      { sheet: "Order Overrides", row: 2, col: 1, values: [["MAIN"]] },
      { sheet: "Order Overrides", row: 2, col: 2, values: [[WEEK_2]] },
      { sheet: "Order Overrides", row: 2, col: 3, values: [[30]] },
    ]);
  });

  it("a Forecast Overrides row two rows under the last, and a row cleared to blank", () => {
    applyAll(book(), [
      { sheet: "Forecast Overrides", row: 3, col: 0, values: [["A", "MAIN", WEEK_2, 12]] },
      { sheet: "Order Overrides", row: 1, col: 0, values: [["", "", "", "", ""]] },
    ]);
  });

  it("under a table, or outside the sheet's columns, it is a full read (Excel grows a table typed under)", () => {
    const tables = planWorkbook(inputOf(book(), true), TODAY);
    expect(tables.ok && applyCellEdits(tables, [{ sheet: "Order Overrides", row: 2, col: 0, values: [["B", "MAIN", WEEK_2, 30]] }])).toBeUndefined();
    const plain = planWorkbook(inputOf(book()), TODAY);
    expect(plain.ok && applyCellEdits(plain, [{ sheet: "Order Overrides", row: 2, col: 5, values: [["a note"]] }])).toBeUndefined();
  });
});
