import type { CellValue } from "../../src/core/input";
import { readModel } from "../../src/core/model";
import { overrideEdit } from "../../src/core/overrideEdits";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { messages, settings, SUPPLIERS, TODAY } from "../helpers";

/**
 * Plan Start 2026-11-23, 4 weeks; A at MAIN. The planner's Order Overrides, with a
 * column of their own ("Why"):
 * - row 1: week 1 (2026-11-23), 40, noted "promo";
 * - rows 2 and 3: week 2 (2026-11-30 and Wednesday 2026-12-02, no Warehouse = MAIN), 7 then 8: the later stands;
 * - row 4: week 3 (2026-12-07), 5, noted "call Bob".
 */
function book(): MemoryWorkbook {
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 4 }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Supplier", "Unit Cost", "Weekly Forecast"],
      ["A", "ACME", 1, 5],
    ],
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity", "Why"],
      ["A", "MAIN", "2026-11-23", 40, "promo"],
      ["A", "MAIN", "2026-11-30", 7, null],
      ["A", null, "2026-12-02", 8, null],
      ["A", "MAIN", "2026-12-07", 5, "call Bob"],
    ],
  });
}

function read(workbook: MemoryWorkbook) {
  const result = readModel(workbook.input(), { today: TODAY });
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

/** Applies the planner's edit of week `week` as an adapter would. */
function setWeek(workbook: MemoryWorkbook, week: number, quantity: number | null) {
  const change = overrideEdit(workbook.input(), read(workbook), "A", "MAIN", week, quantity);
  if (!change.ok) throw new Error(change.reason);
  workbook.apply(change.writes!);
  return change.writes!;
}

const overrides = (workbook: MemoryWorkbook) => Array.from(read(workbook).items[0].overrides).slice(1);

describe("the planner clears an order override", () => {
  it("blanks only the Quantity of a row that holds the planner's note, and the whole row of one that holds nothing else", () => {
    const workbook = book();
    expect(overrides(workbook)).toEqual([40, 8, 5, NaN]);
    // Week 1: row 1 keeps "promo", only Quantity (column 3) goes.
    expect(setWeek(workbook, 1, null).cells).toEqual([{ sheet: "Order Overrides", row: 1, col: 3, value: null }]);
    // Week 2: rows 2 and 3 hold nothing but the override: both blanked, the earlier 7 cannot come back.
    expect(setWeek(workbook, 2, null).cells).toEqual([2, 3].flatMap((row) => [0, 1, 2, 3, 4].map((col) => ({ sheet: "Order Overrides", row, col, value: null }))));
    expect(workbook.sheet("Order Overrides")!.slice(1)).toEqual([
      ["A", "MAIN", "2026-11-23", null, "promo"],
      [null, null, null, null, null],
      [null, null, null, null, null],
      ["A", "MAIN", "2026-12-07", 5, "call Bob"],
    ]);
    // The recommendation counts again in weeks 1 and 2; week 3's 5 stands.
    expect(overrides(workbook)).toEqual([NaN, NaN, 5, NaN]);
  });

  it("leaves a trace the reader does not report, and a quantity set again goes back into that row beside its note", () => {
    const workbook = book();
    setWeek(workbook, 1, null);
    // Only week 2's duplicate is told; row 1 (D2) is the trace and asks for nothing.
    expect(messages(read(workbook))).toEqual(["'Order Overrides'!C3: A later override for SKU \"A\" at \"MAIN\" in week 2 ('Order Overrides'!C4) replaces this one."]);
    setWeek(workbook, 1, 25);
    expect(workbook.sheet("Order Overrides")![1]).toEqual(["A", "MAIN", "2026-11-23", 25, "promo"]);
    expect(overrides(workbook)).toEqual([25, 8, 5, NaN]);
  });
});

describe("a row of Order Overrides without a Quantity", () => {
  const rows = (extra: CellValue[][]) =>
    messages(
      read(
        new MemoryWorkbook({
          Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 4 }),
          Suppliers: SUPPLIERS,
          SKUs: [
            ["SKU", "Supplier", "Unit Cost"],
            ["A", "ACME", 1],
          ],
          "Order Overrides": [["SKU", "Warehouse", "Week", "Quantity", "Why"], ...extra],
        }),
      ),
    );

  it("is the trace of a cleared override when a note stands beside SKU and Week: not reported, whatever its week or SKU", () => {
    // Week 1; a week before the plan start (the trace of an old override); a SKU since taken off the SKUs sheet; a note in a column with no header.
    expect(
      rows([
        ["A", "MAIN", "2026-11-23", null, "promo"],
        ["A", "MAIN", "2026-11-02", null, "last month's promo"],
        ["GONE", "MAIN", "2026-11-30", null, "promo"],
        ["A", "MAIN", "2026-12-07", null, null, "see Bob"],
      ]),
    ).toEqual([]);
  });

  it("is reported when it holds nothing but known columns (a planner forgot the quantity), or has no Week", () => {
    expect(
      rows([
        ["A", "MAIN", "2026-11-30", null, null],
        ["A", "MAIN", null, null, "promo"],
      ]),
    ).toEqual([
      "'Order Overrides'!D2: This override has no Quantity, so it was not used (0 means do not order).",
      "'Order Overrides'!C3: This override has no Week, so it was not used.",
    ]);
  });
});
