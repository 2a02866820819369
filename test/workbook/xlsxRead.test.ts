import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findGrid, Uncalculated } from "../../src/core/input";
import { XlsxBook } from "../../src/workbook/xlsx";
import { DATE_STYLES, sheetXml, workbookParts, writeZip } from "./xlsxParts";

jest.setTimeout(120_000);
const dir = mkdtempSync(join(tmpdir(), "planster-read-"));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("reading a workbook Excel's way of writing it (exceljs)", () => {
  let book: XlsxBook;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const skus = wb.addWorksheet("SKUs");
    skus.addRow(["SKU", "On Hand", "Since", "Active", "Note", "Price"]);
    skus.addRow(["A-1", 12, utc(2026, 11, 23), true, { richText: [{ text: "rich " }, { text: "text", font: { bold: true } }] }, { formula: "B2*2", result: 24 }]);
    skus.addRow([123, -0.5, null, false, { text: "a link", hyperlink: "https://example.com" }, { error: "#N/A" }]);
    skus.getCell("C2").numFmt = "yyyy-mm-dd";
    const data = wb.addWorksheet("Data", { state: "hidden" });
    data.getCell("A1").value = "notes above the table";
    data.addTable({
      name: "Suppliers",
      ref: "C3",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Supplier", totalsRowLabel: "Total" },
        { name: "Lead Time Days", totalsRowFunction: "sum" },
      ],
      rows: [
        ["ACME", 14],
        ["BOLT", 7],
      ],
    });
    wb.addWorksheet("Notes").getCell("A1").value = "never read";
    await wb.xlsx.writeFile(join(dir, "exceljs.xlsx"));
    book = await XlsxBook.open(join(dir, "exceljs.xlsx"), { sheets: (name) => name !== "Notes" });
  });

  it("reads text, numbers, dates (by their format), booleans, rich text, links, formula results and errors", () => {
    expect(findGrid(book.input(), "SKUs")!.values).toEqual([
      ["SKU", "On Hand", "Since", "Active", "Note", "Price"],
      ["A-1", 12, utc(2026, 11, 23), true, "rich text", 24],
      [123, -0.5, undefined, false, "a link", "#N/A"],
    ]);
  });

  it("finds a table by name with where it sits, its header first and its totals row left out", () => {
    const table = findGrid(book.input(), "Suppliers")!;
    expect(table).toMatchObject({ name: "Suppliers", sheet: "Data", table: true, originRow: 2, originCol: 2 });
    expect(table.values).toEqual([
      ["Supplier", "Lead Time Days"],
      ["ACME", 14],
      ["BOLT", 7],
    ]);
  });

  it("reads only the sheets asked for, but lists every sheet", () => {
    expect(book.input().grids.map((g) => g.name)).toEqual(["SKUs", "Data", "Suppliers"]);
    expect(book.sheetNames).toEqual(["SKUs", "Data", "Notes"]);
    expect(book.problems).toEqual([]);
  });
});

describe("reading what other programs write", () => {
  it("reads cells without addresses, namespace prefixes, inline and shared text, ISO date cells and escapes", async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">two </x:t></x:r><x:r><x:t>runs</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c><x:v>1.5E3</x:v></x:c></x:row>
      <x:row r="4"><x:c r="B4" t="s"><x:v>0</x:v></x:c><x:c r="D4" t="d"><x:v>2026-11-23T00:00:00</x:v></x:c><x:c r="E4" t="str"><x:v>a &amp; b</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const file = await writeZip(join(dir, "odd.xlsx"), workbookParts({ Odd: sheet }, { strings: ["line_x000D__x000A_break _x005F_x0041_"] }));
    const values = findGrid((await XlsxBook.open(file)).input(), "Odd")!.values;
    expect(values).toEqual([["two runs", 1500], [], [], [undefined, "line\r\nbreak _x0041_", undefined, utc(2026, 11, 23), "a & b"]]);
  });

  it("reads a formula without a saved result as Uncalculated, and one with a result (even empty text) as its value", async () => {
    const rows = [
      '<row r="1"><c r="A1"><f>SUM(B1:B3)</f></c><c r="B1"><f>B2+1</f><v></v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>1+1</f><v>2</v></c></row>',
      '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">C2*2</f></c><c r="B2" t="array"><f t="array" ref="B2">{1}</f></c></row>',
      '<row r="3"><c r="A3"><f t="shared" si="0"/></c></row>',
    ].join("");
    const file = await writeZip(join(dir, "nocalc.xlsx"), workbookParts({ Calc: sheetXml(rows) }));
    const values = findGrid((await XlsxBook.open(file)).input(), "Calc")!.values;
    expect(values).toEqual([[new Uncalculated("SUM(B1:B3)"), new Uncalculated("B2+1"), "", 2], [new Uncalculated("C2*2"), new Uncalculated("{1}")], [new Uncalculated("")]]);
  });

  it("reads numbers in date formats as dates only between 1900-01-01 and 9999-12-31, in both date systems", async () => {
    const rows =
      '<row r="1"><c r="A1" s="1"><v>46349</v></c><c r="B1" s="3"><v>1</v></c><c r="C1" s="1"><v>2958466</v></c><c r="D1" s="1"><v>0</v></c><c r="E1" s="1"><v>-5</v></c><c r="F1" s="2"><v>46349</v></c></row>';
    const file = await writeZip(join(dir, "dates.xlsx"), workbookParts({ D: sheetXml(rows) }, { styles: DATE_STYLES }));
    expect(findGrid((await XlsxBook.open(file)).input(), "D")!.values[0]).toEqual([utc(2026, 11, 23), utc(1900, 1, 1), 2958466, 0, -5, 46349]);
    const file1904 = await writeZip(join(dir, "dates1904.xlsx"), workbookParts({ D: sheetXml(rows) }, { styles: DATE_STYLES, workbookPr: '<workbookPr date1904="1"/>' }));
    const input = (await XlsxBook.open(file1904)).input();
    expect(input.date1904).toBe(true);
    // 1904 system: serial 44887 is 2026-11-23, so 46349 is 1,462 days later; serial 0 is 1904-01-01.
    expect(input.grids[0].values[0].slice(0, 4)).toEqual([utc(2030, 11, 24), utc(1904, 1, 2), 2958466, utc(1904, 1, 1)]);
  });

  it("reads what LibreOffice Calc writes", async () => {
    const csv = join(dir, "calc.csv");
    writeFileSync(csv, "SKU,On Hand,Since\nA-1,12,2026-11-23\n");
    const profile = mkdtempSync(join(tmpdir(), "planster-lo-profile-"));
    await promisify(execFile)("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", dir, csv], { timeout: 120_000 });
    const values = findGrid((await XlsxBook.open(join(dir, "calc.xlsx"))).input(), "calc")!.values;
    expect(values).toEqual([
      ["SKU", "On Hand", "Since"],
      ["A-1", 12, utc(2026, 11, 23)],
    ]);
  });
});

describe("cells a file holds wrongly are problems with their addresses, read as blank", () => {
  it.each([
    ['<c r="B2" t="s"><v>7</v></c>', "refers to text the file does not hold (shared string 7)"],
    ['<c r="B2"><v>12,5</v></c>', 'holds "12,5" where the file should hold a number'],
    ['<c r="B2" t="b"><v>yes</v></c>', 'holds "yes" where the file should hold TRUE or FALSE'],
    ['<c r="B2" t="d"><v>soon</v></c>', 'holds "soon" where the file should hold a date'],
    ['<c r="B2" t="x"><v>1</v></c>', 'has a cell type "x" that Excel does not write'],
  ])("%s", async (cell, what) => {
    const file = await writeZip(join(dir, "bad-cell.xlsx"), workbookParts({ "My Sheet": sheetXml(`<row r="2"><c r="A2"><v>1</v></c>${cell}</row>`) }, { strings: ["only"] }));
    const book = await XlsxBook.open(file);
    expect(book.problems.map((p) => `${p.address}: ${p.message}`)).toEqual([
      `'My Sheet'!B2: This cell ${what}: the file is damaged, so it was read as blank (re-save the workbook in Excel, or retype the cell).`,
    ]);
    expect(book.input().grids[0].values[1]).toEqual([1]);
  });
});
