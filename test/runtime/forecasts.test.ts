import { dayFromIso, isoFromDay } from "../../src/core/dates";
import type { CellValue, WorkbookChange } from "../../src/core/input";
import { type ForecastProgress, LiveModel } from "../../src/runtime/liveModel";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { planned, settings, TODAY } from "../helpers";

const ITEMS = 150;

/** Item i sold 5 + (k·i mod 7) in history week −k, for 60 weeks. */
function book(): MemoryWorkbook {
  const sales: CellValue[][] = [["SKU", "Date", "Quantity"]];
  for (let i = 0; i < ITEMS; i++) for (let k = 1; k <= 60; k++) sales.push([`S${i}`, isoFromDay(dayFromIso("2026-11-23")! - 7 * k), 5 + ((k * i) % 7)]);
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 8, "Service Level": 95 }),
    Suppliers: [
      ["Supplier", "Lead Time Days"],
      ["ACME", 14],
    ],
    SKUs: [["SKU", "Supplier", "On Hand", "Unit Cost"], ...Array.from({ length: ITEMS }, (_, i) => [`S${i}`, "ACME", 40, 1])],
    "Sales History": sales,
  });
}

/** The live model over a workbook in memory that reports its changes. */
function live(workbook: MemoryWorkbook) {
  let changed: (change: WorkbookChange) => void = () => {};
  const model = new LiveModel(
    { read: async () => workbook.input(), watch: async (listener) => void (changed = listener) },
    // Slices of 1 ms: several of them whatever the machine's speed.
    { today: () => TODAY, refreshDelayMs: 0, forecastSliceMs: 1 },
  );
  return { model, change: (sheet: string) => changed({ sheets: [sheet] }) };
}

describe("the live model's forecasts", () => {
  it("are computed in slices with progress, and give the plan a read at once gives", async () => {
    const workbook = book();
    const { model } = live(workbook);
    const progress: ForecastProgress[] = [];
    model.onForecastProgress((p) => progress.push(p));
    const outcome = await model.current();
    if (!outcome.ok) throw new Error(outcome.error);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.slice(0, -1).every((p) => p !== undefined && p.done < p.total && p.total === ITEMS)).toBe(true);
    expect(progress[progress.length - 1]).toBeUndefined();
    expect(model.forecastProgress).toBeUndefined();
    const direct = planned(workbook.input());
    expect(outcome.plans.map((p) => [Array.from(p.item.demand), p.item.safetyStock])).toEqual(direct.plans.map((p) => [Array.from(p.item.demand), p.item.safetyStock]));
  });

  it("are kept across an edit that leaves the histories alone", async () => {
    const workbook = book();
    const { model, change } = live(workbook);
    await model.current();
    const fitted = model.forecasts.fitted;
    workbook.sheet("SKUs")![1][2] = 90;
    change("SKUs");
    const progress: ForecastProgress[] = [];
    model.onForecastProgress((p) => progress.push(p));
    const outcome = await model.latest();
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.plans[0].item.onHand).toBe(90);
    expect(model.forecasts.fitted).toBe(fitted);
    expect(progress).toEqual([]);
    model.stop();
  });
});
