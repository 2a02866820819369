/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Download } from "../../src/taskpane/host";
import { records, shop } from "../core/orders/fixture";
import { changedCells, renderPane, snapshot } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

async function openOrder(number: string, downloads: Download[] = [], book = shop()) {
  const pane = await renderPane(book, downloads);
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
  // BOLT sells in EUR.
  expect(within(detail).getByRole("list", { name: "Prices from BOLT" }).textContent).toBe("WIDGET: 10 × 2.20\u00a0EUR");
});

test("the CSV export downloads the order", async () => {
  const downloads: Download[] = [];
  const { detail } = await openOrder("PO-0007", downloads);
  fireEvent.click(within(detail).getByRole("button", { name: "CSV" }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0].name).toBe("PO-0007.csv");
  expect(String(downloads[0].content)).toMatch(/PO-0007.*WIDGET/s);
});

test("the X12 export of a SKU holding a separator is refused, naming the field, and nothing downloads", async () => {
  const downloads: Download[] = [];
  const book = shop();
  book.sheet("PO Lines")![1][2] = "WID~GET";
  const { detail } = await openOrder("PO-0007", downloads, book);
  fireEvent.click(within(detail).getByRole("button", { name: "X12 850" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain('the SKU of line 1 "WID~GET" holds "~", the X12 segment terminator'));
  expect(downloads).toEqual([]);
});

test("sharing a PO numbered Lines writes 'PO Lines (2)' and leaves the PO Lines input sheet as it was", async () => {
  const book = shop();
  book.append("Purchase Orders", [["Lines", "Purchase Order", "ACME", "MAIN", "Draft", "2026-11-20", "2026-12-14", "USD", 25, "", 1]]);
  book.append("PO Lines", [["Lines", 1, "WIDGET", 10, 2.5, 25, 0]]);
  const before = JSON.stringify(book.sheet("PO Lines"));
  const { host, detail } = await openOrder("Lines", [], book);
  fireEvent.click(within(detail).getByRole("button", { name: "PO sheet" }));
  await waitFor(() => expect(host.book.sheet("PO Lines (2)")).toBeDefined());
  expect(host.book.sheet("PO Lines (2)")![0]).toEqual(["Purchase Order Lines"]);
  expect(JSON.stringify(host.book.sheet("PO Lines"))).toBe(before);
});

test("the PO sheet is written into the workbook, and without an Integration URL Send is off, saying why", async () => {
  const { host, detail } = await openOrder("PO-0007");
  fireEvent.click(within(detail).getByRole("button", { name: "PO sheet" }));
  await waitFor(() => expect(host.book.sheet("PO PO-0007")?.[0]).toEqual(["Purchase Order PO-0007"]));
  // Issue 15: Send is disabled with the reason, rather than refused after a click.
  expect((within(detail).getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(true);
  expect(within(detail).getByTestId("send-disabled").textContent).toContain("no Integration URL");
});

describe("editing an order writes only what changed, and one more revision", () => {
  test("a new expected delivery date", async () => {
    const { host, detail } = await openOrder("PO-0007");
    const before = snapshot(host.book);
    fireEvent.change(within(detail).getByLabelText("Expected delivery"), { target: { value: "2026-12-21" } });
    fireEvent.click(within(detail).getByRole("button", { name: "Save date" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("expected delivery is 21 Dec 2026."));
    // Row 2 of Purchase Orders: G is Expected Delivery (2026-12-21 is 28 days after 2026-11-23, serial 46349), K is Revision.
    expect(changedCells(before, host.book)).toEqual({
      "Purchase Orders!G2": ["2026-12-14", 46377],
      "Purchase Orders!K2": [1, 2],
    });
  });

  test("a new target warehouse", async () => {
    const { host, detail } = await openOrder("PO-0007");
    const before = snapshot(host.book);
    pick(detail, "Warehouse", "EAST");
    fireEvent.click(within(detail).getByRole("button", { name: "Move" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("it now ships to EAST."));
    expect(changedCells(before, host.book)).toEqual({
      "Purchase Orders!D2": ["MAIN", "EAST"],
      "Purchase Orders!K2": [1, 2],
    });
  });
});

describe("a refused edit says why and writes nothing", () => {
  async function refused(book: ReturnType<typeof shop>, act: (detail: HTMLElement) => void, reason: string) {
    const { host, detail } = await openOrder("PO-0007", [], book);
    const before = snapshot(host.book);
    const apply = jest.spyOn(host, "apply");
    act(detail);
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(reason));
    expect(within(screen.getByTestId("notice")).getByText("Not done")).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();
    expect(changedCells(before, host.book)).toEqual({});
  }

  test("a warehouse where a line's SKU cannot be bought", async () => {
    // WEST is in district SOUTH, where WIDGET is T (Discontinued).
    await refused(
      shop(),
      (detail) => {
        pick(detail, "Warehouse", "WEST");
        fireEvent.click(within(detail).getByRole("button", { name: "Move" }));
      },
      'SKU "WIDGET" cannot be ordered at warehouse "WEST": its purchase status is T (Discontinued), from the district override. Purchase order PO-0007 cannot move there.',
    );
  });

  test("a warehouse that is not on the Warehouses sheet", async () => {
    // WIDGET is also held at POLE, which the Warehouses sheet does not list, so POLE is offered.
    const book = shop();
    book.sheet("SKUs")!.push(["WIDGET", "Blue widget", "POLE", "ACME", 0, 2.5, 10, null]);
    await refused(
      book,
      (detail) => {
        pick(detail, "Warehouse", "POLE");
        fireEvent.click(within(detail).getByRole("button", { name: "Move" }));
      },
      'Warehouse "POLE" is not on the Warehouses sheet.',
    );
  });

  test("a delivery before the order date", async () => {
    const save = (detail: HTMLElement, text: string) => {
      fireEvent.change(within(detail).getByLabelText("Expected delivery"), { target: { value: text } });
      fireEvent.click(within(detail).getByRole("button", { name: "Save date" }));
    };
    // PO-0007 was ordered on 2026-11-02.
    await refused(shop(), (detail) => save(detail, "2026-10-30"), "The expected delivery 30 Oct 2026 is before the order date 2 Nov 2026.");
  });
});

test("a closed order is read-only: nothing in it can be edited", async () => {
  const book = shop();
  book.sheet("Purchase Orders")!.push(["PO-0005", "Purchase Order", "ACME", "MAIN", "Closed", "2026-10-01", "2026-10-20", "USD", 50, "", 3, "", "", ""]);
  book.sheet("PO Lines")!.push(["PO-0005", 1, "WIDGET", 20, 2.5, 50, 20, null]);
  const pane = await renderPane(book);
  fireEvent.click(screen.getByRole("tab", { name: "Logistics" }));
  // Closed orders are not open: they are listed under All orders.
  pick(screen.getByRole("group", { name: "Filters" }), "Status", "All orders");
  fireEvent.click(await screen.findByRole("button", { name: "Open purchase order PO-0005" }));
  const detail = await screen.findByRole("region", { name: "Purchase order PO-0005" });
  expect(within(detail).getByText("Closed orders are read-only.")).toBeTruthy();
  // No status follows Closed, and Closed cannot be cancelled.
  expect(within(detail).getByRole("button", { name: "Change status" }).hasAttribute("disabled")).toBe(true);
  expect(within(detail).queryByRole("button", { name: "Save date" })).toBeNull();
  expect(within(detail).queryByRole("button", { name: "Move" })).toBeNull();
  expect(within(detail).queryByRole("button", { name: "Add line" })).toBeNull();
  expect(within(detail).queryByRole("button", { name: "Change supplier" })).toBeNull();
  expect((within(detail).getByLabelText("Delivery of line 1") as HTMLInputElement).disabled).toBe(true);
  expect(header(pane.host, "PO-0005").Revision).toBe(3);
});

test("share as a new workbook: the host creates a workbook holding the PO sheet and nothing else", async () => {
  // Another supplier's order must not travel with PO-0007.
  const book = shop();
  book.sheet("Purchase Orders")!.push(["PO-0006", "Purchase Order", "BOLT", "MAIN", "Submitted", "2026-11-09", "2026-11-30", "EUR", 22, "secret note", 1, "", "", ""]);
  book.sheet("PO Lines")!.push(["PO-0006", 1, "WIDGET", 10, 2.2, 22, 0, null]);
  const { host, detail } = await openOrder("PO-0007", [], book);
  const sheetsBefore = [...host.book.sheets.keys()];
  const createWorkbook = jest.spyOn(host, "createWorkbook");
  fireEvent.click(within(detail).getByRole("button", { name: "New workbook" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("PO-0007 is in a new workbook of its own."));
  expect(createWorkbook).toHaveBeenCalledTimes(1);
  expect(createWorkbook.mock.calls[0][0]).toBe("PO-0007.xlsx");
  expect(createWorkbook.mock.calls[0][1].map((s) => s.name)).toEqual(["PO PO-0007"]);
  // The open workbook is not changed.
  expect([...host.book.sheets.keys()]).toEqual(sheetsBefore);

  const [created] = host.created;
  expect([...created.book.sheets.keys()]).toEqual(["PO PO-0007"]);
  // Dates as serials: 2026-11-02 is 21 days before 2026-11-23 (46349), 2026-12-14 21 days after.
  expect(created.book.sheet("PO PO-0007")).toEqual([
    ["Purchase Order PO-0007"],
    [],
    ["Supplier", "Acme Corp", null, null, "PO Number", "PO-0007"],
    ["Address", "1 Road Runner Way, Phoenix AZ", null, null, "Order Date", 46328],
    ["Payment Terms", "Net 30", null, null, "Expected Delivery", 46370],
    ["Ship To", "Main DC (MAIN)", null, null, "Currency", "USD"],
    [null, null, null, null, "Revision", 1],
    [],
    ["Line", "SKU", "Description", "Quantity", "Unit Price", "Line Total", "Delivery"],
    [1, "WIDGET", "Blue widget", 10, 2.5, 25, 46370],
    [null, null, null, null, "Total USD", 25],
  ]);
});
