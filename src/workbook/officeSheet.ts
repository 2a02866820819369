import { looseName } from "../core/input";
import { READ_SHEETS } from "../core/schema";
import type { OutValue, SheetSpec } from "../core/sheetSpec";

/**
 * The pure half of the Office adapter: which sheets are inputs, how a SheetSpec
 * becomes the 2-D arrays Excel takes, and how they are cut into syncs that stay
 * under Excel's request payload limit (5 MB on the web; we keep under 4 MB).
 */
export const INPUT_SHEETS = READ_SHEETS.map((sheet) => sheet.name);

const INPUT_KEYS = new Set(INPUT_SHEETS.map(looseName));

/** A sheet or table name that WORKBOOK.md's loose matching takes for an input sheet. */
export function isInputName(name: string): boolean {
  return INPUT_KEYS.has(looseName(name));
}

/** Values and formats per write sync: under 4 MB, leaving room for the commands around them. */
export const WRITE_LIMIT_BYTES = 3_500_000;
const GENERAL = "General";

/**
 * A value as Excel's `Range.values` must receive it. Strings get Excel's text
 * prefix (an apostrophe, not shown and not part of the value), so that `=SUM(…)`,
 * `-5`, `007` or `1/2` stay the text they are instead of becoming a formula, a
 * number or a date.
 */
export function excelValue(value: OutValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value;
}

export function columnCount(spec: SheetSpec): number {
  let n = 0;
  for (const row of spec.rows) n = Math.max(n, row.length);
  return n;
}

/** Row `r` of the sheet, padded to `cols` cells, ready for `Range.values`. */
export function valueRow(spec: SheetSpec, r: number, cols: number): (string | number | boolean)[] {
  const row = spec.rows[r];
  const out = new Array<string | number | boolean>(cols);
  for (let c = 0; c < cols; c++) out[c] = excelValue(row[c] ?? null);
  return out;
}

/** The first row that column formats apply to: below the table header (as the xlsx adapter does). */
function firstDataRow(spec: SheetSpec): number {
  return spec.table ? spec.table.headerRow + 1 : 0;
}

/** Row `r`'s number formats (`General` where the spec sets none). */
export function formatRow(spec: SheetSpec, r: number, cols: number): string[] {
  const out = new Array<string>(cols).fill(GENERAL);
  if (r < firstDataRow(spec)) return out;
  for (const [col, format] of Object.entries(spec.columnFormats ?? {})) {
    const c = Number(col);
    if (c < cols) out[c] = format;
  }
  return out;
}

/** Bytes a row adds to a request: its JSON, as office.js sends it. */
export function rowBytes(row: readonly unknown[]): number {
  return JSON.stringify(row).length + 1;
}

export interface RowChunk {
  from: number;
  /** Exclusive. */
  to: number;
  bytes: number;
}

/**
 * Consecutive row ranges whose values and formats each fit in `limit` bytes. A
 * single row larger than the limit still gets a chunk of its own.
 */
export function rowChunks(spec: SheetSpec, limit = WRITE_LIMIT_BYTES): RowChunk[] {
  const cols = columnCount(spec);
  const chunks: RowChunk[] = [];
  let from = 0;
  let bytes = 0;
  for (let r = 0; r < spec.rows.length; r++) {
    const size = rowBytes(valueRow(spec, r, cols)) + rowBytes(formatRow(spec, r, cols));
    if (r > from && bytes + size > limit) {
      chunks.push({ from, to: r, bytes });
      from = r;
      bytes = 0;
    }
    bytes += size;
  }
  if (spec.rows.length > from) chunks.push({ from, to: spec.rows.length, bytes });
  return chunks;
}

/** Excel column widths are in points; the spec's are in characters of the default font. */
export function widthInPoints(characters: number): number {
  return Math.round(characters * 7 + 5);
}
