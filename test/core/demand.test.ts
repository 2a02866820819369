import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { demandSourceOf } from "../../src/core/demand";
import type { CellValue } from "../../src/core/input";
import type { ItemLocation, PlanningModel } from "../../src/core/model";
import { model, settings } from "../helpers";

/*
 * Plan Start 2026-11-23, 6 weeks, Review Weeks 1. ACME's lead time is 14 days, so
 * L = 2 and the protection interval P = L + R = 3 weeks.
 */
const WEEKS = ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"];
const SUPPLIERS: CellValue[][] = [
  ["Supplier", "Lead Time Days", "Lead Time SD Days"],
  ["ACME", 14, 21],
];

/** `weeks` weeks of the same sales, the last of them history week −1 (2026-11-16). */
function constant(sku: string, quantity: number, weeks = 20): CellValue[][] {
  return Array.from({ length: weeks }, (_, k) => [sku, isoFromDay(dayFromIso("2026-11-16")! - 7 * k), quantity]);
}

const item = (m: PlanningModel, sku: string): ItemLocation => m.items.find((i) => i.sku === sku)!;
const demand = (i: ItemLocation) => Array.from(i.demand.subarray(1));
const sources = (i: ItemLocation) => WEEKS.map((_, k) => demandSourceOf(i, k + 1));
const problemsOf = (m: PlanningModel, sheet: string) => m.problems.filter((p) => p.sheet === sheet).map((p) => `${p.address}: ${p.message}`);

describe("where a week's demand comes from", () => {
  const m = model({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 6 }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Supplier", "Weekly Forecast", "Forecast Method"],
      ["OVR", "ACME", 9, null],
      ["ROW", "ACME", 9, null],
      ["HIST", "ACME", 9, null],
      ["NOMETHOD", "ACME", 4, "None"],
      ["WEEKLY", "ACME", 3, null],
      ["NOTHING", "ACME", null, null],
      ["ZEROS", "ACME", 2, null],
    ],
    Forecast: [
      ["SKU", ...WEEKS],
      ["OVR", 5, 5, 5, 5, 5, 5],
      ["ROW", 6, 6, 6, 6, 6, 6],
    ],
    "Forecast Overrides": [
      ["SKU", "Week", "Quantity"],
      ["OVR", "2026-12-02", 12], // a Wednesday: week 2
      ["HIST", "2026-12-14", 0], // week 4: no demand that week
    ],
    "Sales History": [["SKU", "Date", "Quantity"], ...constant("ROW", 10), ...constant("HIST", 10), ...constant("NOMETHOD", 10), ...constant("ZEROS", 0)],
  });

  it("takes a Forecast Overrides row first, then the Forecast sheet's row", () => {
    expect(demand(item(m, "OVR"))).toEqual([5, 12, 5, 5, 5, 5]);
    expect(sources(item(m, "OVR"))).toEqual(["forecast-sheet", "forecast-override", "forecast-sheet", "forecast-sheet", "forecast-sheet", "forecast-sheet"]);
  });

  it("keeps the Forecast sheet's row over the statistical forecast", () => {
    expect(demand(item(m, "ROW"))).toEqual([6, 6, 6, 6, 6, 6]);
    expect(item(m, "ROW").demandSource).toBe("forecast-sheet");
    expect(item(m, "ROW").forecast).toBeUndefined();
  });

  it("forecasts from Sales History before the Weekly Forecast: 20 weeks of 10 forecast 10, between quantiles of 10", () => {
    const hist = item(m, "HIST");
    expect(hist.demandSource).toBe("sales-history");
    const d = demand(hist);
    [0, 1, 2, 4, 5].forEach((k) => expect(d[k]).toBeCloseTo(10, 9));
    expect(d[3]).toBe(0);
    expect(sources(hist)[3]).toBe("forecast-override");
    expect(Array.from(hist.forecast!.low)).toEqual(Array.from(hist.forecast!.high));
    expect(hist.forecast!.point[0]).toBeCloseTo(10, 9);
  });

  it("uses the Weekly Forecast when the method is none, there is no history, or the history never sold", () => {
    expect(demand(item(m, "NOMETHOD"))).toEqual([4, 4, 4, 4, 4, 4]);
    expect(item(m, "NOMETHOD").demandSource).toBe("weekly-forecast");
    expect(item(m, "NOMETHOD").forecastMethod).toBe("none");
    expect(demand(item(m, "WEEKLY"))).toEqual([3, 3, 3, 3, 3, 3]);
    expect(demand(item(m, "ZEROS"))).toEqual([2, 2, 2, 2, 2, 2]);
    expect(item(m, "ZEROS").demandSource).toBe("weekly-forecast");
  });

  it("is 0 from nothing", () => {
    expect(demand(item(m, "NOTHING"))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(item(m, "NOTHING").demandSource).toBe("none");
  });

  it("lets the SKUs column's Forecast Method win over the setting", () => {
    const n = model({
      Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 6, "Forecast Method": "none" }),
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Supplier", "Weekly Forecast", "Forecast Method"],
        ["A", "ACME", 1, "auto"],
        ["B", "ACME", 1, null],
        ["C", "ACME", 1, "ses"],
        ["D", "ACME", 1, "wizard"],
      ],
      "Sales History": [["SKU", "Date", "Quantity"], ...constant("A", 10), ...constant("B", 10), ...constant("C", 10), ...constant("D", 10)],
    });
    expect(item(n, "A").demandSource).toBe("sales-history");
    expect(item(n, "B").demandSource).toBe("weekly-forecast");
    expect(item(n, "C").forecast?.method).toBe("ses");
    // A method the engine does not know is reported; the setting's (none) applies.
    expect(item(n, "D").demandSource).toBe("weekly-forecast");
    expect(problemsOf(n, "SKUs")).toContain(
      'SKUs!D5: Forecast Method "wizard" does not fit (auto, none or one of the methods inactive, mean, ses, holt, damped, seasonal-additive, seasonal-multiplicative, sba, tsb); the Settings sheet\'s Forecast Method applies.',
    );
  });
});

describe("safety stock", () => {
  /*
   * Twenty weeks of exactly 10 have no forecast error (σ = 0), so the service level's
   * safety stock is the textbook z·√(P·σ² + d̄²·σL²) = z·d̄·σL with d̄ = 10:
   *   z(95 %) = 1.644854, z(90 %) = 1.281552; σL = Lead Time SD Days / 7.
   * The setting's Safety Days (7) give 7/7 × mean(d[1..6]).
   */
  const m = model({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 6, "Safety Days": 7, "Service Level": "90%" }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Supplier", "Safety Stock", "Safety Days", "Service Level", "Lead Time SD Days", "Unit Cost"],
      ["ITEMSD", "ACME", null, null, 95, 14, 1],
      ["SKUSD", "ACME", null, null, "95%", 14, 1],
      ["SUPPLIERSD", "ACME", null, null, 0.95, null, 1],
      ["SETTING", "ACME", null, null, null, 14, 1],
      ["UNITS", "ACME", 25, 14, 95, null, 1],
      ["DAYS", "ACME", null, 14, 95, null, 1],
      ["ROW", "ACME", null, null, 95, null, 1],
      ["OVERRIDDEN", "ACME", null, null, 95, null, 1],
      ["LATER", "ACME", null, null, 95, null, 1],
      ["NOHISTORY", "ACME", null, null, 95, null, 1],
      ["QUIET", "ACME", null, null, null, null, 1],
    ],
    "Supplier Items": [
      ["SKU", "Supplier", "Lead Time SD Days"],
      ["ITEMSD", "ACME", 7],
      ["LATER", "ACME", 7],
    ],
    Forecast: [
      ["SKU", ...WEEKS],
      ["ROW", 6, 6, 6, 6, 6, 6],
    ],
    "Forecast Overrides": [
      ["SKU", "Week", "Quantity"],
      ["OVERRIDDEN", "2026-11-30", 12], // week 2, inside P = 3
      ["LATER", "2026-12-21", 12], // week 5, after P
    ],
    "Sales History": [
      ["SKU", "Date", "Quantity"],
      ...["ITEMSD", "SKUSD", "SUPPLIERSD", "SETTING", "UNITS", "DAYS", "ROW", "OVERRIDDEN", "LATER"].flatMap((sku) => constant(sku, 10)),
    ],
  });
  const ss = (sku: string) => item(m, sku).safetyStock;
  const rule = (sku: string) => item(m, sku).safetyStockRule;

  it("is z·d̄·σL for a history without error, σL from Supplier Items, else SKUs, else Suppliers", () => {
    // σL: Supplier Items 7 days = 1 week (over the SKU's 14): 1.644854 × 10 × 1
    expect(ss("ITEMSD")).toBeCloseTo(16.448536, 5);
    // SKUs 14 days = 2 weeks: 1.644854 × 10 × 2
    expect(ss("SKUSD")).toBeCloseTo(32.897073, 5);
    // Suppliers 21 days = 3 weeks: 1.644854 × 10 × 3
    expect(ss("SUPPLIERSD")).toBeCloseTo(49.345609, 5);
    expect(rule("SUPPLIERSD")).toBe("service-level");
  });

  it("takes the setting's Service Level when the SKU gives none", () => {
    // 1.281552 × 10 × 2
    expect(ss("SETTING")).toBeCloseTo(25.631031, 5);
    expect(item(m, "SETTING").serviceLevel).toBeCloseTo(0.9, 12);
  });

  it("comes after the SKU's Safety Stock and Safety Days", () => {
    expect(ss("UNITS")).toBe(25);
    expect(rule("UNITS")).toBe("units");
    // 14 / 7 × mean(10, …) = 20
    expect(ss("DAYS")).toBeCloseTo(20, 9);
    expect(rule("DAYS")).toBe("days-of-cover");
  });

  it("does not apply, and says why, when the demand of weeks 1..P is not all the statistical forecast", () => {
    // The Forecast row: 7/7 × 6.
    expect(ss("ROW")).toBe(6);
    expect(rule("ROW")).toBe("setting-days-of-cover");
    // Week 2 overridden to 12: 7/7 × (10 + 12 + 10 + 10 + 10 + 10) / 6.
    expect(ss("OVERRIDDEN")).toBeCloseTo(62 / 6, 9);
    expect(ss("NOHISTORY")).toBe(0);
    expect(problemsOf(m, "SKUs")).toEqual([
      'SKUs!E8: Service Level 95% of SKU "ROW" at "MAIN" is not used: its demand comes from the Forecast sheet, not from Sales History. Its safety stock comes from the next rule (Safety Days).',
      'SKUs!E9: Service Level 95% of SKU "OVERRIDDEN" at "MAIN" is not used: its demand in week 2 is a Forecast Override, so the demand of weeks 1..3 does not all come from Sales History. Its safety stock comes from the next rule (Safety Days).',
      'SKUs!E11: Service Level 95% of SKU "NOHISTORY" at "MAIN" is not used: it has no Sales History (no week that sold above 0), so its demand does not come from it. Its safety stock comes from the next rule (Safety Days).',
    ]);
  });

  it("still applies with an override after the protection interval", () => {
    expect(ss("LATER")).toBeCloseTo(16.448536, 5);
  });

  it("reports a SKU's Service Level that does not fit at its cell, and takes the setting's", () => {
    /*
     * Setting 90 %; the SKUs cells 120 and 45 % are outside 50–99.9 %, "high" is no number:
     * each item takes 90 %, z(90 %) = 1.2815516, σL = Suppliers' 21 days = 3 weeks, d̄ = 10:
     * SS = 1.2815516 × 10 × 3 = 38.446548.
     */
    const n = model({
      Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 6, "Service Level": "90%" }),
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Supplier", "Service Level", "Unit Cost"],
        ["OVER", "ACME", 120, 1],
        ["UNDER", "ACME", "45%", 1],
        ["WORD", "ACME", "high", 1],
      ],
      "Sales History": [["SKU", "Date", "Quantity"], ...constant("OVER", 10), ...constant("UNDER", 10), ...constant("WORD", 10)],
    });
    for (const sku of ["OVER", "UNDER", "WORD"]) {
      expect([sku, item(n, sku).serviceLevel]).toEqual([sku, 0.9]);
      expect(item(n, sku).safetyStock).toBeCloseTo(38.446548, 5);
    }
    expect(problemsOf(n, "SKUs").map((line) => line.slice(0, line.indexOf(":")))).toEqual(["SKUs!C2", "SKUs!C3", "SKUs!C4"]);
    expect(problemsOf(n, "SKUs")[0]).toMatch(/Service Level .*120.* the Settings sheet's Service Level applies\.$/);
  });

  it("leaves the setting's Service Level unreported on items it does not fit", () => {
    expect(ss("QUIET")).toBe(0);
    expect(rule("QUIET")).toBe("setting-days-of-cover");
  });
});
