import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is webpack's CommonJS module
const loader = require("../../src/demo/xlsxLoader.js") as (this: unknown) => void;

/** Runs the demo's webpack loader on a file, with the reader taken from src/. */
function load(resourcePath: string): Promise<string> {
  return new Promise((done, fail) =>
    loader.call({
      resourcePath,
      getOptions: () => ({ lib: resolve(__dirname, "../../src") }),
      async: () => (error: Error | null, code: string) => (error ? fail(error) : done(code)),
    }),
  );
}

describe("the demo's .xlsx loader", () => {
  it("gives dates as serials and keeps a formula without a saved result as the core's Uncalculated value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("SKUs");
    ws.addRows([
      ["SKU", "On Hand", "Since"],
      ["A", null, new Date(Date.UTC(2026, 10, 23))],
    ]);
    ws.getCell("B2").value = { formula: "SUM(C9:C12)" } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    const file = join(mkdtempSync(join(tmpdir(), "planster-loader-")), "book.xlsx");
    await wb.xlsx.writeFile(file);
    const code = await load(file);
    expect(code).toBe(
      `import { Uncalculated } from ${JSON.stringify(resolve(__dirname, "../../src/core/input.ts"))};\nexport default () => ({"date1904":false,"sheets":{"SKUs":[["SKU","On Hand","Since"],["A",new Uncalculated("SUM(C9:C12)"),46349]]}});`,
    );
  });
  it("writes the workbook in ASCII, each other character as an escape that reads back as it was", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Suppliers").addRows([
      ["Supplier", "Address"],
      ["ALPINE", "Industriestraße 14, 80939 München — “Lager” ✓"],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), "planster-loader-")), "book.xlsx");
    await wb.xlsx.writeFile(file);
    const code = await load(file);
    expect(code).not.toMatch(/[\u0080-\uffff]/);
    const literal = /^export default \(\) => JSON\.parse\((".*")\);$/s.exec(code)![1];
    expect(JSON.parse(JSON.parse(literal) as string)).toEqual({
      date1904: false,
      sheets: {
        Suppliers: [
          ["Supplier", "Address"],
          ["ALPINE", "Industriestraße 14, 80939 München — “Lager” ✓"],
        ],
      },
    });
  });
});
