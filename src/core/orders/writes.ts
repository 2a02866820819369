import { isBlank } from "../cells";
import { findGrid, looseName, type WorkbookInput } from "../input";
import type { OutValue, SheetSpec } from "../sheetSpec";

/**
 * What an order action asks an adapter to write. Actions never write themselves:
 * the adapter (Excel, .xlsx, memory) applies these and nothing else, so that a
 * refused action can be sure it changed nothing.
 */
export interface Writes {
  /** Rows added below the last row of a sheet (or table), in this order. */
  append: RowAppend[];
  /** Single cells replaced in rows that already exist; every other cell is left as it is. */
  cells: CellWrite[];
}

export interface RowAppend {
  /** Worksheet name. */
  sheet: string;
  /** The Excel table to add the row to, when the data is a table. */
  table?: string;
  /** Zero-based worksheet column of `values[0]`. */
  col: number;
  /** Aligned with the sheet's header cells; columns the add-in does not know are `null`. */
  values: OutValue[];
}

export interface CellWrite {
  sheet: string;
  /** Zero-based worksheet row and column. */
  row: number;
  col: number;
  value: OutValue;
}

export const noWrites = (): Writes => ({ append: [], cells: [] });

/** Where a sheet's header and columns are, so that rows can be written under the right headers. */
export interface SheetLayout<K extends string> {
  sheet: string;
  table?: string;
  /** Zero-based worksheet row of the header. */
  headerRow: number;
  /** Zero-based worksheet column of the header's first cell. */
  firstCol: number;
  /** Header cells from `firstCol` through the last non-blank one. */
  width: number;
  /** Worksheet column of each known field found in the header (the first of duplicates, as the readers do). */
  columns: Map<K, number>;
}

/** The header layout of a sheet found the way the readers find it (table first, loose names). */
export function sheetLayout<K extends string>(input: WorkbookInput, name: string, fields: Record<K, string>): SheetLayout<K> | undefined {
  const grid = findGrid(input, name);
  if (!grid) return undefined;
  const header = grid.table ? 0 : grid.values.findIndex((row) => row && row.some((v) => !isBlank(v)));
  const cells = header < 0 ? [] : (grid.values[header] ?? []);
  const byName = new Map<string, K>();
  for (const key of Object.keys(fields) as K[]) byName.set(looseName(fields[key]), key);
  const originCol = grid.originCol ?? 0;
  const columns = new Map<K, number>();
  let width = 0;
  cells.forEach((cell, col) => {
    if (isBlank(cell)) return;
    width = col + 1;
    const key = byName.get(looseName(String(cell)));
    if (key !== undefined && !columns.has(key)) columns.set(key, originCol + col);
  });
  return {
    sheet: grid.sheet,
    table: grid.table ? grid.name : undefined,
    headerRow: (grid.originRow ?? 0) + Math.max(header, 0),
    firstCol: originCol,
    width,
    columns,
  };
}

/** A new row under the layout's headers; fields the sheet has no column for are not written. */
export function appendRow<K extends string>(layout: SheetLayout<K>, record: Partial<Record<K, OutValue>>): RowAppend {
  const values: OutValue[] = new Array(layout.width).fill(null);
  for (const [key, col] of layout.columns) {
    const value = record[key];
    if (value !== undefined) values[col - layout.firstCol] = value;
  }
  return { sheet: layout.sheet, table: layout.table, col: layout.firstCol, values };
}

/** Cell writes for the given fields of an existing row. */
export function rowCells<K extends string>(layout: SheetLayout<K>, row: number, record: Partial<Record<K, OutValue>>): CellWrite[] {
  const cells: CellWrite[] = [];
  for (const key of Object.keys(record) as K[]) {
    const col = layout.columns.get(key);
    const value = record[key];
    if (col !== undefined && value !== undefined) cells.push({ sheet: layout.sheet, row, col, value });
  }
  return cells;
}

/** Blanks every header column of a row (a blank row is skipped by every reader). */
export function clearRow<K extends string>(layout: SheetLayout<K>, row: number): CellWrite[] {
  return Array.from({ length: layout.width }, (_, i) => ({ sheet: layout.sheet, row, col: layout.firstCol + i, value: null }));
}

/**
 * The writes that change what a cell holds. A cell of an input table or sheet is
 * found where the readers found it; one that cannot be found is kept (better written twice).
 */
export function changedCells(input: WorkbookInput, cells: CellWrite[]): CellWrite[] {
  return cells.filter((write) => {
    const grid = input.grids.find((g) => g.sheet === write.sheet && write.row >= (g.originRow ?? 0) && write.col >= (g.originCol ?? 0));
    if (!grid) return true;
    const now = grid.values[write.row - (grid.originRow ?? 0)]?.[write.col - (grid.originCol ?? 0)];
    return isBlank(now) ? !isBlank(write.value) : now !== write.value;
  });
}

/**
 * Rows appended to sheets that are being created go into those sheets' own rows, for
 * an adapter that writes a file in one go (where a sheet cannot be added, then
 * appended to). Excel adds the sheets first, then applies the writes.
 */
export function foldIntoNewSheets(sheets: readonly SheetSpec[], writes: Writes): { sheets: SheetSpec[]; writes: Writes } {
  const names = new Set(sheets.map((s) => s.name));
  return {
    sheets: sheets.map((spec) => ({
      ...spec,
      rows: [...spec.rows, ...writes.append.filter((a) => a.sheet === spec.name).map((a) => [...new Array(a.col).fill(null), ...a.values])],
    })),
    writes: { append: writes.append.filter((a) => !names.has(a.sheet)), cells: writes.cells },
  };
}
