import { MemoryWorkbook } from "../../../src/workbook/memory";
import { createFromWeekLine } from "../../../src/core/orders/create";
import { TODAY } from "../../helpers";
import { context, shop } from "./fixture";

describe("reading Purchase Orders and PO Lines", () => {
  const book = shop({
    "Purchase Orders": [
      ["PO Number", "Supplier", "Warehouse", "Status", "Order Date", "Expected Delivery"],
      ["PO-0001", "ACME", null, "received", "2026-11-02", "2026-12-14"],
      ["PO-0002", "ACME", "MAIN", "Confirmed", "2026-11-02", "2026-12-14"],
      ["PO-0002", "BOLT", "MAIN", "Draft", "2026-11-02", "2026-12-14"],
      ["PO-0003", "ACME", "MAIN", "Shipped", "2026-11-02", "2026-12-14"],
      ["PO-0004", "ACME", "MAIN", "On the boat", "2026-11-02", "2026-12-14"],
    ],
    "PO Lines": [
      ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Received Qty"],
      ["PO-0001", 1, "WIDGET", 10, 2.5, 10],
      ["PO-0002", 1, "WIDGET", 10, 2.5, 12],
      ["PO-0002", 1, "GADGET", 5, 19.995, 0],
      ["PO-0004", 1, "WIDGET", -4, 2.5, 0],
      ["PO-0009", 1, "WIDGET", 7, 2.5, 0],
    ],
  });
  const { model } = context(book);
  const problems = model.problems.filter((p) => p.sheet !== "SKUs").map((p) => `${p.address}: ${p.message}`);

  it("reports each broken row with its address", () => {
    expect(problems).toEqual([
      "'Purchase Orders'!A4: Purchase order PO-0002 is given twice; the first row stands.",
      `'Purchase Orders'!D6: Purchase order PO-0004 has the unknown status "On the boat"; it counts as open. Use one of Draft, Submitted, Confirmed, Shipped, Partially Received, Received, Closed, Cancelled.`,
      "'PO Lines'!F3: Received Qty 12 is more than the ordered 10 on PO-0002.",
      "'PO Lines'!B4: Purchase order PO-0002 already has a line 1; this row was not used.",
      "'PO Lines'!D5: Quantity -4 on PO-0004 is negative; the line brings nothing.",
      "'PO Lines'!A6: This line's purchase order PO-0009 is not on the Purchase Orders sheet, so the line was not used.",
      "'Purchase Orders'!A5: Purchase order PO-0003 has no lines on the PO Lines sheet.",
    ]);
  });

  it("reads a blank warehouse as the default one, status words in any case, unknown ones as open", () => {
    const po1 = model.orderBook.byNumber.get("PO-0001")!;
    expect([po1.warehouse, po1.status]).toEqual(["MAIN", "Received"]);
    expect(model.orderBook.byNumber.get("PO-0004")!.status).toBeNull();
    // Open inbound at MAIN in week 4 (2026-12-14): PO-0002 0 outstanding (12 received of 10), PO-0004 brings nothing.
    expect(model.itemsByKey.get("WIDGET\u0000MAIN")!.scheduled[4]).toBe(0);
  });
});

describe("writing in a 1904 workbook", () => {
  it("writes dates as 1904 serials", () => {
    const source = shop();
    const book = new MemoryWorkbook(Object.fromEntries(source.sheets), true);
    const result = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 2 }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    // 1900 serials 46349 (2026-11-23) and 46370 (2026-12-14), less the 1,462 days between the systems.
    expect(result.writes.append[0].values.slice(5, 7)).toEqual([44887, 44908]);
  });
});

describe("clearing the week's override", () => {
  it("blanks every override row of that item and week, not only the one that stands", () => {
    const book = shop();
    book.sheet("Order Overrides")!.push(["WIDGET", "MAIN", "2026-12-02", 50]); // same week 2, later row wins
    const result = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 2 }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    expect(result.order.lines[0].quantity).toBe(50);
    expect([...new Set(result.writes.cells.map((c) => c.row))]).toEqual([1, 3]);
  });
});

describe("orders without their lines", () => {
  const numbers = (book: ReturnType<typeof shop>) =>
    context(book)
      .model.problems.filter((p) => p.sheet !== "SKUs")
      .map((p) => `${p.address}: ${p.message}`);

  it("a workbook with no PO Lines sheet reports each order as having no lines", () => {
    const book = shop();
    book.sheets.delete("PO Lines");
    expect(numbers(book)).toEqual(["'Purchase Orders'!A2: Purchase order PO-0007 has no lines: the workbook has no PO Lines sheet."]);
  });

  it("a PO Lines sheet without its SKU column is one problem, not one per order", () => {
    const book = shop({
      "PO Lines": [
        ["PO Number", "Line", "Quantity"],
        ["PO-0007", 1, 10],
      ],
    });
    expect(numbers(book)).toEqual(["'PO Lines'!A1: The PO Lines sheet has no column \"SKU\" in its header row, so it was not read."]);
  });
});
