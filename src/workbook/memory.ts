import type { CellValue, WorkbookInput } from "../core/input";
import type { Writes } from "../core/orders/writes";

export type SheetRows = CellValue[][];

/** A workbook held in memory: sheets of cell values, for tests and the demo page. A row is never changed in place (a changed row is a new one). */
export class MemoryWorkbook {
  readonly sheets = new Map<string, SheetRows>();

  constructor(
    sheets: Record<string, SheetRows> = {},
    readonly date1904 = false,
  ) {
    for (const [name, rows] of Object.entries(sheets))
      this.sheets.set(
        name,
        rows.map((row) => [...row]),
      );
  }

  /** A workbook over these rows themselves, not copies of them: rows made for it alone (a workbook just parsed or read from storage). */
  static taking(sheets: Record<string, SheetRows>, date1904 = false): MemoryWorkbook {
    const book = new MemoryWorkbook({}, date1904);
    for (const [name, rows] of Object.entries(sheets)) book.sheets.set(name, rows);
    return book;
  }

  input(): WorkbookInput {
    return {
      date1904: this.date1904,
      grids: [...this.sheets].map(([name, values]) => ({ name, sheet: name, values })),
    };
  }

  sheet(name: string): SheetRows | undefined {
    return this.sheets.get(name);
  }

  /** Replaces a whole sheet's values. */
  write(name: string, rows: SheetRows): void {
    this.sheets.set(
      name,
      rows.map((row) => [...row]),
    );
  }

  append(name: string, rows: SheetRows): void {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    sheet.push(...rows.map((row) => [...row]));
  }

  /**
   * Applies an action's writes as Excel would: rows below each sheet's last non-blank
   * row, then single cells. All or nothing: a missing sheet throws before anything is
   * written. Answers the zero-based row of each appended row, in order.
   */
  apply(writes: Writes): number[] {
    const missing = [...writes.append, ...writes.cells].map((w) => w.sheet).find((name) => !this.sheets.has(name));
    if (missing !== undefined) throw new Error(`The workbook has no sheet named "${missing}".`);
    const appendedRows = writes.append.map(({ sheet, col, values }) => {
      const rows = this.sheets.get(sheet)!;
      while (rows.length > 0 && isBlankRow(rows[rows.length - 1])) rows.pop();
      rows.push([...new Array<CellValue>(col).fill(null), ...values]);
      return rows.length - 1;
    });
    for (const { sheet, row, col, value } of writes.cells) {
      const rows = this.sheets.get(sheet)!;
      while (rows.length <= row) rows.push([]);
      // A new row rather than a changed one: what was read before keeps the values it was read with.
      const cells = (rows[row] = [...rows[row]]);
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    return appendedRows;
  }
}

function isBlankRow(row: CellValue[] | undefined): boolean {
  return !row || row.every((v) => v === null || v === undefined || v === "");
}
