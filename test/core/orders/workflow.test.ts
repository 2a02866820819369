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

describe("where a committed order goes", () => {
  it("sends nothing when the workbook names another endpoint than the stored one, and leaves the order pending", async () => {
    const book = shop({}, { "Integration URL": "https://attacker.example/orders" });
    const ctx = context(book);
    const accepted = createOrder(ctx, { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    if (!accepted.ok) throw new Error(accepted.reason);
    const requests: HttpRequest[] = [];
    const done = await commitNewOrder(memoryStore(book), accepted, { settings: ctx.model.settings, integration: integration(requests) });
    expect(requests).toEqual([]);
    expect(done.outcome).toBeUndefined();
    expect(done.notSent).toMatchObject({ kind: "mismatch", workbookUrl: "https://attacker.example/orders", storedUrl: URL });
    expect(records(book, "Purchase Orders")[1]).toMatchObject({ "PO Number": "PO-0008", Status: "Submitted", "Sync Status": "pending" });
  });

  it("without a stored endpoint marks the order pending and says so", async () => {
    const book = shop({}, { "Integration URL": URL });
    const ctx = context(book);
    const accepted = createOrder(ctx, { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 1 }] }, TODAY);
    if (!accepted.ok) throw new Error(accepted.reason);
    const done = await commitNewOrder(memoryStore(book), accepted, { settings: ctx.model.settings, integration: { ...integration([]), endpoint: undefined } });
    expect(done.notSent).toEqual({ kind: "unsent", reason: "No integration (URL and key) is stored on this machine, so the order was not sent; it is marked pending." });
  });
});

describe("an edit of an order a co-author changed meanwhile", () => {
  it("is refused with nothing written when the Revision moved since it was prepared", async () => {
    const book = shop({}, { "Integration URL": URL });
    const ctx = context(book);
    const accepted = editOrder(ctx, "PO-0007", { notes: "mine" }, TODAY);
    if (!accepted.ok) throw new Error(accepted.reason);
    // A co-author's edit lands first: revision 2.
    const theirs = editOrder(ctx, "PO-0007", { status: "Shipped" }, TODAY);
    if (!theirs.ok) throw new Error(theirs.reason);
    applyWrites(book, theirs.writes);
    const before = JSON.stringify([...book.sheets]);
    const requests: HttpRequest[] = [];
    const done = await commitEdit(memoryStore(book), accepted, { settings: ctx.model.settings, integration: integration(requests) });
    expect(done.refused).toBe("Purchase order PO-0007 was changed meanwhile (it is now revision 2), perhaps by a co-author: look at it again, then save your change.");
    expect(JSON.stringify([...book.sheets])).toBe(before);
    expect(requests).toEqual([]);
  });

  it("that lands while it is saved becomes a revision of its own before anything is sent", async () => {
    const book = shop({}, { "Integration URL": URL });
    const ctx = context(book);
    const accepted = editOrder(ctx, "PO-0007", { notes: "mine" }, TODAY);
    const theirs = editOrder(ctx, "PO-0007", { status: "Shipped" }, TODAY);
    if (!accepted.ok || !theirs.ok) throw new Error("refused");
    let landed = false;
    // The co-author's edit (also revision 2) reaches this copy while the add-in waits for co-authors' changes.
    const store: OrderStore = { ...memoryStore(book), settle: async () => void (landed || ((landed = true), applyWrites(book, theirs.writes))) };
    const requests: HttpRequest[] = [];
    const done = await commitEdit(store, accepted, { settings: ctx.model.settings, integration: integration(requests) });
    // Both edits wrote revision 2; what the workbook holds (notes and status together) is sent as revision 3.
    expect(requests.map((r) => r.headers["Idempotency-Key"])).toEqual(["PO-0007:3"]);
    expect(JSON.parse(requests[0].body)).toMatchObject({ revision: 3, notes: "mine", status: "Shipped" });
    expect(done.order.revision).toBe(3);
    expect(records(book, "Purchase Orders")[0]).toMatchObject({ Revision: 3, Notes: "mine", Status: "Shipped", "Sync Status": "sent" });
  });
});
