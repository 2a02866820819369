import { stat } from "node:fs/promises";
import type { WorkbookInput } from "../../core/input";
import type { Writes } from "../../core/orders/writes";
import type { Problem } from "../../core/problems";
import type { SheetSpec, StreamedRow } from "../../core/sheetSpec";
import { looseName } from "../../core/input";
import { type SheetWrite, writeNewWorkbook } from "./book";
import { WorkbookFileError } from "./errors";
import { nodeCrc32, nodeDeflate } from "./file/deflate";
import { type SaveReport, writeChanged } from "./file/edit";
import { writeAtomically } from "./file/output";
import { type ReadOptions, readWorkbook, type WorkbookRead } from "./file/read";
import { Package } from "./file/structure";

export { READ_LIMITS, type ReadLimits, WorkbookFileError } from "./errors";
export type { SheetWrite, WrittenSheet } from "./book";
export type { SaveReport } from "./file/edit";
export type { ReadOptions } from "./file/read";

/**
 * An .xlsx file for the CLI: its sheets' values read once (streamed, only the sheets
 * asked for), and the changes a command makes, written into OUT by copying every part
 * they do not touch. Nothing is written until `save`; a refusal found then writes nothing.
 */
export class XlsxBook {
  private readonly sheets: SheetWrite[] = [];
  private readonly writes: Writes[] = [];
  private moment?: Date;

  private constructor(
    private readonly source: { path: string; size: number; mtimeMs: number } | undefined,
    private readonly read: WorkbookRead,
  ) {}

  static async open(path: string, options: ReadOptions = {}): Promise<XlsxBook> {
    const read = await readWorkbook(path, options);
    const stats = await stat(path);
    return new XlsxBook({ path, size: stats.size, mtimeMs: stats.mtimeMs }, read);
  }

  /** A new, empty workbook. */
  static create(): XlsxBook {
    return new XlsxBook(undefined, { input: { grids: [] }, problems: [], sheetNames: [], properties: {} });
  }

  /** The values of the sheets read, for the core. */
  input(): WorkbookInput {
    return this.read.input;
  }

  /** Cells the file holds wrongly (not the workbook's content: its package), with their addresses. */
  get problems(): Problem[] {
    return this.read.problems;
  }

  get sheetNames(): string[] {
    return this.read.sheetNames;
  }

  get properties(): { created?: Date; modified?: Date } {
    return this.read.properties;
  }

  /**
   * Writes a sheet, replacing a sheet of that name found loosely, as the add-in finds
   * sheets (a planner's `supply_plan` is the Supply Plan); nothing else is touched.
   * `more` streams rows after `spec.rows` without holding them.
   */
  writeSheet(spec: SheetSpec, more?: { rows: Iterable<StreamedRow>; count: number }): void {
    const at = this.sheets.findIndex((s) => looseName(s.spec.name) === looseName(spec.name));
    if (at >= 0) this.sheets.splice(at, 1);
    this.sheets.push({ spec, more });
  }

  /**
   * The orders core's Writes: rows appended under a sheet's last filled row (or a table's
   * last row, the table extended), single cells replaced; applied by `save`.
   */
  apply(writes: Writes): void {
    this.writes.push(writes);
  }

  /** Every date the file records (document dates, part times) becomes `moment`: the bytes depend on the contents only. */
  fixTimestamps(moment: Date): void {
    this.moment = moment;
  }

  /**
   * Writes the workbook with its changes into `out` (which may be the file read: it is
   * replaced only once the new one is complete). Refused writes throw WorkbookFileError.
   */
  async save(out: string, options: { sheetRows?: number } = {}): Promise<SaveReport> {
    if (!this.source) {
      const sheets = await writeAtomically(out, (sink) =>
        writeNewWorkbook(this.sheets, sink, { moment: this.moment, deflate: nodeDeflate(), crc32: nodeCrc32, sheetRows: options.sheetRows }),
      );
      return { sheets, appendedRows: [] };
    }
    const { path } = this.source;
    const now = await stat(path).catch(() => undefined);
    if (!now || now.size !== this.source.size || now.mtimeMs !== this.source.mtimeMs) {
      throw new WorkbookFileError(`${path} changed while Planster was working on it, so nothing was written: run the command again.`);
    }
    const pkg = await Package.open(path);
    return writeAtomically(out, async (sink) => {
      try {
        return await writeChanged(pkg, sink, { sheets: this.sheets, writes: this.writes }, { moment: this.moment, sheetRows: options.sheetRows });
      } finally {
        await pkg.close();
      }
    });
  }
}
