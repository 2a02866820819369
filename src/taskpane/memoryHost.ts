import { localDay, type Day } from "../core/dates";
import type { CellValue, WorkbookInput } from "../core/input";
import { type CellRef, parseAddress } from "../core/problems";
import { MemoryWorkbook } from "../workbook/memory";
import type { SheetSpec } from "../core/sheetSpec";
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
 * The pane's host over a workbook held in memory: the demo page and the tests.
 * Writes behave as in Excel: checked first, then applied all together.
 */
export class MemoryHost implements WorkbookHost {
  selection: CellRef | undefined;
  /** The cells of the last write, as `sheet!row!col`, and its sheets: what a viewer highlights. */
  lastWrite = { sheets: new Set<string>(), cells: new Set<string>() };
  readonly created: CreatedBook[] = [];
  /** Dropdowns set by sheet writes, by sheet name. */
  readonly choices = new Map<string, SheetSpec["choices"]>();
  private readonly listeners = new Set<() => void>();
  private readonly viewers = new Set<() => void>();
  private readonly day: Day;

  constructor(
    readonly book: MemoryWorkbook,
    private readonly options: MemoryHostOptions = {},
  ) {
    this.day = options.today ?? localDay(new Date());
    this.secrets = options.secrets ?? memorySecrets();
  }

  readonly secrets: SecretStore;

  async read(): Promise<WorkbookInput> {
    return this.book.input();
  }

  async apply(writes: Writes): Promise<Applied> {
    const appendedRows = this.book.apply(writes);
    // What the grid highlights as just written.
    const touched = { sheets: new Set<string>(), cells: new Set<string>() };
    writes.append.forEach(({ sheet, col, values }, i) => {
      touched.sheets.add(sheet);
      values.forEach((_, j) => touched.cells.add(`${sheet}!${appendedRows[i]}!${col + j}`));
    });
    for (const { sheet, row, col } of writes.cells) {
      touched.sheets.add(sheet);
      touched.cells.add(`${sheet}!${row}!${col}`);
    }
    this.lastWrite = touched;
    this.changed();
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
    this.lastWrite = { sheets: new Set(sheets.map((s) => s.name)), cells: new Set() };
    this.changed();
  }

  async select(address: string): Promise<void> {
    const ref = parseAddress(address);
    if (!ref || !this.book.sheet(ref.sheet)) throw new Error(`There is no cell ${address} in this workbook.`);
    this.selection = ref;
    this.show();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async createWorkbook(name: string, sheets: SheetSpec[]): Promise<void> {
    const book = new MemoryWorkbook();
    for (const spec of sheets) book.write(spec.name, spec.rows);
    this.created.push({ name, book });
    this.show();
  }

  download(file: Download): void {
    this.options.onDownload?.(file);
  }

  today(): Day {
    return this.day;
  }

  /** The user edited a cell (the demo grid): as in Excel, the pane hears of it. */
  async edit(sheet: string, row: number, col: number, value: string | number | boolean | null): Promise<void> {
    await this.apply({ append: [], cells: [{ sheet, row, col, value }] });
  }

  /** Calls back on anything a viewer of the workbook shows: contents, selection, created workbooks. */
  watch(viewer: () => void): () => void {
    this.viewers.add(viewer);
    return () => this.viewers.delete(viewer);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
    this.show();
  }

  private show(): void {
    for (const viewer of [...this.viewers]) viewer();
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
