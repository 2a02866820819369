import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readModel } from "../../src/core/model";
import { XlsxBook } from "../../src/workbook/xlsx";
import { TODAY } from "../helpers";

const dir = mkdtempSync(join(tmpdir(), "planster-sample-"));
// A sample holds three years of Sales History (twelve thousand rows for the default 40 SKUs): seconds to write.
jest.setTimeout(60_000);

async function planster(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), today: TODAY });
  return { code, out, err };
}

/** Runs the command with the clock at `iso`, so that anything taken from the clock would show in the bytes. */
async function sampleAt(iso: string, file: string, ...options: string[]): Promise<Buffer> {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: ["nextTick", "setImmediate", "setTimeout", "setInterval", "clearImmediate", "clearTimeout", "clearInterval", "queueMicrotask", "hrtime", "performance"],
  });
  try {
    const result = await planster("sample", file, ...options);
    expect(result).toMatchObject({ code: 0, err: "" });
  } finally {
    jest.useRealTimers();
  }
  return readFileSync(file);
}

describe("planster sample", () => {
  it("writes byte-identical files for the same seed, at any time", async () => {
    const a = await sampleAt("2026-11-23T09:00:00Z", join(dir, "a.xlsx"), "--seed", "7");
    const b = await sampleAt("2031-03-05T17:42:13Z", join(dir, "b.xlsx"), "--seed", "7");
    expect(a.equals(b)).toBe(true);
  });

  it("writes different files for different seeds", async () => {
    await planster("sample", join(dir, "s1.xlsx"), "--seed", "1");
    await planster("sample", join(dir, "s2.xlsx"), "--seed", "2");
    expect(readFileSync(join(dir, "s1.xlsx")).equals(readFileSync(join(dir, "s2.xlsx")))).toBe(false);
  });

  it("writes a workbook that reads back with no problems, its lists as Excel tables and real dates in the Forecast header", async () => {
    const file = join(dir, "demo.xlsx");
    const result = await planster("sample", file);
    expect(result.out).toBe(`Wrote a sample workbook to ${file}: 40 SKUs, 80 item-locations, 26 weeks, seed 42.\n`);
    const book = await XlsxBook.open(file);
    const input = book.input();
    const read = readModel(input, { today: TODAY });
    if (!read.ok) throw new Error(read.error);
    expect(read.model.problems).toEqual([]);
    expect(read.model.items).toHaveLength(80);
    const tables = input.grids
      .filter((g) => g.table)
      .map((g) => g.name)
      .sort();
    expect(tables).toEqual([
      "ForecastOverrides",
      "OrderOverrides",
      "POLines",
      "PurchaseOrders",
      "PurchaseStatuses",
      "SKUs",
      "SalesHistory",
      "StatusOverrides",
      "SupplierItems",
      "Suppliers",
      "Warehouses",
    ]);
    const forecast = input.grids.find((g) => g.name === "Forecast")!;
    expect(forecast.values[0][2]).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect((await planster("check", file)).code).toBe(0);
  });

  it("respects --skus and --weeks", async () => {
    const file = join(dir, "small.xlsx");
    expect((await planster("sample", file, "--skus", "3", "--weeks", "5")).out).toContain("3 SKUs, 6 item-locations, 5 weeks, seed 42");
    const read = readModel((await XlsxBook.open(file)).input(), { today: TODAY });
    if (!read.ok) throw new Error(read.error);
    expect(read.model.problems).toEqual([]);
    expect(read.model.items).toHaveLength(6);
    expect(read.model.settings.horizonWeeks).toBe(5);
  });

  it("writes no Sales History with --history 0, and replaces such a sample too", async () => {
    const file = join(dir, "plain.xlsx");
    expect((await planster("sample", file, "--skus", "3", "--history", "0")).code).toBe(0);
    const input = (await XlsxBook.open(file)).input();
    expect(input.grids.some((g) => g.name === "Sales History")).toBe(false);
    const read = readModel(input, { today: TODAY });
    if (!read.ok) throw new Error(read.error);
    expect(read.model.problems).toEqual([]);
    expect(read.model.items.every((i) => i.demandSource === "forecast-sheet" || i.demandSource === "weekly-forecast")).toBe(true);
    expect((await planster("sample", file, "--skus", "3")).code).toBe(0);
  });

  it.each([
    [["--skus", "abc"], '--skus must be a whole number from 1 to 100000, not "abc".'],
    [["--skus", "0"], '--skus must be a whole number from 1 to 100000, not "0".'],
    [["--weeks", "261"], '--weeks must be a whole number from 1 to 260, not "261".'],
    [["--weeks", "2.5"], '--weeks must be a whole number from 1 to 260, not "2.5".'],
    [["--seed=-1"], '--seed must be a whole number from 0 to 4294967295, not "-1".'],
    [["--history", "157"], '--history must be a whole number from 0 to 156, not "157".'],
  ])("refuses %j with one line on stderr, exit 2, and writes nothing", async (options, message) => {
    const file = join(dir, "refused.xlsx");
    const result = await planster("sample", file, ...options);
    expect(result).toEqual({ code: 2, out: "", err: `planster sample: ${message}\n` });
    expect(existsSync(file)).toBe(false);
  });

  it("refuses a missing OUT or an unknown option with exit 2", async () => {
    for (const argv of [["sample"], ["sample", join(dir, "x.xlsx"), "--bogus"]]) {
      const result = await planster(...argv);
      expect(result.code).toBe(2);
      expect(result.err.trim().split("\n")).toHaveLength(1);
    }
  });

  it("replaces an earlier sample but leaves any other existing file alone", async () => {
    const file = join(dir, "again.xlsx");
    await planster("sample", file, "--seed", "3");
    expect((await planster("sample", file, "--seed", "4")).code).toBe(0);
    expect(readFileSync(file).equals(readFileSync(join(dir, "s2.xlsx")))).toBe(false);
    for (const [name, content] of [
      ["notes.txt", "my notes"],
      ["work.xlsx", null],
    ] as const) {
      const other = join(dir, name);
      if (content === null) await planster("write-plan", join(dir, "small.xlsx"), "--out", other);
      else writeFileSync(other, content);
      const before = readFileSync(other);
      const result = await planster("sample", other);
      expect(result).toEqual({
        code: 2,
        out: "",
        err: `planster sample: ${other} already exists and is not a Planster sample; it was left alone (remove it or choose another name).\n`,
      });
      expect(readFileSync(other).equals(before)).toBe(true);
    }
  });

  it("says why it cannot write to a folder that does not exist", async () => {
    const result = await planster("sample", join(dir, "no", "such", "folder.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^planster sample: cannot write .*folder\.xlsx: ENOENT.*\n$/);
  });
});

describe("samples/demo.xlsx", () => {
  it("is exactly what npm run sample makes", async () => {
    const file = join(dir, "fresh-demo.xlsx");
    await planster("sample", file, "--seed", "42");
    const current = readFileSync(file).equals(readFileSync(join(__dirname, "../../samples/demo.xlsx")));
    if (!current) throw new Error("samples/demo.xlsx is out of date: run `npm run build && npm run sample` and commit it.");
  });
});
