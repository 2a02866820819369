import ExcelJS from "exceljs";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dayFromDate, serialFromDay } from "../../src/core/dates";
import type { CellValue } from "../../src/core/input";
import { readModel } from "../../src/core/model";
import { createFromWeekLine } from "../../src/core/orders/create";
import type { Writes } from "../../src/core/orders/writes";
import { WorkbookFileError, XlsxBook } from "../../src/workbook/xlsx";
import { TODAY } from "../helpers";
import { sheetsAsCsv } from "../libreoffice";
import { shop } from "../core/orders/fixture";

jest.setTimeout(120_000);
const dir = mkdtempSync(join(tmpdir(), "planster-apply-"));

/**
 * The shop fixture as a planner keeps it in Excel: Purchase Orders as a table with
 * its dates formatted, PO Lines a plain sheet with a formula column and formatted
 * empty rows below its lines, Order Overrides a plain sheet.
 */
async function shopFile(name: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const book = shop();
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of book.sheets) {
    const ws = wb.addWorksheet(sheet);
    const values = rows.map((row) => row.map((v) => (v === undefined ? null : v)) as ExcelJS.CellValue[]);
    if (sheet === "Purchase Orders") {
      ws.addTable({ name: "PurchaseOrders", ref: "A1", headerRow: true, columns: values[0].map((h) => ({ name: String(h) })), rows: values.slice(1) });
      ws.getCell("F2").numFmt = "yyyy-mm-dd";
      ws.getCell("I2").numFmt = "#,##0.00";
    } else ws.addRows(values);
  }
  const lines = wb.getWorksheet("PO Lines")!;
  lines.getCell("F2").value = { formula: "D2*E2", result: 25 };
  for (const r of [3, 4, 5]) lines.getCell(`E${r}`).numFmt = "#,##0.00";
  lines.getCell("D2").numFmt = "0";
  edit?.(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

function orderWrites(book: XlsxBook): Writes {
  const input = book.input();
  const read = readModel(input, { today: TODAY });
  if (!read.ok) throw new Error(read.error);
  const result = createFromWeekLine({ model: read.model, input }, { sku: "WIDGET", warehouse: "MAIN", week: 2 }, TODAY);
  if (!result.ok) throw new Error(result.reason);
  return result.writes;
}

/** Values as the core compares them: dates as serials, blanks as null, no trailing blanks, no blank rows. */
const plain = (rows: CellValue[][]) =>
  rows
    .map((row) => {
      const out = Array.from(row, (v) => (v instanceof Date ? serialFromDay(dayFromDate(v)) : v === undefined || v === "" ? null : v));
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    })
    .filter((row) => row.length > 0);

describe("applying the orders core's Writes to an .xlsx file", () => {
  let file: string;
  let out: string;
  let writes: Writes;
  let appendedRows: number[];
  beforeAll(async () => {
    file = await shopFile("shop.xlsx");
    out = join(dir, "shop.orders.xlsx");
    const book = await XlsxBook.open(file);
    writes = orderWrites(book);
    book.apply(writes);
    ({ appendedRows } = await book.save(out));
  });

  it("appends under a table's last row (the table grows) and under a sheet's last filled row", async () => {
    // Purchase Orders: header and PO-0007 on rows 1-2, so PO-0008 lands on row 3 (zero-based 2);
    // PO Lines: its formatted empty rows 3-5 do not count, so the line lands on row 3 too.
    expect(appendedRows).toEqual([2, 2]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const orders = wb.getWorksheet("Purchase Orders")!;
    const table = (orders.getTables()[0] as unknown as { table: { tableRef?: string; ref: string } }).table;
    expect(table.tableRef ?? table.ref).toBe("A1:N3");
    expect(orders.getCell("A3").value).toBe("PO-0008");
    // The new row takes the formats of the row above: 2026-11-23 as a date, the total as money.
    expect(orders.getCell("F3").value).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(orders.getCell("I3").numFmt).toBe("#,##0.00");
    const lines = wb.getWorksheet("PO Lines")!;
    expect(lines.getRow(3).values).toEqual([undefined, "PO-0008", 1, "WIDGET", 35, 2.5, 87.5, 0]);
    expect(lines.getCell("F2").formula).toBe("D2*E2");
    expect(lines.getCell("D3").numFmt).toBe("0");
    expect(lines.getCell("E4").numFmt).toBe("#,##0.00");
  });

  it("ends with the same cell values as the in-memory adapter given the same Writes", async () => {
    const memory = shop();
    memory.apply(writes);
    const read = (await XlsxBook.open(out)).input();
    for (const sheet of ["Purchase Orders", "PO Lines", "Order Overrides"]) {
      const grid = read.grids.find((g) => g.name === sheet)!;
      expect({ sheet, rows: plain(grid.values) }).toEqual({ sheet, rows: plain(memory.sheet(sheet)!) });
    }
  });

  it("opens in LibreOffice Calc", async () => {
    const sheets = await sheetsAsCsv(out);
    expect(sheets.get("Purchase Orders")).toContain("PO-0008,Purchase Order,ACME,MAIN,Draft,2026-11-23,");
    expect(sheets.get("PO Lines")).toContain("PO-0008,1,WIDGET,35,2.5,87.5,0");
  });
});

describe("a write that cannot be made is refused before anything is written", () => {
  const refused = async (name: string, edit: ((wb: ExcelJS.Workbook) => void) | undefined, writes: (book: XlsxBook) => Writes, message: RegExp) => {
    const book = await XlsxBook.open(await shopFile(name, edit));
    book.apply(writes(book));
    const out = join(dir, `${name}.out.xlsx`);
    await expect(book.save(out)).rejects.toThrow(WorkbookFileError);
    await expect(book.save(out)).rejects.toThrow(message);
    expect(existsSync(out)).toBe(false);
  };

  it("a sheet the workbook does not have", () =>
    refused(
      "missing.xlsx",
      undefined,
      () => ({ append: [], cells: [{ sheet: "Receipts", row: 1, col: 0, value: 1 }] }),
      /^The workbook has no sheet named "Receipts", so nothing was written\.$/,
    ));

  it("a table with a value right below it", () =>
    refused(
      "below.xlsx",
      (wb) => (wb.getWorksheet("Purchase Orders")!.getCell("C3").value = "my note"),
      orderWrites,
      /^'Purchase Orders'!C3 holds a value right below the table PurchaseOrders, so rows cannot be added to it: move that cell away in Excel and run again\.$/,
    ));

  it("a cell holding a formula that other cells share", () =>
    refused(
      "shared.xlsx",
      (wb) => {
        const ws = wb.getWorksheet("Order Overrides")!;
        ws.getCell("D2").value = { formula: "1+1", result: 2, shareType: "shared", ref: "D2:D3" } as ExcelJS.CellValue;
        ws.getCell("D3").value = { sharedFormula: "D2", result: 2 } as ExcelJS.CellValue;
      },
      orderWrites,
      /^'Order Overrides'!D2 holds a formula that other cells share, so Planster does not write over it: clear or move it in Excel and run again\.$/,
    ));
});
