import type ExcelJS from "exceljs";
import { dayFromDate, serialFromDay } from "../core/dates";
import { type CellValue, Uncalculated } from "../core/input";
import type { DemoBook } from "./book";

/**
 * Reads an .xlsx file in the browser. The project's own streaming reader works on
 * files through Node, so the page loads exceljs's browser build here, on demand:
 * only opening a workbook pays for its ~900 KB.
 */
export async function readXlsx(bytes: ArrayBuffer, name: string): Promise<DemoBook> {
  const { default: Excel } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new Error(`${name} is not an Excel workbook (.xlsx) that can be read.`);
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const sheets: Record<string, CellValue[][]> = {};
  workbook.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        values[c - 1] = cellValue(cell.value, date1904);
      });
      rows[r - 1] = Array.from(values, (v) => v ?? null);
    });
    sheets[ws.name] = Array.from(rows, (row) => row ?? []);
  });
  return { name, date1904, sheets };
}

/** What Excel's Range.values gives: dates as serials, a formula's saved result, rich text and links as their text. */
function cellValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialFromDay(dayFromDate(value), date1904);
  if (typeof value !== "object") return value;
  // A formula saved without its result is not blank (an On Hand of 0 would recommend buying): the core reports it.
  if (("formula" in value || "sharedFormula" in value) && (value as { result?: unknown }).result === undefined) {
    return new Uncalculated("formula" in value ? (value.formula ?? "") : "");
  }
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue, date1904);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}
