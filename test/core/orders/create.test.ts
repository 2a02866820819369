import { dayFromIso } from "../../../src/core/dates";
import { readModel } from "../../../src/core/model";
import { createFromWeekLine, createOrder } from "../../../src/core/orders/create";
import { planItem } from "../../../src/core/plan";
import { TODAY } from "../../helpers";
import { applyWrites, context, records, shop } from "./fixture";

const day = (iso: string) => dayFromIso(iso)!;
// Excel serials (1900 system): 2026-11-23 = 46349, 2026-12-07 = 46363, 2026-12-14 = 46370.

describe("creating an order from a week line", () => {
  const book = shop();
  const result = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 2 }, TODAY);

  it("orders the week's Order Qty from the preferred supplier at its price, numbered after the highest PO", () => {
    if (!result.ok) throw new Error(result.reason);
    // Order Qty = the planner's override 35; price 2.5 (Unit Cost, ACME has no Supplier Items price) → 87.50.
    // Arrival week = 2 + ceil(14 / 7) = 4, which starts 2026-12-14.
    expect(result.order).toMatchObject({ number: "PO-0008", supplier: "ACME", warehouse: "MAIN", status: "Draft", currency: "USD", revision: 1 });
    expect(result.order.total.toFixed(2)).toBe("87.50");
    expect(result.writes.append).toEqual([
      {
        sheet: "Purchase Orders",
        col: 0,
        values: ["PO-0008", "Purchase Order", "ACME", "MAIN", "Draft", 46349, 46370, "USD", 87.5, "", 1, "", "", ""],
      },
      { sheet: "PO Lines", col: 0, values: ["PO-0008", 1, "WIDGET", 35, 2.5, 87.5, 0, null] },
    ]);
  });

  it("clears that week's override row and no other", () => {
    if (!result.ok) throw new Error(result.reason);
    expect(result.writes.cells).toEqual([0, 1, 2, 3].map((col) => ({ sheet: "Order Overrides", row: 1, col, value: null })));
  });

  it("turns the recommendation into a scheduled receipt once written", () => {
    if (!result.ok) throw new Error(result.reason);
    applyWrites(book, result.writes);
    const after = context(book).model;
    // The fixture's own SKUs problems (NOPRICE, MYSTERY) stay; nothing new on the order or override sheets.
    expect(after.problems.filter((p) => p.sheet !== "SKUs")).toEqual([]);
    const widget = after.itemsByKey.get("WIDGET\u0000MAIN")!;
    expect(Number.isNaN(widget.overrides[2])).toBe(true);
    // Week 4 receives PO-0007's 10 and the new 35.
    expect(widget.scheduled[4]).toBe(45);
    expect(after.itemsByKey.get("WIDGET\u0000EAST")!.overrides[2]).toBe(12);
  });
});

// Issue 10: creating blanked the whole Order Overrides row, a planner's own columns too.
describe("New Order on a week line whose override row holds a planner's note", () => {
  const book = shop();
  const overrides = book.sheet("Order Overrides")!;
  overrides[0].push("Why", "");
  overrides[1].push("promo week", "");
  overrides[2].push("", "call Bob"); // a cell under no header is the planner's too
  book.append("Order Overrides", [["WIDGET", "MAIN", "2026-11-30", 40]]); // a later row of the same week
  const result = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 2 }, TODAY);

  it("clears only the Quantity cell of a row that holds more, and the whole of a row that holds nothing else", () => {
    if (!result.ok) throw new Error(result.reason);
    expect(result.writes.cells).toEqual([
      { sheet: "Order Overrides", row: 1, col: 3, value: null },
      ...[0, 1, 2, 3, 4].map((col) => ({ sheet: "Order Overrides", row: 3, col, value: null })),
    ]);
    applyWrites(book, result.writes);
    expect(book.sheet("Order Overrides")![1]).toEqual(["WIDGET", "MAIN", "2026-11-30", null, "promo week", ""]);
    expect(book.sheet("Order Overrides")![2]).toEqual(["WIDGET", "EAST", "2026-11-30", 12, "", "call Bob"]);
    expect(Number.isNaN(context(book).model.itemsByKey.get("WIDGET\u0000MAIN")!.overrides[2])).toBe(true);
  });
});

describe("New Order on a week line with no override", () => {
  it("orders the recommendation, which then disappears from the plan", () => {
    // WIDGET@MAIN: on hand 0, demand 10 a week, SS 0, ACME lead 14 days → L = 2, MOQ 0, multiple 1.
    // Weeks 1–2: −10, −20. a = 3, o = 1: base −30 → rec[1] = 30, proj 0.
    const book = shop();
    const ctx = context(book);
    const before = planItem(ctx.model.itemsByKey.get("WIDGET\u0000MAIN")!, ctx.model.settings);
    expect([before.recommended[1], before.projected[3]]).toEqual([30, 0]);
    const result = createFromWeekLine(ctx, { sku: "WIDGET", warehouse: "MAIN", week: 1 }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    // 30 × 2.50 = 75.00, due Monday of week 3 (2026-12-07); week 1 had no override to clear.
    expect([result.order.lines[0].quantity, result.order.total.toFixed(2), result.order.expectedDelivery]).toEqual([30, "75.00", day("2026-12-07")]);
    expect(result.writes.cells).toEqual([]);
    applyWrites(book, result.writes);
    const after = context(book).model;
    const plan = planItem(after.itemsByKey.get("WIDGET\u0000MAIN")!, after.settings);
    // Now a scheduled receipt of 30 in week 3: base −20 + 30 − 10 = 0, need 0 → nothing to recommend.
    expect([plan.item.scheduled[3], plan.recommended[1], plan.projected[3]]).toEqual([30, 0, 0]);
  });
});

describe("the week line's default expected delivery", () => {
  it("is the arrival week's Monday, or today when that Monday has passed", () => {
    const book = shop();
    book.sheet("Suppliers")![1][2] = 0; // ACME lead 0 days: week 2's order (override 35) arrives in week 2, Monday 2026-11-30
    const ahead = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 2 }, TODAY);
    if (!ahead.ok) throw new Error(ahead.reason);
    expect(ahead.order.expectedDelivery).toBe(day("2026-11-30"));
    const wednesday = day("2026-12-02");
    const late = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 2 }, wednesday);
    if (!late.ok) throw new Error(late.reason);
    expect([late.order.orderDate, late.order.expectedDelivery]).toEqual([wednesday, wednesday]);
  });
});

describe("a buyer's order with several lines of one supplier", () => {
  it("prices each line to the cent, half away from zero, and totals them", () => {
    const result = createOrder(
      context(shop()),
      {
        supplier: "ACME",
        warehouse: "MAIN",
        lines: [
          { sku: "WIDGET", quantity: 100 },
          { sku: "GADGET", quantity: 3 },
        ],
      },
      TODAY,
    );
    if (!result.ok) throw new Error(result.reason);
    // 100 × 2.5 = 250.00; GADGET is D (Dropped): a buyer may order it by hand; 3 × 19.995 = 59.985 → 59.99.
    expect(result.order.lines.map((l) => [l.line, l.sku, l.lineTotal.toFixed(2)])).toEqual([
      [1, "WIDGET", "250.00"],
      [2, "GADGET", "59.99"],
    ]);
    expect(result.order.total.toFixed(2)).toBe("309.99");
    // Lead 14 days from week 1 → week 3, starting 2026-12-07.
    expect(result.order.expectedDelivery).toBe(day("2026-12-07"));
  });

  it("takes the chosen supplier's price, currency and lead time", () => {
    const result = createOrder(context(shop()), { supplier: "BOLT", lines: [{ sku: "WIDGET", quantity: 10 }] }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    // Blank warehouse = Default Warehouse MAIN; 10 × 2.2 = 22.00 EUR; lead 21 days → week 4 (2026-12-14).
    expect(result.order).toMatchObject({ warehouse: "MAIN", currency: "EUR", expectedDelivery: day("2026-12-14") });
    expect(result.order.total.toFixed(2)).toBe("22.00");
  });

  it("defaults the delivery to the Monday the lead time reaches, never before today", () => {
    const wednesday = day("2026-11-25");
    const book = shop();
    book.sheet("Suppliers")![1][2] = 0; // ACME lead time 0 days
    const now = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, wednesday);
    if (!now.ok) throw new Error(now.reason);
    expect(now.order.expectedDelivery).toBe(wednesday); // Monday 2026-11-23 has passed
    const bolt = createOrder(context(shop()), { supplier: "BOLT", lines: [{ sku: "WIDGET", quantity: 1 }] }, wednesday);
    if (!bolt.ok) throw new Error(bolt.reason);
    // 21 days = 3 weeks after the week of 2026-11-23: Monday 2026-12-14.
    expect(bolt.order.expectedDelivery).toBe(day("2026-12-14"));
  });

  it("is Submitted, pending sync, when the workbook has an Integration URL", () => {
    const result = createOrder(context(shop({}, { "Integration URL": "https://erp.example.com/po" })), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    expect(result.order).toMatchObject({ status: "Submitted", syncStatus: "pending" });
  });

  it("numbers with the workbook's prefix, at least four digits, after the highest used on either sheet", () => {
    const book = shop({}, { "PO Prefix": "NY-" });
    book.append("Purchase Orders", [
      ["NY-0041", "Purchase Order", "ACME", "MAIN", "Closed"],
      ["NY-XYZ", "Purchase Order", "ACME", "MAIN", "Closed"],
    ]);
    book.append("PO Lines", [
      ["NY-0041", 1, "WIDGET", 1, 1],
      ["NY-0099", 1, "WIDGET", 1, 1],
    ]);
    const result = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    // NY-0099 is only on PO Lines (an orphan line): still a used number. PO-0007 has another prefix.
    expect(result.order.number).toBe("NY-0100");
  });
});

describe("refusals name the SKU, its status and source, and write nothing", () => {
  const ctx = context(shop());
  const refusal = (request: Parameters<typeof createOrder>[1]) => {
    const result = createOrder(ctx, request, TODAY);
    expect(result).not.toHaveProperty("writes");
    return result.ok ? "accepted" : result.reason;
  };

  it.each([
    [
      { supplier: "ACME", warehouse: "MAIN", lines: [{ sku: "OLDIE", quantity: 5 }] },
      'SKU "OLDIE" cannot be ordered at warehouse "MAIN": its purchase status is T (Discontinued), from the SKUs sheet.',
    ],
    [
      { supplier: "ACME", warehouse: "WEST", lines: [{ sku: "WIDGET", quantity: 5 }] },
      'SKU "WIDGET" cannot be ordered at warehouse "WEST": its purchase status is T (Discontinued), from the district override.',
    ],
    [
      { supplier: "ACME", warehouse: "MAIN", lines: [{ sku: "MYSTERY", quantity: 5 }] },
      'SKU "MYSTERY" cannot be ordered at warehouse "MAIN": its purchase status is ZZ (an unknown code), from the SKUs sheet.',
    ],
    [
      { supplier: "ACME", lines: [{ sku: "NOPRICE", quantity: 5 }] },
      'SKU "NOPRICE" has no unit price from supplier "ACME" (no Unit Price on Supplier Items, no Unit Cost on SKUs).',
    ],
    [{ supplier: "BOLT", lines: [{ sku: "GADGET", quantity: 5 }] }, 'SKU "GADGET" is not linked to supplier "BOLT" (neither on Supplier Items nor as the SKU\'s Supplier).'],
    [{ supplier: "NOPE", lines: [{ sku: "WIDGET", quantity: 5 }] }, 'Supplier "NOPE" is not on the Suppliers sheet.'],
    [{ supplier: "ACME", warehouse: "NORTHPOLE", lines: [{ sku: "WIDGET", quantity: 5 }] }, 'Warehouse "NORTHPOLE" is not on the Warehouses sheet.'],
    [{ supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 0 }] }, 'The quantity for SKU "WIDGET" is 0; an order needs more than 0.'],
    [{ supplier: "ACME", lines: [{ sku: "WIDGET", quantity: -3 }] }, 'The quantity for SKU "WIDGET" is -3; an order needs more than 0.'],
    [
      {
        supplier: "ACME",
        lines: [
          { sku: "WIDGET", quantity: 1 },
          { sku: "WIDGET", quantity: 2 },
        ],
      },
      'SKU "WIDGET" is on this order twice: give it one line with the whole quantity.',
    ],
    [{ supplier: "ACME", lines: [] }, "An order needs at least one line."],
    [
      { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }], expectedDelivery: dayFromIso("2026-11-20") },
      "The expected delivery is before today's order date; choose a later date.",
    ],
  ])("%j", (request, reason) => {
    expect(refusal(request)).toBe(reason);
  });

  it("without a Warehouses sheet, a warehouse is known by the SKUs held there", () => {
    const book = shop();
    book.sheets.delete("Warehouses");
    const ctx = context(book);
    expect(createOrder(ctx, { supplier: "ACME", warehouse: "EAST", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY).ok).toBe(true);
    expect(createOrder(ctx, { supplier: "ACME", warehouse: "NORTHPOLE", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY)).toEqual({
      ok: false,
      reason: 'Warehouse "NORTHPOLE" is unknown: no SKU is held there on the SKUs sheet (and the workbook has no Warehouses sheet).',
    });
  });

  it("a custom code says its type", () => {
    const book = shop({
      "Purchase Statuses": [
        ["Code", "Type", "Description"],
        ["XD", "T", "Vendor gone"],
      ],
    });
    book.sheet("SKUs")!.push(["CUSTOM", "Custom", "MAIN", "ACME", 0, 1, 0, "XD"]);
    const result = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "CUSTOM", quantity: 1 }] }, TODAY);
    expect(result).toEqual({ ok: false, reason: 'SKU "CUSTOM" cannot be ordered at warehouse "MAIN": its purchase status is XD (type T, Discontinued), from the SKUs sheet.' });
  });

  it("refuses a week line whose Order Qty is 0 (the planner said do not order)", () => {
    const book = shop();
    book.sheet("Order Overrides")!.push(["WIDGET", "MAIN", "2026-12-07", 0]);
    const result = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 3 }, TODAY);
    expect(result).toEqual({ ok: false, reason: 'The quantity for SKU "WIDGET" is 0; an order needs more than 0.' });
  });

  it("refuses a workbook without the PO sheets, and changes nothing", () => {
    const book = shop();
    book.sheets.delete("Purchase Orders");
    book.sheets.delete("PO Lines");
    const before = JSON.stringify([...book.sheets]);
    const result = createFromWeekLine(context(book), { sku: "WIDGET", warehouse: "MAIN", week: 2 }, TODAY);
    expect(result).toEqual({ ok: false, reason: "The workbook has no Purchase Orders and PO Lines sheets: create them first (the add-in offers to), then the order." });
    expect(JSON.stringify([...book.sheets])).toBe(before);
  });

  it("refuses when a column the readers need is missing", () => {
    const book = shop({ "PO Lines": [["PO Number", "Line", "Qty"]] });
    const result = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    expect(result).toEqual({ ok: false, reason: 'The order cannot be written: the workbook lacks the columns PO Lines "SKU", PO Lines "Quantity".' });
  });

  it("writes under the sheet's own column order and leaves unknown columns blank", () => {
    const book = shop({
      "PO Lines": [["Comment", "SKU", "PO Number", "Quantity", "Line", "Unit Price", "Line Total"]],
    });
    const result = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 4 }] }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    // 4 × 2.5 = 10.00
    expect(result.writes.append[1].values).toEqual([null, "WIDGET", "PO-0008", 4, 1, 2.5, 10]);
    applyWrites(book, result.writes);
    expect(records(book, "PO Lines")).toEqual([{ Comment: null, SKU: "WIDGET", "PO Number": "PO-0008", Quantity: 4, Line: 1, "Unit Price": 2.5, "Line Total": 10 }]);
    expect(readModel(book.input(), { today: TODAY }).ok).toBe(true);
  });
});
