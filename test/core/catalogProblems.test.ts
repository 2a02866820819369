import { messages, model } from "../helpers";

describe("Suppliers, Supplier Items and Warehouses problems", () => {
  const m = model({
    Suppliers: [
      ["Supplier", "Currency", "Lead Time Days"],
      ["ACME", "usd", 7],
      ["ACME", "EUR", 1],
      [null, "EUR", 3],
      ["BOLT", "EUR", -2],
    ],
    Warehouses: [
      ["Warehouse", "District", "Region"],
      ["MAIN", "D1", "R1"],
      ["MAIN", "D2", "R2"],
    ],
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "Unit Cost"],
      ["X", "MAIN", "ACME", 1],
      ["X", "SOUTH", "ACME", 1],
    ],
    "Supplier Items": [
      ["SKU", "Supplier", "Unit Price", "Preferred"],
      ["X", "ACME", 2, "maybe"],
      ["X", "ACME", 3, null],
      ["Y", "ACME", 3, null],
      ["X", "CAST", 3, null],
      ["X", null, 3, null],
    ],
  });

  it("reports each with its address, keeping the first of duplicates", () => {
    expect(messages(m)).toEqual([
      'Suppliers!B2: Currency "usd" is not a three-letter ISO 4217 code such as USD; the workbook\'s currency is used.',
      'Suppliers!A3: Supplier "ACME" is given twice; the first row stands.',
      "Suppliers!A4: This row has no Supplier, so it was not used.",
      "Suppliers!C5: Lead Time Days -2 must be 0 or more; it was ignored.",
      "'Supplier Items'!D2: Preferred \"maybe\" is not TRUE or FALSE; it was ignored.",
      '\'Supplier Items\'!A3: SKU "X" is linked to supplier "ACME" twice; the first row stands.',
      "'Supplier Items'!A4: SKU \"Y\" is not on the SKUs sheet; this supplier item was not used.",
      "'Supplier Items'!B5: Supplier \"CAST\" is not on the Suppliers sheet; this supplier item was not used.",
      "'Supplier Items'!B6: This row has no Supplier, so it was not used.",
      'Warehouses!A3: Warehouse "MAIN" is given twice; the first row stands.',
      'SKUs!B3: Warehouse "SOUTH" is not on the Warehouses sheet, so its district and region are unknown.',
    ]);
  });

  it("uses what could be read: the first ACME row, its 7-day lead time, the item's price of 2", () => {
    const x = m.itemsByKey.get("X\u0000MAIN")!;
    expect([x.supplier, x.leadDays, x.unitPrice.toNumber(), x.currency]).toEqual(["ACME", 7, 2, "USD"]);
    expect(m.warehouses.get("MAIN")?.district).toBe("D1");
  });
});

describe("a Suppliers sheet without its Supplier column", () => {
  it("is one problem for the sheet, not also a missing sheet", () => {
    const m = model({
      Suppliers: [
        ["Name", "Currency"],
        ["Acme Corp", "EUR"],
      ],
      SKUs: [
        ["SKU", "Unit Cost"],
        ["X", 1],
      ],
    });
    expect(messages(m)).toEqual([
      'Suppliers!A1: The Suppliers sheet has no column "Supplier" in its header row, so it was not read.',
      expect.stringMatching(/^SKUs!A2: SKU "X" at "MAIN" has no supplier/),
    ]);
  });

  it("is told apart from no Suppliers sheet at all", () => {
    const m = model({
      SKUs: [
        ["SKU", "Unit Cost"],
        ["X", 1],
      ],
    });
    expect(messages(m)[0]).toMatch(/^Suppliers!A1: The workbook has no Suppliers sheet/);
  });
});
