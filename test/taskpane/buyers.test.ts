/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { leafTexts, renderPane } from "./pane";
import { buyersShop, context, followUpShop, records } from "../core/orders/fixture";
import { storeEndpoint } from "../../src/taskpane/orders";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(60_000);

function pick(container: HTMLElement, label: string, option: string) {
  fireEvent.click(within(container).getByRole("combobox", { name: label }));
  fireEvent.click(screen.getByRole("option", { name: option }));
}

const totalsText = (id: string) => [...screen.getByTestId(id).querySelectorAll("li")].map((li) => li.textContent);

/** The SKU@warehouse of each Order-now row, in order. */
function orderNowRows(): string[] {
  const table = screen.getByRole("table", { name: /^Order now, / });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      row
        .getAttribute("data-testid")!
        .replace(/^order-now-/, "")
        .replace(/-([A-Z]+)$/, "@$1"),
    );
}

describe("Home: the buyer's Order-now list", () => {
  it("filters by supplier and warehouse, sorts by supplier, and totals per supplier and currency", async () => {
    await renderPane(buyersShop());
    await screen.findByRole("table", { name: "Order now, most urgent first" });
    // The hand-worked lines of test/core/orders/createOrders.test.ts, most urgent (all short in week 1) then largest value.
    expect(orderNowRows()).toEqual(["A2@MAIN", "A1@MAIN", "A1@EAST", "B1@MAIN", "B1@EAST", "G1@MAIN", "A3@MAIN", "N1@MAIN"]);
    // ACME: 799.80 + 750.00 + 412.50 + 0.38 + 0.00 = 1,962.68 USD; BOLT 55.00 + 11.00 = 66.00 EUR; GHOST 10.00 USD.
    expect(totalsText("supplier-totals")).toEqual(["ACME · 5 lines · 1,962.68\u00a0USD", "BOLT · 2 lines · 66.00\u00a0EUR", "GHOST · 1 line · 10.00\u00a0USD"]);
    const filters = screen.getByRole("group", { name: "Order-now filters" });
    pick(filters, "Sort by", "Supplier");
    await screen.findByRole("table", { name: "Order now, by supplier" });
    expect(orderNowRows()).toEqual(["A2@MAIN", "A1@MAIN", "A1@EAST", "A3@MAIN", "N1@MAIN", "B1@MAIN", "B1@EAST", "G1@MAIN"]);
    pick(filters, "Warehouse", "EAST");
    await waitFor(() => expect(orderNowRows()).toEqual(["A1@EAST", "B1@EAST"]));
    expect(totalsText("supplier-totals")).toEqual(["ACME · 1 line · 412.50\u00a0USD", "BOLT · 1 line · 11.00\u00a0EUR"]);
    pick(filters, "Supplier", "BOLT");
    await waitFor(() => expect(orderNowRows()).toEqual(["B1@EAST"]));
  });

  it("creates one order per supplier and warehouse from the lines selected, and says what was left out", async () => {
    const { host } = await renderPane(buyersShop());
    const table = await screen.findByRole("table", { name: "Order now, most urgent first" });
    for (const label of ["A1 at MAIN", "A3 at MAIN", "B1 at EAST", "N1 at MAIN"]) fireEvent.click(within(table).getByRole("checkbox", { name: `Select ${label}` }));
    // The selection's totals: ACME 750.00 + 0.38 + 0.00; BOLT 11.00.
    expect(totalsText("supplier-totals")).toEqual(["ACME · 3 lines · 750.38\u00a0USD", "BOLT · 1 line · 11.00\u00a0EUR"]);
    fireEvent.click(screen.getByRole("button", { name: "Create orders for 4 lines" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toMatch(/^2 orders created/));
    const notice = screen.getByTestId("notice").textContent!;
    expect(notice).toContain("Created PO-0042 (ACME at MAIN, 750.38\u00a0USD), PO-0043 (BOLT at EAST, 11.00\u00a0EUR)");
    expect(notice).toContain('Left out: SKU "N1" has no unit price from supplier "ACME"');
    expect(
      records(host.book, "PO Lines")
        .filter((r) => r["PO Number"] !== "PO-0041" && r["PO Number"] !== "PO-0039")
        .map((r) => [r["PO Number"], r.SKU, r.Quantity]),
    ).toEqual([
      ["PO-0042", "A1", 300],
      ["PO-0042", "A3", 3],
      ["PO-0043", "B1", 10],
    ]);
    // Re-planned: the ordered lines are gone from Order now, the others stay.
    await waitFor(() => expect(orderNowRows()).toEqual(["A2@MAIN", "A1@EAST", "B1@MAIN", "G1@MAIN", "N1@MAIN"]));
  });

  it("refuses, writing nothing, when every line selected is left out or below the minimum", async () => {
    const { host } = await renderPane(buyersShop());
    const table = await screen.findByRole("table", { name: "Order now, most urgent first" });
    const before = JSON.stringify(host.book.sheet("Purchase Orders"));
    fireEvent.click(within(table).getByRole("checkbox", { name: "Select A1 at EAST" }));
    fireEvent.click(screen.getByRole("button", { name: "Create orders for 1 line" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("No order can be made from these lines. ACME at EAST: 412.50 USD, minimum 500.00."));
    expect(JSON.stringify(host.book.sheet("Purchase Orders"))).toBe(before);
  });

  it("each line's ⋯ menu starts New Order for it", async () => {
    await renderPane(buyersShop());
    const table = await screen.findByRole("table", { name: "Order now, most urgent first" });
    fireEvent.click(within(table).getByRole("button", { name: "Actions for B1 at EAST" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "New order…" }));
    expect((await screen.findByRole("dialog")).textContent).toContain("New order: B1 at EAST, week 1");
  });
});

async function logistics(book = followUpShop()) {
  const pane = await renderPane(book);
  fireEvent.click(screen.getByRole("tab", { name: "Logistics" }));
  await screen.findByRole("table", { name: "Purchase orders" });
  return pane;
}

const orderRows = () =>
  within(screen.getByRole("table", { name: "Purchase orders" }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => row.getAttribute("data-testid"))
    .filter((id) => id?.startsWith("order-"))
    .map((id) => id!.slice("order-".length));

async function menuItems(number: string): Promise<string[]> {
  fireEvent.click(screen.getByRole("button", { name: `Actions for ${number}` }));
  const items = await screen.findAllByRole("menuitem");
  return items.map((item) => `${item.getAttribute("aria-disabled") === "true" ? "off" : "on"}: ${item.textContent}`);
}

describe("Logistics: following up orders", () => {
  it("flags overdue orders and shows them first; filters, searches and totals per currency", async () => {
    await logistics();
    // test/core/orders/followUp.test.ts's orders: PO-0010 and PO-0014 are overdue on 2026-11-23.
    expect(orderRows()).toEqual(["PO-0010", "PO-0014", "PO-0011", "PO-0007", "PO-0013"]);
    expect(leafTexts(screen.getByTestId("order-PO-0010"))).toContain("overdue");
    expect(within(screen.getByTestId("order-PO-0011")).queryByTestId("overdue")).toBeNull();
    expect(screen.getByTestId("order-count").textContent).toBe("5 orders, 2 overdue");
    expect(totalsText("currency-totals")).toEqual(["6.60\u00a0EUR in 1 order", "107.50\u00a0USD in 4 orders"]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search PO or SKU" }), { target: { value: "gadget" } });
    await waitFor(() => expect(orderRows()).toEqual(["PO-0013"]));
    expect(totalsText("currency-totals")).toEqual(["20.00\u00a0USD in 1 order"]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search PO or SKU" }), { target: { value: "" } });
    pick(screen.getByRole("group", { name: "Filters" }), "Supplier", "Bolt GmbH (BOLT)");
    await waitFor(() => expect(orderRows()).toEqual(["PO-0014"]));
  });

  it("offers edit, receive, share, send and cancel as the status allows, saying why not", async () => {
    await logistics();
    expect(await menuItems("PO-0007")).toEqual([
      "on: Edit…",
      "on: Receive…",
      "on: Share…",
      "off: SendThe workbook has no Integration URL (Settings sheet), so there is nowhere to send the order.",
      "on: Cancel order…",
    ]);
    fireEvent.keyDown(screen.getAllByRole("menuitem")[0], { key: "Escape" });
    pick(screen.getByRole("group", { name: "Filters" }), "Status", "Received");
    await waitFor(() => expect(orderRows()).toEqual(["PO-0012"]));
    expect(await menuItems("PO-0012")).toEqual([
      "on: Edit…",
      "off: Receive…PO-0012 is Received: it takes no more receipts.",
      "on: Share…",
      "off: SendPO-0012 is Received: read-only, nothing more to send.",
      "off: Cancel order…Purchase order PO-0012 is Received; only Draft, Submitted or Confirmed orders can be cancelled.",
    ]);
  });

  it("Send is on once an integration is stored for the workbook's Integration URL", async () => {
    const { host } = await renderPane(followUpShop({ "Integration URL": "https://erp.example.com/po" }));
    storeEndpoint(host.secrets, { url: "https://erp.example.com/po", key: "k" });
    fireEvent.click(screen.getByRole("tab", { name: "Logistics" }));
    await screen.findByRole("table", { name: "Purchase orders" });
    expect((await menuItems("PO-0007"))[3]).toBe("on: Send");
  });

  it("receives part of an order from its menu: Partially Received, the receipt logged, the plan counting what is still to come", async () => {
    const { host } = await logistics();
    fireEvent.click(screen.getByRole("button", { name: "Actions for PO-0010" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Receive…" }));
    const form = await screen.findByRole("region", { name: "Receive PO-0010" });
    fireEvent.change(within(form).getByRole("textbox", { name: "Received now, line 1" }), { target: { value: "4" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Delivery note (optional)" }), { target: { value: "DN-77" } });
    fireEvent.click(within(form).getByRole("button", { name: "Receive" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("line 1: PO-0010 line 1 (WIDGET): 4 on 23 Nov 2026 (Receipt ID DN-77) received."));
    expect(screen.getByTestId("notice").textContent).toContain("PO-0010 is now Partially Received.");
    expect(records(host.book, "Purchase Orders").find((r) => r["PO Number"] === "PO-0010")).toMatchObject({ Status: "Partially Received", Revision: 2 });
    expect(records(host.book, "Receipts")).toEqual([{ "Receipt ID": "DN-77", "PO Number": "PO-0010", Line: 1, SKU: "WIDGET", Quantity: 4, Date: 46349 }]);
    // WIDGET at MAIN in week 1 (both past due): PO-0010's 10 and PO-0014's 3 were 13; now 10 − 4 = 6, and 3: 9.
    expect(context(host.book).model.itemsByKey.get("WIDGET\u0000MAIN")!.scheduled[1]).toBe(9);
    // The same receipt again is skipped, and said so.
    await waitFor(() => expect(screen.getByRole("region", { name: "Receive PO-0010" })).toBeTruthy());
    const again = screen.getByRole("region", { name: "Receive PO-0010" });
    fireEvent.change(within(again).getByRole("textbox", { name: "Received now, line 1" }), { target: { value: "4" } });
    fireEvent.change(within(again).getByRole("textbox", { name: "Delivery note (optional)" }), { target: { value: "DN-77" } });
    fireEvent.click(within(again).getByRole("button", { name: "Receive" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("is already logged (on the Receipts sheet at Receipts!A2); skipped."));
    expect(records(host.book, "Receipts")).toHaveLength(1);
  });

  it("changes a line's quantity, and cancels an order after asking", async () => {
    const { host } = await logistics();
    fireEvent.click(screen.getByRole("button", { name: "Open purchase order PO-0010" }));
    const detail = await screen.findByRole("region", { name: "Purchase order PO-0010" });
    const quantity = within(detail).getByRole("textbox", { name: "Quantity of line 1" });
    fireEvent.change(quantity, { target: { value: "12" } });
    fireEvent.blur(quantity);
    // 12 × 2.50 = 30.00.
    await waitFor(() => expect(records(host.book, "PO Lines").find((r) => r["PO Number"] === "PO-0010")).toMatchObject({ Quantity: 12, "Line Total": 30 }));
    expect(records(host.book, "Purchase Orders").find((r) => r["PO Number"] === "PO-0010")).toMatchObject({ Total: 30, Revision: 2 });

    fireEvent.click(screen.getByRole("button", { name: "Actions for PO-0007" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Cancel order…" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Cancel the order" }));
    await waitFor(() => expect(records(host.book, "Purchase Orders")[0]).toMatchObject({ "PO Number": "PO-0007", Status: "Cancelled", Revision: 2 }));
    // Cancelled orders are not open: gone from the list.
    await waitFor(() => expect(orderRows()).not.toContain("PO-0007"));
  });
});
