import type { CellValue } from "../../src/core/input";
import { type PlanningModel, readModel } from "../../src/core/model";
import { setupSheets } from "../../src/core/setup";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { model, settings, SUPPLIERS, TODAY } from "../helpers";

/*
 * Plan Start 2026-11-23 (a Monday). History week −k covers the 7 days from
 * 2026-11-23 − 7k: week −1 is 11-16..11-22, −2 is 11-09..11-15, −3 is 11-02..11-08,
 * −4 is 10-26..11-01, −5 is 10-19..10-25; week −156 starts 2023-11-27, so 2023-11-26
 * is week −157, beyond the last three years.
 */
const SKUS: CellValue[][] = [
  ["SKU", "Warehouse", "Supplier"],
  ["A", null, "ACME"],
  ["B", null, "ACME"],
  ["C", "W2", "ACME"],
];

function read(sales: CellValue[][]): PlanningModel {
  return model({ Settings: settings({ "Plan Start": "2026-11-23" }), SKUs: SKUS, Suppliers: SUPPLIERS, "Sales History": sales });
}

/** The Sales History sheet's problems, row by row. */
const messages = (m: PlanningModel) =>
  m.problems
    .filter((p) => p.sheet === "Sales History")
    .sort((a, b) => Number(a.cell.replace(/\D/g, "")) - Number(b.cell.replace(/\D/g, "")) || a.cell.localeCompare(b.cell))
    .map((p) => `${p.address}: ${p.message}`);

const history = (m: PlanningModel, sku: string) => {
  const h = m.items.find((i) => i.sku === sku)!.inputs.history;
  return h && { firstWeek: h.firstWeek, weeks: Array.from(h.weeks) };
};

describe("Sales History, long layout", () => {
  const m = read([
    ["SKU", "Warehouse", "Date", "Quantity", "Stockout"],
    ["A", null, "2026-11-02", 0, null], // week −3: a zero before the first sale is not history
    ["A", null, "2026-10-19", 4, null], // week −5: the first sale
    ["A", null, "2026-11-09", 5, null], // week −2
    ["A", null, "2026-11-12", 3, false], // week −2 again: 5 + 3 = 8
    ["A", null, "2026-11-20", -2, null], // week −1: a return, net −2 counts 0
    ["A", null, "2023-11-26", 99, null], // week −157: older than three years, ignored without a problem
    ["B", "MAIN", "2026-10-27", 2, null], // week −4
    ["B", "MAIN", "2026-11-03", 6, true], // week −3, stockout: censored
    ["B", "MAIN", "2026-11-05", 1, null], // week −3 again: still censored (TRUE on any row of the week)
    ["B", "MAIN", "2026-11-10", 7, null], // week −2
    ["B", "MAIN", "2026-11-22", 9, "FALSE"], // week −1 (Sunday, the week's last day)
    ["A", null, "2026-11-23", 10, null], // week 1: not history
    ["A", null, "2026-12-01", 10, null], // week 2: not history
    ["Z", null, "2026-11-16", 1, null], // no such SKU
    ["B", null, "2026-13-01", 1, null], // bad date
    ["B", null, "2026-11-16", "ten", null], // bad quantity
    ["B", null, "2026-11-16", null, null], // no quantity, no stockout
    ["C", "W2", "2026-11-16", null, true], // a stockout week that sold nothing: used, censored
    ["C", "W2", null, 3, null], // no date
  ]);

  it("adds a week's rows, nets returns, counts missing weeks 0, starts at the first sale and leaves older weeks out", () => {
    // Weeks −5..−1: 4, (no row) 0, 0, 5 + 3, max(0, −2).
    expect(history(m, "A")).toEqual({ firstWeek: -5, weeks: [4, 0, 0, 8, 0] });
  });

  it("makes a week with a Stockout row censored (NaN), whatever sold in it", () => {
    expect(history(m, "B")).toEqual({ firstWeek: -4, weeks: [2, NaN, 7, 9] });
  });

  it("gives no history to an item-location without a week that sold above 0", () => {
    expect(history(m, "C")).toBeUndefined();
  });

  it("reports every row it cannot use at its cell, and the dates from the plan start on once", () => {
    expect(messages(m)).toEqual([
      "'Sales History'!C13: 2 rows of Sales History are dated on or after the plan start (2026-11-23), the first here: sales from week 1 on are not history, so they were ignored.",
      '\'Sales History\'!A15: SKU "Z" at warehouse "MAIN" is not on the SKUs sheet; this sales row was not used.',
      "'Sales History'!C16: Date \"2026-13-01\" is not a date (use a date cell or YYYY-MM-DD); it was ignored.",
      "'Sales History'!D17: Quantity \"ten\" is not a number; it was ignored.",
      "'Sales History'!D18: This sales row has no Quantity, so it was not used (write 0 for a week that sold nothing).",
      "'Sales History'!C20: This sales row has no Date, so it was not used.",
    ]);
  });
});

describe("Sales History, other shapes", () => {
  it("takes Week for Date, and a bad Stockout cell censors its week", () => {
    const m = read([
      ["SKU", "Week", "Quantity", "Stockout"],
      ["A", "2026-11-09", 5, null],
      ["A", "2026-11-16", 6, "maybe"],
    ]);
    expect(history(m, "A")).toEqual({ firstWeek: -2, weeks: [5, NaN] });
    expect(messages(m)).toEqual(["'Sales History'!D3: Stockout \"maybe\" is not TRUE or FALSE; the week counts as censored by a stockout until the cell says TRUE or FALSE."]);
  });

  it("counts the whole of the last 156 weeks", () => {
    const m = read([
      ["SKU", "Date", "Quantity"],
      ["A", "2023-11-27", 1], // week −156
      ["A", "2026-11-16", 2], // week −1
    ]);
    const h = history(m, "A")!;
    expect(h.firstWeek).toBe(-156);
    expect(h.weeks).toHaveLength(156);
    expect(h.weeks[0]).toBe(1);
    expect(h.weeks[155]).toBe(2);
    expect(h.weeks.slice(1, 155).every((x) => x === 0)).toBe(true);
  });

  it("reads the wide layout: a column per week, columns of one week added, returns netted", () => {
    const m = read([
      ["SKU", "Warehouse", "2026-11-02", "2026-11-09", "2026-11-12", "2026-11-16", "2026-11-23", "2026-11-30", "23/11/2025"],
      ["A", null, 0, 4, 1, -3, 8, 8, 1],
      ["C", "W2", null, 2, "x", 3, null, null, null],
      ["Q", null, 1, 1, 1, 1, 1, 1, 1],
    ]);
    // A: week −3 0 (leading), −2 4 + 1, −1 max(0, −3). C: −2 2 (the bad cell not counted), −1 3.
    expect(history(m, "A")).toEqual({ firstWeek: -2, weeks: [5, 0] });
    expect(history(m, "C")).toEqual({ firstWeek: -2, weeks: [2, 3] });
    expect(messages(m)).toEqual([
      "'Sales History'!G1: 2 columns of Sales History are dated on or after the plan start (2026-11-23), the first here: sales from week 1 on are not history, so they were ignored.",
      "'Sales History'!I1: Sales History column \"23/11/2025\" is not a date the add-in can read (use a date cell or YYYY-MM-DD), so the column was not used.",
      "'Sales History'!E3: Sales \"x\" is not a quantity; this week's sales were not counted.",
      '\'Sales History\'!A4: SKU "Q" at warehouse "MAIN" is not on the SKUs sheet; this sales row was not used.',
    ]);
  });

  it("ignores a row dated outside the last 156 weeks or from the plan start on whatever else it holds", () => {
    /*
     * FORECAST.md: older rows are ignored without a problem; rows from the plan start on
     * are one problem for the sheet. So neither kind is reported for its other cells: an
     * unknown SKU, a bad or blank Quantity, a bad Stockout. 2023-11-26 is week −157,
     * 2020-01-06 older still; 2026-11-23 is week 1 and 2026-12-01 week 2. Only row 6
     * (week −1, 2) counts.
     */
    const m = read([
      ["SKU", "Date", "Quantity", "Stockout"],
      ["A", "2023-11-26", "lots", null],
      ["Z", "2020-01-06", 5, null],
      ["A", "2023-11-20", null, "maybe"],
      ["Z", "2026-11-23", "lots", null],
      ["A", "2026-11-16", 2, null],
      ["A", "2026-12-01", null, "maybe"],
    ]);
    expect(history(m, "A")).toEqual({ firstWeek: -1, weeks: [2] });
    expect(messages(m)).toEqual([
      "'Sales History'!B5: 2 rows of Sales History are dated on or after the plan start (2026-11-23), the first here: sales from week 1 on are not history, so they were ignored.",
    ]);
  });

  it("reads dates as everywhere else: serials of either date system, a time of day, JS Dates", () => {
    /*
     * 2026-11-16 (week −1) is serial 46342 in the 1900 system (2026-01-01 is 46023; Nov 16
     * is day 320 of the year) and 46342 − 1462 = 44880 in the 1904 system; 46342.75 is
     * 6 pm that day. 2026-11-09 is week −2. Week −1: 3 + 1 = 4.
     */
    for (const date1904 of [false, true]) {
      const offset = date1904 ? 1462 : 0;
      const result = readModel(
        new MemoryWorkbook(
          {
            Settings: settings({ "Plan Start": "2026-11-23" }),
            SKUs: SKUS,
            Suppliers: SUPPLIERS,
            "Sales History": [
              ["SKU", "Date", "Quantity"],
              ["A", 46342 - offset, 3],
              ["A", new Date(Date.UTC(2026, 10, 9)), 2],
              ["A", 46342.75 - offset, 1],
            ],
          },
          date1904,
        ).input(),
        { today: TODAY },
      );
      if (!result.ok) throw new Error(result.error);
      expect([date1904, history(result.model, "A")]).toEqual([date1904, { firstWeek: -2, weeks: [2, 4] }]);
      expect(messages(result.model)).toEqual([]);
    }
  });

  it("leaves a wide column older than 156 weeks out without a problem", () => {
    // 2023-11-20 is week −157 (week −156 starts 2023-11-27); 2026-11-16 is week −1.
    const m = read([
      ["SKU", "2023-11-20", "2026-11-16"],
      ["A", 50, 2],
    ]);
    expect(history(m, "A")).toEqual({ firstWeek: -1, weeks: [2] });
    expect(messages(m)).toEqual([]);
  });

  it("says so once when the sheet has neither layout", () => {
    const m = read([
      ["SKU", "Units"],
      ["A", 3],
    ]);
    expect(messages(m)).toEqual([
      "'Sales History'!A1: The Sales History sheet has neither Date (or Week) and Quantity columns nor columns headed by week dates, so it was not read.",
    ]);
  });

  it("reports one row dated in week 1 in the singular", () => {
    const m = read([
      ["SKU", "Date", "Quantity"],
      ["A", "2026-11-25", 1],
    ]);
    expect(messages(m)).toEqual([
      "'Sales History'!B2: One row of Sales History is dated on or after the plan start (2026-11-23), this one: sales from week 1 on are not history, so it was ignored.",
    ]);
  });
});

describe('the Sales History sheet that "Create Planster sheets" adds', () => {
  it("has the long layout's columns, and reads the rows typed into it", () => {
    const made = setupSheets({ grids: [] });
    if (!made.ok) throw new Error(made.reason);
    const sheet = made.sheets.find((s) => s.name === "Sales History")!;
    expect(sheet.rows).toEqual([["SKU", "Warehouse", "Date", "Quantity", "Stockout"]]);
    expect(made.sheets.find((s) => s.name === "Forecast Overrides")!.rows).toEqual([["SKU", "Warehouse", "Week", "Quantity"]]);
    const m = read([...sheet.rows, ["A", null, "2026-11-16", 3, null], ["A", null, "2026-11-09", 2, "TRUE"]]);
    expect(history(m, "A")).toEqual({ firstWeek: -1, weeks: [3] });
    expect(messages(m)).toEqual([]);
  });
});
