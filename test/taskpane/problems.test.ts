/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { orderNowBook } from "./orderNowBook";
import { mountPane, renderPane } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

async function openProblems(book: MemoryWorkbook) {
  const pane = await renderPane(book);
  fireEvent.click(screen.getByRole("tab", { name: "Problems" }));
  return { ...pane, list: await screen.findByRole("list", { name: "Problems of the workbook" }) };
}

/** The address links of the list, in order. */
const addresses = (list: HTMLElement) =>
  within(list)
    .getAllByRole("button")
    .map((link) => link.textContent);

test("every problem is listed with its address and sentence", async () => {
  const { list } = await openProblems(orderNowBook());
  expect(addresses(list)).toEqual(["Settings!A4", "SKUs!F7", "'Order Overrides'!C3"]);
  const items = within(list)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(items[0]).toMatch(/^Settings!A4 Unknown setting "Colour"/);
  expect(items[1]).toMatch(/^SKUs!F7 .*MOQ.*"many"/);
  expect(items[2]).toMatch(/^'Order Overrides'!C3 .*"soon"/);
});

test("choosing a problem selects its cell in the workbook", async () => {
  const { host, list } = await openProblems(orderNowBook());
  const select = jest.spyOn(host, "select");
  fireEvent.click(within(list).getByRole("button", { name: /^Select SKUs!F7: / }));
  await waitFor(() => expect(select).toHaveBeenCalledWith("SKUs!F7"));
  // F7: column F (index 5), row 7 (index 6).
  expect(host.selection).toEqual({ sheet: "SKUs", row: 6, col: 5 });

  // A sheet name with a space comes quoted; the selection lands on that sheet.
  fireEvent.click(within(list).getByRole("button", { name: /^Select 'Order Overrides'!C3: / }));
  await waitFor(() => expect(select).toHaveBeenLastCalledWith("'Order Overrides'!C3"));
  expect(host.selection).toEqual({ sheet: "Order Overrides", row: 2, col: 2 });
});

test("a cell the workbook cannot select says why", async () => {
  const { host, list } = await openProblems(orderNowBook());
  // A co-author deletes the sheet after the problems were listed.
  host.book.sheets.delete("Settings");
  fireEvent.click(within(list).getByRole("button", { name: /^Select Settings!A4: / }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("There is no cell Settings!A4 in this workbook."));
  expect(host.selection).toBeUndefined();
});

test("the first 200 of many problems are shown, the rest on demand", async () => {
  // 205 SKUs rows with an On Hand that is not a number: one problem each, C2 to C206.
  const rows = Array.from({ length: 205 }, (_, i) => [`S${i + 1}`, "ACME", "lots", 1]);
  const { list } = await openProblems(new MemoryWorkbook({ Suppliers: [["Supplier"], ["ACME"]], SKUs: [["SKU", "Supplier", "On Hand", "Unit Cost"], ...rows] }));
  expect(screen.getByRole("heading", { name: "205 problems" })).toBeTruthy();
  expect(addresses(list)).toHaveLength(200);
  expect(addresses(list).at(-1)).toBe("SKUs!C201");
  fireEvent.click(screen.getByRole("button", { name: "Show all 205 problems" }));
  await waitFor(() => expect(addresses(screen.getByRole("list", { name: "Problems of the workbook" }))).toHaveLength(205));
  expect(addresses(screen.getByRole("list", { name: "Problems of the workbook" })).at(-1)).toBe("SKUs!C206");
});

test("a workbook that cannot be planned still lists its problems, and they select", async () => {
  // No SKUs sheet: nothing can be planned, but the Settings sheet was read and has a typo.
  const { host } = mountPane(
    new MemoryWorkbook({
      Settings: [
        ["Setting", "Value"],
        ["Horizon Weeks", "many"],
      ],
      Suppliers: [["Supplier"], ["ACME"]],
    }),
  );
  await screen.findByText("Nothing can be planned yet");
  const list = screen.getByRole("list", { name: "Problems of the workbook" });
  fireEvent.click(within(list).getByRole("button", { name: /^Select Settings!B2: .*"many"/ }));
  await waitFor(() => expect(host.selection).toEqual({ sheet: "Settings", row: 1, col: 1 }));
});
