import type { CellValue } from "../../src/core/input";
import { settings, SUPPLIERS } from "../helpers";

/*
 * PLANNING.md's worked example and two variants: on hand 100, demand 30 a week, lead time
 * 10 days (L = 2), MOQ 50, multiple 12, H = 8. Only the safety stock differs:
 *   WORKED SS 20: a=3 base 100 − 90 = 10, need 10; the MOQ lifts it to 50; 12 × ceil(50/12) = 60.
 *   NEED37 SS 47: need 47 − 10 = 37; the MOQ lifts it to 50; rounded to 60.
 *   NEED53 SS 63: need 63 − 10 = 53, above the MOQ; 12 × ceil(53/12) = 12 × 5 = 60.
 * DROPPED has status D (a buyer may order it by hand; never recommended). MINE has the
 * planner's 40 in week 1.
 */
export function whySheets(reviewWeeks = 1): Record<string, CellValue[][]> {
  const item = (sku: string, ss: number, status: string | null = null): CellValue[] => [sku, "ACME", 100, ss, 10, 50, 12, 1, 30, status];
  return {
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
  };
}

/** Week 1's order of WORKED (and of NEED37, NEED53, MINE): it arrives in week 3. */
export const ARRIVES_IN_3 = "Ordered in week 1, it arrives in week 3 (lead time 10 days = 2 weeks).";

/** docs/planning.md's worked example: why WORKED orders 60 in week 1. */
export const WORKED_WEEK_1 = [
  ARRIVES_IN_3,
  "Without it, stock would be 10 in week 3; safety stock is 20.",
  "Need: 20 − 10 = 10.",
  "The minimum order quantity 50 lifts it to 50.",
  "Rounded up to a multiple of 12: 60.",
  "Recommended: 60.",
];
