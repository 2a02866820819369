import { dayFromIso } from "../../../src/core/dates";
import { followUpList, isOverdue, orderActions, totalsPerCurrency } from "../../../src/core/orders/followUp";
import { orderNowList, totalsBySupplier } from "../../../src/core/orders/orderNowList";
import type { OrderNowLine } from "../../../src/core/plan";
import { Money } from "../../../src/core/money";
import { planned, TODAY } from "../../helpers";
import { buyersShop, context, followUpShop } from "./fixture";

const day = (iso: string) => dayFromIso(iso)!;

const numbers = (orders: { number: string }[]) => orders.map((o) => o.number);

describe("following up orders", () => {
  const model = context(followUpShop()).model;
  const orders = model.orderBook.orders;

  it("flags open orders with a line still to come that was due before today", () => {
    expect(numbers(orders.filter((po) => isOverdue(po, TODAY)))).toEqual(["PO-0010", "PO-0014"]);
    // A week later, PO-0011's line 2 (due 2026-12-01) is late too; PO-0007 (2026-12-14) is not.
    expect(numbers(orders.filter((po) => isOverdue(po, day("2026-12-02"))))).toEqual(["PO-0010", "PO-0011", "PO-0014"]);
  });

  it("shows overdue orders first, then by delivery (no date last); filters by supplier, warehouse, status and PO or SKU", () => {
    expect(numbers(followUpList(orders, {}, "overdue", TODAY))).toEqual(["PO-0010", "PO-0014", "PO-0011", "PO-0007", "PO-0013"]);
    expect(numbers(followUpList(orders, {}, "delivery", TODAY))).toEqual(["PO-0010", "PO-0011", "PO-0014", "PO-0007", "PO-0013"]);
    expect(numbers(followUpList(orders, { status: "all" }, "number", TODAY))).toEqual(["PO-0007", "PO-0010", "PO-0011", "PO-0012", "PO-0013", "PO-0014"]);
    expect(numbers(followUpList(orders, { supplier: "BOLT" }, "overdue", TODAY))).toEqual(["PO-0014"]);
    expect(numbers(followUpList(orders, { warehouse: "EAST" }, "overdue", TODAY))).toEqual(["PO-0011"]);
    expect(numbers(followUpList(orders, { status: "Received" }, "overdue", TODAY))).toEqual(["PO-0012"]);
    expect(numbers(followUpList(orders, { search: "gad" }, "overdue", TODAY))).toEqual(["PO-0013"]);
    expect(numbers(followUpList(orders, { search: " po-001 " }, "number", TODAY))).toEqual(["PO-0010", "PO-0011", "PO-0013", "PO-0014"]);
  });

  it("totals the filtered orders per currency, never across currencies", () => {
    // Open USD: 25.00 + 25.00 + (12.50 + 25.00) + 20.00 = 107.50 in 4 orders; EUR: 6.60 in 1.
    const totals = totalsPerCurrency(followUpList(orders, {}, "overdue", TODAY), model);
    expect(totals.map((t) => [t.currency, t.orders, t.total.toFixed(2)])).toEqual([
      ["EUR", 1, "6.60"],
      ["USD", 4, "107.50"],
    ]);
  });

  it("offers each order's actions as its status allows, saying why one is not", () => {
    const of = (number: string, m = model, stored?: { url: string; key: string }) =>
      orderActions(m.orderBook.byNumber.get(number)!, m, stored).map((a) => [a.action, a.enabled ? "yes" : a.reason]);
    expect(of("PO-0012")).toEqual([
      ["edit", "yes"],
      ["receive", "PO-0012 is Received: it takes no more receipts."],
      ["share", "yes"],
      ["send", "PO-0012 is Received: read-only, nothing more to send."],
      ["cancel", "Purchase order PO-0012 is Received; only Draft, Submitted or Confirmed orders can be cancelled."],
    ]);
    expect(of("PO-0007")).toEqual([
      ["edit", "yes"],
      ["receive", "yes"],
      ["share", "yes"],
      ["send", "The workbook has no Integration URL (Settings sheet), so there is nowhere to send the order."],
      ["cancel", "yes"],
    ]);
    const integrated = context(followUpShop({ "Integration URL": "https://erp.example.com/po" })).model;
    expect(of("PO-0007", integrated)[3]).toEqual(["send", "No integration is set up on this machine: store its URL and key in Settings."]);
    expect(of("PO-0007", integrated, { url: "https://erp.example.com/po", key: "k" })[3]).toEqual(["send", "yes"]);
    expect(of("PO-0007", integrated, { url: "https://other.example.com/po", key: "k" })[3][1]).toMatch(/^This workbook asks for orders to go to https:\/\/erp.example.com\/po/);
  });
});

describe("the Order-now list of Home", () => {
  // buyersShop's lines in the plan's order: all short in week 1, so by value.
  const lines = planned(buyersShop().input()).orderNow();
  const keys = (list: OrderNowLine[]) => list.map((l) => `${l.sku}@${l.warehouse}`);

  it("filters by supplier and warehouse, and sorts by supplier keeping urgency within", () => {
    expect(keys(orderNowList(lines, {}, "urgency"))).toEqual(["A2@MAIN", "A1@MAIN", "A1@EAST", "B1@MAIN", "B1@EAST", "G1@MAIN", "A3@MAIN", "N1@MAIN"]);
    expect(keys(orderNowList(lines, { warehouse: "EAST" }, "urgency"))).toEqual(["A1@EAST", "B1@EAST"]);
    expect(keys(orderNowList(lines, { supplier: "BOLT" }, "urgency"))).toEqual(["B1@MAIN", "B1@EAST"]);
    expect(keys(orderNowList(lines, {}, "supplier"))).toEqual(["A2@MAIN", "A1@MAIN", "A1@EAST", "A3@MAIN", "N1@MAIN", "B1@MAIN", "B1@EAST", "G1@MAIN"]);
  });

  it("sorts by value, largest first, where urgency would put a later shortage below", () => {
    const line = (sku: string, value: number, shortWeek: number | null) => ({ ...lines[0], sku, value: new Money(value), shortWeek });
    // In the plan's order: short in week 1 first (small value), then week 3, then never.
    const urgent = [line("X", 5, 1), line("Y", 50, 3), line("Z", 500, null)];
    expect(orderNowList(urgent, {}, "value").map((l) => l.sku)).toEqual(["Z", "Y", "X"]);
    expect(orderNowList(urgent, {}, "urgency").map((l) => l.sku)).toEqual(["X", "Y", "Z"]);
  });

  it("totals per supplier and currency", () => {
    // ACME: 799.80 + 750.00 + 412.50 + 0.38 + 0.00 = 1962.68 USD; BOLT: 55.00 + 11.00 = 66.00 EUR; GHOST: 10.00 USD.
    expect(totalsBySupplier(lines).map((t) => [t.supplier, t.currency, t.lines, t.total.toFixed(2)])).toEqual([
      ["ACME", "USD", 5, "1962.68"],
      ["BOLT", "EUR", 2, "66.00"],
      ["GHOST", "USD", 1, "10.00"],
    ]);
  });
});
