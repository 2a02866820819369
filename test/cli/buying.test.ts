import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "../../src/core/input";
import type { MemoryWorkbook } from "../../src/workbook/memory";
import { buyersShop, receivingShop } from "../core/orders/fixture";
import { sheetsAsCsv } from "../libreoffice";
import { planster, tempDir, writeText } from "./xlsxFiles";

jest.setTimeout(120_000);
const dir = tempDir();

/**
 * A fixture workbook as a real .xlsx made by exceljs, with a sheet of the planner's
 * own (a formula with its result, a number format) that every command must keep; with
 * `tables`, Purchase Orders and PO Lines are Excel tables.
 */
async function xlsx(book: MemoryWorkbook, name: string, tables = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of book.sheets) {
    const ws = wb.addWorksheet(sheet);
    // Dates as a planner's workbook holds them: date cells, formatted.
    const clean = rows.map((row) => row.map((v) => (v === undefined ? null : typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v)));
    if (tables && (sheet === "Purchase Orders" || sheet === "PO Lines")) {
      ws.addTable({
        name: sheet.replace(/\s/g, ""),
        ref: "A1",
        headerRow: true,
        columns: clean[0].map((h) => ({ name: String(h) })),
        rows: clean.slice(1).map((row) => clean[0].map((_, i) => row[i] ?? null)),
      });
    } else clean.forEach((row) => ws.addRow(row));
    ws.eachRow((row) => row.eachCell((cell) => (cell.value instanceof Date ? (cell.numFmt = "yyyy-mm-dd") : undefined)));
  }
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Budget";
  notes.getCell("B1").value = { formula: "SUM(2,3)", result: 5 };
  notes.getCell("B1").numFmt = "#,##0.00";
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** Every sheet's rows as values (formulas as {formula, result}), by sheet name. */
async function cells(path: string): Promise<Map<string, CellValue[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, CellValue[][]>();
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    // A blank cell, however the writer left it (no cell, or empty text).
    ws.eachRow((row, r) => (rows[r - 1] = Array.from((row.values as CellValue[]).slice(1), (v) => (v === undefined || v === "" ? null : v))));
    out.set(
      ws.name,
      Array.from(rows, (row) => row ?? []),
    );
  });
  return out;
}

describe("planster create-orders", () => {
  let file: string;
  let result: Awaited<ReturnType<typeof planster>>;
  beforeAll(async () => {
    file = await xlsx(buyersShop(), "shop.xlsx");
    result = await planster("create-orders", file);
  });

  it("prints the POs made and, on standard error, the lines left out with their reasons", () => {
    // The hand-worked numbers of test/core/orders/createOrders.test.ts: ACME at MAIN 1550.18 USD, BOLT 11.00 and 55.00 EUR.
    expect(result.code).toBe(0);
    expect(result.out.split("\n").slice(0, 5)).toEqual([
      "PO Number  Supplier  Warehouse  Status  Lines    Total  Currency  Expected Delivery",
      "---------  --------  ---------  ------  -----  -------  --------  -----------------",
      "PO-0042    ACME      MAIN       Draft       3  1550.18  USD       2026-12-07",
      "PO-0043    BOLT      EAST       Draft       1    11.00  EUR       2026-11-30",
      "PO-0044    BOLT      MAIN       Draft       1    55.00  EUR       2026-11-30",
    ]);
    expect(result.out).toContain(`Wrote ${join(dir, "shop.orders.xlsx")}: 3 orders made, 3 lines left out (see above).`);
    expect(result.err.split("\n").filter((l) => l.startsWith("planster create-orders"))).toEqual([
      'planster create-orders: left out: Supplier "GHOST" is not on the Suppliers sheet. SKU "G1" at warehouse "MAIN" cannot be ordered from it.',
      'planster create-orders: left out: SKU "N1" has no unit price from supplier "ACME" (no Unit Price on Supplier Items, no Unit Cost on SKUs).',
      "planster create-orders: not created, below the supplier's Min Order Value: ACME at EAST: 412.50 USD, minimum 500.00 (1 line)",
    ]);
  });

  it("writes the orders into OUT, clears the week-1 overrides, keeps every other cell, and leaves FILE as it was", async () => {
    const before = await cells(file);
    const after = await cells(join(dir, "shop.orders.xlsx"));
    expect(after.get("Purchase Orders")!.map((r) => r[0])).toEqual(["PO Number", "PO-0041", "PO-0042", "PO-0043", "PO-0044"]);
    expect(
      after
        .get("PO Lines")!
        .slice(3)
        .map((r) => [r[0], r[1], r[2], r[3], r[5]]),
    ).toEqual([
      ["PO-0042", 1, "A1", 300, 750],
      ["PO-0042", 2, "A2", 40, 799.8],
      ["PO-0042", 3, "A3", 3, 0.38],
      ["PO-0043", 1, "B1", 10, 11],
      ["PO-0044", 1, "B1", 50, 55],
    ]);
    // A2's override row keeps its note; B1's week-1 row is blank; week 3's stays.
    expect(after.get("Order Overrides")!.map((r) => r.slice(0, 5))).toEqual([
      ["SKU", "Warehouse", "Week", "Quantity", "Why"],
      ["A2", "MAIN", new Date("2026-11-23T00:00:00Z"), null, "promo"],
      [],
      ["B1", "MAIN", new Date("2026-12-07T00:00:00Z"), 5],
    ]);
    expect(after.get("Notes")).toEqual([["Budget", { formula: "SUM(2,3)", result: 5 }]]);
    for (const name of ["SKUs", "Suppliers", "Supplier Items", "Settings", "Warehouses"]) expect(after.get(name)).toEqual(before.get(name));
    // FILE is untouched: a second run makes the same orders from it.
    expect((await planster("create-orders", file, "--out", join(dir, "again.xlsx"))).out).toContain("3 orders made");
  });

  it("opens in LibreOffice Calc with the new orders", async () => {
    const sheets = await sheetsAsCsv(join(dir, "shop.orders.xlsx"));
    expect(sheets.get("Purchase Orders")).toMatch(/^PO-0042,Purchase Order,ACME,MAIN,Draft,2026-11-23,2026-12-07,USD,1550\.18,,1/m);
    expect(sheets.get("Notes")).toMatch(/^Budget,5$/m);
  });

  it("one supplier, one warehouse; an unknown one is exit 2 with one line", async () => {
    const bolt = await planster("create-orders", file, "--supplier", "BOLT", "--out", join(dir, "bolt.xlsx"));
    expect(bolt.out).toMatch(/PO-0042 {4}BOLT {6}EAST.*\nPO-0043 {4}BOLT {6}MAIN/);
    expect(bolt.err).not.toContain("left out");
    const east = await planster("create-orders", file, "--warehouse", "EAST", "--out", join(dir, "east.xlsx"));
    expect(east.out).toMatch(/^PO-0042 {4}BOLT {6}EAST/m);
    expect(east.err).toContain("ACME at EAST: 412.50 USD, minimum 500.00");
    const nope = await planster("create-orders", file, "--supplier", "NOPE");
    expect([nope.code, nope.err]).toEqual([2, 'planster create-orders: Supplier "NOPE" is not on the Suppliers sheet, and no SKU is bought from it.\n']);
    const west = await planster("create-orders", file, "--warehouse", "WEST");
    expect([west.code, west.err]).toEqual([2, 'planster create-orders: Warehouse "WEST" is not on the Warehouses sheet.\n']);
  });

  it("appends under Excel tables, which grow to hold the rows, and rewrites FILE only when OUT is FILE", async () => {
    const tables = await xlsx(buyersShop(), "tables.xlsx", true);
    const bytes = readFileSync(tables);
    expect((await planster("create-orders", tables, "--supplier", "ACME")).code).toBe(0);
    expect(readFileSync(tables).equals(bytes)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "tables.orders.xlsx"));
    const ref = (sheet: string, table: string) => (wb.getWorksheet(sheet)!.getTable(table) as unknown as { table: { tableRef: string } }).table.tableRef;
    // One order (PO-0042, three lines) under one header row and one existing order, two existing lines.
    expect([ref("Purchase Orders", "PurchaseOrders"), ref("PO Lines", "POLines")]).toEqual(["A1:N3", "A1:H6"]);
    expect((await sheetsAsCsv(join(dir, "tables.orders.xlsx"))).get("PO Lines")).toMatch(/^PO-0042,3,A3,3,0\.125,0\.38,0,$/m);
    expect((await planster("create-orders", tables, "--supplier", "BOLT", "--out", tables)).code).toBe(0);
    expect((await cells(tables)).get("Purchase Orders")!.map((r) => r[0])).toEqual(["PO Number", "PO-0041", "PO-0042", "PO-0043"]);
  });
});

const RECEIPTS = [
  "PO Number,SKU,Line,Quantity,Date,Receipt ID",
  "PO-0007,WIDGET,,10,2026-11-23,R-1",
  "PO-0008,,1,75,2026-11-24,R-2",
  "PO-0008,GADGET,,3,2026-11-25,",
  "PO-0008,,1,31,2026-11-25,R-4", // 20 + 75 + 31 = 126 > 105
  "PO-0099,WIDGET,,1,,R-6",
].join("\n");

describe("planster receive", () => {
  let file: string;
  let first: Awaited<ReturnType<typeof planster>>;
  const out = () => join(dir, "receiving.received.xlsx");
  beforeAll(async () => {
    file = await xlsx(receivingShop(), "receiving.xlsx");
    first = await planster("receive", file, writeText(join(dir, "receipts.csv"), RECEIPTS));
  });

  it("prints what was applied, skipped and refused; exit 0: refused rows do not stop the others (CLI.md: 1 is only check's problems)", () => {
    expect(first.code).toBe(0);
    expect(first.out.split("\n")).toEqual([
      "applied  row 2: PO-0007 line 1 (WIDGET): 10 on 2026-11-23 (Receipt ID R-1) received.",
      "applied  row 3: PO-0008 line 1 (WIDGET): 75 on 2026-11-24 (Receipt ID R-2) received.",
      "applied  row 4: PO-0008 line 2 (GADGET): 3 on 2026-11-25 received.",
      "refused  row 5: PO-0008 line 1 (WIDGET): 31 on 2026-11-25 (Receipt ID R-4) would make 126 received of 100 ordered; at most 105 with the 5% Receipt Tolerance.",
      "refused  row 6: purchase order PO-0099 is not on the Purchase Orders sheet.",
      "PO-0007 is now Received (revision 2).",
      "PO-0008 is now Partially Received (revision 4).",
      `Wrote ${out()}: 3 applied, 0 skipped, 2 refused.`,
      "",
    ]);
    expect(first.err).toContain("planster receive: 2 rows refused (listed above); nothing of them was written.");
  });

  it("writes the lines, the orders and a new Receipts sheet into OUT, keeping every other cell", async () => {
    const after = await cells(out());
    expect(after.get("PO Lines")!.map((r) => [r[0], r[6], r[8] ?? null])).toEqual([
      ["PO Number", "Received Qty", "Last Received"],
      ["PO-0007", 10, 46349],
      ["PO-0008", 95, 46350],
      ["PO-0008", 3, 46351],
      ["PO-0009", 5, null],
    ]);
    expect(after.get("Purchase Orders")!.map((r) => [r[0], r[4], r[10]])).toEqual([
      ["PO Number", "Status", "Revision"],
      ["PO-0007", "Received", 2],
      ["PO-0008", "Partially Received", 4],
      ["PO-0009", "Received", 2],
    ]);
    expect(after.get("Receipts")).toEqual([
      ["Receipt ID", "PO Number", "Line", "SKU", "Quantity", "Date"],
      ["R-1", "PO-0007", 1, "WIDGET", 10, new Date("2026-11-23T00:00:00Z")],
      ["R-2", "PO-0008", 1, "WIDGET", 75, new Date("2026-11-24T00:00:00Z")],
      [null, "PO-0008", 2, "GADGET", 3, new Date("2026-11-25T00:00:00Z")],
    ]);
    expect(after.get("Notes")).toEqual([["Budget", { formula: "SUM(2,3)", result: 5 }]]);
  });

  it("the same file imported again into OUT changes nothing: every applied row is skipped", async () => {
    const before = await cells(out());
    const again = await planster("receive", out(), join(dir, "receipts.csv"), "--out", out());
    expect(again.out).toContain("0 applied, 3 skipped, 2 refused.");
    expect(again.out).toContain("skipped  row 2: PO-0007 line 1 (WIDGET): 10 on 2026-11-23 (Receipt ID R-1) is already logged (on the Receipts sheet at Receipts!A2); skipped.");
    expect(await cells(out())).toEqual(before);
  });

  it("opens in LibreOffice Calc with the Receipts log and the received quantities", async () => {
    const sheets = await sheetsAsCsv(out());
    expect(sheets.get("Receipts")!.split("\n").slice(0, 2)).toEqual(["Receipt ID,PO Number,Line,SKU,Quantity,Date", "R-1,PO-0007,1,WIDGET,10,2026-11-23"]);
    // Last Received is a column the workbook lacked: added, its dates serials until the column is given a date format (Writes carry no formats).
    expect(sheets.get("PO Lines")).toMatch(/^PO-0008,1,WIDGET,100,2\.5,250,95,,46350$/m);
  });

  it("cannot run without a readable receipt file or its columns: exit 2, one line", async () => {
    const missing = await planster("receive", file, join(dir, "nope.csv"));
    expect([missing.code, missing.err]).toEqual([2, `planster receive: cannot read the receipt file ${join(dir, "nope.csv")}.\n`]);
    const bad = await planster("receive", file, writeText(join(dir, "bad.csv"), "PO,Qty\nPO-0007,1\n"));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`planster receive: ${join(dir, "bad.csv")}: the receipt file's header row has no "PO Number", "Quantity", "SKU" or "Line" column.\n`);
  });
});
