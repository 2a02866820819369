import type { CellRange, WorkbookChange } from "../../core/input";
import { columnOf } from "../../core/problems";
import { isInputName } from "../officeSheet";
import type { ExcelHost } from "./host";
import type { InputReader } from "./reading";

/**
 * Which input sheets changed: local and co-authors' edits (Excel raises `onChanged`
 * for both, the latter with source "Remote"), sheets added, deleted and renamed,
 * input tables added or removed. Names come from what the reader last listed. An edit
 * of values in one range says where (`cells`); rows or cells inserted or deleted do not.
 */
export class ChangeWatcher {
  private listeners: ((change: WorkbookChange) => void)[] = [];

  constructor(
    private readonly host: () => ExcelHost,
    private readonly reader: InputReader,
  ) {}

  /** Calls `listener` with every change of input sheets. */
  async watch(listener: (change: WorkbookChange) => void): Promise<void> {
    this.listeners.push(listener);
    if (this.listeners.length > 1) return;
    const { sheetNames } = this.reader;
    await this.host().run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onChanged.add(async (event) => {
        const name = sheetNames.get(event.worksheetId);
        this.report([name], name === undefined ? undefined : editedRange(name, event));
      });
      sheets.onDeleted.add(async (event) => {
        this.reader.forget();
        const name = sheetNames.get(event.worksheetId);
        sheetNames.delete(event.worksheetId);
        this.report([name]);
      });
      sheets.onAdded.add(async (event) => {
        const name = await this.nameOf(event.worksheetId);
        if (name !== undefined) sheetNames.set(event.worksheetId, name);
        this.report([name]);
      });
      // A range turned into an input table on any sheet, or such a table removed.
      const tables = context.workbook.tables;
      tables.onAdded.add(async () => this.report([undefined]));
      tables.onDeleted.add(async (event) => {
        this.reader.forget();
        this.report([isInputName(event.tableName) ? event.tableName : sheetNames.get(event.worksheetId)]);
      });
      await context.sync();
    });
    // Renames need ExcelApi 1.17; without them a renamed input sheet is seen at the next edit of it.
    await this.host()
      .run(async (context) => {
        context.workbook.worksheets.onNameChanged.add(async (event) => {
          sheetNames.set(event.worksheetId, event.nameAfter);
          this.report([event.nameBefore, event.nameAfter]);
        });
        await context.sync();
      })
      .catch(() => undefined);
  }

  /** Tells the listeners about the sheets among `names` that are inputs (or hold input tables), and where values were edited in place. */
  report(names: (string | undefined)[], cells?: CellRange): void {
    // An unknown sheet (added and not yet named) might be an input: better one read too many.
    const changed = names.filter((name) => name === undefined || isInputName(name) || this.reader.tableHosts.has(name));
    if (changed.length === 0) return;
    const sheets = changed.map((name) => name ?? "(unknown sheet)");
    for (const listener of this.listeners) listener(cells ? { sheets, cells } : { sheets });
  }

  async nameOf(worksheetId: string): Promise<string | undefined> {
    try {
      return await this.host().run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(worksheetId).load("name");
        await context.sync();
        return sheet.name;
      });
    } catch {
      return undefined;
    }
  }
}

/** Where an edit of values lies (`B3`, `A2:C9`); undefined for anything else (rows inserted, a whole column, several areas). */
export function editedRange(sheet: string, event: Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType">): CellRange | undefined {
  if (event.changeType !== "RangeEdited") return undefined;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(event.address.slice(event.address.lastIndexOf("!") + 1).trim());
  if (!m) return undefined;
  const [top, left] = [Number(m[2]) - 1, columnOf(m[1])];
  const [bottom, right] = m[3] === undefined ? [top, left] : [Number(m[4]) - 1, columnOf(m[3])];
  if (bottom < top || right < left) return undefined;
  return { sheet, row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}
