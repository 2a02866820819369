import fc from "fast-check";
import * as answer from "../../src/functions/answers";
import * as functions from "../../src/functions/functions";
import { resultOf } from "../../src/functions/streaming";
import { planWorkbook } from "../../src/core/planned";
import { setRuntime } from "../../src/runtime/excel";
import { LiveModel } from "../../src/runtime/liveModel";
import { OfficeWorkbook } from "../../src/workbook/office";
import { sheets } from "../functions/fixture";
import { TODAY } from "../helpers";
import { FakeExcel } from "../workbook/fakeExcel";
import { Cell } from "../functions/cell";
import { editOf, type EditPick, randomBook } from "./randomBook";

function setup(book: ConstructorParameters<typeof FakeExcel>[0] = sheets()) {
  const excel = new FakeExcel(book);
  const live = new LiveModel(new OfficeWorkbook(() => excel), { today: () => TODAY, refreshDelayMs: 1 });
  setRuntime({ live });
  return { excel, live };
}

async function settle(live: LiveModel): Promise<void> {
  await live.settled();
  await Promise.resolve();
}

/*
 * The functions' fixture (test/functions/fixture.ts): PO-0001 (ACME, EAST, Submitted, due
 * 2026-12-02, week 2) has line 1, 24 WIDGET at 2.50, and line 2, 10 at 1.255 with 4
 * received, due beyond the plan. POTOTAL = 60 + 12.55 = 72.55; SPEND (USD, not
 * cancelled) is PO-0001 alone; open inbound of WIDGET at EAST = 24 + (10 − 4) = 30.
 */
describe("an edit reads back only its cells and answers again only the cells it touches", () => {
  const PO_LINES_QUANTITY = 3;
  const SKUS_ON_HAND = 3;

  it("a PO line's quantity: that order's total, SPEND by difference, the SKU's inbound; not other SKUs' cells", async () => {
    const { excel, live } = setup();
    const total = new Cell();
    const spend = new Cell();
    const open = new Cell();
    const week2 = new Cell();
    const gadget = new Cell();
    functions.poTotal("PO-0001", total as never);
    functions.spend(null, null, null, null, spend as never);
    functions.inbound("WIDGET", null, "EAST", open as never);
    functions.inbound("WIDGET", 2, "EAST", week2 as never);
    functions.projected("GADGET", 1, null, gadget as never);
    await settle(live);
    expect([total.value, spend.value, open.value, week2.value]).toEqual([72.55, 72.55, 30, 24]);

    // 24 → 30: line 1 is 75.00, the order 87.55; inbound 30 + 6 = 36, week 2 brings 30.
    await excel.edit("PO Lines", 1, PO_LINES_QUANTITY, 30);
    await settle(live);
    expect([total.value, spend.value, open.value, week2.value]).toEqual([87.55, 87.55, 36, 30]);
    expect(gadget.results).toHaveLength(1);
    expect([live.reads, live.cellReads]).toEqual([1, 1]);
  });

  it("the pane's quantity for a week with no row yet (a row appended to Order Overrides) is an edit, not a full read", async () => {
    const excel = new FakeExcel({ ...sheets(), "Order Overrides": [["SKU", "Warehouse", "Week", "Quantity"]] });
    const workbook = new OfficeWorkbook(() => excel);
    const live = new LiveModel(workbook, { today: () => TODAY, refreshDelayMs: 1 });
    setRuntime({ live });
    const week3 = new Cell();
    functions.projected("WIDGET", 3, "MAIN", week3 as never);
    await settle(live);
    // On hand 100, 30 a week, SS 20, L = 2: 60 ordered in week 1 arrive in week 3, 100 − 90 + 60 = 70.
    expect(week3.value).toBe(70);
    // The planner's 0 in week 1 (serial 46349 = 2026-11-23): nothing arrives in week 3, 100 − 90 = 10.
    await workbook.apply({ append: [{ sheet: "Order Overrides", col: 0, values: ["WIDGET", "MAIN", 46349, 0] }], cells: [] });
    await settle(live);
    expect(week3.value).toBe(10);
    expect([live.reads, live.cellReads, live.edits]).toEqual([1, 1, 1]);
  });

  it("a paste over two rows is one range read back", async () => {
    const { excel, live } = setup();
    const main = new Cell();
    const east = new Cell();
    functions.projected("WIDGET", 1, "MAIN", main as never);
    functions.projected("WIDGET", 1, "EAST", east as never);
    await settle(live);
    const syncs = excel.syncs;
    // MAIN: 130 − 30 = 100. EAST (status D, never recommended): 50 − 5 = 45.
    await excel.editRange("SKUs", 1, SKUS_ON_HAND, [[130], [50]]);
    await settle(live);
    expect([main.value, east.value]).toEqual([100, 45]);
    expect([live.reads, live.cellReads, excel.syncs - syncs]).toEqual([1, 1, 1]);
  });

  it("a formula cell of an input sheet is read back with the edit it depends on", async () => {
    const { excel, live } = setup();
    // GADGET's On Hand is =D3*2, twice WIDGET's at EAST (10): GADGET ends week 1 with 20 (no demand).
    excel.setFormula("SKUs", 3, SKUS_ON_HAND, "=D3*2", () => Number(excel.sheet("SKUs").cells[2][SKUS_ON_HAND]) * 2);
    const gadget = new Cell();
    functions.projected("GADGET", 1, null, gadget as never);
    await settle(live);
    expect(gadget.value).toBe(20);
    await excel.edit("SKUs", 2, SKUS_ON_HAND, 50);
    await settle(live);
    expect(gadget.value).toBe(100);
    expect([live.reads, live.cellReads]).toEqual([1, 1]);
  });

  it.each([
    ["a row inserted", (excel: FakeExcel) => excel.insertRow("SKUs", 2)],
    ["a header edited", (excel: FakeExcel) => excel.edit("SKUs", 0, SKUS_ON_HAND, "Stock")],
    ["a SKU code edited", (excel: FakeExcel) => excel.edit("SKUs", 1, 0, "WIDGET-2")],
    ["a new row typed under the last", (excel: FakeExcel) => excel.edit("SKUs", 4, 0, "SPROCKET")],
    ["a setting changed", (excel: FakeExcel) => excel.edit("Settings", 2, 1, 6)],
    ["a supplier's lead time changed", (excel: FakeExcel) => excel.edit("Suppliers", 1, 2, 21)],
  ])("%s is read in full", async (_what, change) => {
    const { excel, live } = setup();
    const cell = new Cell();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await settle(live);
    await change(excel);
    await settle(live);
    expect(live.reads).toBe(2);
    expect(live.edits).toBe(0);
  });

  it("an edit while a full read is on its way is read back after it", async () => {
    const { excel, live } = setup();
    const cell = new Cell();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await settle(live);
    excel.onSync = () => new Promise((resolve) => setTimeout(resolve, 5));
    live.invalidate();
    await new Promise((resolve) => setTimeout(resolve, 3));
    await excel.edit("SKUs", 1, SKUS_ON_HAND, 130);
    await settle(live);
    expect(cell.value).toBe(100);
    expect([live.reads, live.cellReads]).toEqual([2, 1]);
  });

  it("an edit before the first read has named the sheets is a full read", async () => {
    const { excel, live } = setup();
    const cell = new Cell();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    void excel.edit("SKUs", 1, SKUS_ON_HAND, 130);
    await settle(live);
    expect(cell.value).toBe(100);
  });

  it("a cell that cannot be read back makes a full read", async () => {
    const { excel, live } = setup();
    const cell = new Cell();
    functions.projected("WIDGET", 1, "MAIN", cell as never);
    await settle(live);
    excel.failingSyncs.add(excel.syncs + 1);
    await excel.edit("SKUs", 1, SKUS_ON_HAND, 130);
    await settle(live);
    expect(cell.value).toBe(100);
    expect(live.reads).toBe(2);
  });
});

const pick: fc.Arbitrary<EditPick> = fc.record({ sheet: fc.nat(), row: fc.nat(), col: fc.nat(), value: fc.nat(), wide: fc.boolean(), blank: fc.boolean() });

/*
 * The same property as test/core/cellEdits.property.test.ts, end to end: function cells of
 * every kind on the fake Excel host, random edits typed and pasted into it; once the edits
 * settle, every cell shows what a fresh full read answers.
 */
test("function cells after random edits show what a full read answers", async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.array(pick, { minLength: 1, maxLength: 8 }), async (seed, picks) => {
      const book = randomBook(seed);
      const { excel, live } = setup(book);
      const skus = [...new Set(book.SKUs.slice(1).map((row) => row[0]))];
      const calls: ((state: never) => unknown)[] = [];
      const cells: Cell[] = [];
      const add = (call: (cell: never) => void, expected: (state: never) => unknown) => {
        const cell = new Cell();
        call(cell as never);
        cells.push(cell);
        calls.push(expected);
      };
      for (const sku of skus) {
        for (const warehouse of [null, "MAIN", "EAST"]) {
          add(
            (c) => functions.projected(sku, 2, warehouse, c),
            (s) => answer.projected(s, sku, 2, warehouse),
          );
          add(
            (c) => functions.recommend(sku, 1, warehouse, c),
            (s) => answer.recommend(s, sku, 1, warehouse),
          );
          add(
            (c) => functions.inbound(sku, null, warehouse, c),
            (s) => answer.inbound(s, sku, null, warehouse),
          );
          add(
            (c) => functions.status(sku, warehouse, c),
            (s) => answer.status(s, sku, warehouse),
          );
          add(
            (c) => functions.stockout(sku, warehouse, c),
            (s) => answer.stockout(s, sku, warehouse),
          );
        }
      }
      add(
        (c) => functions.recommend(null, null, null, c),
        (s) => answer.recommend(s, null, null, null),
      );
      add(
        (c) => functions.status(null, null, c),
        (s) => answer.status(s, null, null),
      );
      add(
        (c) => functions.spend(null, null, null, null, c),
        (s) => answer.spend(s, null, null, null, null),
      );
      add(
        (c) => functions.spend("ACME", "2026-10-01", null, null, c),
        (s) => answer.spend(s, "ACME", "2026-10-01", null, null),
      );
      for (let n = 1; n <= 5; n++)
        add(
          (c) => functions.poTotal(`PO-${n}`, c),
          (s) => answer.poTotal(s, `PO-${n}`),
        );
      await settle(live);
      for (const p of picks) {
        const edit = editOf(book, p);
        // Through the host's cells (the book is the host's): the edit lands where Excel puts it.
        if (!excel.sheets.some((s) => s.name === edit.sheet)) continue;
        await excel.editRange(edit.sheet, edit.row, edit.col, edit.values);
        book[edit.sheet] = excel.sheet(edit.sheet).cells;
        // Now and then the next edit comes before this one is applied.
        if (p.value % 3 !== 0) await settle(live);
      }
      await settle(live);
      const fresh = planWorkbook(await new OfficeWorkbook(() => excel).read(), TODAY);
      expect(cells.map((cell) => cell.value)).toEqual(calls.map((call) => resultOf(fresh, call as never)));
      edited += live.edits;
      live.stop();
    }),
    { numRuns: 40 },
  );
  // Most of those edits were applied without a full read.
  expect(edited).toBeGreaterThan(60);
}, 60_000);

let edited = 0;
