import { demandSourceOf } from "../../src/core/demand";
import { readModel, type PlanningModel } from "../../src/core/model";
import { planAll } from "../../src/core/plan";
import { SAMPLE_DEFAULTS, SAMPLE_PLAN_START, sampleInput, sampleSheets } from "../../src/sample/sample";
import type { SheetSpec } from "../../src/core/sheetSpec";
import { TODAY } from "../helpers";

function read(sheets: SheetSpec[]): PlanningModel {
  const result = readModel(sampleInput(sheets), { today: TODAY + 100 });
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

/** Data rows of a sheet as records keyed by header. */
function records(sheets: SheetSpec[], name: string): Record<string, unknown>[] {
  const spec = sheets.find((s) => s.name === name);
  if (!spec) throw new Error(`no ${name} sheet`);
  const [header, ...rows] = spec.rows;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

describe("the default sample", () => {
  const sheets = sampleSheets(SAMPLE_DEFAULTS);
  const m = read(sheets);

  it("has every sheet of WORKBOOK.md", () => {
    expect(sheets.map((s) => s.name).sort()).toEqual(
      [
        "Forecast",
        "Forecast Overrides",
        "Order Overrides",
        "PO Lines",
        "Purchase Orders",
        "Purchase Statuses",
        "Settings",
        "SKUs",
        "Sales History",
        "Status Overrides",
        "Supplier Items",
        "Suppliers",
        "Warehouses",
      ].sort(),
    );
  });

  it("reads with no problems: 40 SKUs in 2 warehouses are 80 item-locations", () => {
    expect(m.problems).toEqual([]);
    expect(m.items).toHaveLength(80);
    expect(new Set(m.items.map((i) => i.warehouse))).toEqual(new Set(["EAST", "WEST"]));
  });

  it("starts on the fixed Monday 2026-11-23 whatever today is, for 26 weeks", () => {
    expect(m.settings.planStart).toBe(SAMPLE_PLAN_START);
    expect(m.settings.horizonWeeks).toBe(26);
  });

  it("has items of every status type, a custom code, and every source of a status", () => {
    const types = new Set(m.items.map((i) => i.status.type));
    expect([...types].sort()).toEqual(["A", "D", "M", "O", "P", "T"]);
    const custom = m.items.filter((i) => i.status.code.length > 1);
    expect(custom.length).toBeGreaterThan(0);
    expect(new Set(m.items.map((i) => i.status.source))).toEqual(new Set(["warehouse", "district", "region", "product", "default"]));
    expect(
      m.statuses
        .all()
        .filter((s) => !s.builtIn)
        .map((s) => s.type)
        .sort(),
    ).toEqual(["A", "D", "T"]);
  });

  it("has a supplier in euros and SKUs with two suppliers, one of them preferred", () => {
    expect([...m.suppliers.values()].some((s) => s.currency === "EUR")).toBe(true);
    const twoSuppliers = [...m.supplierItems.values()].filter((links) => links.length === 2);
    expect(twoSuppliers.length).toBeGreaterThan(0);
    for (const links of twoSuppliers) expect(links.filter((l) => l.preferred)).toHaveLength(1);
    expect(m.items.some((i) => i.currency === "EUR")).toBe(true);
  });

  it("has open and closed orders: one partially received, one received, one cancelled", () => {
    const byStatus = new Map(m.orderBook.orders.map((po) => [po.status, po]));
    for (const status of ["Draft", "Submitted", "Confirmed", "Shipped", "Partially Received", "Received", "Cancelled", "Closed"] as const) {
      expect(byStatus.has(status)).toBe(true);
    }
    const partial = byStatus.get("Partially Received")!;
    expect(partial.lines.some((l) => l.receivedQty > 0 && l.receivedQty < l.quantity)).toBe(true);
    const received = byStatus.get("Received")!;
    expect(received.lines.every((l) => l.receivedQty === l.quantity)).toBe(true);
    // Open lines are inbound supply: they show as scheduled receipts.
    const scheduled = m.items.reduce((sum, i) => sum + i.scheduled.reduce((a, b) => a + b, 0), 0);
    expect(scheduled).toBeGreaterThan(0);
  });

  it("prices every PO line to the cent and totals each order", () => {
    const lines = records(sheets, "PO Lines");
    for (const line of lines) {
      const cents = Math.round(Number(line["Quantity"]) * Math.round(Number(line["Unit Price"]) * 100));
      expect(Math.round(Number(line["Line Total"]) * 100)).toBe(cents);
    }
    for (const po of records(sheets, "Purchase Orders")) {
      const sum = lines.filter((l) => l["PO Number"] === po["PO Number"]).reduce((s, l) => s + Math.round(Number(l["Line Total"]) * 100), 0);
      expect(Math.round(Number(po["Total"]) * 100)).toBe(sum);
    }
  });

  it("has planner overrides that count, one of them 0 (do not order)", () => {
    const overrides = m.items.flatMap((i) => [...i.overrides].filter((q) => !Number.isNaN(q)));
    expect(overrides.length).toBeGreaterThanOrEqual(4);
    expect(overrides).toContain(0);
  });

  it("has status overrides at warehouse, district and region level", () => {
    const rows = records(sheets, "Status Overrides");
    expect(rows.some((r) => r["Warehouse"] !== null)).toBe(true);
    expect(rows.some((r) => r["District"] !== null)).toBe(true);
    expect(rows.some((r) => r["Region"] !== null)).toBe(true);
  });

  it("forecasts by week in the wide layout, with a seasonal peak, and some items on a flat Weekly Forecast", () => {
    const [header] = sheets.find((s) => s.name === "Forecast")!.rows;
    expect(header).toHaveLength(2 + 26);
    const flat = records(sheets, "SKUs").filter((r) => r["Weekly Forecast"] !== null);
    expect(flat.length).toBeGreaterThan(0);
    // Holiday items (ornaments) sell more in mid-December (week 4) than in late February (week 14),
    // whether the planner's Forecast row or their Sales History says so.
    const ornaments = m.items.filter((i) => i.description.startsWith("Glass Ornament") && i.status.recommended && i.demandSource !== "weekly-forecast");
    expect(ornaments.length).toBeGreaterThan(0);
    for (const item of ornaments) expect(item.demand[4]).toBeGreaterThan(item.demand[14]);
  });

  it("has three years of Sales History in the long layout, with stockouts, forecast by every kind of method", () => {
    const [header] = sheets.find((s) => s.name === "Sales History")!.rows;
    expect(header).toEqual(["SKU", "Warehouse", "Date", "Quantity", "Stockout"]);
    const histories = m.items.map((i) => i.inputs.history).filter((h) => h !== undefined);
    expect(Math.min(...histories.map((h) => h.firstWeek))).toBe(-156);
    // Censored weeks (stockout), new items (under 8 weeks), and items that stopped selling half a year ago or more.
    expect(histories.some((h) => h.weeks.some((x) => Number.isNaN(x)))).toBe(true);
    expect(histories.some((h) => h.weeks.length < 8)).toBe(true);
    const methods = new Set(m.items.filter((i) => i.demandSource === "sales-history").map((i) => i.forecast!.method));
    for (const method of ["inactive", "mean"]) expect(methods).toContain(method);
    expect([...methods].some((name) => name === "sba" || name === "tsb")).toBe(true);
    expect([...methods].some((name) => name.startsWith("seasonal-"))).toBe(true);
    expect([...methods].some((name) => ["ses", "holt", "damped"].includes(name))).toBe(true);
  });

  it("takes demand from every source, and safety stock by every rule", () => {
    const sources = new Set(m.items.flatMap((i) => Array.from({ length: 26 }, (_, w) => demandSourceOf(i, w + 1))));
    expect([...sources].sort()).toEqual(["forecast-override", "forecast-sheet", "sales-history", "weekly-forecast"]);
    expect(new Set(m.items.map((i) => i.safetyStockRule))).toEqual(new Set(["units", "days-of-cover", "service-level", "setting-days-of-cover"]));
    expect(m.settings.forecastMethod).toBe("auto");
    expect(m.settings.serviceLevel).toBe(0.95);
    expect(m.items.some((i) => i.row.serviceLevel !== undefined && i.safetyStockRule === "service-level")).toBe(true);
    expect(m.items.some((i) => i.row.forecastMethod === "none")).toBe(true);
    expect(m.items.some((i) => i.leadTimeSdDays > 0)).toBe(true);
  });

  it("plans into something to order this week without every item being short", () => {
    const plans = planAll(m);
    const ordering = plans.filter((p) => p.recommended[1] > 0).length;
    const short = plans.filter((p) => p.projected[1] < p.item.safetyStock).length;
    expect(ordering).toBeGreaterThan(0);
    expect(short).toBeLessThan(plans.length / 4);
  });
});

describe("options and seeds", () => {
  it("gives the same sheets for the same seed and different ones for another", () => {
    expect(sampleSheets({ skus: 12, weeks: 8, seed: 5 })).toEqual(sampleSheets({ skus: 12, weeks: 8, seed: 5 }));
    expect(sampleSheets({ skus: 12, weeks: 8, seed: 5 })).not.toEqual(sampleSheets({ skus: 12, weeks: 8, seed: 6 }));
  });

  it.each([
    [1, 1],
    [3, 5],
    [7, 52],
    [120, 13],
  ])("--skus %i --weeks %i reads cleanly with that many SKUs and weeks", (skus, weeks) => {
    // Forecasting 240 histories three times over would be most of this file's time: one seed for the biggest.
    for (const seed of skus > 100 ? [1] : [0, 1, 99]) {
      const m = read(sampleSheets({ skus, weeks, seed }));
      expect(m.problems).toEqual([]);
      expect(new Set(m.items.map((i) => i.sku)).size).toBe(skus);
      expect(m.items).toHaveLength(2 * skus);
      expect(m.settings.horizonWeeks).toBe(weeks);
    }
  });
});
