import type { CellValue } from "../../src/core/input";
import { orderNow, planAll, planRows } from "../../src/core/plan";
import { messages, model, settings, SUPPLIERS } from "../helpers";

const SKU_HEADER = ["SKU", "Supplier", "On Hand", "Safety Stock", "Lead Time Days", "MOQ", "Order Multiple", "Unit Cost", "Weekly Forecast", "Purchase Status"];

interface Item {
  onHand: number;
  safety: number;
  leadDays: number;
  moq?: number;
  multiple?: number;
  demand: number;
  status?: string;
}

function plan(item: Item, horizon: number, review = 1, extra: Record<string, CellValue[][]> = {}) {
  const m = model({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": horizon, "Review Weeks": review }),
    Suppliers: SUPPLIERS,
    SKUs: [SKU_HEADER, ["X", "ACME", item.onHand, item.safety, item.leadDays, item.moq ?? null, item.multiple ?? null, 1, item.demand, item.status ?? null]],
    ...extra,
  });
  const rows = [...planRows(planAll(m), m.settings)];
  return {
    m,
    rows,
    projected: rows.map((r) => r.projectedOnHand),
    recommended: rows.map((r) => r.recommended),
    planned: rows.map((r) => r.plannedReceipts),
    orderQty: rows.map((r) => r.orderQty),
    override: rows.map((r) => r.override),
    flags: rows.map((r) => r.flags),
  };
}

describe("rounding to MOQ and order multiple", () => {
  it("rounds the need up to the multiple (lead time 0: an order arrives the week it is placed)", () => {
    // 10 on hand, 17 a week, SS 0, multiple 5:
    // w1: 10−17=−7 → need 7 → 10 → 3; w2: 3−17=−14 → 15 → 1; w3: 1−17=−16 → 20 → 4; w4: 4−17=−13 → 15 → 2.
    const p = plan({ onHand: 10, safety: 0, leadDays: 0, multiple: 5, demand: 17 }, 4);
    expect(p.recommended).toEqual([10, 15, 20, 15]);
    expect(p.projected).toEqual([3, 1, 4, 2]);
    expect(p.rows.map((r) => r.arrivalWeek)).toEqual([1, 2, 3, 4]);
  });

  it("lifts the need to the MOQ, then rounds to the multiple", () => {
    // MOQ 30, multiple 4: w1 −7 → max(7,30)=30 → 32 → 25; w2 8 → none; w3 −9 → 32 → 23; w4 6 → none.
    const p = plan({ onHand: 10, safety: 0, leadDays: 0, moq: 30, multiple: 4, demand: 17 }, 4);
    expect(p.recommended).toEqual([32, 0, 32, 0]);
    expect(p.projected).toEqual([25, 8, 23, 6]);
  });

  it("orders exactly the need when it is already a multiple", () => {
    const p = plan({ onHand: 0, safety: 0, leadDays: 0, multiple: 5, demand: 10 }, 3);
    expect(p.recommended).toEqual([10, 10, 10]);
    expect(p.projected).toEqual([0, 0, 0]);
    expect(p.flags).toEqual([[], [], []]);
  });
});

describe("review weeks", () => {
  it("orders every R weeks for the lowest point of the R weeks the order covers", () => {
    // R=2, L=1 (7 days), 50 on hand, 20 a week, SS 10. Order weeks 1, 3, 5.
    // a=1 (o=0): 30. a=2 (o=1): base 10, window 2..3 lowest −10 → need 20 → 30.
    // a=3 (o=2, no order week): 10. a=4 (o=3): base −10, window 4..5 lowest −30 → need 40 → 30.
    // a=5: 10. a=6 (o=5): base −10, window 6..6 → need 20 → 10.
    const p = plan({ onHand: 50, safety: 10, leadDays: 7, demand: 20 }, 6, 2);
    expect(p.recommended).toEqual([20, 0, 40, 0, 20, 0]);
    expect(p.planned).toEqual([0, 20, 0, 40, 0, 20]);
    expect(p.projected).toEqual([30, 30, 10, 30, 10, 10]);
  });
});

describe("review weeks with a scheduled receipt inside the window", () => {
  it("counts the receipt when looking for the window's lowest point", () => {
    // R=2, L=1, 50 on hand, 20 a week, SS 10, an open PO bringing 25 in week 3.
    // a=1: 30. a=2 (o=1): base 10, window 2..3: 10, 10+25−20 = 15 → low 10 → need 0 → no order.
    // a=3 (o=2, no order week): 10+25−20 = 15. a=4 (o=3): −5, window 4..5: −5, −25 → need 35 → 30.
    // a=5: 10. a=6 (o=5): −10, window 6..6 → need 20 → 10.
    const p = plan({ onHand: 50, safety: 10, leadDays: 7, demand: 20 }, 6, 2, {
      "Purchase Orders": [
        ["PO Number", "Supplier", "Warehouse", "Status", "Expected Delivery"],
        ["PO-0001", "ACME", "MAIN", "Confirmed", "2026-12-09"],
      ],
      "PO Lines": [
        ["PO Number", "Line", "SKU", "Quantity"],
        ["PO-0001", 1, "X", 25],
      ],
    });
    expect(p.rows.map((r) => r.scheduledReceipts)).toEqual([0, 0, 25, 0, 0, 0]);
    expect(p.recommended).toEqual([0, 0, 35, 0, 20, 0]);
    expect(p.planned).toEqual([0, 0, 0, 35, 0, 20]);
    expect(p.projected).toEqual([30, 10, 15, 30, 10, 10]);
    expect(p.rows[2].arrivalWeek).toBe(4);
    expect(p.rows[0].arrivalWeek).toBeNull();
  });
});

describe("lead time beyond the horizon", () => {
  it("recommends nothing and flags the shortages it cannot cover", () => {
    // 35 days → L=5 > H=4: 30 on hand, 10 a week, SS 5 → 20, 10, 0, −10.
    const p = plan({ onHand: 30, safety: 5, leadDays: 35, demand: 10 }, 4);
    expect(p.recommended).toEqual([0, 0, 0, 0]);
    expect(p.projected).toEqual([20, 10, 0, -10]);
    expect(p.flags).toEqual([[], [], ["below-safety", "inside-lead-time"], ["below-safety", "stockout", "inside-lead-time"]]);
  });

  it("keeps an override that arrives after the horizon, with its arrival week", () => {
    const p = plan({ onHand: 30, safety: 5, leadDays: 35, demand: 10 }, 4, 1, {
      "Order Overrides": [
        ["SKU", "Week", "Quantity"],
        ["X", "2026-11-23", 40],
      ],
    });
    expect(p.orderQty).toEqual([40, 0, 0, 0]);
    expect(p.rows[0].arrivalWeek).toBe(6);
    expect(p.projected).toEqual([20, 10, 0, -10]);
  });
});

describe("planner overrides", () => {
  // The worked example: 100 on hand, SS 20, L=2, MOQ 50, multiple 12, 30 a week, H=8.
  const worked = { onHand: 100, safety: 20, leadDays: 10, moq: 50, multiple: 12, demand: 30 };
  const overrides = (qty: CellValue, week = "2026-11-25") => ({
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["X", "MAIN", week, qty],
    ],
  });

  it("0 means do not order that week; the engine still shows its recommendation and the plan follows the planner", () => {
    // No arrival in week 3: 10 (below safety). a=4 (o=2): 10−30=−20 → need 40 → 50 → 60 → 40.
    // a=5 (o=3): 10 → 60 → 70; a=6: 40; a=7 (o=5): 10 → 60 → 70; a=8: 40.
    const p = plan(worked, 8, 1, overrides(0));
    expect(p.recommended).toEqual([60, 60, 60, 0, 60, 0, 0, 0]);
    expect(p.override).toEqual([0, null, null, null, null, null, null, null]);
    expect(p.orderQty).toEqual([0, 60, 60, 0, 60, 0, 0, 0]);
    expect(p.projected).toEqual([70, 40, 10, 40, 70, 40, 70, 40]);
    expect(p.flags[2]).toEqual(["below-safety"]);
    expect(p.rows[0].arrivalWeek).toBeNull();
  });

  it("counts for a Dropped item, which gets no recommendation of its own", () => {
    // Override 100 in week 1 arrives in week 3: 70, 40, 110, 80, 50, 20, −10, −40.
    const p = plan({ ...worked, status: "D" }, 8, 1, overrides(100));
    expect(p.recommended).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.orderQty).toEqual([100, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.projected).toEqual([70, 40, 110, 80, 50, 20, -10, -40]);
    expect(p.flags[0]).toEqual(["not-recommended:D"]);
    expect(p.flags[6]).toEqual(["below-safety", "stockout", "not-recommended:D"]);
  });

  it("is ignored, with a problem at its cell, for a Discontinued item", () => {
    const p = plan({ ...worked, status: "T" }, 8, 1, overrides(100));
    expect(p.override.every((q) => q === null)).toBe(true);
    expect(p.projected).toEqual([70, 40, 10, -20, -50, -80, -110, -140]);
    expect(messages(p.m)).toEqual([expect.stringMatching(/^'Order Overrides'!D2: This override is ignored: .*T \(T, from product\)/)]);
  });

  it("is ignored, with a problem, for an item whose status nobody defined", () => {
    const p = plan({ ...worked, status: "ZZ" }, 8, 1, overrides(100));
    expect(p.override.every((q) => q === null)).toBe(true);
    expect(p.orderQty.every((q) => q === 0)).toBe(true);
    // No order at all: 100 − 30·w.
    expect(p.projected).toEqual([70, 40, 10, -20, -50, -80, -110, -140]);
    expect(messages(p.m)).toEqual([
      expect.stringMatching(/^SKUs!J2: Unknown purchase status "ZZ"/),
      expect.stringMatching(/^'Order Overrides'!D2: This override is ignored: .*ZZ \(unknown, from product\)/),
    ]);
  });

  it("replaces the recommendation by a larger quantity and the next orders adapt", () => {
    // Override 120 in week 1: a=3: 10+120 = 130; a=4: 100; a=5: 70; a=6: 40; a=7 (o=5): 10 → 60 → 70; a=8: 40.
    const p = plan(worked, 8, 1, overrides(120));
    expect(p.recommended).toEqual([60, 0, 0, 0, 60, 0, 0, 0]);
    expect(p.projected).toEqual([70, 40, 130, 100, 70, 40, 70, 40]);
  });

  it("counts an override placed in a week that is not an order week (R=2)", () => {
    // R=2, order weeks 1, 3, 5…; override 60 in week 2 arrives in week 4 and is seen by week 3's window.
    const p = plan(worked, 8, 2, overrides(60, "2026-12-02"));
    // a=3 (o=1): base 10, window 3..4: 10, −20+60=40 → low 10 → need 10 → 60 → 70.
    // a=4: 70−30+60 = 100. a=5 (o=3): 70, window 5..6: 70, 40 → none. a=6: 40.
    // a=7 (o=5): 10, window 7..8: 10, −20 → need 40 → 50 → 60 → 70. a=8: 40.
    // Week 2 is no order week: the engine recommends nothing there, the planner's 60 stands.
    expect(p.recommended).toEqual([60, 0, 0, 0, 60, 0, 0, 0]);
    expect(p.orderQty).toEqual([60, 60, 0, 0, 60, 0, 0, 0]);
    expect(p.projected).toEqual([70, 40, 70, 100, 70, 40, 70, 40]);
  });
});

describe("fractional quantities", () => {
  it("plans fractional demand and case packs, and shows them without binary noise", () => {
    // 0.3 on hand, 0.1 a week, SS 0.25, multiple 0.1, L=0, H=3.
    // w1: 0.3−0.1 = 0.2 → need 0.05 → 0.1 → 0.3; w2: 0.2 → 0.1 → 0.3; w3: the same.
    const p = plan({ onHand: 0.3, safety: 0.25, leadDays: 0, multiple: 0.1, demand: 0.1 }, 3);
    expect(p.recommended).toEqual([0.1, 0.1, 0.1]);
    expect(p.projected).toEqual([0.3, 0.3, 0.3]);
    expect(p.rows[0].orderValue.toFixed(2)).toBe("0.10");
  });

  it("lists the Order-now quantity without binary noise too", () => {
    // 0 on hand, 0.1 a week, SS 0.2, multiple 0.1, L=0: w1 base −0.1 → need 0.3 → 3 cases of 0.1.
    const p = plan({ onHand: 0, safety: 0.2, leadDays: 0, multiple: 0.1, demand: 0.1 }, 3);
    const [line] = orderNow(planAll(p.m), p.m.settings);
    expect(line.quantity).toBe(0.3);
    expect(line.value.toFixed(2)).toBe("0.30");
  });
});
