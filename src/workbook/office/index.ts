import { editedRanges } from "../../core/cellEdits";
import type { CellEdit, CellRange, WorkbookChange, WorkbookInput } from "../../core/input";
import type { Writes } from "../../core/orders/writes";
import { parseAddress } from "../../core/problems";
import { isInputName, WRITE_LIMIT_BYTES } from "../officeSheet";
import { applyWrites, sheetsOf } from "./applyingWrites";
import { ChangeWatcher } from "./events";
import type { ExcelHost } from "./host";
import { InputReader, type ReadOptions } from "./reading";
import { type SheetWithChoices, writeSheet, type WriteReport } from "./sheetWriting";

export type { ExcelHost } from "./host";
export type { SheetWithChoices, WriteReport } from "./sheetWriting";
export type OfficeWorkbookOptions = ReadOptions;

/** Rows written so far of all the sheets of one write. */
export type Progress = (done: number, total: number) => void;

/**
 * The workbook open in Excel, seen through office.js: reads every input sheet in
 * one sync (reading.ts), reports which input sheets changed (events.ts), writes
 * sheets in chunks (sheetWriting.ts) and applies the orders core's writes
 * (applyingWrites.ts), every write with events off (host.ts).
 */
export class OfficeWorkbook {
  private readonly reader: InputReader;
  private readonly watcher: ChangeWatcher;

  constructor(
    private readonly host: () => ExcelHost = () => Excel,
    options: OfficeWorkbookOptions = {},
  ) {
    this.reader = new InputReader(host, options);
    this.watcher = new ChangeWatcher(host, this.reader);
  }

  /** Every input sheet and table as grids, in one sync when nothing was added since the last read. */
  read(): Promise<WorkbookInput> {
    return this.reader.read();
  }

  /** Calls `listener` with every change of input sheets, co-authors' edits included. */
  watch(listener: (change: WorkbookChange) => void): Promise<void> {
    return this.watcher.watch(listener);
  }

  /** Edited ranges as they are now, with the input sheets' formula cells, in one sync (reading.ts). */
  readCells(ranges: CellRange[]): Promise<CellEdit[] | undefined> {
    return this.reader.readCells(ranges);
  }

  /** The add-in wrote into a sheet itself (events are off while it writes). */
  wrote(sheet: string): void {
    this.watcher.report([sheet]);
  }

  /**
   * Writes a sheet (created when missing, cleared when present) in chunks of rows
   * under 4 MB per sync, with events off so that the write does not wake every
   * function cell; then formats, the table, the freeze and print settings.
   */
  async writeSheet(spec: SheetWithChoices, limit = WRITE_LIMIT_BYTES, progress?: (rows: number) => void): Promise<WriteReport> {
    try {
      return await writeSheet(this.host(), spec, limit, progress);
    } finally {
      // Even a write that failed halfway may have changed the sheet.
      if (isInputName(spec.name)) this.wrote(spec.name);
    }
  }

  /** Writes several sheets one after the other, reporting rows written over all of them. */
  async writeSheets(specs: SheetWithChoices[], progress?: Progress): Promise<void> {
    const total = specs.reduce((n, spec) => n + spec.rows.length, 0);
    let before = 0;
    for (const spec of specs) {
      await this.writeSheet(spec, WRITE_LIMIT_BYTES, (rows) => progress?.(before + rows, total));
      before += spec.rows.length;
    }
    progress?.(total, total);
  }

  /**
   * Appends rows and replaces cells in one batch with events off, all or nothing.
   * Answers the zero-based worksheet row of each appended row.
   */
  async apply(writes: Writes): Promise<{ appendedRows: number[] }> {
    const applied = await applyWrites(this.host(), writes);
    // Cells replaced, and a planner's row added by week, are edits the live model follows by itself; other rows added are not.
    const edits = editedRanges(writes, applied.appendedRows);
    if (!edits) this.watcher.report(sheetsOf(writes));
    else for (const cells of edits) this.watcher.report([cells.sheet], cells);
    return applied;
  }

  /** Selects the cell of an address such as `SKUs!E7` or `'PO Lines'!C4`, showing its sheet. */
  async select(address: string): Promise<void> {
    const ref = parseAddress(address);
    if (!ref) throw new Error(`${address} is not a cell address.`);
    await this.host().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(ref.row, ref.col, 1, 1).select();
      await context.sync();
    });
  }

  /** The name of a worksheet by its id (an added sheet's event carries only the id). */
  nameOf(worksheetId: string): Promise<string | undefined> {
    return this.watcher.nameOf(worksheetId);
  }
}
