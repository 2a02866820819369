import { readDate } from "../../src/core/cells";
import { dayFromIso } from "../../src/core/dates";
import { Uncalculated } from "../../src/core/input";
import { planAll } from "../../src/core/plan";
import { messages, model, settings, SUPPLIERS } from "../helpers";

const SAVED_WITHOUT = "but no saved result (the workbook was saved without calculating): open it in Excel, recalculate (Ctrl+Alt+F9) and save it";

describe("a formula cell saved without its result", () => {
  it("is a problem with its address wherever it is read, never a blank", () => {
    const m = model({
      Settings: settings({ Currency: new Uncalculated('"US"&"D"'), "Horizon Weeks": 2 }),
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Description", "Supplier", "On Hand", "Weekly Forecast", "Unit Cost"],
        ["A", new Uncalculated("B9"), "ACME", new Uncalculated("SUM(Stock!B2:B9)"), 5, 1],
        [new Uncalculated("X1"), "lost?", "ACME", 3, 1, 1],
      ],
    });
    expect(messages(m)).toEqual([
      `Settings!B2: Currency holds the formula ="US"&"D" ${SAVED_WITHOUT}; it was ignored.`,
      `SKUs!B2: Description holds the formula =B9 ${SAVED_WITHOUT}; it was ignored.`,
      `SKUs!D2: On Hand holds the formula =SUM(Stock!B2:B9) ${SAVED_WITHOUT}; it was ignored.`,
      `SKUs!A3: SKU holds the formula =X1 ${SAVED_WITHOUT}; it was ignored.`,
    ]);
    expect(m.items.map((i) => i.sku)).toEqual(["A"]);
  });

  it("in a wide Forecast header or week cell is reported, not dropped", () => {
    const m = model({
      Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 2 }),
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Supplier", "Weekly Forecast", "Unit Cost"],
        ["A", "ACME", 9, 1],
      ],
      Forecast: [
        ["SKU", new Date(Date.UTC(2026, 10, 23)), new Uncalculated("B1+7")],
        ["A", new Uncalculated("Sales!C2*1.1"), 4],
      ],
    });
    expect(messages(m)).toEqual([
      `Forecast!C1: Forecast column header holds the formula =B1+7 ${SAVED_WITHOUT}, so the column was not used.`,
      `Forecast!B2: Forecast holds the formula =Sales!C2*1.1 ${SAVED_WITHOUT}; it counts as 0.`,
    ]);
    // The row is the item's forecast: week 1 counts 0 (reported), week 2's column was not used.
    expect(Array.from(planAll(m)[0].item.demand.slice(1))).toEqual([0, 0]);
  });
});

describe("dates Excel cannot hold", () => {
  it.each([
    [0, '"0" is not a date (use a date cell or YYYY-MM-DD)'],
    [-3, '"-3" is not a date (use a date cell or YYYY-MM-DD)'],
    [2_958_466, "2958466 is not a date Excel can hold (1900-01-01 to 9999-12-31)"],
    ["1899-12-31", '"1899-12-31" is not a date Excel can hold (1900-01-01 to 9999-12-31)'],
    [new Date(Date.UTC(10000, 0, 1)), "+010000-01-01 is not a date Excel can hold (1900-01-01 to 9999-12-31)"],
  ])("%p is refused", (value, reason) => {
    expect(readDate(value, false)).toEqual({ reason });
  });

  it("accepts the first and last ones, in both date systems", () => {
    // Serial 1 is 1900-01-01; 2,958,465 is 9999-12-31; the 1904 system starts at serial 0 = 1904-01-01.
    expect(readDate(1, false)).toBe(dayFromIso("1900-01-01"));
    expect(readDate(2_958_465.5, false)).toBe(dayFromIso("9999-12-31"));
    expect(readDate(0, true)).toBe(dayFromIso("1904-01-01"));
    expect(readDate("9999-12-31", false)).toBe(dayFromIso("9999-12-31"));
  });
});
