import type { SheetSpec } from "../core/sheetSpec";
import type { Applied, Progress, Writes } from "../taskpane/host";
import { MemoryHost } from "../taskpane/memoryHost";

/**
 * The demo page's workbook: the pane's in-memory host, plus what its stand-in for
 * Excel (the grid) needs to show: the cells of the last write, and a call on
 * anything it shows (contents, selection, created workbooks).
 */
export class DemoHost extends MemoryHost {
  /** The cells of the last write, as `sheet!row!col`, and its sheets: what the grid highlights. */
  lastWrite = { sheets: new Set<string>(), cells: new Set<string>() };
  private readonly viewers = new Set<() => void>();

  override async apply(writes: Writes): Promise<Applied> {
    const applied = await super.apply(writes);
    const touched = { sheets: new Set<string>(), cells: new Set<string>() };
    writes.append.forEach(({ sheet, col, values }, i) => {
      touched.sheets.add(sheet);
      values.forEach((_, j) => touched.cells.add(`${sheet}!${applied.appendedRows[i]}!${col + j}`));
    });
    for (const { sheet, row, col } of writes.cells) {
      touched.sheets.add(sheet);
      touched.cells.add(`${sheet}!${row}!${col}`);
    }
    this.lastWrite = touched;
    this.show();
    return applied;
  }

  override async writeSheets(sheets: SheetSpec[], progress?: Progress): Promise<void> {
    await super.writeSheets(sheets, progress);
    this.lastWrite = { sheets: new Set(sheets.map((s) => s.name)), cells: new Set() };
    this.show();
  }

  override async select(address: string): Promise<void> {
    await super.select(address);
    this.show();
  }

  override async createWorkbook(name: string, sheets: SheetSpec[]): Promise<void> {
    await super.createWorkbook(name, sheets);
    this.show();
  }

  /** Calls `viewer` whenever what the grid shows changes; answers an unsubscribe. */
  observe(viewer: () => void): () => void {
    this.viewers.add(viewer);
    return () => this.viewers.delete(viewer);
  }

  private show(): void {
    for (const viewer of [...this.viewers]) viewer();
  }
}
