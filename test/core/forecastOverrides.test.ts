import { demandSourceOf } from "../../src/core/demand";
import type { PlanningModel } from "../../src/core/model";
import { model, settings, SUPPLIERS } from "../helpers";

/*
 * FORECAST.md, "Where a week's demand comes from", rule 1: a Forecast Overrides row
 * (`SKU`, `Warehouse`, `Week` any date in the week, `Quantity` ≥ 0) is the week's
 * demand; of two rows for one week the last stands and the others are reported.
 *
 * Plan Start 2026-11-23 (a Monday), 4 weeks: week 1 is 11-23..11-29, week 2
 * 11-30..12-06, week 3 12-07..12-13, week 4 12-14..12-20. A has a Weekly Forecast
 * of 10, B (at W2) of 5.
 */
const m: PlanningModel = model({
  Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 4 }),
  Suppliers: SUPPLIERS,
  SKUs: [
    ["SKU", "Warehouse", "Supplier", "Unit Cost", "Weekly Forecast"],
    ["A", null, "ACME", 1, 10],
    ["B", "W2", "ACME", 1, 5],
  ],
  "Forecast Overrides": [
    ["SKU", "Warehouse", "Week", "Quantity"],
    ["A", "", "2026-11-25", 7], // row 2, week 1 (blank Warehouse = MAIN): replaced by row 3
    ["A", "MAIN", "2026-11-29", 8], // row 3, week 1 (its Sunday): the last row of week 1 stands
    ["A", null, "2026-12-01", -1], // row 4: below 0, not used
    ["A", null, "2026-11-22", 3], // row 5: before the plan start, reported and ignored
    ["A", null, "2026-12-21", 9], // row 6: week 5, after the horizon: ignored
    ["Z", null, "2026-11-30", 1], // row 7: no such SKU
    ["B", "W2", "2026-12-07", 0], // row 8: week 3, no demand that week
    ["B", "W2", null, 4], // row 9: no Week
    ["B", "W2", "2026-12-14", null], // row 10: no Quantity
    ["A", null, "2026-12-02", 6], // row 11: week 2 (row 4 did not count, so nothing is replaced)
  ],
});

const item = (sku: string) => m.items.find((i) => i.sku === sku)!;
const demand = (sku: string) => Array.from(item(sku).demand.subarray(1));
const sources = (sku: string) => [1, 2, 3, 4].map((w) => demandSourceOf(item(sku), w));

describe("Forecast Overrides", () => {
  it("sets the week's demand, the last row of a week standing, 0 meaning no demand", () => {
    // A: week 1 row 3's 8, week 2 row 11's 6, then the Weekly Forecast 10. B: 5, 5, row 8's 0, 5.
    expect(demand("A")).toEqual([8, 6, 10, 10]);
    expect(sources("A")).toEqual(["forecast-override", "forecast-override", "weekly-forecast", "weekly-forecast"]);
    expect(demand("B")).toEqual([5, 5, 0, 5]);
    expect(sources("B")).toEqual(["weekly-forecast", "weekly-forecast", "forecast-override", "weekly-forecast"]);
  });

  it("reports every row it does not use at its cell, except one after the horizon", () => {
    const problems = m.problems.filter((p) => p.sheet === "Forecast Overrides");
    expect(problems.map((p) => p.address).sort()).toEqual([
      "'Forecast Overrides'!A7",
      "'Forecast Overrides'!C2",
      "'Forecast Overrides'!C5",
      "'Forecast Overrides'!C9",
      "'Forecast Overrides'!D10",
      "'Forecast Overrides'!D4",
    ]);
    const at = (address: string) => problems.find((p) => p.address === address)!.message;
    expect(at("'Forecast Overrides'!C2")).toBe(`A later forecast override for SKU "A" at "MAIN" in week 1 ('Forecast Overrides'!C3) replaces this one.`);
    expect(at("'Forecast Overrides'!D4")).toBe("Quantity -1 must be 0 or more; it was ignored.");
    expect(at("'Forecast Overrides'!C5")).toBe("This forecast override's week is before the plan start, so it was ignored.");
    expect(at("'Forecast Overrides'!A7")).toMatch(/SKU "Z" at warehouse "MAIN" is not on the SKUs sheet/);
    expect(at("'Forecast Overrides'!C9")).toBe("This forecast override has no Week, so it was not used.");
    expect(at("'Forecast Overrides'!D10")).toBe("This forecast override has no Quantity, so it was not used (0 means no demand that week).");
  });
});
