import ExcelJS from "exceljs";
import type { SheetSpec } from "../core/sheetSpec";

/**
 * Sheets as an .xlsx file in base64, for `Excel.createWorkbook`: values, column
 * formats, widths and bold or filled ranges. Loaded on demand (exceljs is large), so
 * only sharing a PO as a new workbook pays for it.
 */
export async function xlsxBase64(sheets: SheetSpec[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.creator = "Planster";
  for (const spec of sheets) {
    const ws = book.addWorksheet(spec.name);
    spec.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    spec.widths?.forEach((width, c) => (ws.getColumn(c + 1).width = width));
    const from = spec.table ? spec.table.headerRow + 1 : 0;
    for (const [col, numFmt] of Object.entries(spec.columnFormats ?? {})) {
      for (let r = from; r < spec.rows.length; r++) ws.getCell(r + 1, Number(col) + 1).numFmt = numFmt;
    }
    for (const { fromRow, toRow, fromCol, toCol, style } of spec.styles ?? []) {
      for (let r = fromRow; r <= toRow; r++) {
        for (let c = fromCol; c <= toCol; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          if (style.bold || style.fontSize) cell.font = { bold: style.bold, size: style.fontSize };
          if (style.numberFormat) cell.numFmt = style.numberFormat;
          if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
        }
      }
    }
  }
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
