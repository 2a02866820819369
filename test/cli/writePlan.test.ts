import ExcelJS from "exceljs";
import { join } from "node:path";
import { sheetsAsCsv } from "../libreoffice";
import { partText, storedParts } from "../workbook/xlsxParts";
import { planster, tempDir } from "./xlsxFiles";

jest.setTimeout(180_000);
const dir = tempDir();

/**
 * A planner's workbook with what Planster must never disturb: styles, formulas, merged
 * cells, widths, frozen panes, a table of its own, a named range, a sheet Planster does
 * not know, and an old Supply Plan (named loosely) with a table and a comment.
 */
async function plannersWorkbook(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const settings = wb.addWorksheet("Settings");
  settings.addRows([
    ["Setting", "Value"],
    ["Plan Start", new Date(Date.UTC(2026, 10, 23))],
    ["Horizon Weeks", 4],
  ]);
  settings.getCell("B2").numFmt = "dd/mm/yyyy";
  wb.addWorksheet("Suppliers").addRows([
    ["Supplier", "Name", "Lead Time Days"],
    ["ACME", "Acme Corp", 7],
  ]);
  const skus = wb.addWorksheet("SKUs", { views: [{ state: "frozen", ySplit: 1 }] });
  skus.addTable({
    name: "SKUs",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: ["SKU", "Supplier", "On Hand", "Weekly Forecast", "Unit Cost", "Value"].map((name) => ({ name })),
    rows: [
      ["WIDGET", "ACME", 10, 8, 2.5, { formula: "C2*E2", result: 25 }],
      ["GADGET", "ACME", 0, 3, 19.995, { formula: "C3*E3", result: 0 }],
    ],
  });
  skus.getColumn(1).width = 22;
  skus.getCell("E2").numFmt = "#,##0.000";
  skus.getCell("A2").font = { bold: true, color: { argb: "FF00B050" } };
  skus.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  skus.getCell("C2").border = { bottom: { style: "thick", color: { argb: "FFFF0000" } } };
  skus.getCell("B3").alignment = { horizontal: "center", wrapText: true };
  const notes = wb.addWorksheet("Planner notes");
  notes.mergeCells("A1:C2");
  notes.getCell("A1").value = "Review every Monday";
  notes.getCell("A4").value = { formula: "SUM(SKUs!C2:C3)", result: 10 };
  notes.getCell("A5").value = "=not a formula, typed text";
  wb.definedNames.add("'Planner notes'!$A$4", "TotalStock");
  const old = wb.addWorksheet("supply_plan");
  old.addTable({ name: "OldPlan", ref: "A1", headerRow: true, columns: [{ name: "Old" }], rows: [["stale"]] });
  old.getCell("B5").note = "a comment on the old plan";
  await wb.xlsx.writeFile(path);
  return path;
}

type Cell = { value: unknown; style: unknown; formula?: string };

/** Every cell of a sheet with its value, formula and style, and the sheet's layout, as exceljs reads them. */
function snapshot(ws: ExcelJS.Worksheet) {
  const cells: Record<string, Cell> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { value: cell.value, style: JSON.parse(JSON.stringify(cell.style)), formula: cell.formula };
    }),
  );
  const tables = ws.getTables().map((t) => {
    const model = (t as unknown as { table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] } }).table;
    return { name: model.name, ref: model.tableRef ?? model.ref, columns: model.columns.map((c) => c.name) };
  });
  return {
    cells,
    tables,
    merges: (ws.model as { merges?: string[] }).merges,
    widths: ws.columns?.map((c) => c.width),
    views: ws.views,
    state: ws.state,
  };
}

describe("write-plan keeps every other sheet as it was", () => {
  let input: string;
  let output: string;
  beforeAll(async () => {
    input = await plannersWorkbook(join(dir, "planner.xlsx"));
    output = join(dir, "planner.planned.xlsx");
    const result = await planster("write-plan", input);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toBe(`Wrote the Supply Plan sheet (8 rows) to ${output}\n`);
  });

  it("cell by cell, styles, formulas, merges, widths, views and tables included", async () => {
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(input);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(output);
    expect(after.worksheets.map((ws) => ws.name)).toEqual(["Settings", "Suppliers", "SKUs", "Planner notes", "Supply Plan"]);
    for (const ws of before.worksheets.filter((w) => w.name !== "supply_plan")) {
      expect({ name: ws.name, ...snapshot(after.getWorksheet(ws.name)!) }).toEqual({ name: ws.name, ...snapshot(ws) });
    }
    expect(after.definedNames.getRanges("TotalStock").ranges).toEqual(["'Planner notes'!$A$4"]);
  });

  it("copies every part it does not change as it was stored, byte for byte", async () => {
    const before = await storedParts(input);
    const after = await storedParts(output);
    // The old supply_plan sheet (sheet5) is rewritten in place, with a new table; its old table and comment go.
    const changed = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet5.xml", "xl/worksheets/_rels/sheet5.xml.rels"];
    const gone = ["xl/tables/table2.xml", "xl/comments5.xml", "xl/drawings/vmlDrawing5.vml"];
    for (const [name, part] of before) {
      if (changed.includes(name) || gone.includes(name)) continue;
      expect({ name, ...after.get(name) }).toEqual({ name, ...part });
    }
    for (const name of gone) expect(after.has(name)).toBe(false);
    expect([...after.keys()].filter((name) => !before.has(name))).toEqual(["xl/tables/table3.xml"]);
  });

  it("writes the plan as a formatted table with frozen header and print settings", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet("Supply Plan")!;
    const { tables } = snapshot(ws);
    expect(tables).toEqual([{ name: "SupplyPlan", ref: "A1:Q9", columns: expect.arrayContaining(["SKU", "Projected On Hand", "Flags"]) }]);
    expect(ws.views).toEqual([expect.objectContaining({ state: "frozen", ySplit: 1 })]);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddHeader).toBe("&CSupply Plan");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("N2").numFmt).toBe("#,##0.00");
    // GADGET: 0 on hand, 3 a week, lead 1 week: week 1 ends at −3, a stockout, shaded on every column.
    const gadget = [2, 3, 4, 5, 6, 7, 8, 9].find((r) => ws.getCell(`A${r}`).value === "GADGET" && ws.getCell(`C${r}`).value === 1)!;
    expect(ws.getCell(`H${gadget}`).value).toBe(-3);
    for (const col of ["A", "H", "P"]) expect(ws.getCell(`${col}${gadget}`).fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFF8CBAD" } });
    expect(ws.getColumn(16).width).toBe(34);
  });

  it("opens in LibreOffice Calc with the same values", async () => {
    const sheets = await sheetsAsCsv(output);
    expect([...sheets.keys()].sort()).toEqual(["Planner notes", "SKUs", "Settings", "Suppliers", "Supply Plan"]);
    expect(sheets.get("SKUs")).toBe("SKU,Supplier,On Hand,Weekly Forecast,Unit Cost,Value\nWIDGET,ACME,10,8,2.5,25\nGADGET,ACME,0,3,19.995,0\n");
    expect(sheets.get("Planner notes")).toContain("=not a formula, typed text");
    expect(sheets.get("Supply Plan")!.trim().split("\n")).toHaveLength(9);
  });

  it("writes the plan again over its own output, and a shorter plan removes nothing else", async () => {
    const again = join(dir, "again.xlsx");
    expect((await planster("write-plan", output, "--out", again)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Settings", "Suppliers", "SKUs", "Planner notes", "Supply Plan"]);
    expect(await partText(again, "xl/calcChain.xml")).toBeUndefined();
  });
});
