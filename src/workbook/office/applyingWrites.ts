import type { Writes } from "../../core/orders/writes";
import { excelValue } from "../officeSheet";
import { type ExcelHost, withEventsOff } from "./host";

/** The sheets a batch of writes touches, for the change report. */
export function sheetsOf(writes: Writes): string[] {
  return [...new Set([...writes.append, ...writes.cells].map((w) => w.sheet))];
}

/**
 * Appends rows and replaces cells in one batch with events off. Every sheet and
 * table is looked up first: when one is missing it throws and nothing is written.
 * Answers the zero-based worksheet row of each appended row.
 */
export async function applyWrites(host: ExcelHost, writes: Writes): Promise<{ appendedRows: number[] }> {
  const names = sheetsOf(writes);
  const tableNames = [...new Set(writes.append.flatMap((w) => (w.table === undefined ? [] : [w.table])))];
  const appendedRows = await withEventsOff(host, async (context) => {
    const sheets = new Map(names.map((name) => [name, context.workbook.worksheets.getItemOrNullObject(name)]));
    const tables = new Map(tableNames.map((name) => [name, context.workbook.tables.getItemOrNullObject(name)]));
    await context.sync();
    const missing = names.find((name) => sheets.get(name)!.isNullObject) ?? tableNames.find((name) => tables.get(name)!.isNullObject);
    if (missing !== undefined) throw new Error(`The workbook has no sheet or table named "${missing}".`);
    const used = new Map([...sheets].map(([name, sheet]) => [name, sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount")]));
    const tableRanges = new Map([...tables].map(([name, table]) => [name, table.getRange().load("rowIndex,rowCount")]));
    await context.sync();

    // The next free row of each sheet and table, moving down as rows are appended.
    const next = new Map<string, number>();
    for (const [name, range] of used) next.set(name, range.isNullObject ? 0 : range.rowIndex + range.rowCount);
    for (const [name, range] of tableRanges) next.set(`table:${name}`, range.rowIndex + range.rowCount);
    const rows = writes.append.map(({ sheet, table, col, values }) => {
      const key = table === undefined ? sheet : `table:${table}`;
      const row = next.get(key)!;
      next.set(key, row + 1);
      const cells = [values.map((v) => (v === null ? "" : excelValue(v)))];
      if (table !== undefined) tables.get(table)!.rows.add(undefined, cells);
      else sheets.get(sheet)!.getRangeByIndexes(row, col, 1, values.length).values = cells;
      return row;
    });
    for (const { sheet, row, col, value } of writes.cells) {
      sheets.get(sheet)!.getRangeByIndexes(row, col, 1, 1).values = [[excelValue(value)]];
    }
    await context.sync();
    return rows;
  });
  return { appendedRows };
}
