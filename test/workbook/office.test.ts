import { OfficeMockObject } from "office-addin-mock";
import { findGrid } from "../../src/core/input";
import { supplyPlanSheet } from "../../src/core/planSheet";
import { planAll } from "../../src/core/plan";
import type { SheetSpec } from "../../src/core/sheetSpec";
import { type ExcelHost, OfficeWorkbook } from "../../src/workbook/office";
import { excelValue, formatRow, isInputName, rowChunks, valueRow } from "../../src/workbook/officeSheet";
import { model } from "../helpers";
import { FakeExcel } from "./fakeExcel";
import { sheets } from "../functions/fixture";

describe("reading the workbook", () => {
  it("reads every input sheet in one values sync, found by loose names, and nothing else", async () => {
    const excel = new FakeExcel({
      skus: [["SKU"], ["A"]],
      supplier_items: [["SKU", "Supplier"]],
      Notes: [["big", "sheet", "not", "read"]],
    });
    const input = await new OfficeWorkbook(() => excel).read();
    expect(input.grids.map((g) => g.name).sort()).toEqual(["skus", "supplier_items"]);
    expect(excel.syncs).toBe(2);
    expect(findGrid(input, "Supplier Items")?.values).toEqual([["SKU", "Supplier"]]);
  });

  it("reads again in one sync: the inputs found last time are read while the sheets are listed", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    await workbook.read();
    const before = excel.syncs;
    excel.sheet("SKUs").cells[1][3] = 130;
    const input = await workbook.read();
    expect(excel.syncs - before).toBe(1);
    expect(findGrid(input, "SKUs")?.values[1][3]).toBe(130);
  });

  it("reads a new input sheet in a second sync, and copes with one gone without an event", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    await workbook.read();
    excel.addSheetData("Forecast", [
      ["SKU", "Week", "Quantity"],
      ["WIDGET", "2026-11-30", 7],
    ]);
    let before = excel.syncs;
    let input = await workbook.read();
    expect(excel.syncs - before).toBe(2);
    expect(findGrid(input, "Forecast")?.values[1]).toEqual(["WIDGET", "2026-11-30", 7]);
    excel.sheets = excel.sheets.filter((s) => s.name !== "Status Overrides"); // no event heard
    before = excel.syncs;
    input = await workbook.read();
    expect(excel.syncs - before).toBe(3); // the guess fails, then list, then read
    expect(input.grids.map((g) => g.name)).not.toContain("Status Overrides");
    expect(findGrid(input, "SKUs")).toBeDefined();
  });

  it("keeps where the used range starts, for cell addresses", async () => {
    const excel = new FakeExcel({
      SKUs: [
        ["", "", ""],
        ["", "SKU", "On Hand"],
        ["", "A", 5],
      ],
    });
    const [grid] = (await new OfficeWorkbook(() => excel).read()).grids;
    expect(grid).toMatchObject({
      originRow: 1,
      originCol: 1,
      values: [
        ["SKU", "On Hand"],
        ["A", 5],
      ],
    });
  });

  it("reads an input table instead of the sheet of the same name, with the sheet it sits on", async () => {
    const excel = new FakeExcel({ Data: [["title"], ["SKU", "On Hand"], ["A", 5]], SKUs: [["stale"]] });
    excel.tables.push({ name: "SKUs", sheet: "Data", row: 1, col: 0, rows: 2, cols: 2 });
    const input = await new OfficeWorkbook(() => excel).read();
    expect(input.grids).toEqual([
      {
        name: "SKUs",
        sheet: "Data",
        table: true,
        originRow: 1,
        originCol: 0,
        values: [
          ["SKU", "On Hand"],
          ["A", 5],
        ],
      },
    ]);
  });

  it("reads an empty input sheet as no rows", async () => {
    const excel = new FakeExcel({ Forecast: [] });
    expect((await new OfficeWorkbook(() => excel).read()).grids[0].values).toEqual([]);
  });

  it("tells the 1904 date system from DATE(1904,1,1)", async () => {
    const excel = new FakeExcel({ SKUs: [["SKU"]] });
    expect((await new OfficeWorkbook(() => excel).read()).date1904).toBe(false);
    excel.date1904 = true;
    expect((await new OfficeWorkbook(() => excel).read()).date1904).toBe(true);
  });

  it("falls back to slices of rows when everything at once is over Excel's response limit", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`SKU-${i}`, i, "x".repeat(20)]);
    const excel = new FakeExcel({ SKUs: [["SKU", "On Hand", "Description"], ...rows] });
    excel.responseLimitBytes = 50_000;
    const workbook = new OfficeWorkbook(() => excel, { readChunkCells: 1_500 });
    const input = await workbook.read();
    expect(input.grids[0].values).toHaveLength(3001);
    expect(input.grids[0].values[3000]).toEqual(["SKU-2999", 2999, "x".repeat(20)]);
    expect(excel.syncLog.slice(3).every((s) => s.responseBytes <= 50_000)).toBe(true);
    // Next time it goes straight to slices: list, sizes, 6 slices of 1,500 cells (9,003 cells in all).
    const before = excel.syncs;
    await workbook.read();
    expect(excel.syncs - before).toBe(1 + 1 + 7);
  });
});

describe("which changes matter", () => {
  it("takes the loose names of WORKBOOK.md's input sheets", () => {
    expect(["SKUs", "po_lines", "Purchase-Orders", "ORDER OVERRIDES", "Settings"].every(isInputName)).toBe(true);
    expect(["Supply Plan", "PO PO-0001", "Notes"].some(isInputName)).toBe(false);
  });

  it("reports edits on input sheets and on sheets holding input tables", async () => {
    const excel = new FakeExcel({ SKUs: [["SKU"]], Data: [["Supplier"]], Notes: [["x"]] });
    excel.tables.push({ name: "Suppliers", sheet: "Data", row: 0, col: 0, rows: 1, cols: 1 });
    const workbook = new OfficeWorkbook(() => excel);
    const seen: string[][] = [];
    await workbook.read();
    await workbook.watch((names) => seen.push(names));
    await excel.edit("Notes", 0, 0, "y");
    await excel.edit("Data", 1, 0, "ACME", "Remote");
    await excel.edit("SKUs", 1, 0, "A");
    expect(seen).toEqual([["Data"], ["SKUs"]]);
  });

  it("reports a new table, which may be an input table on any sheet", async () => {
    const excel = new FakeExcel({ SKUs: [["SKU"]], Data: [["Supplier"], ["ACME"]] });
    const workbook = new OfficeWorkbook(() => excel);
    const seen: string[][] = [];
    await workbook.read();
    await workbook.watch((names) => seen.push(names));
    await excel.addTable({ name: "Suppliers", sheet: "Data", row: 0, col: 0, rows: 2, cols: 1 });
    expect(seen).toHaveLength(1);
    expect((await workbook.read()).grids.map((g) => g.name).sort()).toEqual(["SKUs", "Suppliers"]);
  });

  it("names an added sheet with office-addin-mock's Excel (a lookup without collections)", async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            sheet: { name: "Order Overrides" },
            getItem() {
              return this.sheet;
            },
          },
        },
      },
      run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    });
    const workbook = new OfficeWorkbook(() => mock as unknown as ExcelHost);
    expect(await (workbook as unknown as { nameOf(id: string): Promise<string> }).nameOf("{id}")).toBe("Order Overrides");
  });
});

describe("writing a sheet", () => {
  const plan = () => {
    const m = model(sheets());
    return supplyPlanSheet(planAll(m), m.settings);
  };

  it("writes values as text where they are text: formulas, numbers and dates in strings stay strings", async () => {
    expect([excelValue("=SUM(A1)"), excelValue("-5"), excelValue("007"), excelValue(""), excelValue(null), excelValue(3)]).toEqual(["'=SUM(A1)", "'-5", "'007", "", "", 3]);
    const excel = new FakeExcel();
    const spec: SheetSpec = {
      name: "PO PO-0001",
      rows: [
        ["Note", '=HYPERLINK("x")'],
        ["Code", "007"],
        ["Qty", 5],
      ],
    };
    await new OfficeWorkbook(() => excel).writeSheet(spec);
    expect(excel.sheet("PO PO-0001").cells).toEqual([
      ["Note", '=HYPERLINK("x")'],
      ["Code", "007"],
      ["Qty", 5],
    ]);
  });

  it("formats the data rows' columns as the spec says, the header row General, and pads short rows", () => {
    const spec: SheetSpec = {
      name: "S",
      rows: [["Week Start", "Value"], [46349, 1.5], [46356]],
      columnFormats: { 0: "yyyy-mm-dd", 1: "#,##0.00" },
      table: { name: "T", headerRow: 0 },
    };
    expect(formatRow(spec, 0, 2)).toEqual(["General", "General"]);
    expect(formatRow(spec, 1, 2)).toEqual(["yyyy-mm-dd", "#,##0.00"]);
    expect(valueRow(spec, 2, 2)).toEqual([46356, ""]);
  });

  it("cuts large sheets into syncs under the limit, each chunk a run of whole rows", () => {
    const spec = plan();
    const chunks = rowChunks(spec, 2_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0].from).toBe(0);
    expect(chunks[chunks.length - 1].to).toBe(spec.rows.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].from).toBe(chunks[i - 1].to);
    expect(chunks.every((c) => c.bytes <= 2_000)).toBe(true);
  });

  it("writes with events off, so the write wakes no function cell, and turns them back on", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    const seen: string[][] = [];
    await workbook.read();
    await workbook.watch((names) => seen.push(names));
    let eventsDuringWrite: boolean | undefined;
    const run = excel.run;
    excel.run = (batch) =>
      run(async (context) => {
        const result = await batch(context);
        eventsDuringWrite ??= excel.enableEvents;
        return result;
      });
    const spec = plan();
    const report = await workbook.writeSheet(spec, 2_000);
    expect(excel.enableEvents).toBe(true);
    expect(report.chunks).toBeGreaterThan(1);
    expect(report.largestChunkBytes).toBeLessThanOrEqual(2_000);
    // Each values sync carries one chunk: no request is over the limit (plus the range command itself).
    expect(Math.max(...excel.syncLog.map((s) => s.requestBytes))).toBeLessThanOrEqual(2_000);
    const written = excel.sheet("Supply Plan");
    expect(written.cells).toHaveLength(spec.rows.length);
    expect(written.cells[1].slice(0, 4)).toEqual(["WIDGET", "MAIN", 1, 46349]);
    expect(excel.tables.find((t) => t.name === "SupplyPlan")).toMatchObject({ sheet: "Supply Plan", row: 0, rows: spec.rows.length });
    expect(seen).toEqual([]); // Supply Plan is not an input sheet
  });

  it("turns events back on when a write fails halfway, and says so to the caller", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    excel.failingSyncs.add(3); // the second chunk of values, then the context's own restore
    excel.failingSyncs.add(4);
    await expect(workbook.writeSheet(plan(), 2_000)).rejects.toMatchObject({ code: "GeneralException" });
    expect(excel.enableEvents).toBe(true);
    expect(excel.runs).toBe(2); // the write, then a run of its own to turn events on
  });

  it("rewrites an existing sheet in place, replacing its table", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    await workbook.writeSheet(plan());
    await workbook.writeSheet(plan());
    expect(excel.tables.filter((t) => t.sheet === "Supply Plan")).toHaveLength(1);
    expect(excel.sheets.filter((s) => s.name === "Supply Plan")).toHaveLength(1);
  });

  it("tells the live model when it wrote an input sheet itself", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    const seen: string[][] = [];
    await workbook.read();
    await workbook.watch((names) => seen.push(names));
    await workbook.writeSheet({
      name: "Order Overrides",
      rows: [
        ["SKU", "Warehouse", "Week", "Quantity"],
        ["WIDGET", "MAIN", "2026-11-30", 0],
      ],
    });
    expect(excel.eventsWhileOff.length).toBe(0);
    expect(seen).toEqual([["Order Overrides"]]);
  });
});

describe("the pane's writes", () => {
  it("appends rows under each sheet's last row and replaces single cells, in one batch with events off", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    const seen: string[][] = [];
    await workbook.read();
    await workbook.watch((names) => seen.push(names));
    const { appendedRows } = await workbook.apply({
      append: [
        { sheet: "Purchase Orders", col: 0, values: ["PO-0005", "ACME", "MAIN", "Draft", 46349, null, "=cmd"] },
        { sheet: "PO Lines", col: 0, values: ["PO-0005", 1, "WIDGET", 60, 2.5, 150, 0, null] },
        { sheet: "PO Lines", col: 0, values: ["PO-0005", 2, "GADGET", 12, 10.1, 121.2, 0, null] },
      ],
      cells: [{ sheet: "Purchase Orders", row: 1, col: 3, value: "Confirmed" }],
    });
    // Purchase Orders has a header and 4 orders (rows 0–4): the new one is row 5; PO Lines has 5 lines (rows 0–5).
    expect(appendedRows).toEqual([5, 6, 7]);
    expect(excel.sheet("Purchase Orders").cells[5]).toEqual(["PO-0005", "ACME", "MAIN", "Draft", 46349, "", "=cmd"]);
    expect(excel.sheet("Purchase Orders").cells[1][3]).toBe("Confirmed");
    expect(excel.sheet("PO Lines").cells[7].slice(0, 4)).toEqual(["PO-0005", 2, "GADGET", 12]);
    expect(excel.eventsWhileOff).toEqual([]);
    expect(excel.enableEvents).toBe(true);
    expect(seen).toEqual([["Purchase Orders", "PO Lines"]]);
  });

  it("adds rows to a table, which grows to hold them", async () => {
    const excel = new FakeExcel({
      Data: [
        ["PO Number", "SKU"],
        ["PO-1", "A"],
      ],
    });
    excel.tables.push({ name: "POLines", sheet: "Data", row: 0, col: 0, rows: 2, cols: 2 });
    const { appendedRows } = await new OfficeWorkbook(() => excel).apply({ append: [{ sheet: "Data", table: "POLines", col: 0, values: ["PO-2", "B"] }], cells: [] });
    expect(appendedRows).toEqual([2]);
    expect(excel.tables[0].rows).toBe(3);
    expect(excel.sheet("Data").cells[2]).toEqual(["PO-2", "B"]);
  });

  it("writes nothing when a sheet is missing, and says which", async () => {
    const excel = new FakeExcel(sheets());
    const before = JSON.stringify(excel.sheets);
    await expect(
      new OfficeWorkbook(() => excel).apply({ append: [{ sheet: "PO Lines", col: 0, values: ["PO-9"] }], cells: [{ sheet: "Order Overrides", row: 1, col: 0, value: 1 }] }),
    ).rejects.toThrow('The workbook has no sheet or table named "Order Overrides".');
    expect(JSON.stringify(excel.sheets)).toBe(before);
  });

  it("writes several sheets with progress over all their rows, and dropdowns under a header", async () => {
    const excel = new FakeExcel();
    const progress: [number, number][] = [];
    await new OfficeWorkbook(() => excel).writeSheets(
      [
        { name: "Statuses", rows: [["Code"], ["A"], ["M"]] },
        { name: "Order Overrides", rows: [["SKU", "Warehouse", "Week", "Quantity"]], choices: [{ col: 1, values: ["MAIN", "EAST"] }] },
      ],
      (done, total) => progress.push([done, total]),
    );
    expect(progress[progress.length - 1]).toEqual([4, 4]);
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1][0])).toBe(true);
    expect(excel.validations).toEqual([{ sheet: "Order Overrides", row: 1, col: 1, rows: 10_000, source: "MAIN,EAST" }]);
  });

  it("selects a cell given as a problem's address, quoted sheet names too", async () => {
    const excel = new FakeExcel(sheets());
    const workbook = new OfficeWorkbook(() => excel);
    await workbook.select("'PO Lines'!C4");
    expect([excel.activeSheet, excel.selection]).toEqual(["PO Lines", { sheet: "PO Lines", row: 3, col: 2 }]);
    await workbook.select("SKUs!E7");
    expect(excel.selection).toEqual({ sheet: "SKUs", row: 6, col: 4 });
    await expect(workbook.select("E7")).rejects.toThrow("E7 is not a cell address.");
  });
});

// Issue 10: a batch that failed after its header row was written left the header without its lines.
describe("all or nothing when a write fails partway", () => {
  const order = (sheetTable?: { orders: string; lines: string }) => ({
    append: [
      { sheet: "Purchase Orders", table: sheetTable?.orders, col: 0, values: ["PO-0005", "ACME", "MAIN", "Draft", 46349, null, null] },
      { sheet: "PO Lines", table: sheetTable?.lines, col: 0, values: ["PO-0005", 1, "WIDGET", 60, 2.5, 150, 0, null] },
      { sheet: "PO Lines", table: sheetTable?.lines, col: 0, values: ["PO-0005", 2, "GADGET", 12, 10.1, 121.2, 0, null] },
    ],
    cells: [{ sheet: "Purchase Orders", row: 1, col: 6, value: "USD" }],
  });

  it("undoes the header when a line fails: rows cleared, replaced cells back as they were (a formula as a formula)", async () => {
    const excel = new FakeExcel(sheets());
    excel.sheet("Purchase Orders").cells[1][6] = { formula: '=IF(B2="ACME","USD","EUR")' } as unknown as string;
    const before = JSON.stringify(excel.sheets);
    const workbook = new OfficeWorkbook(() => excel);
    excel.failingWrites.add(2); // write 1 is the header row; 2, the first line, fails, so 3 and 4 are not done
    await expect(workbook.apply(order())).rejects.toThrow("The write failed (The request failed.); what it had written is undone, so nothing changed. Try again.");
    // The header row was written, then blanked: the sheet reads as before (a blank row is no row).
    expect(excel.sheet("Purchase Orders").cells[5].every((v) => v === "")).toBe(true);
    excel.sheet("Purchase Orders").cells.length = 5;
    expect(JSON.stringify(excel.sheets)).toBe(before);
    expect(excel.enableEvents).toBe(true);
  });

  it("puts back a replaced cell when the last command fails, and the rows before it", async () => {
    const excel = new FakeExcel(sheets());
    const before = JSON.stringify(excel.sheets.map((s) => s.cells.filter((row) => row.some((v) => v !== ""))));
    excel.failingSyncs.add(3); // the header, both lines and the cell are written, then the sync fails
    await expect(new OfficeWorkbook(() => excel).apply(order())).rejects.toThrow("what it had written is undone");
    expect(JSON.stringify(excel.sheets.map((s) => s.cells.filter((row) => row.some((v) => v !== ""))))).toBe(before);
  });

  it("takes rows it added out of their tables", async () => {
    const excel = new FakeExcel({
      Data: [
        ["PO Number", "Supplier", "Warehouse", "Status", "Order Date", "Expected Delivery", "Currency"],
        ["PO-0001", "ACME", "MAIN", "Draft", 46349, "", "USD"],
        [],
        ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Line Total", "Received Qty", "Expected Delivery"],
        ["PO-0001", 1, "WIDGET", 5, 2.5, 12.5, 0, ""],
      ],
      "Purchase Orders": [["stale"]],
      "PO Lines": [["stale"]],
    });
    excel.tables.push({ name: "Orders", sheet: "Data", row: 0, col: 0, rows: 2, cols: 7 });
    excel.tables.push({ name: "Lines", sheet: "Data", row: 3, col: 0, rows: 2, cols: 8 });
    const writes = order({ orders: "Orders", lines: "Lines" });
    writes.append.forEach((a) => (a.sheet = "Data"));
    writes.cells = [];
    excel.failingWrites.add(3); // the header and the first line are added, the second line fails
    await expect(new OfficeWorkbook(() => excel).apply(writes)).rejects.toThrow("undone");
    expect(excel.tables.map((t) => [t.name, t.row, t.rows])).toEqual([
      ["Orders", 0, 2],
      ["Lines", 3, 2],
    ]);
    expect(
      excel
        .sheet("Data")
        .cells.filter((row) => row.some((v) => v !== ""))
        .map((row) => row[0]),
    ).toEqual(["PO Number", "PO-0001", "PO Number", "PO-0001"]);
  });

  it("keeps what a co-author typed into a row meanwhile, and says when the undo itself fails", async () => {
    const excel = new FakeExcel(sheets());
    excel.failingWrites.add(2);
    const run = excel.run;
    let runs = 0;
    excel.run = (batch) => {
      // Before the undo runs, a co-author's entry lands in the header row the write had made.
      if (++runs === 2) excel.sheet("Purchase Orders").cells[5][5] = "co-author";
      return run(batch);
    };
    await expect(new OfficeWorkbook(() => excel).apply(order())).rejects.toThrow("undone");
    expect(excel.sheet("Purchase Orders").cells[5]).toEqual(["PO-0005", "ACME", "MAIN", "Draft", 46349, "co-author", ""]);

    const broken = new FakeExcel(sheets());
    broken.failingWrites.add(2);
    broken.failingSyncs.add(6); // the undo's writing sync (1–4 the batch, 5 the undo's read)
    await expect(new OfficeWorkbook(() => broken).apply(order())).rejects.toThrow(
      "The write failed (The request failed.) and could not be undone: check the rows it touched on Purchase Orders, PO Lines.",
    );
  });
});
