/**
 * A sheet to write, as data plus formats, so that every adapter (Excel, .xlsx
 * files, memory) renders the same thing. Dates are Excel serial numbers with a
 * date format; money is a number already rounded to cents by the core.
 */
export type OutValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Excel number format, e.g. `yyyy-mm-dd` or `#,##0.00`. */
  numberFormat?: string;
  /** Fill colour as RRGGBB. */
  fill?: string;
  /** Font colour as RRGGBB. */
  color?: string;
  align?: "left" | "center" | "right";
  wrap?: boolean;
}

/** A style over a rectangle of zero-based, inclusive rows and columns. */
export interface StyledRange {
  fromRow: number;
  toRow: number;
  fromCol: number;
  toCol: number;
  style: CellStyle;
}

export interface TableSpec {
  name: string;
  /** Zero-based row of the table's header; the table spans every column of that row and the rows below it. */
  headerRow: number;
  style?: string;
}

/** A list of allowed values for a column, shown as a dropdown in the cells under its header. */
export interface ColumnChoices {
  col: number;
  values: string[];
}

export interface SheetSpec {
  name: string;
  /** Values from A1 down. Strings are always written as text, never as formulas. */
  rows: OutValue[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Number formats per column (zero-based), applied below the header. */
  columnFormats?: Record<number, string>;
  styles?: StyledRange[];
  table?: TableSpec;
  /** Rows kept visible when scrolling. */
  freezeRows?: number;
  print?: { landscape?: boolean; fitToWidth?: boolean; title?: string };
  /** Dropdowns in the cells below the header. */
  choices?: ColumnChoices[];
}

/**
 * A row of a sheet too big to hold (a Supply Plan of millions of rows), made when it is
 * written: its values and a style over its whole width (shortages highlighted).
 */
export interface StreamedRow {
  values: OutValue[];
  style?: CellStyle;
}

export const FORMAT = {
  date: "yyyy-mm-dd",
  money: "#,##0.00",
  quantity: "#,##0.##",
  integer: "0",
} as const;
