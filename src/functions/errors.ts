/**
 * The errors a PLANSTER function answers with, as docs/functions.md names them. Kept free
 * of Office so that the answers can be tested in Node; `excelError` turns them into
 * `CustomFunctions.Error` at the edge.
 */
import type { Unplanned } from "../core/planned";

export type FunctionErrorCode = "#N/A" | "#VALUE!" | "#REF!";

export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

export function unknownSku(sku: string, warehouse?: string): FunctionError {
  return new FunctionError("#N/A", warehouse === undefined ? `Unknown SKU '${sku}'` : `Unknown SKU '${sku}' at warehouse '${warehouse}'`);
}

export function unknownPo(po: string): FunctionError {
  return new FunctionError("#N/A", `Unknown PO '${po}'`);
}

export function unknownSupplier(supplier: string): FunctionError {
  return new FunctionError("#N/A", `Unknown supplier '${supplier}'`);
}

export function unknownWarehouse(warehouse: string): FunctionError {
  return new FunctionError("#N/A", `Unknown warehouse '${warehouse}'`);
}

export function badArgument(message: string): FunctionError {
  return new FunctionError("#VALUE!", message);
}

/** What a cell says when there is no plan to answer from; unreadable input sheets: the message says which sheet and what to do. */
export function unplannedError(outcome: Unplanned): FunctionError {
  if (outcome.kind === "unreadable") return new FunctionError("#REF!", outcome.error);
  if (outcome.kind === "read-failed") return new FunctionError("#N/A", "Planster could not read the workbook just now (is a cell being edited?); it tries again in a moment.");
  return asFunctionError(outcome.error);
}

export const NO_STOCKOUT = "No stockout in the plan";

/**
 * Anything else that goes wrong inside a function: never shown as a JavaScript
 * exception text, which means nothing to a planner.
 */
export function asFunctionError(error: unknown): FunctionError {
  if (error instanceof FunctionError) return error;
  return new FunctionError("#N/A", "Planster could not compute this cell; it will try again when an input sheet changes.");
}
