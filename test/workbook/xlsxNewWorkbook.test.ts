import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { supplyPlanSheet } from "../../src/core/planSheet";
import { planAll } from "../../src/core/plan";
import { xlsxBase64 } from "../../src/taskpane/newWorkbook";
import { model, SUPPLIERS } from "../helpers";
import { sheetsAsCsv } from "../libreoffice";

jest.setTimeout(120_000);

describe("the pane's new workbook", () => {
  it("is rendered like the CLI's files: styles, the table, frozen rows and print settings kept", async () => {
    const m = model({
      Settings: [
        ["Setting", "Value"],
        ["Plan Start", "2026-11-23"],
        ["Horizon Weeks", 2],
      ],
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Supplier", "On Hand", "Weekly Forecast", "Unit Cost"],
        ["A", "ACME", 0, 5, 2],
      ],
    });
    const file = join(mkdtempSync(join(tmpdir(), "planster-new-")), "new.xlsx");
    writeFileSync(file, Buffer.from(await xlsxBase64([supplyPlanSheet(planAll(m), m.settings)]), "base64"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Supply Plan")!;
    expect((ws.getTables()[0] as unknown as { table: { name: string } }).table.name).toBe("SupplyPlan");
    expect(ws.views).toEqual([expect.objectContaining({ state: "frozen", ySplit: 1 })]);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true });
    expect(ws.headerFooter.oddHeader).toBe("&CSupply Plan");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    // A: 0 on hand, 5 a week, ACME's 14-day lead time: week 1 ends at −5, a stockout.
    expect(ws.getCell("H2").value).toBe(-5);
    expect(ws.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFF8CBAD" } });
    expect((await sheetsAsCsv(file)).get("Supply Plan")!.split("\n")[1]).toMatch(/^A,MAIN,1,2026-11-23,5,0,0,-5,/);
  });
});
