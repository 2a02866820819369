import { isInputName } from "../officeSheet";
import type { ExcelHost } from "./host";
import type { InputReader } from "./reading";

/**
 * Which input sheets changed: local and co-authors' edits (Excel raises `onChanged`
 * for both, the latter with source "Remote"), sheets added, deleted and renamed,
 * input tables added or removed. Names come from what the reader last listed.
 */
export class ChangeWatcher {
  private listeners: ((sheets: string[]) => void)[] = [];

  constructor(
    private readonly host: () => ExcelHost,
    private readonly reader: InputReader,
  ) {}

  /** Calls `listener` with the names of the input sheets that change. */
  async watch(listener: (sheets: string[]) => void): Promise<void> {
    this.listeners.push(listener);
    if (this.listeners.length > 1) return;
    const { sheetNames } = this.reader;
    await this.host().run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onChanged.add(async (event) => this.report([sheetNames.get(event.worksheetId)]));
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

  /** Tells the listeners about the sheets among `names` that are inputs (or hold input tables). */
  report(names: (string | undefined)[]): void {
    // An unknown sheet (added and not yet named) might be an input: better one read too many.
    const changed = names.filter((name) => name === undefined || isInputName(name) || this.reader.tableHosts.has(name));
    if (changed.length === 0) return;
    const sheets = changed.map((name) => name ?? "(unknown sheet)");
    for (const listener of this.listeners) listener(sheets);
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
