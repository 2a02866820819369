import { messages, model, SUPPLIERS } from "../helpers";

const WAREHOUSES = [
  ["Warehouse", "District", "Region"],
  ["W1", "D1", "R1"],
  ["W2", "D1", "R1"],
  ["W3", "D2", "R1"],
  ["W4", "D3", "R2"],
];

function statusOf(m: ReturnType<typeof model>, sku: string, warehouse: string) {
  const { code, type, source, orderable, recommended } = m.itemsByKey.get(`${sku}\u0000${warehouse}`)!.status;
  return { code, type, source, orderable, recommended };
}

describe("status resolution: warehouse → district → region → product → A", () => {
  const m = model({
    Suppliers: SUPPLIERS,
    Warehouses: WAREHOUSES,
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "Unit Cost", "Purchase Status"],
      ["S1", "W1", "ACME", 1, "M"],
      ["S1", "W2", "ACME", 1, "M"],
      ["S1", "W3", "ACME", 1, "M"],
      ["S1", "W4", "ACME", 1, "M"],
      ["S2", "W1", "ACME", 1, null],
    ],
    "Status Overrides": [
      ["SKU", "Warehouse", "District", "Region", "Status"],
      ["S1", null, null, "R1", "O"],
      ["S1", null, "D1", null, "D"],
      ["S1", "W1", null, null, "T"],
    ],
  });

  it("takes the nearest level that has a row, and names it", () => {
    expect(statusOf(m, "S1", "W1")).toEqual({ code: "T", type: "T", source: "warehouse", orderable: false, recommended: false });
    expect(statusOf(m, "S1", "W2")).toEqual({ code: "D", type: "D", source: "district", orderable: true, recommended: false });
    expect(statusOf(m, "S1", "W3")).toEqual({ code: "O", type: "O", source: "region", orderable: true, recommended: false });
    expect(statusOf(m, "S1", "W4")).toEqual({ code: "M", type: "M", source: "product", orderable: true, recommended: true });
    expect(statusOf(m, "S2", "W1")).toEqual({ code: "A", type: "A", source: "default", orderable: true, recommended: true });
    expect(m.problems).toEqual([]);
  });
});

describe("purchase status codes", () => {
  const m = model({
    Suppliers: SUPPLIERS,
    "Purchase Statuses": [
      ["Code", "Type", "Description"],
      ["DX", "D", "Dropped, sold through"],
      ["A", "T", "Trying to make A discontinued"],
      ["M", null, "Clearance"],
      ["PX", "P", "Purge-based"],
      ["DX", "A", "Second DX"],
      ["ZZ", "Q", "Unknown type"],
      [null, "A", "No code"],
      ["TX", "t", "lower-case type letter"],
    ],
    SKUs: [
      ["SKU", "Supplier", "Unit Cost", "Purchase Status"],
      ["K1", "ACME", 1, "DX"],
      ["K2", "ACME", 1, "A"],
      ["K3", "ACME", 1, "a"],
      ["K4", "ACME", 1, "PX"],
      ["K5", "ACME", 1, "P"],
      ["K6", "ACME", 1, "TX"],
      ["K7", "ACME", 1, "O"],
    ],
  });

  it("gives a custom code its base type's behaviour", () => {
    expect(statusOf(m, "K1", "MAIN")).toEqual({ code: "DX", type: "D", source: "product", orderable: true, recommended: false });
    expect(statusOf(m, "K6", "MAIN")).toEqual({ code: "TX", type: "T", source: "product", orderable: false, recommended: false });
    expect(statusOf(m, "K7", "MAIN")).toEqual({ code: "O", type: "O", source: "product", orderable: true, recommended: false });
  });

  it("keeps a built-in code's type; only its description may change", () => {
    expect(statusOf(m, "K2", "MAIN").type).toBe("A");
    expect(m.statuses.get("M")?.description).toBe("Clearance");
    expect(m.statuses.get("A")?.description).toBe("Trying to make A discontinued");
  });

  it("treats an unknown code as neither orderable nor recommended, with no type", () => {
    expect(statusOf(m, "K3", "MAIN")).toEqual({ code: "a", type: null, source: "product", orderable: false, recommended: false });
    expect(statusOf(m, "K4", "MAIN")).toEqual({ code: "PX", type: null, source: "product", orderable: false, recommended: false });
  });

  it("honours a P found in the workbook, and never offers it to pick", () => {
    expect(statusOf(m, "K5", "MAIN")).toEqual({ code: "P", type: "P", source: "product", orderable: false, recommended: false });
    expect(m.statuses.pickable().map((s) => s.code)).toEqual(["A", "M", "D", "O", "T", "DX", "TX"]);
  });

  it("reports every bad status row and unknown code where it is", () => {
    expect(messages(m)).toEqual([
      expect.stringMatching(/^'Purchase Statuses'!B3: "A" is a built-in status of type A; its type cannot be changed to "T", so A stands\.$/),
      expect.stringMatching(/^'Purchase Statuses'!B5: Status "PX" cannot be based on P \(Purge\)/),
      "'Purchase Statuses'!A6: The status code \"DX\" is given twice; the first row stands.",
      expect.stringMatching(/^'Purchase Statuses'!B7: Status "ZZ" has the unknown type "Q"; use one of A, M, D, O, T\./),
      "'Purchase Statuses'!A8: This row has no Code, so it was not used (a status needs a code).",
      expect.stringMatching(/^SKUs!D4: Unknown purchase status "a": .* Did you mean "A"\?$/),
      expect.stringMatching(/^SKUs!D5: Unknown purchase status "PX"/),
    ]);
  });
});

describe("a warehouse override for a warehouse missing from the Warehouses sheet", () => {
  it("still applies to the SKUs rows at that warehouse", () => {
    const m = model({
      Suppliers: SUPPLIERS,
      Warehouses: WAREHOUSES,
      SKUs: [
        ["SKU", "Warehouse", "Supplier", "Unit Cost"],
        ["S1", "EAST", "ACME", 1],
      ],
      "Status Overrides": [
        ["SKU", "Warehouse", "Status"],
        ["S1", "EAST", "T"],
        ["S1", "WEST", "T"],
      ],
    });
    expect(statusOf(m, "S1", "EAST")).toEqual({ code: "T", type: "T", source: "warehouse", orderable: false, recommended: false });
    expect(messages(m)).toEqual([
      "'Status Overrides'!B3: No warehouse on the Warehouses sheet has warehouse \"WEST\"; this status override was not used.",
      'SKUs!B2: Warehouse "EAST" is not on the Warehouses sheet, so its district and region are unknown.',
    ]);
  });
});

describe("a Purchase Status cell that is not a code", () => {
  it("blocks the item as an unknown status instead of letting it default to A", () => {
    const m = model({
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Supplier", "Unit Cost", "Purchase Status"],
        ["B1", "ACME", 1, true],
        ["B2", "ACME", 1, new Date(Date.UTC(2026, 10, 23))],
        ["B3", "ACME", 1, 7],
      ],
    });
    expect(statusOf(m, "B1", "MAIN")).toEqual({ code: "true", type: null, source: "product", orderable: false, recommended: false });
    expect(statusOf(m, "B2", "MAIN")).toEqual({ code: "2026-11-23", type: null, source: "product", orderable: false, recommended: false });
    // A number is a code like any other: 7 is the code "7", unknown here.
    expect(statusOf(m, "B3", "MAIN")).toMatchObject({ code: "7", type: null });
    expect(messages(m)).toEqual([
      expect.stringMatching(/^SKUs!D2: Unknown purchase status "true"/),
      expect.stringMatching(/^SKUs!D3: Unknown purchase status "2026-11-23"/),
      expect.stringMatching(/^SKUs!D4: Unknown purchase status "7"/),
    ]);
  });
});

describe("status overrides sheet", () => {
  const m = model({
    Suppliers: SUPPLIERS,
    Warehouses: WAREHOUSES,
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "Unit Cost"],
      ["S1", "W1", "ACME", 1],
    ],
    "Status Overrides": [
      ["SKU", "Warehouse", "District", "Region", "Status"],
      ["S1", "W1", "D1", null, "T"],
      ["S1", null, null, null, "T"],
      ["S1", null, "D1", null, "O"],
      ["S1", null, "D1", null, "T"],
      ["S1", null, null, "R1", "Q9"],
      ["S9", "W1", null, null, "T"],
      ["S1", null, null, "R7", "T"],
    ],
  });

  it("needs exactly one place per row, keeps the first of two rows for the same place, and checks codes", () => {
    expect(statusOf(m, "S1", "W1")).toEqual({ code: "O", type: "O", source: "district", orderable: true, recommended: false });
    expect(messages(m)).toEqual([
      expect.stringMatching(/^'Status Overrides'!A2: A status override needs exactly one of Warehouse, District or Region; this row has warehouse and district/),
      expect.stringMatching(/^'Status Overrides'!A3: A status override needs exactly one of Warehouse, District or Region; this row has none/),
      '\'Status Overrides\'!A5: SKU "S1" already has a status override for district "D1"; the first row stands.',
      expect.stringMatching(/^'Status Overrides'!E6: Unknown purchase status "Q9"/),
      "'Status Overrides'!A7: SKU \"S9\" is not on the SKUs sheet; this status override was not used.",
      "'Status Overrides'!D8: No warehouse on the Warehouses sheet has region \"R7\"; this status override was not used.",
    ]);
  });
});
