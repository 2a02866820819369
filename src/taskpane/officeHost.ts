import { localDay } from "../core/dates";
import type { WorkbookInput } from "../core/input";
import { type ExcelHost, OfficeWorkbook } from "../workbook/office";
import { excelValue } from "../workbook/officeSheet";
import { parseAddress } from "./address";
import { localSecrets, saveDownload } from "./browser";
import type { Applied, Download, Progress, SecretStore, SheetWrite, WorkbookHost, Writes } from "./host";

/** Rows under a new sheet's header that get its dropdowns. */
const CHOICE_ROWS = 5_000;

/**
 * The pane's host in Excel: reads, change events and sheet writes through the
 * Office adapter (src/workbook/office.ts); row appends, cell writes, selection and
 * dropdowns here, each batch in one `Excel.run`.
 */
export class OfficeHost implements WorkbookHost {
  readonly secrets: SecretStore;

  constructor(
    private readonly excel: () => ExcelHost = () => Excel,
    readonly workbook = new OfficeWorkbook(excel),
    secrets: SecretStore = localSecrets,
  ) {
    this.secrets = secrets;
  }

  read(): Promise<WorkbookInput> {
    return this.workbook.read();
  }

  async apply(writes: Writes): Promise<Applied> {
    return this.excel().run(async (context) => {
      const sheets = context.workbook.worksheets;
      // Where each append lands: below its table, else below the sheet's last used row.
      const ends = writes.append.map((a) => {
        const range = a.table ? context.workbook.tables.getItem(a.table).getRange() : sheets.getItem(a.sheet).getUsedRangeOrNullObject(true);
        return range.load("rowIndex,rowCount");
      });
      await context.sync();
      const next = new Map<string, number>();
      const appendedRows = writes.append.map((a, i) => {
        const key = a.table ?? `\u0000${a.sheet}`;
        const end = ends[i];
        const row = next.get(key) ?? (end.isNullObject ? 0 : end.rowIndex + end.rowCount);
        next.set(key, row + 1);
        const values = [a.values.map(excelValue)];
        if (a.table) context.workbook.tables.getItem(a.table).rows.add(undefined, values);
        else sheets.getItem(a.sheet).getRangeByIndexes(row, a.col, 1, a.values.length).values = values;
        return row;
      });
      for (const c of writes.cells) sheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, 1, 1).values = [[excelValue(c.value)]];
      await context.sync();
      return { appendedRows };
    });
  }

  async writeSheets(specs: SheetWrite[], progress?: Progress): Promise<void> {
    const total = specs.reduce((sum, s) => sum + s.rows.length, 0);
    let done = 0;
    progress?.(0, total);
    for (const spec of specs) {
      await this.workbook.writeSheet(spec);
      done += spec.rows.length;
      progress?.(done, total);
    }
    const withChoices = specs.filter((s) => s.choices?.length);
    if (withChoices.length === 0) return;
    await this.excel().run(async (context) => {
      for (const spec of withChoices) {
        const sheet = context.workbook.worksheets.getItem(spec.name);
        const first = (spec.table?.headerRow ?? 0) + 1;
        for (const { col, values } of spec.choices!) {
          const range = sheet.getRangeByIndexes(first, col, CHOICE_ROWS, 1);
          range.dataValidation.clear();
          range.dataValidation.rule = { list: { inCellDropDown: true, source: values.join(",") } };
        }
      }
      await context.sync();
    });
  }

  async select(address: string): Promise<void> {
    const ref = parseAddress(address);
    if (!ref) throw new Error(`${address} is not a cell address.`);
    await this.excel().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(ref.row, ref.col, 1, 1).select();
      await context.sync();
    });
  }

  onChange(listener: () => void): () => void {
    let on = true;
    void this.workbook.watch(() => on && listener());
    return () => {
      on = false;
    };
  }

  async createWorkbook(_name: string, sheets: SheetWrite[]): Promise<void> {
    const { xlsxBase64 } = await import("./newWorkbook");
    await Excel.createWorkbook(await xlsxBase64(sheets));
  }

  download(file: Download): void {
    saveDownload(file);
  }

  today() {
    return localDay(new Date());
  }
}
