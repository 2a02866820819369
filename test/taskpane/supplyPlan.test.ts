/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { dayFromIso, serialFromDay } from "../../src/core/dates";
import { records, shop } from "../core/orders/fixture";
import { orderNowBook } from "./orderNowBook";
import { openItem, projectedOf, recommendedOf, renderPane, weekLine } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

/*
 * WIDGET at MAIN in the shop: on hand 0, demand 10 a week, safety stock 0, ACME's
 * 14-day lead time (L = 2), an override of 35 in week 2 and PO-0007's 10 units in week 4.
 *   proj1 = -10, proj2 = -20
 *   a=3 (o=1): base -30, need 30 → rec[1] = 30 → proj3 = 0
 *   a=4 (o=2): base 0 + 10 − 10 = 0, override 35 → proj4 = 35
 *   proj5 = 25, proj6 = 15, proj7 = 5
 *   a=8 (o=6): base -5 → rec[6] = 5 → proj8 = 0
 */
async function openWidget() {
  const pane = await renderPane(shop());
  fireEvent.click(await screen.findByRole("button", { name: "Open the plan of WIDGET at MAIN" }));
  await screen.findByTestId("week-lines");
  expect(screen.getByRole("table", { name: "Week lines of WIDGET at MAIN" })).toBeTruthy();
  return pane;
}

test("the week lines follow the recurrence", async () => {
  await openWidget();
  expect([1, 2, 3, 4, 5, 6, 7, 8].map(projectedOf)).toEqual(["-10", "-20", "0", "35", "25", "15", "5", "0"]);
  expect(recommendedOf(1)).toBe("30");
  expect(recommendedOf(6)).toBe("5");
});

test("a planner's quantity is written to Order Overrides and the plan re-flows", async () => {
  const { host } = await openWidget();
  const box = within(weekLine(1)).getByRole("textbox", { name: "Planner's quantity, week 1" });
  fireEvent.change(box, { target: { value: "50" } });
  fireEvent.keyDown(box, { key: "Enter" });
  // Week 1's 50 arrives in week 3: proj3 = -30 + 50 = 20, proj4 = 20 + 10 − 10 + 35 = 55, then 45, 35, 25, 15.
  await waitFor(() => expect(projectedOf(3)).toBe("20"));
  expect([4, 5, 6, 7, 8].map(projectedOf)).toEqual(["55", "45", "35", "25", "15"]);
  // The engine still shows what it would recommend next to the planner's quantity.
  expect(recommendedOf(1)).toBe("30");
  expect(records(host.book, "Order Overrides")).toContainEqual({ SKU: "WIDGET", Warehouse: "MAIN", Week: serialFromDay(dayFromIso("2026-11-23")!), Quantity: 50 });
  expect(screen.getByTestId("notice").textContent).toContain("planner's quantity is 50");
});

test("clearing the quantity blanks the override row and the recommendation counts again", async () => {
  const { host } = await openWidget();
  const box = within(weekLine(2)).getByRole("textbox", { name: "Planner's quantity, week 2" });
  expect((box as HTMLInputElement).value).toBe("35");
  fireEvent.change(box, { target: { value: "" } });
  fireEvent.blur(box);
  // Without the 35: a=4 base 0, need 0 → proj4 = 0; a=5 (o=3) base -10 → rec 10 → 0, and so on.
  await waitFor(() => expect(projectedOf(4)).toBe("0"));
  expect(records(host.book, "Order Overrides").map((r) => r.Warehouse)).toEqual(["EAST"]);
});

test("a refused quantity says why and writes nothing", async () => {
  const { host } = await openWidget();
  const before = JSON.stringify(host.book.sheet("Order Overrides"));
  const box = within(weekLine(1)).getByRole("textbox", { name: "Planner's quantity, week 1" });
  fireEvent.change(box, { target: { value: "-4" } });
  fireEvent.keyDown(box, { key: "Enter" });
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("must be a number of 0 or more"));
  expect(JSON.stringify(host.book.sheet("Order Overrides"))).toBe(before);
  expect(projectedOf(3)).toBe("0");
});

test("a status that cannot be ordered is named with where it comes from, and a planner's quantity for it is refused", async () => {
  const { host } = await renderPane(shop());
  // WIDGET is T (Discontinued) in district SOUTH, which holds WEST.
  await openItem("WIDGET", "WEST");
  expect(screen.getByTestId("item-summary").textContent).toContain("Status T (Discontinued), from the district override");
  const before = JSON.stringify(host.book.sheet("Order Overrides"));
  const box = within(weekLine(1)).getByRole("textbox", { name: "Planner's quantity, week 1" });
  fireEvent.change(box, { target: { value: "5" } });
  fireEvent.keyDown(box, { key: "Enter" });
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain(
      'SKU "WIDGET" cannot be ordered at "WEST": its purchase status is T (Discontinued), from the district override, so a planner\'s quantity would be ignored.',
    ),
  );
  expect(JSON.stringify(host.book.sheet("Order Overrides"))).toBe(before);
});

describe("a planner's quantity against the supplier's MOQ and case pack", () => {
  /** BETA at MAIN of the Order-now workbook with an MOQ of 40 (its Order Multiple is 10). */
  async function openBeta() {
    const book = orderNowBook();
    book.sheet("SKUs")![3][5] = 40;
    const pane = await renderPane(book);
    await openItem("BETA", "MAIN");
    return { ...pane, box: within(weekLine(2)).getByRole("textbox", { name: "Planner's quantity, week 2" }) };
  }

  test("is warned about as it is typed, and saved anyway", async () => {
    const { host, box } = await openBeta();
    fireEvent.change(box, { target: { value: "35" } });
    // 35 < 40, and 35 / 10 is not whole: the first whole number of packs at 40 or more is 4 × 10 = 40.
    expect(screen.getByTestId("week-2-warning").textContent).toBe(
      "⚠ Week 2: 35 is below the MOQ of 40 and not a multiple of the case pack of 10: the supplier takes 40. It is saved as typed.",
    );
    expect(box.getAttribute("aria-describedby")).toBe("week-2-warning");
    fireEvent.change(box, { target: { value: "45" } });
    expect(screen.getByTestId("week-2-warning").textContent).toBe("⚠ Week 2: 45 is not a multiple of the case pack of 10: the supplier takes 40 or 50. It is saved as typed.");
    fireEvent.change(box, { target: { value: "50" } });
    expect(screen.queryByTestId("week-2-warning")).toBeNull();
    // A warning, not a block: 45 is written to Order Overrides.
    fireEvent.change(box, { target: { value: "45" } });
    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() =>
      expect(records(host.book, "Order Overrides")).toContainEqual({ SKU: "BETA", Warehouse: "MAIN", Week: serialFromDay(dayFromIso("2026-11-30")!), Quantity: 45 }),
    );
    expect(screen.getByTestId("week-2-warning").textContent).toContain("45 is not a multiple of the case pack of 10");
  });
});
