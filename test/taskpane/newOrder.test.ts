/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { records, shop } from "../core/orders/fixture";
import { openItem, projectedOf, recommendedOf, renderPane, weekAction } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

async function openWeekMenu(sku: string, warehouse: string, week: number) {
  const pane = await renderPane(shop());
  await openItem(sku, warehouse);
  await weekAction(week, "New order…");
  return { ...pane, dialog: await screen.findByRole("dialog") };
}

test("New Order from a week line: preferred supplier first, quantity read-only, price and total, delivery at the arrival week", async () => {
  // WIDGET at MAIN, week 1: Order Qty 30 (see supplyPlan.test.ts), ACME (the SKU's supplier; BOLT is linked by Supplier Items).
  const { dialog, host } = await openWeekMenu("WIDGET", "MAIN", 1);
  const supplier = within(dialog).getByRole("combobox", { name: "Supplier" });
  expect(supplier.textContent).toContain("Acme Corp (ACME), preferred");
  fireEvent.click(supplier);
  expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Acme Corp (ACME), preferred", "Bolt GmbH (BOLT)"]);
  fireEvent.click(screen.getByRole("option", { name: "Acme Corp (ACME), preferred" }));
  const quantity = within(dialog).getByRole("textbox", { name: "Quantity" }) as HTMLInputElement;
  expect(quantity.value).toBe("30");
  expect(quantity.readOnly).toBe(true);
  // ACME has no Supplier Items row for WIDGET: the SKU's Unit Cost 2.50; 30 × 2.50 = 75.00.
  expect((within(dialog).getByRole("textbox", { name: "Unit price" }) as HTMLInputElement).value).toBe("2.50\u00a0USD");
  expect((within(dialog).getByRole("textbox", { name: "Total" }) as HTMLInputElement).value).toBe("75.00\u00a0USD");
  // 14 days = 2 weeks: arrives in week 3, which starts 2026-12-07.
  expect((within(dialog).getByLabelText("Expected delivery") as HTMLInputElement).value).toBe("7 Dec 2026");

  fireEvent.click(within(dialog).getByRole("button", { name: "Create" }));
  // The order's notice itself, however long the write takes (no fixed wait).
  const notice = await screen.findByTestId("notice");
  await within(notice).findByText(/Purchase order PO-0008 for 30 × WIDGET/);
  expect(records(host.book, "Purchase Orders").map((r) => [r["PO Number"], r.Supplier, r.Warehouse, r.Status, r.Total])).toContainEqual(["PO-0008", "ACME", "MAIN", "Draft", 75]);
  expect(records(host.book, "PO Lines")).toContainEqual(expect.objectContaining({ "PO Number": "PO-0008", SKU: "WIDGET", Quantity: 30, "Unit Price": 2.5, "Line Total": 75 }));
  // The 30 now arrive in week 3 as a scheduled receipt: a=3 base −20 + 30 − 10 = 0, need 0, so nothing is recommended.
  await waitFor(() => expect(recommendedOf(1)).toBe("0"));
  expect(projectedOf(3)).toBe("0");
});

test("an order for a Discontinued SKU is refused with its reason and nothing is written", async () => {
  // OLDIE at MAIN has status T on the SKUs sheet.
  const { dialog, host } = await openWeekMenu("OLDIE", "MAIN", 1);
  const before = JSON.stringify([host.book.sheet("Purchase Orders"), host.book.sheet("PO Lines")]);
  fireEvent.click(within(dialog).getByRole("button", { name: "Create" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toMatch(/OLDIE.*cannot be ordered.*T \(Discontinued\)/));
  expect(JSON.stringify([host.book.sheet("Purchase Orders"), host.book.sheet("PO Lines")])).toBe(before);
  expect(screen.getByRole("dialog")).toBeTruthy();
});
