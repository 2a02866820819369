import { columnLetters } from "../../core/problems";
import type { SheetSpec } from "../../core/sheetSpec";
import { columnCount, formatRow, rowChunks, valueRow, widthInPoints } from "../officeSheet";
import { type ExcelHost, withEventsOff } from "./host";

/** A sheet to write, with optional dropdowns in the cells under its header (the pane's `SheetWrite`). */
export interface SheetWithChoices extends SheetSpec {
  choices?: { col: number; values: string[] }[];
}

export interface WriteReport {
  syncs: number;
  chunks: number;
  /** The largest values-and-formats payload of one sync, in bytes of JSON. */
  largestChunkBytes: number;
}

/** Rows of a dropdown column below the header: enough for years of purchase orders. */
const CHOICE_ROWS = 10_000;

/**
 * Writes a sheet (created when missing, cleared when present) in chunks of rows
 * under `limit` bytes per sync, with events off; then formats, the table, the
 * freeze and print settings, and the dropdowns.
 */
export async function writeSheet(host: ExcelHost, spec: SheetWithChoices, limit: number, progress?: (rows: number) => void): Promise<WriteReport> {
  const cols = columnCount(spec);
  const chunks = rowChunks(spec, limit);
  let syncs = 0;
  await withEventsOff(host, async (context) => {
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const existing = context.workbook.worksheets.getItemOrNullObject(spec.name);
    await sync();
    const sheet = existing.isNullObject ? context.workbook.worksheets.add(spec.name) : existing;
    if (!existing.isNullObject) {
      // Rebuilt in place (formulas elsewhere that point at it keep working): its tables go first.
      existing.tables.load({ name: true });
      await sync();
      for (const table of existing.tables.items) table.delete();
      sheet.getRange().clear();
    }
    for (const chunk of chunks) {
      if (cols === 0) break;
      const values = [];
      const formats = [];
      for (let r = chunk.from; r < chunk.to; r++) {
        values.push(valueRow(spec, r, cols));
        formats.push(formatRow(spec, r, cols));
      }
      const range = sheet.getRangeByIndexes(chunk.from, 0, chunk.to - chunk.from, cols);
      range.numberFormat = formats;
      range.values = values;
      await sync();
      progress?.(chunk.to);
    }
    await applyLayout(sheet, spec, cols, sync);
    for (const { col, values } of spec.choices ?? []) {
      const below = (spec.table?.headerRow ?? 0) + 1;
      sheet.getRangeByIndexes(below, col, CHOICE_ROWS, 1).dataValidation.rule = { list: { inCellDropDown: true, source: values.join(",") } };
    }
    if (spec.choices?.length) await sync();
  });
  // The last sync is the one that turns events back on.
  return { syncs: syncs + 1, chunks: chunks.length, largestChunkBytes: Math.max(0, ...chunks.map((c) => c.bytes)) };
}

/** Styled ranges per sync: each is a handful of small commands, so this stays far under the limit. */
const STYLES_PER_SYNC = 2_000;

async function applyLayout(sheet: Excel.Worksheet, spec: SheetSpec, cols: number, sync: () => Promise<void>): Promise<void> {
  let queued = 0;
  for (const { fromRow, toRow, fromCol, toCol, style } of spec.styles ?? []) {
    if (++queued % STYLES_PER_SYNC === 0) await sync();
    const range = sheet.getRangeByIndexes(fromRow, fromCol, toRow - fromRow + 1, toCol - fromCol + 1);
    if (style.bold !== undefined) range.format.font.bold = style.bold;
    if (style.italic !== undefined) range.format.font.italic = style.italic;
    if (style.fontSize !== undefined) range.format.font.size = style.fontSize;
    if (style.color !== undefined) range.format.font.color = `#${style.color}`;
    if (style.fill !== undefined) range.format.fill.color = `#${style.fill}`;
    if (style.align !== undefined) range.format.horizontalAlignment = style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right";
    if (style.wrap !== undefined) range.format.wrapText = style.wrap;
    if (style.numberFormat !== undefined) {
      range.numberFormat = Array.from({ length: toRow - fromRow + 1 }, () => new Array<string>(toCol - fromCol + 1).fill(style.numberFormat!));
    }
  }
  spec.widths?.forEach((width, c) => {
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widthInPoints(width);
  });
  if (spec.table && cols > 0 && spec.rows.length > spec.table.headerRow) {
    const { headerRow } = spec.table;
    const address = `A${headerRow + 1}:${columnLetters(cols - 1)}${spec.rows.length}`;
    const table = sheet.tables.add(address, true);
    table.name = spec.table.name;
    table.style = spec.table.style ?? "TableStyleMedium2";
  }
  if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows);
  if (spec.print) {
    if (spec.print.landscape !== undefined) sheet.pageLayout.orientation = spec.print.landscape ? "Landscape" : "Portrait";
    if (spec.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  await sync();
}
