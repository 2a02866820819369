import { createOrder } from "../../../src/core/orders/create";
import { editOrder } from "../../../src/core/orders/edit";
import type { HttpRequest } from "../../../src/core/orders/sync";
import { commitEdit, commitNewOrder, type Integration, type OrderStore } from "../../../src/core/orders/workflow";
import type { MemoryWorkbook } from "../../../src/workbook/memory";
import { TODAY } from "../../helpers";
import { applyWrites, context, records, shop } from "./fixture";

const memoryStore = (book: MemoryWorkbook): OrderStore => ({ read: async () => book.input(), apply: async (writes) => book.apply(writes), settle: async () => undefined });

const URL = "https://erp.example.com/po";

function integration(requests: HttpRequest[], fail = false): Integration {
  return {
    endpoint: { url: URL, key: "k" },
    transport: async (request) => {
      requests.push(request);
      if (fail) throw new Error("could not reach erp.example.com (ENOTFOUND)");
      return { status: 201, body: JSON.stringify({ id: `ERP-${requests.length}` }), truncated: false };
    },
    sign: async () => "00",
    now: () => new Date("2026-11-23T09:00:00Z"),
    sleep: async () => undefined,
    attempts: 2,
  };
}

describe("committing an order", () => {
  it("settles a taken number before anything is sent", async () => {
    const book = shop({}, { "Integration URL": URL });
    const ctx = context(book);
    const first = createOrder(ctx, { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    const second = createOrder(ctx, { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 2 }] }, TODAY);
    if (!first.ok || !second.ok) throw new Error("refused");
    applyWrites(book, first.writes); // another buyer's add-in wrote PO-0008 a moment earlier
    const requests: HttpRequest[] = [];
    const { order, outcome } = await commitNewOrder(memoryStore(book), second, { settings: ctx.model.settings, integration: integration(requests) });
    expect(order.number).toBe("PO-0009");
    expect(requests.map((r) => r.headers["Idempotency-Key"])).toEqual(["PO-0009:1"]);
    expect(JSON.parse(requests[0].body).poNumber).toBe("PO-0009");
    expect(outcome?.syncStatus).toBe("sent");
    expect(records(book, "Purchase Orders").map((r) => [r["PO Number"], r["External ID"], r["Sync Status"]])).toEqual([
      ["PO-0007", "", ""],
      ["PO-0008", "", "pending"],
      ["PO-0009", "ERP-1", "sent"],
    ]);
  });

  it("keeps the order, marked failed, when the system cannot be reached", async () => {
    const book = shop({}, { "Integration URL": URL });
    const ctx = context(book);
    const accepted = createOrder(ctx, { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    if (!accepted.ok) throw new Error(accepted.reason);
    const { outcome } = await commitNewOrder(memoryStore(book), accepted, { settings: ctx.model.settings, integration: integration([], true) });
    expect(outcome?.sent).toBe(false);
    expect(records(book, "Purchase Orders")[1]).toMatchObject({
      "PO Number": "PO-0008",
      Status: "Submitted",
      "Sync Status": "failed: could not reach erp.example.com (ENOTFOUND) (after 2 tries)",
    });
    expect(records(book, "PO Lines").map((r) => r["PO Number"])).toEqual(["PO-0007", "PO-0008"]);
  });

  it("sends an edit with its new revision", async () => {
    const book = shop({}, { "Integration URL": URL });
    const ctx = context(book);
    const accepted = editOrder(ctx, "PO-0007", { status: "Shipped" }, TODAY);
    if (!accepted.ok) throw new Error(accepted.reason);
    const requests: HttpRequest[] = [];
    await commitEdit(memoryStore(book), accepted, { settings: ctx.model.settings, integration: integration(requests) });
    expect(requests.map((r) => r.headers["Idempotency-Key"])).toEqual(["PO-0007:2"]);
    expect(records(book, "Purchase Orders")[0]).toMatchObject({ Status: "Shipped", Revision: 2, "External ID": "ERP-1", "Sync Status": "sent" });
  });

  it("without an integration writes the order and sends nothing", async () => {
    const book = shop();
    const ctx = context(book);
    const accepted = createOrder(ctx, { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    if (!accepted.ok) throw new Error(accepted.reason);
    const requests: HttpRequest[] = [];
    const { outcome } = await commitNewOrder(memoryStore(book), accepted, { settings: ctx.model.settings, integration: integration(requests) });
    expect(outcome).toBeUndefined();
    expect(requests).toEqual([]);
    expect(records(book, "Purchase Orders")[1]).toMatchObject({ "PO Number": "PO-0008", Status: "Draft", "Sync Status": "" });
  });
});
