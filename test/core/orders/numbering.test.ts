import { createOrder } from "../../../src/core/orders/create";
import { nextNumber } from "../../../src/core/orders/numbering";
import { commitNewOrder, type OrderStore } from "../../../src/core/orders/workflow";
import type { MemoryWorkbook } from "../../../src/workbook/memory";
import { TODAY } from "../../helpers";
import { context, records, shop } from "./fixture";

describe("PO numbers", () => {
  it.each([
    [[], "PO-", "PO-0001"],
    [["PO-0009"], "PO-", "PO-0010"],
    [["PO-9999"], "PO-", "PO-10000"],
    [["PO-0009", "PO-12345", "PO-x", "XX-99999", "po-50000"], "PO-", "PO-12346"],
    [["2026/0003", "PO-0100"], "2026/", "2026/0004"],
    [["0041", "PO-0100"], "", "0042"],
  ])("after %j with prefix %j comes %s", (numbers, prefix, next) => {
    expect(nextNumber(numbers, prefix)).toBe(next);
  });
});

/** One buyer's add-in on the shared workbook. */
function store(book: MemoryWorkbook): OrderStore {
  return { read: async () => book.input(), apply: async (writes) => book.apply(writes), settle: async () => undefined };
}

describe("co-authoring: buyers creating orders from the same workbook state", () => {
  it("end with different numbers and nothing lost", async () => {
    const shared = shop();
    // Each buyer reads the same state (highest PO-0007) and prepares an order: both get PO-0008.
    const ann = createOrder(context(shared), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 40 }] }, TODAY);
    const ben = createOrder(
      context(shared),
      {
        supplier: "ACME",
        lines: [
          { sku: "WIDGET", quantity: 5 },
          { sku: "GADGET", quantity: 2 },
        ],
      },
      TODAY,
    );
    const cid = createOrder(context(shared), { supplier: "BOLT", lines: [{ sku: "WIDGET", quantity: 7 }] }, TODAY);
    if (!ann.ok || !ben.ok || !cid.ok) throw new Error("refused");
    expect([ann.order.number, ben.order.number, cid.order.number]).toEqual(["PO-0008", "PO-0008", "PO-0008"]);

    // The three add-ins write at once and read back before sharing: the first writer keeps the number, the others move after the highest.
    const { settings } = context(shared).model;
    const done = await Promise.all([ann, ben, cid].map((accepted) => commitNewOrder(store(shared), accepted, { settings })));
    expect(done.map((d) => d.order.number)).toEqual(["PO-0008", "PO-0009", "PO-0010"]);

    expect(records(shared, "Purchase Orders").map((r) => [r["PO Number"], r.Supplier, r.Total])).toEqual([
      ["PO-0007", "ACME", 25],
      ["PO-0008", "ACME", 100], // 40 × 2.5
      ["PO-0009", "ACME", 52.49], // 5 × 2.5 + 2 × 19.995 = 12.50 + 39.99
      ["PO-0010", "BOLT", 15.4], // 7 × 2.2
    ]);
    expect(records(shared, "PO Lines").map((r) => [r["PO Number"], r.Line, r.SKU, r.Quantity])).toEqual([
      ["PO-0007", 1, "WIDGET", 10],
      ["PO-0008", 1, "WIDGET", 40],
      ["PO-0009", 1, "WIDGET", 5],
      ["PO-0009", 2, "GADGET", 2],
      ["PO-0010", 1, "WIDGET", 7],
    ]);
    const after = context(shared).model;
    expect(after.problems.filter((p) => p.sheet !== "SKUs")).toEqual([]);
    expect(after.orderBook.orders.map((o) => [o.number, o.lines.length])).toEqual([
      ["PO-0007", 1],
      ["PO-0008", 1],
      ["PO-0009", 2],
      ["PO-0010", 1],
    ]);
  });

  it("keeps the number when nobody else took it", async () => {
    const book = shop();
    const result = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    expect((await commitNewOrder(store(book), result, { settings: context(book).model.settings })).order.number).toBe("PO-0008");
  });
});
