import type { CellValue, WorkbookInput } from "../core/input";

export type SheetRows = CellValue[][];

/** A workbook held in memory: sheets of cell values, for tests and the demo page. */
export class MemoryWorkbook {
  readonly sheets = new Map<string, SheetRows>();

  constructor(sheets: Record<string, SheetRows> = {}, readonly date1904 = false) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.set(name, rows.map((row) => [...row]));
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
    this.sheets.set(name, rows.map((row) => [...row]));
  }

  append(name: string, rows: SheetRows): void {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    sheet.push(...rows.map((row) => [...row]));
  }
}
