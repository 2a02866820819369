import { findGrid, type WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { SHEETS } from "./schema";

/** A step of reading (a sheet's reader, making the items, adding their receipts): problems are listed step by step. */
export type Phase = number;

/** Rows of one worksheet (zero-based worksheet rows) that a step reads again. */
export interface RowScope {
  sheet: string;
  rows: Iterable<number>;
}

interface Entry {
  problem: Problem;
  phase: Phase;
  /** Where in its step: an item-location's or order's position, else the sheet and row of the cell. */
  unit: number;
}

/**
 * The problems of one workbook state, in the order a full read finds them: step by
 * step (`PHASE`), and within a step item by item or order by order, or else row by
 * row of its sheet. The order depends only on the workbook, not on how it was read,
 * so that an edit that runs a step again over a few rows or items gives exactly the
 * list a full read gives (cellEdits.ts).
 *
 * Readers report into `inbox`, a plain array every sheet of the state keeps; each step
 * hands what it reported to the book.
 */
export class ProblemBook {
  /** Where every sheet of this state reports; emptied by `take` and `redoRows`. */
  readonly inbox: Problem[] = [];
  private entries: Entry[] = [];
  /** After the full read: entries are kept in order, new ones go in their place. */
  private sealed = false;
  private cached?: Problem[];
  private readonly ranks = new Map<string, number>();

  constructor(input: WorkbookInput) {
    // A worksheet ranks as the first schema sheet it holds (a table of SKUs on `Data` ranks as SKUs).
    Object.values(SHEETS).forEach((schema, rank) => {
      const grid = findGrid(input, schema.name);
      if (grid && !this.ranks.has(grid.sheet)) this.ranks.set(grid.sheet, rank);
    });
  }

  /** Files what a step reported: for one item-location or order (`unit`), else by the cells' rows. */
  take(phase: Phase, unit?: number): void {
    if (this.inbox.length === 0) return;
    for (const problem of this.inbox) this.file({ problem, phase, unit: unit ?? this.rowUnit(problem) });
    this.inbox.length = 0;
  }

  /** Forgets what a step reported for these item-locations or orders (they are made again). */
  drop(phase: Phase, units: ReadonlySet<number>): void {
    this.keep((e) => e.phase !== phase || !units.has(e.unit));
  }

  /**
   * Runs a reading step again over some rows: what it had reported at those rows gives
   * way to what it reports now. What it reports elsewhere (its sheet's header, read with
   * the rows) is filed already and is dropped. A step that goes on into the next phase
   * (checks made once the rows are read) says so with `then`.
   */
  redoRows<T>(phase: Phase, scopes: RowScope[], step: (then: (next: Phase) => void) => T): T {
    const units = new Set<number>();
    for (const { sheet, rows } of scopes) for (const row of rows) units.add(this.unitAt(sheet, row));
    let current = phase;
    const close = () => {
      const fresh = this.inbox.filter((problem) => units.has(this.rowUnit(problem)));
      this.inbox.length = 0;
      this.drop(current, units);
      this.inbox.push(...fresh);
      this.take(current);
    };
    this.inbox.length = 0;
    const result = step((next) => {
      close();
      current = next;
    });
    close();
    return result;
  }

  /** Every problem, in order (a new array after each change). */
  list(): Problem[] {
    if (!this.sealed) {
      // Stable: a step's problems of one unit keep the order they were found in.
      this.entries.sort(compare);
      this.sealed = true;
    }
    return (this.cached ??= this.entries.map((e) => e.problem));
  }

  private file(entry: Entry): void {
    this.cached = undefined;
    if (!this.sealed) {
      this.entries.push(entry);
      return;
    }
    // After the entries that sort with it: a unit's problems follow in the order found.
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.entries[mid], entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.entries.splice(lo, 0, entry);
  }

  private keep(test: (entry: Entry) => boolean): void {
    const before = this.entries.length;
    if (before === 0) return;
    this.entries = this.entries.filter(test);
    if (this.entries.length !== before) this.cached = undefined;
  }

  private rowUnit(problem: Problem): number {
    return this.unitAt(problem.sheet, rowOf(problem.cell));
  }

  /** Sheets in schema order (a sheet the schema does not know of after them), rows in order. */
  private unitAt(sheet: string, row: number): number {
    return (this.ranks.get(sheet) ?? UNKNOWN_SHEET) * ROWS + row;
  }
}

/** More rows than a worksheet has (Excel: 1,048,576). */
const ROWS = 2 ** 21;
const UNKNOWN_SHEET = 1_000;

function compare(a: Entry, b: Entry): number {
  return a.phase - b.phase || a.unit - b.unit;
}

/** `E7` → 6. */
function rowOf(cell: string): number {
  let i = 0;
  while (i < cell.length && cell.charCodeAt(i) > 57) i++;
  return Number(cell.slice(i)) - 1;
}
