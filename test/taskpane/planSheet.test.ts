/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { CellValue } from "../../src/core/input";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { settings, SUPPLIERS } from "../helpers";
import { shop } from "../core/orders/fixture";
import { renderPane, watchSheetWrites } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

/** PLANNING.md's output columns, with the currency of Order Value before Flags. */
const HEADER = [
  "SKU",
  "Warehouse",
  "Week",
  "Week Start",
  "Demand",
  "Scheduled Receipts",
  "Planned Receipts",
  "Projected On Hand",
  "Safety Stock",
  "Recommended",
  "Override",
  "Order Qty",
  "Arrival Week",
  "Order Value",
  "Currency",
  "Flags",
  "Source",
];

/** Excel's serial of 2026-11-23 (46023 is 2026-01-01; 23 November is day 327), and of the weeks after it. */
const serialOfWeek = (week: number) => 46349 + 7 * (week - 1);

async function openPlan(book: MemoryWorkbook) {
  const pane = await renderPane(book);
  fireEvent.click(screen.getByRole("tab", { name: "Supply Plan" }));
  await screen.findByRole("button", { name: "Write Supply Plan sheet" });
  return pane;
}

const writePlanSheet = () => fireEvent.click(screen.getByRole("button", { name: "Write Supply Plan sheet" }));

test("the Supply Plan sheet holds every item-location's week lines and leaves the input sheets alone", async () => {
  const book = shop();
  const inputs = JSON.stringify([...book.sheets]);
  const { host } = await openPlan(book);
  writePlanSheet();
  // 7 item-locations × 8 weeks.
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("The Supply Plan sheet has 56 rows."));
  const sheet = host.book.sheet("Supply Plan")!;
  expect(sheet).toHaveLength(57);
  expect(sheet[0]).toEqual(HEADER);

  // WIDGET at MAIN, worked out in supplyPlan.test.ts: 30 recommended in week 1 (arrives week 3),
  // the planner's 35 in week 2 (arrives week 4, with PO-0007's 10), 5 recommended in week 6.
  // Order Value at ACME's 2.50 a unit. Weeks 1–2 are stockouts no order can reach (L = 2).
  const widget = sheet.filter((row) => row[0] === "WIDGET" && row[1] === "MAIN");
  expect(widget.map((row) => row[2])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  const week = (n: number) => widget[n - 1];
  expect(week(1)).toEqual(["WIDGET", "MAIN", 1, serialOfWeek(1), 10, 0, 0, -10, 0, 30, null, 30, 3, 75, "USD", "below-safety, stockout, inside-lead-time", "weekly-forecast"]);
  expect(week(2)).toEqual(["WIDGET", "MAIN", 2, serialOfWeek(2), 10, 0, 0, -20, 0, 0, 35, 35, 4, 87.5, "USD", "below-safety, stockout, inside-lead-time", "weekly-forecast"]);
  expect(week(3)).toEqual(["WIDGET", "MAIN", 3, serialOfWeek(3), 10, 0, 30, 0, 0, 0, null, 0, null, 0, "USD", "", "weekly-forecast"]);
  expect(week(4)).toEqual(["WIDGET", "MAIN", 4, serialOfWeek(4), 10, 10, 35, 35, 0, 0, null, 0, null, 0, "USD", "", "weekly-forecast"]);
  expect(week(6)).toEqual(["WIDGET", "MAIN", 6, serialOfWeek(6), 10, 0, 0, 15, 0, 5, null, 5, 8, 12.5, "USD", "", "weekly-forecast"]);
  expect(week(8)).toEqual(["WIDGET", "MAIN", 8, serialOfWeek(8), 10, 0, 5, 0, 0, 0, null, 0, null, 0, "USD", "", "weekly-forecast"]);

  // Writing the plan is not an input change: every other sheet is as it was.
  host.book.sheets.delete("Supply Plan");
  expect(JSON.stringify([...host.book.sheets])).toBe(inputs);
});

test("a long plan is written with progress up to the total, shown in the pane", async () => {
  // 100 SKUs × 26 weeks = 2,600 rows and the header: the memory host writes 2,000 rows at a time.
  const skus: CellValue[][] = Array.from({ length: 100 }, (_, i) => [`P${String(i + 1).padStart(3, "0")}`, "ACME", 0, 1, 10]);
  const book = new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23" }),
    Suppliers: SUPPLIERS,
    SKUs: [["SKU", "Supplier", "On Hand", "Unit Cost", "Weekly Forecast"], ...skus],
  });
  const { host } = await openPlan(book);
  let finish!: () => void;
  const writes = watchSheetWrites(host, new Promise<void>((resolve) => (finish = resolve)));
  writePlanSheet();
  const bar = await screen.findByRole("progressbar", { name: "Writing to the workbook: 2,601 of 2,601 rows" });
  expect(bar.getAttribute("aria-valuenow")).toBe("1");
  expect(writes.progress).toEqual([
    [2000, 2601],
    [2601, 2601],
    [2601, 2601],
  ]);
  expect(host.book.sheet("Supply Plan")).toHaveLength(2601);

  finish();
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("The Supply Plan sheet has 2,600 rows."));
  expect(screen.queryByRole("progressbar")).toBeNull();
  // On hand 0, demand 10, L = 2: from week 3 on each week's arrival (10, ordered two weeks before) meets its demand.
  expect(host.book.sheet("Supply Plan")!.at(-1)).toEqual(["P100", "MAIN", 26, serialOfWeek(26), 10, 0, 10, 0, 0, 0, null, 0, null, 0, "USD", "", "weekly-forecast"]);
});
