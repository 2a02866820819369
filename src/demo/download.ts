import { dayFromDate, dayFromSerial, serialFromDay } from "../core/dates";
import { type CellValue, looseName, Uncalculated } from "../core/input";
import { type ColumnSpec, SHEETS } from "../core/schema";
import { FORMAT, type OutValue, type SheetSpec, type StyledRange } from "../core/sheetSpec";
import type { Download } from "../taskpane/host";
import type { MemoryWorkbook } from "../workbook/memory";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PLAN_START = looseName("Plan Start");

/**
 * The workbook in memory as an .xlsx file, written by the pane's own new-workbook
 * module: its values (a formula's saved result, not the formula), with the schema's
 * number formats (dates, money, quantities) on the columns Planster knows.
 */
export async function workbookDownload(book: MemoryWorkbook, name: string): Promise<Download> {
  const { xlsxBase64 } = await import(/* webpackChunkName: "new-workbook" */ "../taskpane/newWorkbook");
  const binary = atob(await xlsxBase64([...book.sheets].map(([sheet, rows]) => sheetSpec(sheet, rows, book.date1904))));
  const content = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) content[i] = binary.charCodeAt(i);
  return { name, mime: XLSX, content };
}

/**
 * One sheet with the formats of its known columns. The file is written in Excel's
 * 1900 date system, so the dates of a 1904 workbook (the date columns, a wide
 * Forecast's header dates, Plan Start) are moved into it.
 */
function sheetSpec(name: string, cells: CellValue[][], date1904: boolean): SheetSpec {
  const schema = Object.values(SHEETS).find((s) => looseName(s.name) === looseName(name));
  const header = cells.findIndex((row) => row.some((v) => v !== null && v !== undefined && v !== ""));
  const columns: (ColumnSpec | undefined)[] = (cells[header] ?? []).map(
    (cell) => schema && Object.values(schema.columns).find((c) => [c.header, ...(c.aliases ?? [])].some((h) => looseName(h) === looseName(String(cell ?? "")))),
  );
  const styles: StyledRange[] = [];
  const dated = (r: number, c: number): boolean => {
    if (r === header) return typeof cells[r][c] === "number";
    if (r > header && columns[c]?.type === "date") return true;
    return schema === SHEETS.settings && c === 1 && typeof cells[r][0] === "string" && looseName(cells[r][0]) === PLAN_START;
  };
  const rows = cells.map((row, r) =>
    Array.from(row, (value, c): OutValue => {
      if (value === undefined) return null;
      if (value instanceof Date) return serialFromDay(dayFromDate(value));
      // Values only: a formula saved without its result keeps its text, so that it is not lost without a trace.
      if (value instanceof Uncalculated) return String(value);
      if (typeof value !== "number" || !dated(r, c)) return value;
      // Only the header's and Plan Start's dates need a style of their own: the date columns have their format.
      if (r === header || columns[c]?.type !== "date") styles.push({ fromRow: r, toRow: r, fromCol: c, toCol: c, style: { numberFormat: FORMAT.date } });
      return date1904 ? serialFromDay(dayFromSerial(value, true)) : value;
    }),
  );
  const columnFormats: Record<number, string> = {};
  columns.forEach((spec, col) => {
    if (spec?.format) columnFormats[col] = spec.format;
  });
  return { name, rows, columnFormats, styles };
}
