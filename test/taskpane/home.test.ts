/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { orderNowBook } from "./orderNowBook";
import { leafTexts, renderPane } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

test("Order now lists week 1's orders of every item-location, most urgent first, then largest value", async () => {
  await renderPane(orderNowBook());
  const table = await screen.findByRole("table", { name: "Order now, most urgent first" });
  const [, ...lines] = within(table).getAllByRole("row");
  // The numbers are worked out in orderNowBook.ts. BETA MAIN is short from week 1; ZED, BETA EAST
  // and ALPHA from week 3, by value 15.00 > 10.00 > 5.00; CALM never falls short, so it comes last.
  expect(lines.map(leafTexts)).toEqual([
    ["BETA", "MAIN · ACME", "Short from 23 Nov 2026", "60.00\u00a0USD", "30 × 2.00\u00a0USD", "Arrives 7 Dec 2026", "⋯"],
    ["ZED", "MAIN · ACME", "Short from 7 Dec 2026", "15.00\u00a0USD", "5 × 3.00\u00a0USD", "Arrives 7 Dec 2026", "⋯"],
    ["BETA", "EAST · ACME", "Short from 7 Dec 2026", "10.00\u00a0USD", "5 × 2.00\u00a0USD", "Arrives 7 Dec 2026", "⋯"],
    ["ALPHA", "MAIN · ACME", "Short from 7 Dec 2026", "5.00\u00a0USD", "5 × 1.00\u00a0USD", "Arrives 7 Dec 2026", "⋯"],
    ["CALM", "MAIN · ACME", "Not short", "32.00\u00a0USD", "8 × 4.00\u00a0USD", "Arrives 7 Dec 2026", "⋯"],
  ]);
  // Each line's ⋯ menu can start New Order (issue 15). IDLE needs nothing and GONE (Discontinued) is never recommended.
  expect(screen.queryByTestId("order-now-IDLE-MAIN")).toBeNull();
  expect(screen.queryByTestId("order-now-GONE-MAIN")).toBeNull();
  expect(screen.getByRole("tabpanel", { name: "Home" }).textContent).toContain("5 lines to order this week.");
});

test("the problem count is shown and opens the Problems view", async () => {
  await renderPane(orderNowBook());
  const count = await screen.findByTestId("problem-count");
  expect(count.textContent).toBe("3 problems in the workbook");
  fireEvent.click(count);
  expect((await screen.findByRole("heading", { name: "3 problems" })).textContent).toBe("3 problems");
});

test("a workbook without problems says so", async () => {
  const book = orderNowBook();
  // Without the unknown setting, the bad MOQ and the undated override.
  book.write("Settings", book.sheet("Settings")!.slice(0, 3));
  book.sheet("SKUs")![6][5] = null;
  book.write("Order Overrides", book.sheet("Order Overrides")!.slice(0, 2));
  await renderPane(book);
  expect((await screen.findByTestId("problem-count")).textContent).toBe("No problems in the workbook.");
});
