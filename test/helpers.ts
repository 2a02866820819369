import { dayFromIso } from "../src/core/dates";
import type { CellValue, WorkbookInput } from "../src/core/input";
import { readModel, type PlanningModel } from "../src/core/model";
import { type PlannedWorkbook, planWorkbook } from "../src/core/planned";
import { MemoryWorkbook } from "../src/workbook/memory";

export const TODAY = dayFromIso("2026-11-23")!;

export function book(sheets: Record<string, CellValue[][]>): MemoryWorkbook {
  return new MemoryWorkbook(sheets);
}

/** Reads a workbook that must be readable; "today" is 2026-11-23 (a Monday). */
export function model(sheets: Record<string, CellValue[][]>): PlanningModel {
  const result = readModel(book(sheets).input(), { today: TODAY });
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

/** Reads and plans a workbook that must be plannable, today 2026-11-23. */
export function planned(input: WorkbookInput): PlannedWorkbook {
  const result = planWorkbook(input, TODAY);
  if (!result.ok) throw new Error(result.error);
  return result;
}

export function settings(rows: Record<string, CellValue>): CellValue[][] {
  return [["Setting", "Value"], ...Object.entries(rows).map(([k, v]) => [k, v])];
}

export const SUPPLIERS: CellValue[][] = [
  ["Supplier", "Name", "Lead Time Days", "Currency"],
  ["ACME", "Acme Corp", 14, "USD"],
];

export function messages(m: PlanningModel): string[] {
  return m.problems.map((p) => `${p.address}: ${p.message}`);
}
