/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import type { CellValue } from "../../src/core/input";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { settings, SUPPLIERS } from "../helpers";
import { openItem, projectedOf, recommendedOf, renderPane, weekAction } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

/*
 * PLANNING.md's worked example and two variants: on hand 100, demand 30 a week, lead time
 * 10 days (L = 2), MOQ 50, multiple 12, H = 8. Only the safety stock differs:
 *   WORKED SS 20: a=3 base 100 − 90 = 10, need 10; the MOQ lifts it to 50; 12 × ceil(50/12) = 60.
 *   NEED37 SS 47: need 47 − 10 = 37; the MOQ lifts it to 50; rounded to 60.
 *   NEED53 SS 63: need 63 − 10 = 53, above the MOQ; 12 × ceil(53/12) = 12 × 5 = 60.
 * DROPPED has status D (a buyer may order it by hand; never recommended). MINE has the
 * planner's 40 in week 1.
 */
function book(reviewWeeks = 1): MemoryWorkbook {
  const item = (sku: string, ss: number, status: string | null = null): CellValue[] => [sku, "ACME", 100, ss, 10, 50, 12, 1, 30, status];
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 8, "Review Weeks": reviewWeeks }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Supplier", "On Hand", "Safety Stock", "Lead Time Days", "MOQ", "Order Multiple", "Unit Cost", "Weekly Forecast", "Purchase Status"],
      item("WORKED", 20),
      item("NEED37", 47),
      item("NEED53", 63),
      item("DROPPED", 20, "D"),
      item("MINE", 20),
    ],
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["MINE", "MAIN", "2026-11-23", 40],
    ],
  });
}

/** The sentences of the "why" of one week of an item-location, as the pane shows them. */
async function why(sku: string, week: number): Promise<string[]> {
  await openItem(sku, "MAIN");
  await weekAction(week, "Why this quantity?");
  const region = await screen.findByRole("region", { name: `Why week ${week}` });
  return [...region.children].slice(1).map((line) => line.textContent!);
}

test("PLANNING.md's worked example: the week lines and why week 1 orders 60", async () => {
  await renderPane(book());
  expect(await why("WORKED", 1)).toEqual([
    "Ordered in week 1, it arrives in week 3 (lead time 10 days = 2 weeks).",
    "Without it, stock would be 10 in week 3; safety stock is 20.",
    "Need: 20 − 10 = 10.",
    "The minimum order quantity 50 lifts it to 50.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
  ]);
  // Weeks 1–2 cannot be covered (70, 40); then 60 arrives every other week: 70, 40, 70, …
  expect([1, 2, 3, 4, 5, 6, 7, 8].map(projectedOf)).toEqual(["70", "40", "70", "40", "70", "40", "70", "40"]);
  expect([1, 2, 3, 4, 5, 6, 7, 8].map(recommendedOf)).toEqual(["60", "0", "60", "0", "60", "0", "0", "0"]);
});

test("a net need of 37 under a MOQ of 50 and a multiple of 12 orders 60", async () => {
  await renderPane(book());
  expect(await why("NEED37", 1)).toEqual([
    "Ordered in week 1, it arrives in week 3 (lead time 10 days = 2 weeks).",
    "Without it, stock would be 10 in week 3; safety stock is 47.",
    "Need: 47 − 10 = 37.",
    "The minimum order quantity 50 lifts it to 50.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
  ]);
});

test("a need above the MOQ is only rounded up to the multiple", async () => {
  await renderPane(book());
  expect(await why("NEED53", 1)).toEqual([
    "Ordered in week 1, it arrives in week 3 (lead time 10 days = 2 weeks).",
    "Without it, stock would be 10 in week 3; safety stock is 63.",
    "Need: 63 − 10 = 53.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
  ]);
});

test("no need, and no order that could arrive inside the plan", async () => {
  await renderPane(book());
  // a=4: 70 − 30 = 40 without week 2's order, above the safety stock of 20.
  expect(await why("WORKED", 2)).toEqual([
    "Ordered in week 2, it arrives in week 4 (lead time 10 days = 2 weeks).",
    "Without it, stock would be 40 in week 4; safety stock is 20.",
    "That is not below safety stock, so nothing is needed.",
  ]);
  expect(await why("WORKED", 7)).toEqual(["Ordered in week 7 it would arrive in week 9 (lead time 10 days = 2 weeks), after the plan's 8 weeks: no recommendation."]);
});

test("the planner's quantity is said to replace the recommendation", async () => {
  await renderPane(book());
  // MINE is WORKED with the planner's 40 in week 1: without it, still 10 in week 3.
  expect(await why("MINE", 1)).toEqual([
    "Ordered in week 1, it arrives in week 3 (lead time 10 days = 2 weeks).",
    "Without it, stock would be 10 in week 3; safety stock is 20.",
    "Need: 20 − 10 = 10.",
    "The minimum order quantity 50 lifts it to 50.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
    "The planner's quantity 40 replaces the recommendation and is what the plan orders.",
  ]);
  expect(projectedOf(3)).toBe("50");
});

test("a status that is not replenished says which status and where it comes from", async () => {
  await renderPane(book());
  expect(await why("DROPPED", 1)).toEqual(["No recommendation: purchase status D (Dropped), from the SKUs sheet, is not replenished automatically."]);
});

test("every other week with Review Weeks 2: the need covers both weeks until the next order arrives", async () => {
  await renderPane(book(2));
  // Order weeks 1, 3, 5, 7. Week 1's order covers weeks 3–4: without it 10, then −20; need 20 − (−20) = 40,
  // lifted to 50 and rounded to 60.
  expect(await why("WORKED", 1)).toEqual([
    "Ordered in week 1, it arrives in week 3 (lead time 10 days = 2 weeks).",
    "Without it, stock would be -20 in week 4; safety stock is 20.",
    "Need: 20 − (-20) = 40.",
    "The minimum order quantity 50 lifts it to 50.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
  ]);
  expect(await why("WORKED", 2)).toEqual(["Week 2 is not an order week: orders are reviewed every 2 weeks (weeks 1, 3, 5, …)."]);
});
