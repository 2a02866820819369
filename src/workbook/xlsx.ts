import { stat, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { type CellValue, type Grid, looseName, type WorkbookInput } from "../core/input";
import type { CellStyle, SheetSpec } from "../core/sheetSpec";

/** A workbook file could not be opened; the message is one sentence for the user. */
export class WorkbookFileError extends Error {}

/** An .xlsx file read with exceljs: its cell values for the core, and a place to write sheets. */
export class XlsxBook {
  /** Set by `fixTimestamps`: the moment written everywhere a file would record the time. */
  private fixedTime?: Date;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async open(path: string): Promise<XlsxBook> {
    const workbook = new ExcelJS.Workbook();
    const stats = await stat(path).catch(() => undefined);
    if (!stats) throw new WorkbookFileError(`No such file: ${path}`);
    if (!stats.isFile()) throw new WorkbookFileError(`${path} is not a file.`);
    try {
      await workbook.xlsx.readFile(path);
    } catch {
      throw new WorkbookFileError(`${path} is not an Excel workbook (.xlsx) that can be read.`);
    }
    return new XlsxBook(workbook);
  }

  static create(): XlsxBook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Planster";
    return new XlsxBook(workbook);
  }

  input(): WorkbookInput {
    const grids: Grid[] = [];
    this.workbook.eachSheet((ws) => {
      const values = sheetValues(ws);
      grids.push({ name: ws.name, sheet: ws.name, values });
      for (const table of ws.getTables()) {
        const model = (table as unknown as { table: { name: string; ref?: string; tableRef?: string } }).table;
        const ref = model.tableRef ?? model.ref;
        if (!ref) continue;
        const [from, to] = ref.split(":").map(decodeCell);
        const lastRow = to ? to.row : values.length - 1;
        const lastCol = to ? to.col : from.col;
        const tableValues = values.slice(from.row, lastRow + 1).map((row) => Array.from({ length: lastCol - from.col + 1 }, (_, i) => row?.[from.col + i]));
        grids.push({ name: model.name, sheet: ws.name, originRow: from.row, originCol: from.col, table: true, values: tableValues });
      }
    });
    return { grids, date1904: Boolean((this.workbook.properties as { date1904?: boolean }).date1904) };
  }

  /**
   * Writes a sheet, replacing any sheet of that name; nothing else is touched. Names compare
   * loosely, as the add-in finds sheets: a planner's `supply_plan` is the Supply Plan, and
   * Excel refuses two names that differ only in case.
   */
  writeSheet(spec: SheetSpec): void {
    const existing = this.workbook.worksheets.find((ws) => looseName(ws.name) === looseName(spec.name));
    if (existing) this.workbook.removeWorksheet(existing.id);
    const ws = this.workbook.addWorksheet(spec.name, {
      views: spec.freezeRows ? [{ state: "frozen", ySplit: spec.freezeRows }] : undefined,
      pageSetup: spec.print ? { orientation: spec.print.landscape ? "landscape" : "portrait", fitToPage: spec.print.fitToWidth, fitToWidth: 1, fitToHeight: 0 } : undefined,
    });
    const tableAt = spec.table?.headerRow ?? spec.rows.length;
    spec.rows.slice(0, tableAt).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    if (spec.table) {
      const header = spec.rows[tableAt].map((v) => String(v ?? ""));
      ws.addTable({
        name: spec.table.name,
        ref: `A${tableAt + 1}`,
        headerRow: true,
        style: { theme: (spec.table.style ?? "TableStyleMedium2") as "TableStyleMedium2", showRowStripes: true },
        columns: header.map((name) => ({ name, filterButton: true })),
        rows: spec.rows.slice(tableAt + 1).map((row) => row.map((v) => v ?? "")),
      });
    }
    spec.widths?.forEach((width, c) => (ws.getColumn(c + 1).width = width));
    const dataFrom = spec.table ? tableAt + 1 : 0;
    for (const [col, numFmt] of Object.entries(spec.columnFormats ?? {})) {
      for (let r = dataFrom; r < spec.rows.length; r++) ws.getCell(r + 1, Number(col) + 1).numFmt = numFmt;
    }
    for (const range of spec.styles ?? []) {
      for (let r = range.fromRow; r <= range.toRow; r++) {
        for (let c = range.fromCol; c <= range.toCol; c++) applyStyle(ws.getCell(r + 1, c + 1), range.style);
      }
    }
    if (spec.print?.title) ws.headerFooter.oddHeader = `&C${spec.print.title.replace(/&/g, "&&")}`;
  }

  /**
   * Makes the saved bytes depend on the contents only: the document's created and
   * modified dates and every zip entry's time become `moment`.
   */
  fixTimestamps(moment: Date): void {
    this.fixedTime = moment;
    this.workbook.created = moment;
    this.workbook.modified = moment;
  }

  async save(path: string): Promise<void> {
    if (this.fixedTime) await writeFile(path, await this.buffer());
    else await this.workbook.xlsx.writeFile(path);
  }

  async buffer(): Promise<Buffer> {
    const zip = Buffer.from(await this.workbook.xlsx.writeBuffer());
    if (this.fixedTime) stampZipEntries(zip, this.fixedTime);
    return zip;
  }
}

/** Overwrites the MS-DOS time and date of every entry, in the central directory and in each local header. */
function stampZipEntries(zip: Buffer, moment: Date): void {
  const time = (moment.getUTCHours() << 11) | (moment.getUTCMinutes() << 5) | (moment.getUTCSeconds() >> 1);
  const date = ((moment.getUTCFullYear() - 1980) << 9) | ((moment.getUTCMonth() + 1) << 5) | moment.getUTCDate();
  // End of central directory: signature, then the entry count at +10 and the directory's offset at +16.
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return;
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0 && zip.readUInt32LE(at) === 0x02014b50; n--) {
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(time, local + 10);
      zip.writeUInt16LE(date, local + 12);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontSize || style.color) {
    // A font without a name or size falls back to the reader's own default (a serif face in LibreOffice).
    const font: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11, ...cell.font };
    if (style.bold) font.bold = true;
    if (style.italic) font.italic = true;
    if (style.fontSize) font.size = style.fontSize;
    if (style.color) font.color = { argb: `FF${style.color}` };
    cell.font = font;
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
  if (style.align || style.wrap) cell.alignment = { horizontal: style.align, wrapText: style.wrap };
}

function decodeCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function sheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      out[col - 1] = plainValue(cell.value);
    });
    values[rowNumber - 1] = out;
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return values;
}

/** Formulas give their cached result; rich text and hyperlinks their text; errors their `#` code. */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("result" in value) return plainValue(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return null;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}
