import { editedRanges } from "../core/cellEdits";
import { localDay, type Day } from "../core/dates";
import type { CellEdit, CellRange, CellValue, WorkbookChange, WorkbookInput } from "../core/input";
import { type CellRef, parseAddress } from "../core/problems";
import type { SheetSpec } from "../core/sheetSpec";
import type { WorkbookSource } from "../runtime/liveModel";
import { MemoryWorkbook } from "../workbook/memory";
import type { Applied, Download, Progress, SecretStore, WorkbookHost, Writes } from "./host";

/** Rows written between two progress reports of a long sheet write. */
const CHUNK = 2000;

export interface MemoryHostOptions {
  today?: Day;
  secrets?: SecretStore;
  /** Where downloads go (the demo page saves them; tests collect them). */
  onDownload?: (file: Download) => void;
}

/** A workbook created by "share as a new workbook", kept beside the open one. */
export interface CreatedBook {
  name: string;
  book: MemoryWorkbook;
}

/**
 * The pane's host over a workbook held in memory, for the demo page and the tests;
 * also the source of their live model (every write is a change, as in Excel).
 * Writes behave as in Excel: checked first, then applied all together.
 */
export class MemoryHost implements WorkbookHost, WorkbookSource {
  selection: CellRef | undefined;
  readonly created: CreatedBook[] = [];
  /** Dropdowns set by sheet writes, by sheet name. */
  readonly choices = new Map<string, SheetSpec["choices"]>();
  private readonly listeners = new Set<(change: WorkbookChange) => void>();
  private readonly day: Day;

  constructor(
    readonly book: MemoryWorkbook,
    private readonly options: MemoryHostOptions = {},
  ) {
    this.day = options.today ?? localDay(new Date());
    this.secrets = options.secrets ?? memorySecrets();
  }

  readonly secrets: SecretStore;

  /**
   * Every sheet's values, as of now: the rows are the workbook's own (it never changes one
   * in place), the lists of rows copies, so that the live model, which writes edits into
   * what it read, and the workbook, which adds rows, never change each other's.
   */
  async read(): Promise<WorkbookInput> {
    const input = this.book.input();
    return { ...input, grids: input.grids.map((grid) => ({ ...grid, values: grid.values.slice() })) };
  }

  /** Calls `listener` with every write (the pane's, or an edit of the demo grid). */
  async watch(listener: (change: WorkbookChange) => void): Promise<void> {
    this.listeners.add(listener);
  }

  /** Cells as they are now. */
  async readCells(ranges: CellRange[]): Promise<CellEdit[]> {
    return ranges.map(({ sheet, row, col, rows, cols }) => ({
      sheet,
      row,
      col,
      values: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => this.book.sheet(sheet)?.[row + i]?.[col + j] ?? null)),
    }));
  }

  async apply(writes: Writes): Promise<Applied> {
    const appendedRows = this.book.apply(writes);
    // As in Excel (OfficeWorkbook.apply): cells replaced, and a planner's row added by week, are edits; other rows added change the sheet.
    const edits = editedRanges(writes, appendedRows);
    if (!edits) this.changed([...new Set([...writes.append, ...writes.cells].map((w) => w.sheet))]);
    else for (const cells of edits) this.edited(cells);
    return { appendedRows };
  }

  async writeSheets(sheets: SheetSpec[], progress?: Progress): Promise<void> {
    const total = sheets.reduce((sum, s) => sum + s.rows.length, 0);
    let done = 0;
    for (const spec of sheets) {
      const rows: CellValue[][] = [];
      for (let from = 0; from < spec.rows.length; from += CHUNK) {
        rows.push(...spec.rows.slice(from, from + CHUNK).map((row) => [...row]));
        done += Math.min(CHUNK, spec.rows.length - from);
        progress?.(done, total);
        // Lets the page paint the progress between chunks, as Excel's batches do.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      this.book.write(spec.name, rows);
      if (spec.choices) this.choices.set(spec.name, spec.choices);
    }
    progress?.(total, total);
    this.changed(sheets.map((s) => s.name));
  }

  async select(address: string): Promise<void> {
    const ref = parseAddress(address);
    if (!ref || !this.book.sheet(ref.sheet)) throw new Error(`There is no cell ${address} in this workbook.`);
    this.selection = ref;
  }

  async createWorkbook(name: string, sheets: SheetSpec[]): Promise<void> {
    const book = new MemoryWorkbook();
    for (const spec of sheets) book.write(spec.name, spec.rows);
    this.created.push({ name, book });
  }

  download(file: Download): void {
    this.options.onDownload?.(file);
  }

  today(): Day {
    return this.day;
  }

  protected changed(sheets: string[]): void {
    for (const listener of [...this.listeners]) listener({ sheets });
  }

  /** Values were edited in place in a range (the demo grid's cells, the pane's replaced cells). */
  protected edited(cells: CellRange): void {
    for (const listener of [...this.listeners]) listener({ sheets: [cells.sheet], cells });
  }
}

/** Secrets kept for the life of the page only. */
export function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: (name) => values.get(name) ?? null,
    set: (name, value) => (value === null ? values.delete(name) : values.set(name, value)),
  };
}
