import { localDay } from "../core/dates";
import type { WorkbookInput } from "../core/input";
import { OfficeWorkbook } from "../workbook/office";
import { localSecrets, saveDownload } from "./browser";
import type { SheetSpec } from "../core/sheetSpec";
import type { Applied, Download, Progress, SecretStore, WorkbookHost, Writes } from "./host";

/**
 * The pane's host in Excel: reads, change events, writes and selection through the
 * Office adapter (src/workbook/office/), the new-workbook export and downloads here.
 */
export class OfficeHost implements WorkbookHost {
  readonly secrets: SecretStore;
  /** Excel merges co-authors' edits within a second or two; orders are read back after twice that (README, buyers). */
  readonly coauthorSettleMs = 3000;

  constructor(
    readonly workbook = new OfficeWorkbook(),
    secrets: SecretStore = localSecrets,
  ) {
    this.secrets = secrets;
  }

  read(): Promise<WorkbookInput> {
    return this.workbook.read();
  }

  // Writes go through the adapter: events off, all or nothing, and the live model told.
  apply(writes: Writes): Promise<Applied> {
    return this.workbook.apply(writes);
  }

  writeSheets(specs: SheetSpec[], progress?: Progress): Promise<void> {
    return this.workbook.writeSheets(specs, progress);
  }

  select(address: string): Promise<void> {
    return this.workbook.select(address);
  }

  async createWorkbook(_name: string, sheets: SheetSpec[]): Promise<void> {
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
