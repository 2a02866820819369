import { FunctionError } from "../../src/functions/errors";

/**
 * The hand-worked workbook the function tests share (see answers.test.ts for the
 * arithmetic). Plan Start Monday 2026-11-23 (serial 46349), 8 weeks.
 */
export type Cells = (string | number | boolean)[][];

export const SERIAL = {
  planStart: 46349, // 2026-11-23
  week3: 46363, // 2026-12-07
  week7: 46391, // 2027-01-04
  dec9: 46365, // 2026-12-09, inside week 3
  nov20: 46346, // 2026-11-20
};

export function sheets(): Record<string, Cells> {
  return {
    Settings: [
      ["Setting", "Value"],
      ["Plan Start", "2026-11-23"],
      ["Horizon Weeks", 8],
      ["Currency", "USD"],
    ],
    Suppliers: [
      ["Supplier", "Name", "Lead Time Days", "Currency"],
      ["ACME", "Acme Corp", 14, "USD"],
      ["EURO", "Euro Parts", 7, "EUR"],
    ],
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "On Hand", "Safety Stock", "Lead Time Days", "MOQ", "Order Multiple", "Unit Cost", "Weekly Forecast", "Purchase Status"],
      ["WIDGET", "MAIN", "ACME", 100, 20, 10, 50, 12, 2.5, 30, ""],
      ["WIDGET", "EAST", "ACME", 10, 0, "", "", "", 2.5, 5, "D"],
      ["GADGET", "MAIN", "EURO", 5, 0, "", "", "", 10.1, "", "T"],
    ],
    "Status Overrides": [
      ["SKU", "Warehouse", "District", "Region", "Status"],
      ["WIDGET", "MAIN", "", "", "M"],
    ],
    "Purchase Orders": [
      ["PO Number", "Supplier", "Warehouse", "Status", "Order Date", "Expected Delivery", "Currency"],
      ["PO-0001", "ACME", "EAST", "Submitted", "2026-11-20", "2026-12-02", ""],
      ["PO-0002", "EURO", "MAIN", "Received", "2026-10-01", "2026-10-15", ""],
      ["PO-0003", "ACME", "MAIN", "Cancelled", "2026-11-21", "2026-12-14", ""],
      ["PO-0004", "ACME", "MAIN", "Draft", "2026-12-01", "2027-02-01", "EUR"],
    ],
    "PO Lines": [
      ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Line Total", "Received Qty", "Expected Delivery"],
      ["PO-0001", 1, "WIDGET", 24, 2.5, 60, 0, ""],
      ["PO-0001", 2, "WIDGET", 10, 1.255, "", 4, "2027-06-01"],
      ["PO-0002", 1, "GADGET", 3, 10.1, 30.3, 3, ""],
      ["PO-0003", 1, "WIDGET", 100, 2.5, 250, 0, ""],
      ["PO-0004", 1, "WIDGET", 12, 2, 24, 0, ""],
    ],
  };
}

/** The function error an answer throws; the test fails when it throws none, or something else. */
export function fails(run: () => unknown): FunctionError {
  try {
    run();
  } catch (error) {
    if (error instanceof FunctionError) return error;
    throw error;
  }
  throw new Error("expected a FunctionError");
}
