import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { X12Interchange, X12Parser } from "node-x12";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import type { OutValue } from "../../src/core/sheetSpec";
import type { MemoryWorkbook } from "../../src/workbook/memory";
import { XlsxBook } from "../../src/workbook/xlsx";
import { TODAY } from "../helpers";
import { shop } from "../core/orders/fixture";

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), "planster-orders-"))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function saveXlsx(book: MemoryWorkbook, name: string): Promise<string> {
  const xlsx = XlsxBook.create();
  for (const [sheet, rows] of book.sheets) xlsx.writeSheet({ name: sheet, rows: rows.map((row) => row.map((v) => (v ?? null) as OutValue)) });
  const path = join(dir, name);
  await xlsx.save(path);
  return path;
}

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), today: TODAY };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The fixture, its SKU description hostile, and a second order of another supplier. */
async function workbook(): Promise<string> {
  const book = shop();
  book.sheet("SKUs")![1][1] = '=HYPERLINK("http://evil.example","click")';
  book.append("Purchase Orders", [["PO-0008", "Purchase Order", "BOLT", "MAIN", "Submitted", "2026-11-20", "2026-12-14", "EUR", 11, "other order's note", 1]]);
  book.append("PO Lines", [["PO-0008", 1, "WIDGET", 5, 2.2, 11, 2]]);
  return saveXlsx(book, `shop-${Math.random().toString(36).slice(2)}.xlsx`);
}

describe("planster export-po", () => {
  it("prints the PO as CSV, the hostile description escaped", async () => {
    const { code, out, err } = await run("export-po", await workbook(), "PO-0007", "--format", "csv");
    expect(code).toBe(0);
    expect(out.split("\r\n")[1]).toBe(
      'PO-0007,2026-11-02,ACME,Acme Corp,Net 30,MAIN,Main DC,USD,1,WIDGET,"\'=HYPERLINK(""http://evil.example"",""click"")",10,2.5,25.00,2026-12-14,25.00',
    );
    expect(err).toContain("problem");
  });

  it("refuses X12 for a SKU holding a separator, in one line naming the field, and writes no file", async () => {
    const book = shop();
    book.sheet("PO Lines")![1][2] = "WID*GET";
    const out = join(dir, "refused.edi");
    const result = await run("export-po", await saveXlsx(book, "separator.xlsx"), "PO-0007", "--format", "x12", "--out", out);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      'planster export-po: Purchase order PO-0007 cannot be sent as X12: the SKU of line 1 "WID*GET" holds "*", the X12 element separator. Change it in the workbook, or share the order as CSV or a PO sheet.\n',
    );
    await expect(readFile(out)).rejects.toThrow();
  });

  it("writes EDI X12 850 to --out", async () => {
    const out = join(dir, "po7.edi");
    const result = await run("export-po", await workbook(), "PO-0007", "--format", "x12", "--out", out);
    expect(result).toMatchObject({ code: 0, out: `Wrote PO-0007 to ${out}\n` });
    const interchange = new X12Parser(true).parse(await readFile(out, "utf8")) as X12Interchange;
    const segments = interchange.functionalGroups[0].transactions[0].segments;
    expect(segments.find((s) => s.tag === "BEG")!.valueOf(3)).toBe("PO-0007");
    expect(segments.filter((s) => s.tag === "PO1").map((s) => s.elements.map((e) => e.value))).toEqual([["1", "10", "EA", "2.5", "", "BP", "WIDGET"]]);
  });

  it("writes a workbook of the one PO, printable, text kept as text", async () => {
    const out = join(dir, "po7.xlsx");
    const { code } = await run("export-po", await workbook(), "PO-0007", "--format", "xlsx", "--out", out);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["PO PO-0007"]);
    const ws = wb.getWorksheet("PO PO-0007")!;
    expect(ws.getCell("A1").value).toBe("Purchase Order PO-0007");
    expect(ws.getCell("B3").value).toBe("Acme Corp");
    expect(ws.getCell("C10").value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(ws.getCell("C10").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("F10").value).toBe(25);
    expect(ws.getCell("F10").numFmt).toBe("#,##0.00");
    expect(ws.getCell("F11").value).toBe(25);
    expect(ws.pageSetup.fitToPage).toBe(true);
    const all = JSON.stringify(ws.getSheetValues());
    for (const leak of ["BOLT", "other order", "2.2"]) expect(all).not.toContain(leak);
  });

  it("names the PO workbook after the order next to FILE by default", async () => {
    const file = await workbook();
    const { code, out } = await run("export-po", file, "PO-0007", "--format", "xlsx");
    expect(code).toBe(0);
    expect(out).toBe(`Wrote PO-0007 to ${join(dir, "PO-0007.xlsx")}\n`);
  });

  it.each([
    [["export-po", "FILE", "PO-9999"], "planster export-po: There is no purchase order PO-9999 on the Purchase Orders sheet.\n"],
    [["export-po", "FILE", "PO-0007", "--format", "pdf"], 'planster export-po: --format must be csv, x12 or xlsx, not "pdf".\n'],
    [["export-po", "FILE"], "planster export-po: usage: planster export-po FILE PO [--format csv|x12|xlsx] [--out OUT]\n"],
  ])("cannot run: %j → exit 2 and one line", async (argv, message) => {
    const file = await workbook();
    const { code, out, err } = await run(...argv.map((a) => (a === "FILE" ? file : a)));
    expect({ code, out, err }).toEqual({ code: 2, out: "", err: message });
  });

  it("cannot run on a missing file or a workbook without PO sheets", async () => {
    expect(await run("export-po", join(dir, "nope.xlsx"), "PO-0001")).toEqual({ code: 2, out: "", err: `planster export-po: No such file: ${join(dir, "nope.xlsx")}\n` });
    const book = shop();
    book.sheets.delete("Purchase Orders");
    book.sheets.delete("PO Lines");
    const file = await saveXlsx(book, "no-po.xlsx");
    const result = await run("export-po", file, "PO-0001");
    expect(result).toEqual({ code: 2, out: "", err: `planster export-po: ${file} has no Purchase Orders and PO Lines sheets, so it holds no PO.\n` });
  });
});

describe("planster summary", () => {
  it("prints committed, open and received by supplier × month × currency, then totals per currency", async () => {
    const { code, out } = await run("summary", await workbook());
    expect(code).toBe(0);
    // PO-0007: 10 × 2.5 = 25.00 open. PO-0008: 5 × 2.2 = 11.00, received 2 × 2.2 = 4.40, open 6.60.
    expect(out).toBe(
      [
        "Supplier  Supplier Name  Month    Currency  Orders   Open  Received  Committed",
        "--------  -------------  -------  --------  ------  -----  --------  ---------",
        "ACME      Acme Corp      2026-11  USD            1  25.00      0.00      25.00",
        "BOLT      Bolt GmbH      2026-11  EUR            1   6.60      4.40      11.00",
        "",
        "Totals by currency",
        "Currency  Orders   Open  Received  Committed",
        "--------  ------  -----  --------  ---------",
        "EUR            1   6.60      4.40      11.00",
        "USD            1  25.00      0.00      25.00",
        "",
      ].join("\n"),
    );
  });

  it("prints JSON lines", async () => {
    const { out } = await run("summary", await workbook(), "--format", "json");
    expect(
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { supplier: "ACME", supplierName: "Acme Corp", month: "2026-11", currency: "USD", orders: 1, open: "25.00", received: "0.00", committed: "25.00" },
      { supplier: "BOLT", supplierName: "Bolt GmbH", month: "2026-11", currency: "EUR", orders: 1, open: "6.60", received: "4.40", committed: "11.00" },
    ]);
  });

  it("writes the PO Summary sheet with --out, leaving FILE as it was", async () => {
    const file = await workbook();
    const before = await readFile(file);
    const out = join(dir, "summary.xlsx");
    expect((await run("summary", file, "--out", out)).code).toBe(0);
    expect(await readFile(file)).toEqual(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("PO Summary")!;
    expect(ws.getCell("A9").value).toBe("ACME");
    expect(ws.getCell("H9").value).toBe(25);
    expect(ws.getCell("H9").numFmt).toBe("#,##0.00");
    expect(wb.getWorksheet("SKUs")).toBeDefined();
  });
});
