/**
 * A formula cell saved without its result (a workbook written by a tool that does not
 * calculate, or saved with calculation off). It is not blank: reading it as blank would
 * count an On Hand of 0 and recommend buying. `formula` is the formula without its `=`.
 */
export class Uncalculated {
  constructor(readonly formula: string) {}

  toString(): string {
    return `=${this.formula}`;
  }
}

/** What an adapter hands to the core: the cell values of sheets and tables, nothing more. */
export type CellValue = string | number | boolean | Date | Uncalculated | null | undefined;

export interface Grid {
  /** Sheet name, or table name when `table` is true. */
  name: string;
  /** The worksheet the values sit on (for cell addresses). */
  sheet: string;
  /** Zero-based position of `values[0][0]` on the worksheet. */
  originRow?: number;
  originCol?: number;
  /** An Excel table (ListObject): its first row is the header row. */
  table?: boolean;
  values: CellValue[][];
}

export interface WorkbookInput {
  grids: Grid[];
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

/** Names of sheets, tables, columns and settings compare case-insensitively, ignoring spaces, `_` and `-`. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/** A table wins over a sheet of the same loose name. */
export function findGrid(input: WorkbookInput, name: string): Grid | undefined {
  const key = looseName(name);
  let sheet: Grid | undefined;
  for (const grid of input.grids) {
    if (looseName(grid.name) !== key) continue;
    if (grid.table) return grid;
    sheet ??= grid;
  }
  return sheet;
}

/** A rectangle of a worksheet's cells, zero-based. */
export interface CellRange {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Cells written in place, as read back: `values[0][0]` is at zero-based worksheet row `row`, column `col` of `sheet`. */
export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  values: CellValue[][];
}

/**
 * A change to input sheets, as an adapter reports it. With `cells`: only values edited in
 * place in that range (typed, pasted, a co-author's, the add-in's own); without: anything
 * at all in those sheets (added, deleted, renamed, rows inserted or deleted, rewritten).
 */
export interface WorkbookChange {
  sheets: string[];
  cells?: CellRange;
}
