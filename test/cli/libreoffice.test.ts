import { join } from "node:path";
import { sheetsAsCsv } from "../libreoffice";
import { planster, tempDir, writeXlsx } from "./xlsxFiles";

jest.setTimeout(120_000);

describe("write-plan output in LibreOffice Calc", () => {
  it("opens, with the plan's values, dates and every input sheet intact", async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, "in.xlsx"), {
      Settings: [
        ["Setting", "Value"],
        ["Plan Start", "2026-11-23"],
        ["Horizon Weeks", 3],
      ],
      Suppliers: [["Supplier"], ["ACME"]],
      SKUs: [
        ["SKU", "Description", "Supplier", "On Hand", "Weekly Forecast", "Unit Cost"],
        ["=HYPERLINK(1)", "+1 @SUM -2", "ACME", 1, 2, 0.1],
      ],
    });
    expect((await planster("write-plan", file)).code).toBe(0);
    const sheets = await sheetsAsCsv(join(dir, "in.planned.xlsx"));
    expect([...sheets.keys()].sort()).toEqual(["SKUs", "Settings", "Suppliers", "Supply Plan"]);
    const plan = sheets.get("Supply Plan")!.trim().split("\n");
    // 1 on hand, 2 a week, lead 0: week 1 −1 → order 1 → 0; the same every week. Value 1 × 0.1.
    expect(plan[1]).toBe("=HYPERLINK(1),MAIN,1,2026-11-23,2,0,1,0,0,1,,1,1,0.1,USD,,weekly-forecast");
    expect(plan).toHaveLength(4);
    expect(sheets.get("SKUs")).toContain("=HYPERLINK(1),+1 @SUM -2,ACME");
  });
});
