import { messages, model, settings, SUPPLIERS } from "../helpers";

describe("scheduled receipts from purchase orders", () => {
  const m = model({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 4 }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "On Hand", "Unit Cost"],
      ["X", "MAIN", "ACME", 0, 1],
      ["X", "EAST", "ACME", 0, 1],
    ],
    "Purchase Orders": [
      ["PO Number", "Supplier", "Warehouse", "Status", "Expected Delivery"],
      ["PO-0001", "ACME", "MAIN", "Draft", "2026-11-10"], // past due → week 1
      ["PO-0002", "ACME", "", "Submitted", "2026-12-01"], // blank warehouse = MAIN; week 2
      ["PO-0003", "ACME", "MAIN", "Cancelled", "2026-11-30"],
      ["PO-0004", "ACME", "MAIN", "Received", "2026-11-30"],
      ["PO-0005", "ACME", "MAIN", "Confirmed", null], // the line has its own date
      ["PO-0006", "ACME", "MAIN", "Shipped", null], // no date at all → week 1, reported
      ["PO-0007", "ACME", "MAIN", "received", "2026-11-30"], // status words ignore case
      ["PO-0008", "ACME", "MAIN", "Lost", "2026-12-14"], // unknown status → open, reported
      ["PO-0009", "ACME", "EAST", "Draft", "2026-11-23"], // other warehouse
      ["PO-0010", "ACME", "MAIN", "Confirmed", "2027-03-01"], // after the horizon
      ["PO-0011", "ACME", "MAIN", "Partially Received", "2026-12-08"],
    ],
    "PO Lines": [
      ["PO Number", "Line", "SKU", "Quantity", "Received Qty", "Expected Delivery"],
      ["PO-0001", 1, "X", 10, null, null],
      ["PO-0002", 1, "X", 50, 20, null],
      ["PO-0003", 1, "X", 99, null, null],
      ["PO-0004", 1, "X", 99, 99, null],
      ["PO-0005", 1, "X", 7, null, "2026-12-09"],
      ["PO-0006", 1, "X", 5, null, null],
      ["PO-0007", 1, "X", 99, 99, null],
      ["PO-0008", 1, "X", 4, null, null],
      ["PO-0009", 1, "X", 8, null, null],
      ["PO-0010", 1, "X", 99, null, null],
      ["PO-0011", 1, "X", 12, 15, null], // received more than ordered: brings nothing, reported
      ["PO-0011", 2, "X", 6, 1, null],
    ],
  });

  it("counts open lines' outstanding quantity in their delivery week", () => {
    // week 1: 10 (past due) + 5 (undated); week 2: 50 − 20; week 3: 7 (line date) + 5 (PO-0011 line 2: 6 − 1);
    // week 4: 4 (unknown status counts as open).
    expect([...m.itemsByKey.get("X\u0000MAIN")!.scheduled].slice(1)).toEqual([15, 30, 12, 4]);
    expect([...m.itemsByKey.get("X\u0000EAST")!.scheduled].slice(1)).toEqual([8, 0, 0, 0]);
  });

  it("reports the undated open order, the unknown status and the over-receipt with their cells", () => {
    expect(messages(m)).toEqual([
      expect.stringMatching(/^'Purchase Orders'!D9: Purchase order PO-0008 has the unknown status "Lost"; it counts as open/),
      expect.stringMatching(/^'PO Lines'!E12: Received Qty 15 is more than the ordered 12 on PO-0011/),
      expect.stringMatching(/^'Purchase Orders'!E7: Open order PO-0006 has no Expected Delivery; its lines count in week 1/),
    ]);
  });
});

describe("purchase order sheet problems", () => {
  const m = model({
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Supplier", "Unit Cost"],
      ["X", "ACME", 1],
    ],
    "Purchase Orders": [
      ["PO Number", "Status", "Expected Delivery"],
      ["PO-1", "Draft", "2026-11-30"],
      ["PO-2", "Draft", "2026-11-30"],
      ["PO-1", "Draft", "2026-11-30"],
    ],
    "PO Lines": [
      ["PO Number", "Line", "SKU", "Quantity"],
      ["PO-1", 1, "X", 5],
      ["PO-1", 1, "X", 6],
      ["PO-1", 2, "X", -3],
      ["PO-9", 1, "X", 4],
    ],
  });

  it("reports duplicates, negative quantities, orphan lines and orders without lines", () => {
    expect(messages(m)).toEqual([
      "'Purchase Orders'!A4: Purchase order PO-1 is given twice; the first row stands.",
      "'PO Lines'!B3: Purchase order PO-1 already has a line 1; this row was not used.",
      "'PO Lines'!D4: Quantity -3 on PO-1 is negative; the line brings nothing.",
      "'PO Lines'!A5: This line's purchase order PO-9 is not on the Purchase Orders sheet, so the line was not used.",
      "'Purchase Orders'!A3: Purchase order PO-2 has no lines on the PO Lines sheet.",
    ]);
    expect(m.itemsByKey.get("X\u0000MAIN")!.scheduled[2]).toBe(5);
  });
});
