import type { OutValue } from "../../core/sheetSpec";
import type { Writes } from "../../core/orders/writes";
import { excelValue } from "../officeSheet";
import { type ExcelHost, withEventsOff } from "./host";

/** The sheets a batch of writes touches, for the change report. */
export function sheetsOf(writes: Writes): string[] {
  return [...new Set([...writes.append, ...writes.cells].map((w) => w.sheet))];
}

type Cell = string | number | boolean;

/** One range the batch writes: where, what it writes, and what it held before (to put back). */
interface Planned {
  sheet: string;
  table?: string;
  row: number;
  col: number;
  written: Cell[];
  /** What each cell held as typed (a formula's text, else its value); `""` below a sheet's used rows. */
  before: Cell[];
}

const asCells = (values: OutValue[]): Cell[] => values.map((v) => (v === null ? "" : excelValue(v)));

/** What a cell reads back as after `excelValue(v)` was written: text without Excel's text prefix. */
const readBack = (written: Cell): Cell => (typeof written === "string" && written.startsWith("'") ? written.slice(1) : written);

/** What to write to put a cell back as it was: a formula as a formula, text as text. */
const restore = (typed: Cell): Cell => (typeof typed === "string" && typed.startsWith("=") ? typed : excelValue(typed));

/**
 * Appends rows and replaces cells in one batch with events off, all or nothing.
 * Every sheet and table is looked up first: when one is missing it throws and
 * nothing is written. When the write itself fails partway (Excel has done the
 * commands before the one that failed), what it wrote is undone in a run of its
 * own: rows it appended are cleared (or taken out of their table), cells it
 * replaced get back what they held; only cells that still hold what this batch
 * wrote, so that a co-author's entry made meanwhile stays. Answers the zero-based
 * worksheet row of each appended row.
 */
export async function applyWrites(host: ExcelHost, writes: Writes): Promise<{ appendedRows: number[] }> {
  const names = sheetsOf(writes);
  const tableNames = [...new Set(writes.append.flatMap((w) => (w.table === undefined ? [] : [w.table])))];
  let planned: Planned[] = [];
  try {
    return await withEventsOff(host, async (context) => {
      const sheets = new Map(names.map((name) => [name, context.workbook.worksheets.getItemOrNullObject(name)]));
      const tables = new Map(tableNames.map((name) => [name, context.workbook.tables.getItemOrNullObject(name)]));
      await context.sync();
      const missing = names.find((name) => sheets.get(name)!.isNullObject) ?? tableNames.find((name) => tables.get(name)!.isNullObject);
      if (missing !== undefined) throw new Error(`The workbook has no sheet or table named "${missing}".`);
      const used = new Map([...sheets].map(([name, sheet]) => [name, sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount")]));
      const tableRanges = new Map([...tables].map(([name, table]) => [name, table.getRange().load("rowIndex,rowCount")]));
      const replaced = writes.cells.map(({ sheet, row, col }) => sheets.get(sheet)!.getRangeByIndexes(row, col, 1, 1).load("formulas"));
      await context.sync();

      // The next free row of each sheet and table, moving down as rows are appended.
      const next = new Map<string, number>();
      for (const [name, range] of used) next.set(name, range.isNullObject ? 0 : range.rowIndex + range.rowCount);
      for (const [name, range] of tableRanges) next.set(`table:${name}`, range.rowIndex + range.rowCount);
      planned = [
        ...writes.append.map(({ sheet, table, col, values }) => {
          const key = table === undefined ? sheet : `table:${table}`;
          const row = next.get(key)!;
          next.set(key, row + 1);
          return { sheet, table, row, col, written: asCells(values), before: values.map((): Cell => "") };
        }),
        ...writes.cells.map(({ sheet, row, col, value }, i) => ({ sheet, row, col, written: asCells([value]), before: [replaced[i].formulas[0][0] as Cell] })),
      ];
      // A table's added row says where it went: Excel puts it at the table's end as it is when the batch runs.
      const added = planned.map(({ sheet, table, row, col, written }) => {
        if (table !== undefined) return tables.get(table)!.rows.add(undefined, [written]).load("index");
        sheets.get(sheet)!.getRangeByIndexes(row, col, 1, written.length).values = [written];
        return undefined;
      });
      const headers = new Map([...tables].map(([name, table]) => [name, table.getRange().load("rowIndex")]));
      await context.sync();
      return {
        appendedRows: writes.append.map((w, i) => {
          const row = added[i];
          return row === undefined ? planned[i].row : headers.get(w.table!)!.rowIndex + 1 + row.index;
        }),
      };
    });
  } catch (error) {
    if (planned.length === 0) throw error;
    const reason = (error as Error).message;
    try {
      await undo(host, planned);
    } catch {
      throw new Error(`The write failed (${reason}) and could not be undone: check the rows it touched on ${names.join(", ")}.`, { cause: error });
    }
    throw new Error(`The write failed (${reason}); what it had written is undone, so nothing changed. Try again.`, { cause: error });
  }
}

/** Puts back what a failed batch may have written, where the cells still hold what it wrote. */
async function undo(host: ExcelHost, planned: Planned[]): Promise<void> {
  await withEventsOff(host, async (context) => {
    const ranges = planned.map(({ sheet, row, col, written }) => context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, col, 1, written.length).load("values"));
    const tables = new Map(planned.flatMap((p) => (p.table === undefined ? [] : [[p.table, context.workbook.tables.getItem(p.table).getRange().load("rowIndex,rowCount")]])));
    await context.sync();
    const ours = planned.map((p, i) => p.written.every((cell, c) => ranges[i].values[0][c] === readBack(cell)));
    // Bottom-up, so that taking a table row out does not move the ones still to take out.
    for (let i = planned.length - 1; i >= 0; i--) {
      const { sheet, table, row, col, before } = planned[i];
      if (!ours[i]) continue;
      if (table === undefined) context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, col, 1, before.length).values = [before.map(restore)];
      else if (row < tables.get(table)!.rowIndex + tables.get(table)!.rowCount)
        context.workbook.tables
          .getItem(table)
          .rows.getItemAt(row - tables.get(table)!.rowIndex - 1)
          .delete();
    }
    await context.sync();
  });
}
