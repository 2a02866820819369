import { planItem } from "../../src/core/plan";
import { itemKey } from "../../src/core/catalog";
import { explain } from "../../src/core/why";
import { model } from "../helpers";
import { ARRIVES_IN_3, whySheets as sheets, WORKED_WEEK_1 } from "./whyFixture";

/** The sentences of the "why" of one order week of an item-location at MAIN. */
function why(sku: string, week: number, reviewWeeks = 1): string[] {
  const m = model(sheets(reviewWeeks));
  const plan = planItem(m.itemsByKey.get(itemKey(sku, "MAIN"))!, m.settings);
  return explain(plan, week, m.settings);
}

test("PLANNING.md's worked example: why week 1 orders 60", () => {
  expect(why("WORKED", 1)).toEqual(WORKED_WEEK_1);
});

test("a net need of 37 under a MOQ of 50 and a multiple of 12 orders 60", () => {
  expect(why("NEED37", 1)).toEqual([
    ARRIVES_IN_3,
    "Without it, stock would be 10 in week 3; safety stock is 47.",
    "Need: 47 − 10 = 37.",
    "The minimum order quantity 50 lifts it to 50.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
  ]);
});

test("a need above the MOQ is only rounded up to the multiple", () => {
  expect(why("NEED53", 1)).toEqual([
    ARRIVES_IN_3,
    "Without it, stock would be 10 in week 3; safety stock is 63.",
    "Need: 63 − 10 = 53.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
  ]);
});

test("no need, and no order that could arrive inside the plan", () => {
  // a=4: 70 − 30 = 40 without week 2's order, above the safety stock of 20.
  expect(why("WORKED", 2)).toEqual([
    "Ordered in week 2, it arrives in week 4 (lead time 10 days = 2 weeks).",
    "Without it, stock would be 40 in week 4; safety stock is 20.",
    "That is not below safety stock, so nothing is needed.",
  ]);
  expect(why("WORKED", 7)).toEqual(["Ordered in week 7 it would arrive in week 9 (lead time 10 days = 2 weeks), after the plan's 8 weeks: no recommendation."]);
});

test("the planner's quantity is said to replace the recommendation", () => {
  // MINE is WORKED with the planner's 40 in week 1: without it, still 10 in week 3.
  expect(why("MINE", 1)).toEqual([...WORKED_WEEK_1, "The planner's quantity 40 replaces the recommendation and is what the plan orders."]);
  // The plan follows the planner: 10 + 40 in week 3.
  expect(planItem(model(sheets()).itemsByKey.get(itemKey("MINE", "MAIN"))!, model(sheets()).settings).projected[3]).toBe(50);
});

test("a status that is not replenished says which status and where it comes from", () => {
  expect(why("DROPPED", 1)).toEqual(["No recommendation: purchase status D (Dropped), from the SKUs sheet, is not replenished automatically."]);
});

test("every other week with Review Weeks 2: the need covers both weeks until the next order arrives", () => {
  // Order weeks 1, 3, 5, 7. Week 1's order covers weeks 3–4: without it 10, then −20; need 20 − (−20) = 40,
  // lifted to 50 and rounded to 60.
  expect(why("WORKED", 1, 2)).toEqual([
    ARRIVES_IN_3,
    "Without it, stock would be -20 in week 4; safety stock is 20.",
    "Need: 20 − (-20) = 40.",
    "The minimum order quantity 50 lifts it to 50.",
    "Rounded up to a multiple of 12: 60.",
    "Recommended: 60.",
  ]);
  expect(why("WORKED", 2, 2)).toEqual(["Week 2 is not an order week: orders are reviewed every 2 weeks (weeks 1, 3, 5, …)."]);
});
