import { planAll, planRows } from "../../src/core/plan";
import { model, settings, SUPPLIERS } from "../helpers";

describe("PLANNING.md worked example", () => {
  const m = model({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 8, "Review Weeks": 1 }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Supplier", "On Hand", "Safety Stock", "Lead Time Days", "MOQ", "Order Multiple", "Unit Cost", "Weekly Forecast"],
      ["WIDGET", "ACME", 100, 20, 10, 50, 12, 2.5, 30],
    ],
  });
  const rows = [...planRows(planAll(m), m.settings)];

  it("reads the workbook without problems", () => {
    expect(m.problems).toEqual([]);
  });

  it("projects 70, 40 in the weeks no order can reach, then alternates 70/40", () => {
    expect(rows.map((r) => r.projectedOnHand)).toEqual([70, 40, 70, 40, 70, 40, 70, 40]);
  });

  it("recommends 60 (MOQ 50 rounded up to a multiple of 12) every other week", () => {
    // o=1 → arrives a=3 (base 10, need 10); o=3 → a=5; o=5 → a=7; o=6 → a=8 has base 40: none.
    // Weeks 7 and 8 arrive after H: no recommendation.
    expect(rows.map((r) => r.recommended)).toEqual([60, 0, 60, 0, 60, 0, 0, 0]);
    expect(rows.map((r) => r.plannedReceipts)).toEqual([0, 0, 60, 0, 60, 0, 60, 0]);
    expect(rows[0].arrivalWeek).toBe(3);
    expect(rows[1].arrivalWeek).toBeNull();
    expect(rows[0].orderValue.toFixed(2)).toBe("150.00");
  });

  it("dates each week from the plan start", () => {
    expect(rows[0].weekStart).toBe(rows[1].weekStart - 7);
    expect(new Date(rows[2].weekStart * 86400000).toISOString().slice(0, 10)).toBe("2026-12-07");
  });

  it("flags nothing while stock stays above safety", () => {
    expect(rows.every((r) => r.flags.length === 0)).toBe(true);
  });
});
