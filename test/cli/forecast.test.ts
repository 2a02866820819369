import { join } from "node:path";
import type { CellValue } from "../../src/core/input";
import { planster, tempDir, writeXlsx } from "./xlsxFiles";

const dir = tempDir();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** History week −k starts 2026-11-23 − 7k. */
const weekAgo = (k: number) => new Date(Date.UTC(2026, 10, 23) - 7 * k * 86_400_000);

/*
 * FLAT sold 10 in each of the 20 weeks before the plan. STEP sold 10, 12, 10, 12, 10,
 * 12, 10 in weeks −20..−14, then 20 a week. Plan Start 2026-11-23, 4 weeks, ACME's
 * lead time 14 days with a spread of 7 (L = 2, σL = 1 week), Service Level 95 %.
 */
const FLAT = Array.from({ length: 20 }, (_, i) => ["FLAT", weekAgo(20 - i), 10]);
const STEP = [10, 12, 10, 12, 10, 12, 10, ...new Array(13).fill(20)].map((q, i) => ["STEP", weekAgo(20 - i), q]);
const BOOK: Record<string, CellValue[][]> = {
  Settings: [
    ["Setting", "Value"],
    ["Plan Start", day("2026-11-23")],
    ["Horizon Weeks", 4],
    ["Service Level", "95%"],
  ],
  Suppliers: [
    ["Supplier", "Lead Time Days", "Lead Time SD Days"],
    ["ACME", 14, 7],
  ],
  SKUs: [
    ["SKU", "Supplier", "On Hand", "Unit Cost", "Weekly Forecast"],
    ["FLAT", "ACME", 100, 1, null],
    ["STEP", "ACME", 100, 1, null],
    ["ROW", "ACME", 100, 1, 3],
    ["WEEKLY", "ACME", 100, 1, 3],
    ["NOTHING", "ACME", 100, 1, null],
  ],
  Forecast: [
    ["SKU", day("2026-11-23"), day("2026-11-30"), day("2026-12-07"), day("2026-12-14")],
    ["ROW", 1, 2, 3, 4],
  ],
  "Forecast Overrides": [
    ["SKU", "Week", "Quantity"],
    ["FLAT", day("2026-12-16"), 15], // week 4, after the protection interval P = L + R = 3
  ],
  "Sales History": [["SKU", "Date", "Quantity"], ...FLAT, ...STEP],
};
let file: string;

beforeAll(async () => {
  file = await writeXlsx(join(dir, "forecast.xlsx"), BOOK);
});

const jsonLines = (out: string) =>
  out
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("planster forecast", () => {
  it("prints one row per item-location and week with FORECAST.md's keys", async () => {
    const { code, out, err } = await planster("forecast", file, "--format", "json");
    expect(code).toBe(0);
    expect(err).toBe("");
    const rows = jsonLines(out);
    expect(rows).toHaveLength(5 * 4);
    const flat = rows.filter((r) => r.sku === "FLAT");
    expect(Object.keys(flat[0])).toEqual(["sku", "warehouse", "week", "weekStart", "forecast", "source", "method", "low", "high"]);
    // Twenty weeks of 10: 10 a week, with no spread; week 4 is the planner's 15.
    expect(flat[0]).toMatchObject({ sku: "FLAT", warehouse: "MAIN", week: 1, weekStart: "2026-11-23", forecast: 10, source: "sales-history", low: 10, high: 10 });
    expect(typeof flat[0].method).toBe("string");
    expect(flat[3]).toEqual({ sku: "FLAT", warehouse: "MAIN", week: 4, weekStart: "2026-12-14", forecast: 15, source: "forecast-override", method: null, low: null, high: null });
    expect(rows.filter((r) => r.sku === "ROW").map((r) => [r.forecast, r.source, r.method, r.low])).toEqual([
      [1, "forecast-sheet", null, null],
      [2, "forecast-sheet", null, null],
      [3, "forecast-sheet", null, null],
      [4, "forecast-sheet", null, null],
    ]);
    expect(rows.filter((r) => r.sku === "WEEKLY").map((r) => `${r.forecast} ${r.source}`)).toEqual(new Array(4).fill("3 weekly-forecast"));
    expect(rows.filter((r) => r.sku === "NOTHING").map((r) => `${r.forecast} ${r.source}`)).toEqual(new Array(4).fill("0 none"));
  });

  it("gives the plan its demand and its service-level safety stock", async () => {
    const { out } = await planster("plan", file, "--sku", "FLAT", "--format", "json");
    const rows = jsonLines(out);
    expect(rows.map((r) => r.demand)).toEqual([10, 10, 10, 15]);
    // No forecast error, σL = 1 week: z(95 %) · 10 · 1 = 1.644854 · 10
    expect(rows[0].safetyStock).toBeCloseTo(16.448536, 5);
    // PLANNING.md's 16 keys and FORECAST.md's source.
    expect(Object.keys(rows[0])).toHaveLength(17);
    expect(rows.map((r) => r.source)).toEqual(["sales-history", "sales-history", "sales-history", "forecast-override"]);
  });

  it("measures the backtest over the last 13 history weeks with --accuracy", async () => {
    const { code, out } = await planster("forecast", file, "--accuracy", "--format", "json");
    expect(code).toBe(0);
    const rows = jsonLines(out);
    expect(rows.map((r) => r.sku)).toEqual(["FLAT", "STEP"]);
    expect(Object.keys(rows[0])).toEqual(["sku", "warehouse", "method", "historyWeeks", "rmsse", "wape", "bias"]);
    // FLAT: 7 weeks of 10 forecast 10 for 13 weeks of 10, no error; no change in training, so no RMSSE.
    expect(rows[0]).toEqual({ sku: "FLAT", warehouse: "MAIN", method: "mean", historyWeeks: 20, rmsse: null, wape: 0, bias: 0 });
    /*
     * STEP: 7 training weeks (short: the trailing mean) 76 / 7 = 10.857143 against 13 weeks
     * of 20, an error of −9.142857 a week. RMSSE = 9.142857 / √(mean of six squared
     * changes of 2) = 9.142857 / 2; WAPE = 13 · 9.142857 / 260; bias = −WAPE.
     */
    expect(rows[1].method).toBe("mean");
    expect(rows[1].historyWeeks).toBe(20);
    expect(rows[1].rmsse).toBeCloseTo(4.571429, 5);
    expect(rows[1].wape).toBeCloseTo(0.457143, 5);
    expect(rows[1].bias).toBeCloseTo(-0.457143, 5);
  });

  it("prints a table and CSV, one item-location and warehouse at a time", async () => {
    const table = await planster("forecast", file, "--sku", "FLAT", "--warehouse", "MAIN");
    expect(table.out.split("\n")[0]).toMatch(/^SKU\s+Warehouse\s+Week\s+Week Start\s+Forecast\s+Source\s+Method\s+Low\s+High$/);
    expect(table.out.split("\n")[5]).toMatch(/^FLAT\s+MAIN\s+4\s+2026-12-14\s+15\s+forecast-override$/);
    const csv = await planster("forecast", file, "--sku", "ROW", "--format", "csv");
    expect(csv.out.split("\r\n").slice(0, 2)).toEqual(["SKU,Warehouse,Week,Week Start,Forecast,Source,Method,Low,High", "ROW,MAIN,1,2026-11-23,1,forecast-sheet,,,"]);
    const accuracy = await planster("forecast", file, "--accuracy", "--sku", "STEP");
    expect(accuracy.out.split("\n")[2]).toMatch(/^STEP\s+MAIN\s+mean\s+20\s+4\.571\s+0\.457\s+-0\.457$/);
  });

  it("refuses a SKU or warehouse that names nothing, in one line", async () => {
    expect(await planster("forecast", file, "--sku", "NOPE")).toEqual({ code: 2, out: "", err: 'planster forecast: There is no SKU "NOPE" on the SKUs sheet.\n' });
    expect(await planster("forecast", file, "--warehouse", "EAST")).toEqual({ code: 2, out: "", err: 'planster forecast: No SKU is held at a warehouse "EAST".\n' });
  });
});
