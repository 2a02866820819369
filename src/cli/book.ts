import type ExcelJS from "exceljs";
import { isBlank } from "../core/cells";
import type { CellValue, WorkbookInput } from "../core/input";
import { readModel, type PlanningModel } from "../core/model";
import type { Writes } from "../core/orders/writes";
import type { Problem } from "../core/problems";
import type { SheetSpec } from "../core/sheetSpec";
import { XlsxBook } from "../workbook/xlsx";
import { CommandError, type CliIO } from "./io";

/**
 * What the commands that change a workbook (`sync`, `create-orders`, `receive`) need
 * of its file: its values, the orders core's Writes, whole sheets, and a save into
 * OUT that keeps every other sheet, cell, format and formula. The xlsx helper's
 * streaming XlsxBook has this very shape; until it is on main, today's exceljs book
 * stands behind it, and swapping is the one line of `openBook`.
 */
export interface ChangedBook {
  input(): WorkbookInput;
  /** Cells the file holds wrongly (the streaming reader's), reported with the workbook's problems. */
  readonly problems?: Problem[];
  apply(writes: Writes): void;
  writeSheet(spec: SheetSpec): void;
  save(out: string): Promise<unknown>;
}

export const openBook = async (path: string): Promise<ChangedBook> => exceljsBook(await XlsxBook.open(path));

/** Opens a workbook to change and reads its model; a workbook that cannot be planned stops the command. */
export async function openForChange(file: string, io: CliIO): Promise<{ book: ChangedBook; input: WorkbookInput; model: PlanningModel }> {
  const book = await openBook(file);
  const input = book.input();
  const read = readModel(input, { today: io.today });
  if (!read.ok) throw new CommandError(`${file}: ${read.error}`);
  read.model.problems.push(...(book.problems ?? []));
  return { book, input, model: read.model };
}

/** OUT: the --out option, else FILE with the command's suffix (`plan.xlsx` → `plan.orders.xlsx`). */
export function outPath(file: string, out: string | boolean | undefined, suffix: string): string {
  return typeof out === "string" ? out : `${file.replace(/\.xlsx$/i, "")}.${suffix}.xlsx`;
}

/**
 * Today's exceljs XlsxBook as a ChangedBook: rows go under a sheet's last row holding
 * a value, or right under a table (which grows to hold them), taking the formats of
 * the row above; single cells keep their cell's format.
 */
function exceljsBook(book: XlsxBook): ChangedBook {
  return {
    input: () => book.input(),
    writeSheet: (spec) => book.writeSheet(spec),
    save: (out) => book.save(out),
    apply: ({ append, cells }) => {
      const next = new Map<string, number>();
      const grids = append.length > 0 ? book.input().grids : [];
      for (const { sheet, table, col, values } of append) {
        const ws = book.workbook.getWorksheet(sheet);
        if (!ws) throw new CommandError(`The workbook has no sheet named "${sheet}", so nothing was written.`);
        const key = `${sheet}\u0000${table ?? ""}`;
        const row = next.get(key) ?? (table ? tableEnd(ws, table) : lastFilledRow(grids.find((g) => g.sheet === sheet && !g.table)?.values ?? [])) + 1;
        next.set(key, row + 1);
        values.forEach((value, i) => {
          const cell = ws.getCell(row + 1, col + i + 1);
          const above = row > 0 ? ws.getCell(row, col + i + 1) : undefined;
          if (above?.numFmt) cell.numFmt = above.numFmt;
          if (value !== null) cell.value = value;
        });
        if (table) growTable(ws, table, row);
      }
      for (const { sheet, row, col, value } of cells) {
        const ws = book.workbook.getWorksheet(sheet);
        if (!ws) throw new CommandError(`The workbook has no sheet named "${sheet}", so nothing was written.`);
        ws.getCell(row + 1, col + 1).value = value;
      }
    },
  };
}

function lastFilledRow(values: readonly (readonly CellValue[] | undefined)[]): number {
  for (let r = values.length - 1; r >= 0; r--) if (values[r]?.some((v) => !isBlank(v))) return r;
  return -1;
}

interface TableModel {
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
}

const tableModel = (ws: ExcelJS.Worksheet, name: string): TableModel => (ws.getTable(name) as unknown as { table: TableModel }).table;

/** Zero-based worksheet row of a table's last row. */
function tableEnd(ws: ExcelJS.Worksheet, name: string): number {
  const ref = tableModel(ws, name).tableRef ?? tableModel(ws, name).ref ?? "";
  return Number(/(\d+)$/.exec(ref)?.[1] ?? 1) - 1;
}

/** Extends a table's range (and its filter's) down to a zero-based row. */
function growTable(ws: ExcelJS.Worksheet, name: string, row: number): void {
  const model = tableModel(ws, name);
  const grow = (ref: string | undefined) => ref?.replace(/\d+$/, String(row + 1));
  model.tableRef = grow(model.tableRef ?? model.ref);
  if (model.autoFilterRef) model.autoFilterRef = grow(model.autoFilterRef);
}
