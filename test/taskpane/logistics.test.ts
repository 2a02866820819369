/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Download } from "../../src/taskpane/host";
import { records, shop } from "../orders/fixture";
import { renderPane } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

async function openOrder(number: string, downloads: Download[] = []) {
  const pane = await renderPane(shop(), downloads);
  fireEvent.click(screen.getByRole("tab", { name: "Logistics" }));
  fireEvent.click(await screen.findByRole("button", { name: `Open purchase order ${number}` }));
  return { ...pane, detail: await screen.findByRole("region", { name: `Purchase order ${number}` }) };
}

function pick(container: HTMLElement, label: string, option: string) {
  fireEvent.click(within(container).getByRole("combobox", { name: label }));
  fireEvent.click(screen.getByRole("option", { name: option }));
}

const header = (host: Awaited<ReturnType<typeof renderPane>>["host"], number: string) => records(host.book, "Purchase Orders").find((r) => r["PO Number"] === number)!;

test("open orders are listed and filtered by status", async () => {
  await renderPane(shop());
  fireEvent.click(screen.getByRole("tab", { name: "Logistics" }));
  const orders = await screen.findByRole("table", { name: "Purchase orders" });
  expect(within(orders).getByTestId("order-PO-0007")).toBeTruthy();
  const filters = screen.getByRole("group", { name: "Filters" });
  pick(filters, "Status", "Received");
  await waitFor(() => expect(within(screen.getByRole("table", { name: "Purchase orders" })).queryByTestId("order-PO-0007")).toBeNull());
});

test("a status moves forwards along the chain and the revision grows", async () => {
  const { host, detail } = await openOrder("PO-0007");
  // Confirmed may go to Shipped, Partially Received, Received, Closed or Cancelled, never back to Draft or Submitted.
  fireEvent.click(within(detail).getByRole("combobox", { name: "Status" }));
  expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Shipped", "Partially Received", "Received", "Closed", "Cancelled"]);
  fireEvent.click(screen.getByRole("option", { name: "Shipped" }));
  fireEvent.click(within(detail).getByRole("button", { name: "Change status" }));
  await waitFor(() => expect(header(host, "PO-0007").Status).toBe("Shipped"));
  expect(header(host, "PO-0007").Revision).toBe(2);
});

test("a line for a Discontinued SKU is refused with its reason; an orderable one is priced and added", async () => {
  const { host, detail } = await openOrder("PO-0007");
  const before = JSON.stringify(host.book.sheet("PO Lines"));
  fireEvent.change(within(detail).getByRole("textbox", { name: "Add SKU" }), { target: { value: "OLDIE" } });
  fireEvent.change(within(detail).getByRole("textbox", { name: "Quantity" }), { target: { value: "5" } });
  fireEvent.click(within(detail).getByRole("button", { name: "Add line" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toMatch(/OLDIE.*cannot be ordered.*T \(Discontinued\)/));
  expect(JSON.stringify(host.book.sheet("PO Lines"))).toBe(before);

  // GADGET (Dropped: ordered by hand) costs 19.995 from ACME: 2 × 19.995 = 39.99; total 25.00 + 39.99 = 64.99.
  fireEvent.change(within(detail).getByRole("textbox", { name: "Add SKU" }), { target: { value: "GADGET" } });
  fireEvent.change(within(detail).getByRole("textbox", { name: "Quantity" }), { target: { value: "2" } });
  fireEvent.click(within(detail).getByRole("button", { name: "Add line" }));
  await waitFor(() => expect(header(host, "PO-0007").Total).toBe(64.99));
  expect(records(host.book, "PO Lines")).toContainEqual(expect.objectContaining({ "PO Number": "PO-0007", Line: 2, SKU: "GADGET", Quantity: 2, "Line Total": 39.99 }));
});

test("a new supplier's prices are shown before saving", async () => {
  const { detail } = await openOrder("PO-0007");
  pick(detail, "Supplier", "Bolt GmbH (BOLT)");
  // WIDGET's Supplier Items row for BOLT: 2.20.
  expect(within(detail).getByRole("list", { name: "Prices from BOLT" }).textContent).toBe("WIDGET: 10 × 2.20");
});

test("the CSV export downloads the order", async () => {
  const downloads: Download[] = [];
  const { detail } = await openOrder("PO-0007", downloads);
  fireEvent.click(within(detail).getByRole("button", { name: "CSV" }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0].name).toBe("PO-0007.csv");
  expect(String(downloads[0].content)).toMatch(/PO-0007.*WIDGET/s);
});

test("the PO sheet is written into the workbook, and sending without an Integration URL is refused", async () => {
  const { host, detail } = await openOrder("PO-0007");
  fireEvent.click(within(detail).getByRole("button", { name: "PO sheet" }));
  await waitFor(() => expect(host.book.sheet("PO PO-0007")?.[0]).toEqual(["Purchase Order PO-0007"]));
  fireEvent.click(within(detail).getByRole("button", { name: "Send" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("no Integration URL"));
});
