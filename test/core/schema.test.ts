import { readFileSync } from "node:fs";
import { join } from "node:path";
import { READ_SHEETS, SHEETS } from "../../src/core/schema";
import { SETTINGS } from "../../src/core/settings";
import { isInputName } from "../../src/workbook/officeSheet";

describe("the workbook schema", () => {
  it("lists every sheet of docs/workbook.md once, with its role", () => {
    const roles = Object.fromEntries(Object.values(SHEETS).map((s) => [s.name, s.role]));
    expect(roles).toEqual({
      Settings: "input",
      SKUs: "input",
      Suppliers: "input",
      "Supplier Items": "input",
      Warehouses: "input",
      Forecast: "input",
      "Sales History": "input",
      "Forecast Overrides": "input",
      "Purchase Statuses": "input",
      "Status Overrides": "input",
      "Order Overrides": "input",
      "Purchase Orders": "input",
      "PO Lines": "input",
      Receipts: "log",
      "Supply Plan": "output",
      "PO Summary": "output",
    });
  });

  it("is what the Office adapter reads: a new sheet of the schema is seen in Excel too", () => {
    expect(READ_SHEETS.map((s) => s.name).every(isInputName)).toBe(true);
    expect(["sales_history", "Forecast-Overrides", "RECEIPTS"].every(isInputName)).toBe(true);
    expect(["Supply Plan", "PO Summary"].some(isInputName)).toBe(false);
  });

  it("names each column once per sheet, aliases included", () => {
    for (const sheet of Object.values(SHEETS)) {
      const names = Object.values(sheet.columns).flatMap((c) => [c.header, ...(c.aliases ?? [])].map((n) => n.toLowerCase().replace(/[\s_-]+/g, "")));
      expect([sheet.name, new Set(names).size]).toEqual([sheet.name, names.length]);
    }
  });
});

describe("docs/workbook.md", () => {
  const doc = readFileSync(join(__dirname, "../../docs/workbook.md"), "utf8");

  it("names every sheet and column of the schema", () => {
    const missing = Object.values(SHEETS).flatMap((sheet) => [
      ...(doc.includes(sheet.name) ? [] : [sheet.name]),
      ...Object.values(sheet.columns)
        .map((c) => `\`${c.header}\``)
        .filter((header) => !doc.includes(header))
        .map((header) => `${sheet.name} ${header}`),
    ]);
    expect(missing).toEqual([]);
  });

  it("lists every setting in its table", () => {
    expect(SETTINGS.map((s) => s.name).filter((name) => !doc.includes(`| ${name} |`))).toEqual([]);
  });
});
