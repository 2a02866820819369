import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SheetSpec, StreamedRow } from "../../src/core/sheetSpec";
import { XlsxBook } from "../../src/workbook/xlsx";
import { sheetsAsCsv } from "../libreoffice";

jest.setTimeout(120_000);
const dir = mkdtempSync(join(tmpdir(), "planster-write-"));

const head: SheetSpec = {
  name: "Long List",
  rows: [["Item", "Qty"]],
  columnFormats: { 1: "0.0" },
  table: { name: "LongList", headerRow: 0 },
  freezeRows: 1,
};

function* items(n: number): Generator<StreamedRow> {
  for (let i = 1; i <= n; i++) yield { values: [`item ${i}`, i], style: i % 2 ? undefined : { fill: "FFE699" } };
}

async function sheets(path: string): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets;
}

describe("a sheet longer than a sheet holds", () => {
  // With 5 rows to a sheet (the header and 4 items), 10 items fill "Long List" and two continuations.
  const sheetRows = 5;

  it("continues on <name> 2, <name> 3 with the same header, each its own table", async () => {
    const book = XlsxBook.create();
    book.writeSheet(head, { rows: items(10), count: 10 });
    const path = join(dir, "long.xlsx");
    const report = await book.save(path, { sheetRows });
    expect(report.sheets).toEqual([{ name: "Long List", sheets: ["Long List", "Long List 2", "Long List 3"], rows: 11 }]);
    const [first, second, third] = await sheets(path);
    expect(first.getSheetValues().slice(1)).toEqual([[undefined, "Item", "Qty"], ...[1, 2, 3, 4].map((i) => [undefined, `item ${i}`, i])]);
    expect(second.getSheetValues().slice(1)).toEqual([[undefined, "Item", "Qty"], ...[5, 6, 7, 8].map((i) => [undefined, `item ${i}`, i])]);
    expect(third.getSheetValues().slice(1)).toEqual([[undefined, "Item", "Qty"], ...[9, 10].map((i) => [undefined, `item ${i}`, i])]);
    const names = [first, second, third].map((ws) => (ws.getTables()[0] as unknown as { table: { name: string } }).table.name);
    expect(names).toEqual(["LongList", "LongList2", "LongList3"]);
    // Row styles follow their rows: item 6 is the second data row of "Long List 2".
    expect(second.getCell("A3").fill).toMatchObject({ fgColor: { argb: "FFFFE699" } });
    expect(second.getCell("B3").numFmt).toBe("0.0");
    const csv = await sheetsAsCsv(path);
    expect(csv.get("Long List 3")).toBe("Item,Qty\nitem 9,9\nitem 10,10\n");
  });

  it("written again shorter, into the same file, its continuations left over are removed and the other sheets kept", async () => {
    const first = XlsxBook.create();
    first.writeSheet({ name: "Notes", rows: [["keep me"]] });
    first.writeSheet(head, { rows: items(10), count: 10 });
    const path = join(dir, "shorter.xlsx");
    await first.save(path, { sheetRows });
    const again = await XlsxBook.open(path);
    again.writeSheet(head, { rows: items(5), count: 5 });
    const report = await again.save(path, { sheetRows });
    expect(report.sheets[0].sheets).toEqual(["Long List", "Long List 2"]);
    expect((await sheets(path)).map((ws) => ws.name)).toEqual(["Notes", "Long List", "Long List 2"]);
    expect([...(await sheetsAsCsv(path)).keys()].sort()).toEqual(["Long List", "Long List 2", "Notes"]);
  });
});

describe("a new workbook", () => {
  it("has the spec's dropdowns under the header, as in Excel", async () => {
    const book = XlsxBook.create();
    book.writeSheet({
      name: "Statuses",
      rows: [
        ["SKU", "Purchase Status"],
        ["A", "M"],
      ],
      choices: [{ col: 1, values: ["A", "M", "D", 'say "no"'] }],
      table: { name: "Statuses", headerRow: 0 },
    });
    const path = join(dir, "choices.xlsx");
    await book.save(path);
    const [ws] = await sheets(path);
    expect(ws.getCell("B2").dataValidation).toEqual({ type: "list", allowBlank: true, showErrorMessage: true, formulae: ['"A,M,D,say ""no"""'] });
    expect(ws.getCell("B10001").dataValidation).toMatchObject({ type: "list" });
    expect(ws.getCell("A2").dataValidation).toBeUndefined();
    expect((await sheetsAsCsv(path)).get("Statuses")).toBe("SKU,Purchase Status\nA,M\n");
  });

  it("keeps text as text (formulas, leading zeros, control characters, Excel's own escapes) and caps it at Excel's 32,767 characters", async () => {
    const texts = ["=SUM(A1:A9)", "007", "-5", "tab\there", "_x0041_", " spaced ", "x".repeat(40_000)];
    const book = XlsxBook.create();
    book.writeSheet({ name: "Texts", rows: texts.map((t) => [t]) });
    const path = join(dir, "texts.xlsx");
    await book.save(path);
    const back = (await XlsxBook.open(path)).input().grids[0].values.map((row) => row[0] as string);
    expect(back.slice(0, 6)).toEqual(texts.slice(0, 6));
    expect(back[6] === "x".repeat(32_767)).toBe(true);
    const [ws] = await sheets(path);
    expect(ws.getCell("A1").type).toBe(ExcelJS.ValueType.String);
  });
});
