import { MemoryWorkbook } from "../../src/workbook/memory";
import { settings } from "../helpers";

/*
 * Five item-locations with something to order in week 1, two with nothing, and three
 * problems. Plan Start 2026-11-23, H = 8, ACME's 14-day lead time (L = 2), so week 1's
 * order arrives in week 3 (2026-12-07). Demand 10 a week everywhere.
 *
 *   BETA  MAIN: on hand 5, SS 0, multiple 10. proj1 = -5, proj2 = -15; a=3 base -25,
 *               need 25 → 10 × ceil(2.5) = 30; 30 × 2.00 = 60.00. Short from week 1.
 *   ZED   MAIN: on hand 25, SS 0. proj1 = 15, proj2 = 5; a=3 base -5, need 5 → 5;
 *               5 × 3.00 = 15.00. Short from week 3 without the order.
 *   BETA  EAST: on hand 40, SS 15. proj1 = 30, proj2 = 20; a=3 base 10, need 15 − 10 = 5;
 *               5 × 2.00 = 10.00. Short (below 15) from week 3.
 *   ALPHA MAIN: as ZED at 1.00: 5 × 1.00 = 5.00, short from week 3.
 *   CALM  MAIN: on hand 100; the engine recommends 0 (a=3 base 70), but the planner
 *               orders 8 in week 1: 8 × 4.00 = 32.00. Without it, 100 − 10·w ≥ 20: never short.
 *   IDLE  MAIN: on hand 100, never below 0: nothing to order.
 *   GONE  MAIN: status T (Discontinued) is never recommended.
 *
 * Problems: the unknown setting "Colour" (Settings!A4), IDLE's MOQ "many" (SKUs!F7),
 * and an override dated "soon" ('Order Overrides'!C3).
 */
export function orderNowBook(): MemoryWorkbook {
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 8, Colour: "blue" }),
    Suppliers: [
      ["Supplier", "Name", "Lead Time Days", "Currency"],
      ["ACME", "Acme Corp", 14, "USD"],
    ],
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "On Hand", "Safety Stock", "MOQ", "Order Multiple", "Unit Cost", "Weekly Forecast", "Purchase Status"],
      ["ZED", "MAIN", "ACME", 25, 0, null, null, 3, 10, null],
      ["ALPHA", "MAIN", "ACME", 25, 0, null, null, 1, 10, null],
      ["BETA", "MAIN", "ACME", 5, 0, null, 10, 2, 10, null],
      ["BETA", "EAST", "ACME", 40, 15, null, null, 2, 10, null],
      ["CALM", "MAIN", "ACME", 100, 0, null, null, 4, 10, null],
      ["IDLE", "MAIN", "ACME", 100, 0, "many", null, 1, 10, null],
      ["GONE", "MAIN", "ACME", 0, 0, null, null, 1, 10, "T"],
    ],
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["CALM", "MAIN", "2026-11-23", 8],
      ["IDLE", "MAIN", "soon", 5],
    ],
  });
}
