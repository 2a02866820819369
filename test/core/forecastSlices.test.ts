import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { ForecastStore } from "../../src/core/forecasts";
import type { CellValue } from "../../src/core/input";
import { type Planned, planWorkbookInSlices, type PlannedWorkbook } from "../../src/core/planned";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { planned, settings, TODAY } from "../helpers";

const ITEMS = 12;

/** Item i sold 10 + i a week for 30 weeks, except a spike of 3·i in its last week; every item asks a 95 % service level. */
function workbook(): MemoryWorkbook {
  const sales: CellValue[][] = [["SKU", "Date", "Quantity"]];
  for (let i = 0; i < ITEMS; i++) {
    for (let k = 1; k <= 30; k++) sales.push([`S${i}`, isoFromDay(dayFromIso("2026-11-23")! - 7 * k), 10 + i + (k === 1 ? 3 * i : 0)]);
  }
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 8, "Service Level": 95 }),
    Suppliers: [
      ["Supplier", "Lead Time Days"],
      ["ACME", 14],
    ],
    SKUs: [["SKU", "Supplier", "On Hand", "Unit Cost"], ...Array.from({ length: ITEMS }, (_, i) => [`S${i}`, "ACME", 50, 1])],
    "Sales History": sales,
  });
}

/** A clock that moves 10 ms each time it is read, so that every item fills a 25 ms slice after two or three. */
function ticking() {
  let t = 0;
  return () => (t += 10);
}

async function inSlices(book: MemoryWorkbook, store: ForecastStore, progress: [number, number][] = [], cancelled?: () => boolean): Promise<Planned | undefined> {
  return planWorkbookInSlices(book.input(), TODAY, {
    store,
    pause: async () => {},
    onProgress: (done, total) => progress.push([done, total]),
    cancelled,
    sliceMs: 25,
    now: ticking(),
  });
}

const numbers = (p: PlannedWorkbook) => p.plans.map((plan) => ({ demand: Array.from(plan.item.demand), ss: plan.item.safetyStock, projected: Array.from(plan.projected) }));

describe("forecasts computed in slices", () => {
  it("give the plan a read that computes them at once gives, with progress after each slice", async () => {
    const progress: [number, number][] = [];
    const outcome = (await inSlices(workbook(), new ForecastStore(), progress)) as PlannedWorkbook;
    expect(outcome.ok).toBe(true);
    expect(numbers(outcome)).toEqual(numbers(planned(workbook().input())));
    expect(outcome.model.pendingForecasts).toEqual([]);
    // 12 items, a slice closing when 25 ms have passed on a clock read once per item (10 ms a read): 3 items a slice, the last one when all are done.
    expect(progress).toEqual([
      [3, 12],
      [6, 12],
      [9, 12],
      [12, 12],
    ]);
  });

  it("are kept: a second read, or an edit that leaves histories alone, fits none again; an edited history is fitted again alone", async () => {
    const store = new ForecastStore();
    const book = workbook();
    await inSlices(book, store);
    // Each item fitted once: its safety stock is asked right after its forecast.
    expect(store.fitted).toBe(ITEMS);
    await inSlices(book, store);
    book.sheet("SKUs")![1][2] = 70; // On Hand of S0
    const progress: [number, number][] = [];
    await inSlices(book, store, progress);
    expect(store.fitted).toBe(ITEMS);
    expect(progress).toEqual([]);
    book.sheet("Sales History")![1][2] = 99; // S0's week −1
    await inSlices(book, store, progress);
    expect(store.fitted).toBe(ITEMS + 1);
    expect(progress).toEqual([[1, 1]]);
    // The forecast of S0's old history is dropped once a read has gone by without it.
    await inSlices(book, store);
    expect(store.size).toBe(ITEMS);
  });

  it("stop when the workbook has moved on", async () => {
    const store = new ForecastStore();
    expect(await inSlices(workbook(), store, [], () => true)).toBeUndefined();
    // What was made before the change is kept for the next read.
    expect(store.size).toBe(3);
  });
});
