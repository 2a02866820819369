import type { Writes } from "./orders/writes";
import type { SheetSpec } from "./sheetSpec";

/**
 * A change the core asks an adapter to make to the workbook: rows and cells
 * (`writes`), whole sheets to create or rebuild, or the reason it is refused, in
 * which case nothing at all is written.
 */
export type WorkbookEdit = { ok: true; writes?: Writes; sheets?: SheetSpec[] } | Refusal;

export interface Refusal {
  ok: false;
  reason: string;
}

export const refusal = (reason: string): Refusal => ({ ok: false, reason });
