import * as functions from "../../src/functions/functions";
import { setRuntime } from "../../src/runtime/excel";
import { LiveModel } from "../../src/runtime/liveModel";
import { OfficeWorkbook } from "../../src/workbook/office";
import { TODAY } from "../helpers";
import { FakeExcel } from "../workbook/fakeExcel";
import { Cell, CustomFunctionsError } from "../functions/cell";
import { SERIAL, sheets } from "../functions/fixture";

function setup(book = sheets()) {
  const excel = new FakeExcel(book);
  const workbook = new OfficeWorkbook(() => excel);
  const live = new LiveModel(workbook, { today: () => TODAY, refreshDelayMs: 5 });
  setRuntime({ live });
  return { excel, live, workbook };
}

/** Registering the change events, once per session: one sync, and one more for renames (ExcelApi 1.17). */
const WATCH_SYNCS = 2;
const ON_HAND = 3; // SKUs column D
const MAIN_ROW = 1;

describe("live PLANSTER functions on a fake Excel", () => {
  it("1,000 cells calculating at once cause one workbook read (two syncs: list the sheets, read them all)", async () => {
    const { excel, live } = setup();
    // 800 PROJECTED cells over weeks 1..8, then 200 of the other functions.
    const cells = Array.from({ length: 1000 }, () => new Cell<unknown>());
    const others: ((cell: never) => void)[] = [
      (c) => functions.recommend(null, null, null, c),
      (c) => functions.status("WIDGET", null, c),
      (c) => functions.canOrder("GADGET", null, c),
      (c) => functions.plan("WIDGET", "MAIN", c),
      (c) => functions.inbound("WIDGET", null, "EAST", c),
      (c) => functions.stockout("WIDGET", null, c),
      (c) => functions.poTotal("PO-0001", c),
      (c) => functions.spend("ACME", null, null, null, c),
    ];
    cells.forEach((cell, i) => (i < 800 ? functions.projected("WIDGET", (i % 8) + 1, "MAIN", cell as never) : others[i % others.length](cell as never)));
    await live.settled();
    await Promise.resolve();
    expect(live.reads).toBe(1);
    expect(excel.syncs - WATCH_SYNCS).toBe(2);
    expect(cells.every((cell) => cell.results.length === 1)).toBe(true);
    expect(cells.slice(0, 8).map((c) => c.value)).toEqual([70, 40, 70, 40, 70, 40, 70, 40]);
    // 800 % 8 = 0: the others start with RECOMMEND() at cell 800.
    expect(cells.slice(801, 808).map((c) => c.value)).toEqual([[["A"]], false, expect.any(Array), 30, SERIAL.week7, 72.55, 72.55]);
  });

  it("an edit of On Hand gives every affected cell its new value by itself, reading back only the edited cell", async () => {
    const { excel, live } = setup();
    const week1 = new Cell<number>();
    const week3 = new Cell<number>();
    const order = new Cell<unknown[][]>();
    const spend = new Cell<number>();
    functions.projected("WIDGET", 1, "MAIN", week1 as never);
    functions.projected("WIDGET", 3, "MAIN", week3 as never);
    functions.recommend("WIDGET", 1, "MAIN", order as never);
    functions.spend(null, null, null, null, spend as never);
    await live.settled();
    await Promise.resolve();
    expect([week1.value, week3.value, order.value]).toEqual([70, 70, [[60]]]);

    // On Hand 100 → 130: week 1 = 100; at a = 3, base = 130 − 90 = 40 ≥ SS 20: no order in week 1,
    // so week 3 ends at 40 and RECOMMEND(week 1) falls to 0.
    await excel.edit("SKUs", MAIN_ROW, ON_HAND, 130);
    await live.settled();
    await Promise.resolve();
    expect([week1.value, week3.value, order.value]).toEqual([100, 40, [[0]]]);
    // FUNCTIONS.md "Live": only cells whose answers depend on the item-locations an edit touches get new
    // values. SPEND totals orders, which an On Hand edit does not touch (before, every cell was answered again).
    expect(spend.results).toEqual([72.55]);
    expect([live.reads, live.cellReads, live.edits]).toEqual([1, 1, 1]);
    // The first read lists the sheets, then reads them; the edit is one sync that reads the cell back.
    expect(excel.syncs - WATCH_SYNCS).toBe(2 + 1);
  });

  it("a co-author's edit (source Remote) updates the cells too", async () => {
    const { excel, live } = setup();
    const cell = new Cell<number>();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await live.settled();
    await excel.edit("SKUs", MAIN_ROW, ON_HAND, 50, "Remote");
    await live.settled();
    await Promise.resolve();
    expect(cell.results).toEqual([70, 20]); // 50 − 30
  });

  it("a burst of edits reads back only the edited cells, several at once when they come together", async () => {
    const { excel, live } = setup();
    const cell = new Cell<number>();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await live.settled();
    for (const onHand of [101, 102, 103, 104]) void excel.edit("SKUs", MAIN_ROW, ON_HAND, onHand);
    await live.settled();
    await Promise.resolve();
    expect(live.reads).toBe(1);
    expect(live.cellReads).toBeLessThan(4);
    expect(cell.value).toBe(74); // 104 − 30
  });

  it("a change to a sheet that is not an input sheet reads nothing", async () => {
    const { excel, live } = setup({ ...sheets(), Notes: [["hello"]] });
    const cell = new Cell<number>();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await live.settled();
    await excel.edit("Notes", 0, 0, "changed");
    await live.settled();
    expect(live.reads).toBe(1);
    expect(cell.results).toHaveLength(1);
  });

  it("adding, renaming and deleting input sheets are changes", async () => {
    const book = sheets();
    const { Suppliers: suppliers, ...rest } = book;
    const { excel, live } = setup({ ...rest, Scratch: suppliers });
    const cell = new Cell<unknown>();
    functions.spend("EURO", null, null, "EUR", cell as never);
    await live.settled();
    await Promise.resolve();
    // Without a Suppliers sheet EURO is known from its orders, but not its currency: PO-0002 counts in USD.
    expect(cell.value).toBe(0);
    await excel.renameSheet("Scratch", "Suppliers");
    await live.settled();
    await Promise.resolve();
    expect(live.reads).toBe(2);
    expect(cell.value).toBe(30.3); // now in EURO's EUR
    await excel.addSheet("Forecast", [["SKU", "Week", "Quantity"]]);
    await live.settled();
    expect(live.reads).toBe(3);
    await excel.deleteSheet("Forecast");
    await live.settled();
    await Promise.resolve();
    expect(live.reads).toBe(4);
    expect(cell.value).toBe(30.3);
  });

  it("when the day changes the cells move on by themselves (week 1 is the current week without a Plan Start)", async () => {
    const book = sheets();
    book.Settings = [
      ["Setting", "Value"],
      ["Horizon Weeks", 8],
    ];
    const excel = new FakeExcel(book);
    let today = TODAY; // Monday 2026-11-23
    const live = new LiveModel(new OfficeWorkbook(() => excel), { today: () => today, refreshDelayMs: 1, dayCheckMs: 5 });
    setRuntime({ live });
    const cell = new Cell<number>();
    functions.inbound("WIDGET", 1, "EAST", cell as never);
    await live.settled();
    await Promise.resolve();
    today = TODAY + 7; // Monday 2026-11-30: PO-0001's delivery on Dec 2 now falls in week 1
    await new Promise((resolve) => setTimeout(resolve, 20));
    await live.settled();
    await Promise.resolve();
    live.stop();
    expect(cell.results).toEqual([0, 24]);
    expect(live.reads).toBe(2);
  });

  it("a cancelled cell stops listening", async () => {
    const { live } = setup();
    const cell = new Cell<number>();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await live.settled();
    expect(live.listening).toBe(1);
    cell.onCanceled!();
    expect(live.listening).toBe(0);
  });
});

describe("errors reach Excel as CustomFunctions.Error with the spec's messages", () => {
  async function answerOf(call: (cell: never) => void, book = sheets()): Promise<unknown> {
    const { live } = setup(book);
    const cell = new Cell();
    call(cell as never);
    await live.settled();
    await Promise.resolve();
    return cell.value;
  }

  it.each([
    ["unknown SKU", (c: never) => functions.status("NOPE", null, c), "#N/A", "Unknown SKU 'NOPE'"],
    ["unknown PO", (c: never) => functions.poTotal("PO-404", c), "#N/A", "Unknown PO 'PO-404'"],
    ["unknown supplier", (c: never) => functions.spend("NOPE", null, null, null, c), "#N/A", "Unknown supplier 'NOPE'"],
    ["bad week", (c: never) => functions.inbound("WIDGET", 99, null, c), "#VALUE!", "week 99 is outside the plan: use a week number 1..8 or a date inside the plan."],
    ["no stockout", (c: never) => functions.stockout("GADGET", null, c), "#N/A", "No stockout in the plan"],
  ])("%s", async (_name, call, code, message) => {
    expect(await answerOf(call)).toEqual(new CustomFunctionsError(code, message));
  });

  it("no SKUs sheet: the #REF!-style error goes out as #N/A (Excel takes #REF! only as an input) with its message", async () => {
    const { SKUs: _skus, ...rest } = sheets();
    const value = (await answerOf((c) => functions.canOrder("WIDGET", null, c), rest)) as CustomFunctionsError;
    expect(value.code).toBe("#N/A");
    expect(value.message).toMatch(/^The workbook has no SKUs sheet: add a sheet named SKUs/);
  });

  it("a failed read is a plain message, never an exception text, and the cell tries again by itself", async () => {
    const excel = new FakeExcel(sheets());
    const live = new LiveModel(new OfficeWorkbook(() => excel), { today: () => TODAY, refreshDelayMs: 1, retryDelayMs: 5 });
    setRuntime({ live });
    const realRun = excel.run;
    excel.run = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'values')");
    };
    const cell = new Cell<unknown>();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await Promise.resolve();
    const failed = cell.results[0] as CustomFunctionsError;
    expect(failed.code).toBe("#N/A");
    expect(failed.message).toBe("Planster could not read the workbook just now (is a cell being edited?); it tries again in a moment.");
    excel.run = realRun;
    await live.settled();
    await Promise.resolve();
    live.stop();
    expect(cell.value).toBe(70);
  });

  it("dates come back as serial numbers", async () => {
    expect(await answerOf((c) => functions.stockout("WIDGET", "EAST", c))).toBe(SERIAL.week7);
  });
});
