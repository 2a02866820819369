import { dayFromIso } from "../../../src/core/dates";
import { editOrder, type OrderEdit } from "../../../src/core/orders/edit";
import { PO_STATUSES } from "../../../src/core/orders/purchaseOrders";
import { flaggedLines, moveRefusal } from "../../../src/core/orders/rules";
import type { CellWrite } from "../../../src/core/orders/writes";
import { TODAY } from "../../helpers";
import { applyWrites, context, records, shop } from "./fixture";

const day = (iso: string) => dayFromIso(iso)!;
const byColumn = (cells: CellWrite[]) => [...cells].sort((a, b) => a.row - b.row || a.col - b.col);

/** PO-0007: Confirmed, ACME, MAIN, ordered 2026-11-02, due 2026-12-14, one line of 10 WIDGET at 2.50 (25.00), Revision 1. */
function edit(change: OrderEdit, book = shop()) {
  return editOrder(context(book), "PO-0007", change, TODAY);
}

describe("editing an order", () => {
  it("moves the expected delivery and counts a new revision", () => {
    const book = shop();
    const result = edit({ expectedDelivery: day("2026-12-21") }, book);
    if (!result.ok) throw new Error(result.reason);
    applyWrites(book, result.writes);
    // 2026-12-21 = serial 46377; Revision 1 → 2; nothing else on the header changes.
    expect(records(book, "Purchase Orders")[0]).toMatchObject({
      "Expected Delivery": 46377,
      Revision: 2,
      Total: 25,
      Status: "Confirmed",
      Supplier: "ACME",
      "Order Date": "2026-11-02",
    });
    expect(context(book).model.itemsByKey.get("WIDGET\u0000MAIN")!.scheduled[5]).toBe(10);
  });

  it("writes only the cells whose value changes: a formula in Total or Line Total survives a date edit", () => {
    const result = edit({ expectedDelivery: day("2026-12-21") });
    if (!result.ok) throw new Error(result.reason);
    // Expected Delivery (column G) and Revision (column K) of row 2; Total already holds 25,
    // Sync Status stays blank without an Integration URL, and no line cell changes.
    expect(result.writes.append).toEqual([]);
    expect(byColumn(result.writes.cells)).toEqual([
      { sheet: "Purchase Orders", row: 1, col: 6, value: 46377 },
      { sheet: "Purchase Orders", row: 1, col: 10, value: 2 },
    ]);
  });

  it("corrects a Total that does not match its lines when the order is edited", () => {
    const book = shop();
    book.sheet("Purchase Orders")![1][8] = 24.99;
    const result = edit({ notes: "call first" }, book);
    if (!result.ok) throw new Error(result.reason);
    expect(byColumn(result.writes.cells)).toEqual([
      { sheet: "Purchase Orders", row: 1, col: 8, value: 25 },
      { sheet: "Purchase Orders", row: 1, col: 9, value: "call first" },
      { sheet: "Purchase Orders", row: 1, col: 10, value: 2 },
    ]);
  });

  it("gives a line its own date, and takes it back", () => {
    const book = shop();
    const first = edit({ lineDeliveries: [{ line: 1, expectedDelivery: day("2026-12-07") }] }, book);
    if (!first.ok) throw new Error(first.reason);
    applyWrites(book, first.writes);
    expect(records(book, "PO Lines")[0]["Expected Delivery"]).toBe(46363);
    const second = editOrder(context(book), "PO-0007", { lineDeliveries: [{ line: 1, expectedDelivery: null }] }, TODAY);
    if (!second.ok) throw new Error(second.reason);
    applyWrites(book, second.writes);
    expect(records(book, "PO Lines")[0]["Expected Delivery"]).toBeNull();
    expect(records(book, "Purchase Orders")[0].Revision).toBe(3);
  });

  it("adds a line priced from the order's supplier, numbered after the last", () => {
    const book = shop();
    const result = edit({ addLines: [{ sku: "GADGET", quantity: 2 }] }, book);
    if (!result.ok) throw new Error(result.reason);
    // 2 × 19.995 = 39.99; total 25.00 + 39.99 = 64.99.
    expect(result.writes.append).toEqual([{ sheet: "PO Lines", col: 0, values: ["PO-0007", 2, "GADGET", 2, 19.995, 39.99, 0, null] }]);
    expect(result.order.total.toFixed(2)).toBe("64.99");
    applyWrites(book, result.writes);
    expect(records(book, "Purchase Orders")[0].Total).toBe(64.99);
  });

  it("changes supplier: every line re-priced from the new one, in its currency", () => {
    const result = edit({ supplier: "BOLT" });
    if (!result.ok) throw new Error(result.reason);
    // BOLT sells WIDGET at 2.2 EUR: 10 × 2.2 = 22.00.
    expect(result.order).toMatchObject({ supplier: "BOLT", currency: "EUR", revision: 2 });
    expect(result.order.lines.map((l) => [l.unitPrice.toString(), l.lineTotal.toFixed(2)])).toEqual([["2.2", "22.00"]]);
    expect(result.writes.cells).toEqual(
      expect.arrayContaining([
        { sheet: "Purchase Orders", row: 1, col: 2, value: "BOLT" },
        { sheet: "Purchase Orders", row: 1, col: 7, value: "EUR" },
        { sheet: "Purchase Orders", row: 1, col: 8, value: 22 },
        { sheet: "PO Lines", row: 1, col: 4, value: 2.2 },
        { sheet: "PO Lines", row: 1, col: 5, value: 22 },
      ]),
    );
  });

  it("moves the order to another warehouse where every line is orderable", () => {
    const result = edit({ warehouse: "EAST" });
    if (!result.ok) throw new Error(result.reason);
    expect(result.writes.cells).toContainEqual({ sheet: "Purchase Orders", row: 1, col: 3, value: "EAST" });
  });

  it.each([
    ["Shipped", true],
    ["Received", true],
    ["Cancelled", true],
    ["Draft", false],
    ["Submitted", false],
  ] as const)("Confirmed → %s allowed: %s", (status, allowed) => {
    expect(edit({ status }).ok).toBe(allowed);
  });

  it.each([
    [{ supplier: "NOPE" }, 'Supplier "NOPE" is not on the Suppliers sheet.'],
    [
      { warehouse: "WEST" },
      'SKU "WIDGET" cannot be ordered at warehouse "WEST": its purchase status is T (Discontinued), from the district override. Purchase order PO-0007 cannot move there.',
    ],
    [{ addLines: [{ sku: "OLDIE", quantity: 1 }] }, 'SKU "OLDIE" cannot be ordered at warehouse "MAIN": its purchase status is T (Discontinued), from the SKUs sheet.'],
    [{ addLines: [{ sku: "WIDGET", quantity: 1 }] }, 'SKU "WIDGET" is already on purchase order PO-0007: change that line\'s quantity instead.'],
    [{ status: "Confirmed" }, "Purchase order PO-0007 is already Confirmed."],
    [{ status: "Draft" }, "Purchase order PO-0007 is Confirmed; it cannot go back to Draft (Draft → Submitted → Confirmed → Shipped → Partially Received → Received → Closed)."],
    [{ expectedDelivery: dayFromIso("2026-10-01") }, "The expected delivery 2026-10-01 is before the order date 2026-11-02."],
    [{ lineDeliveries: [{ line: 9, expectedDelivery: null }] }, "Purchase order PO-0007 has no line 9."],
    [{}, "Nothing to change on purchase order PO-0007."],
  ] as [OrderEdit, string][])("refuses %j", (change, reason) => {
    expect(edit(change)).toEqual({ ok: false, reason });
  });

  it("refuses a supplier the lines are not linked to", () => {
    const book = shop();
    book.sheet("PO Lines")!.push(["PO-0007", 2, "GADGET", 1, 19.995, 20, 0]);
    expect(edit({ supplier: "BOLT" }, book)).toEqual({
      ok: false,
      reason: 'SKU "GADGET" is not linked to supplier "BOLT" (neither on Supplier Items nor as the SKU\'s Supplier).',
    });
  });

  it("refuses an unknown order", () => {
    expect(editOrder(context(shop()), "PO-9999", { notes: "x" }, TODAY)).toEqual({ ok: false, reason: "There is no purchase order PO-9999 on the Purchase Orders sheet." });
  });
});

describe("closed orders are read-only", () => {
  const withStatus = (status: string) => {
    const book = shop();
    book.sheet("Purchase Orders")![1][4] = status;
    return book;
  };

  it.each(["Received", "Closed", "Cancelled"])("%s: no date, line, supplier or warehouse change", (status) => {
    const result = edit({ expectedDelivery: day("2026-12-21") }, withStatus(status));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(new RegExp(`^Purchase order PO-0007 is ${status}: received, closed and cancelled orders are read-only`));
  });

  it("a Received order can still be Closed, and nothing else", () => {
    expect(edit({ status: "Closed" }, withStatus("Received")).ok).toBe(true);
    expect(edit({ status: "Closed", notes: "done" }, withStatus("Received")).ok).toBe(false);
    expect(edit({ status: "Cancelled" }, withStatus("Shipped"))).toEqual({
      ok: false,
      reason: "Purchase order PO-0007 is Shipped; only Draft, Submitted or Confirmed orders can be cancelled.",
    });
  });

  it("an unknown status word is kept by an edit that does not set the status", () => {
    const book = withStatus("Lost");
    const result = edit({ expectedDelivery: day("2026-12-21") }, book);
    if (!result.ok) throw new Error(result.reason);
    applyWrites(book, result.writes);
    expect(records(book, "Purchase Orders")[0]).toMatchObject({ Status: "Lost", Revision: 2 });
  });

  it("a date change does not need the supplier to still be on the Suppliers sheet", () => {
    const book = shop();
    book.sheet("Purchase Orders")![1][2] = "GONE";
    expect(edit({ expectedDelivery: day("2026-12-21") }, book).ok).toBe(true);
    expect(edit({ addLines: [{ sku: "GADGET", quantity: 1 }] }, book)).toEqual({ ok: false, reason: 'Supplier "GONE" is not on the Suppliers sheet.' });
  });

  it("an order with an unknown status word may be set to any status, which fixes it", () => {
    expect(edit({ status: "Draft" }, withStatus("Lost")).ok).toBe(true);
  });
});

describe("lines whose item became unorderable after ordering", () => {
  it("stay on the order, flagged with the status and its source", () => {
    const book = shop();
    book.sheet("Status Overrides")!.push(["WIDGET", "MAIN", null, null, "P"]);
    const { model } = context(book);
    const po = model.orderBook.byNumber.get("PO-0007")!;
    expect(flaggedLines(model, po).map((f) => [f.line.address, f.message])).toEqual([
      [
        "'PO Lines'!A2",
        'SKU "WIDGET" on PO-0007 can no longer be ordered at warehouse "MAIN": its purchase status is P (Purge), from the warehouse override. The line stays on the order.',
      ],
    ]);
    // Still inbound supply: 10 in week 4.
    expect(model.itemsByKey.get("WIDGET\u0000MAIN")!.scheduled[4]).toBe(10);
    // And the order can still be edited, e.g. its date.
    expect(editOrder(context(book), "PO-0007", { expectedDelivery: day("2026-12-21") }, TODAY).ok).toBe(true);
  });
});

describe("the status chain", () => {
  // ORDERS.md: forwards only along Draft → … → Closed (skipping allowed); Cancelled from Draft, Submitted or Confirmed.
  const ALLOWED: Record<string, string[]> = {
    Draft: ["Submitted", "Confirmed", "Shipped", "Partially Received", "Received", "Closed", "Cancelled"],
    Submitted: ["Confirmed", "Shipped", "Partially Received", "Received", "Closed", "Cancelled"],
    Confirmed: ["Shipped", "Partially Received", "Received", "Closed", "Cancelled"],
    Shipped: ["Partially Received", "Received", "Closed"],
    "Partially Received": ["Received", "Closed"],
    Received: ["Closed"],
    Closed: [],
    Cancelled: [],
  };
  it.each(Object.entries(ALLOWED))("from %s the only moves are %j", (from, targets) => {
    const allowed = PO_STATUSES.filter((to) => moveRefusal("PO-1", from as (typeof PO_STATUSES)[number], to) === undefined);
    expect(allowed).toEqual(targets);
  });
});

describe("changing a line's quantity", () => {
  it("re-totals the line and the order, writing only what changes", () => {
    const book = shop();
    const result = edit({ lineQuantities: [{ line: 1, quantity: 12 }] }, book);
    if (!result.ok) throw new Error(result.reason);
    // 12 × 2.50 = 30.00 on the line and the order; Revision 1 → 2; the unit price stays.
    expect(byColumn(result.writes.cells)).toEqual([
      { sheet: "PO Lines", row: 1, col: 3, value: 12 },
      { sheet: "PO Lines", row: 1, col: 5, value: 30 },
      { sheet: "Purchase Orders", row: 1, col: 8, value: 30 },
      { sheet: "Purchase Orders", row: 1, col: 10, value: 2 },
    ]);
    applyWrites(book, result.writes);
    // Due 2026-12-14, week 4: the plan now expects 12.
    expect(context(book).model.itemsByKey.get("WIDGET\u0000MAIN")!.scheduled[4]).toBe(12);
  });

  it("refuses 0, an unknown line, and less than the line has received", () => {
    expect(edit({ lineQuantities: [{ line: 1, quantity: 0 }] })).toEqual({ ok: false, reason: 'The quantity for SKU "WIDGET" is 0; an order needs more than 0.' });
    expect(edit({ lineQuantities: [{ line: 2, quantity: 5 }] })).toEqual({ ok: false, reason: "Purchase order PO-0007 has no line 2." });
    const book = shop();
    book.sheet("PO Lines")![1][6] = 4;
    expect(edit({ lineQuantities: [{ line: 1, quantity: 3 }] }, book)).toEqual({
      ok: false,
      reason: "Line 1 of PO-0007 has received 4 already: its quantity cannot go below that.",
    });
  });
});
