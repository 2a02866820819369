import { stat } from "node:fs/promises";
import type { CellValue, Grid, WorkbookInput } from "../../../core/input";
import { type Problem, problemAt } from "../../../core/problems";
import { SharedStrings, SheetCells, SheetDefect } from "../cells";
import { READ_LIMITS, type ReadLimits, WorkbookFileError } from "../errors";
import { parseCoreProperties, type TablePart } from "../package";
import { dateStyles } from "../styles";
import type { XmlHandler } from "../xml";
import { fileError, Package, type SheetInfo } from "./structure";
import { UnpackLimit } from "./zipFile";

export interface ReadOptions {
  /** Which sheets (or tables) to read, by name; all when left out. A sheet holding a wanted table is read. */
  sheets?: (name: string) => boolean;
  limits?: Partial<ReadLimits>;
}

export interface WorkbookRead {
  input: WorkbookInput;
  /** Cells the file holds wrongly (a shared string that is not there…), with their addresses. */
  problems: Problem[];
  /** Every worksheet's name, in the workbook's order. */
  sheetNames: string[];
  properties: { created?: Date; modified?: Date };
}

const MB = 1_000_000;
const count = (n: number) => n.toLocaleString("en-US");

/** The file's sheets' values, streamed part by part, never the whole package in memory. */
export async function readWorkbook(path: string, options: ReadOptions = {}): Promise<WorkbookRead> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) throw new WorkbookFileError(`No such file: ${path}`);
  if (!stats.isFile()) throw new WorkbookFileError(`${path} is not a file.`);
  const limits = { ...READ_LIMITS, ...options.limits };
  const pkg = await Package.open(path);
  try {
    return await new Reader(pkg, limits, options.sheets ?? (() => true)).read();
  } finally {
    await pkg.close();
  }
}

class Reader {
  private unpacked = 0;
  private cells = 0;
  private text = 0;
  private readonly problems: Problem[] = [];

  constructor(
    private readonly pkg: Package,
    private readonly limits: ReadLimits,
    private readonly wanted: (name: string) => boolean,
  ) {}

  private tooBig(what: string): WorkbookFileError {
    return new WorkbookFileError(`${this.pkg.path} is too big to read safely: ${what}.`);
  }

  async read(): Promise<WorkbookRead> {
    const { structure } = this.pkg;
    const sheets = structure.sheets.filter((s) => this.wanted(s.name) || s.tables.some((t) => this.wanted(t.name)));
    const properties = await documentDates(this.pkg);
    const grids: Grid[] = [];
    if (sheets.length > 0) {
      const stylesXml = structure.stylesPath ? await this.pkg.text(structure.stylesPath) : undefined;
      const dates = this.parse(structure.stylesPath ?? "styles", () => dateStyles(stylesXml));
      const strings = await this.sharedStrings();
      for (const sheet of sheets) grids.push(...(await this.sheet(sheet, { strings, dates, date1904: structure.date1904 })));
    }
    return { input: { grids, date1904: structure.date1904 }, problems: this.problems, sheetNames: structure.sheets.map((s) => s.name), properties };
  }

  private parse<T>(part: string, read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw fileError(this.pkg.path, error, part);
    }
  }

  /** Streams a part within what is left of the unpacked-bytes budget. */
  private async stream(part: string, handler: XmlHandler, name: string): Promise<void> {
    try {
      this.unpacked += await this.pkg.stream(part, handler, this.limits.unpackedBytes - this.unpacked, name);
    } catch (error) {
      if (error instanceof UnpackLimit) throw this.tooBig(`its sheets unpack to more than ${count(this.limits.unpackedBytes / MB)} MB (reached in ${name})`);
      if (error instanceof SheetDefect) throw new WorkbookFileError(`${this.pkg.path} cannot be read: ${name} is ${error.message}. Re-save it in Excel.`);
      throw error;
    }
  }

  private async sharedStrings(): Promise<string[]> {
    const path = this.pkg.structure.sharedStringsPath;
    if (!path || !this.pkg.entry(path)) return [];
    const limit = this.limits.textCharacters;
    const table = new SharedStrings(limit, () => this.tooBig(`it holds more than ${count(limit)} characters of text`));
    await this.stream(path, table, "the shared strings part");
    this.text = table.chars;
    return table.strings;
  }

  private async sheet(sheet: SheetInfo, context: ConstructorParameters<typeof SheetCells>[0]): Promise<Grid[]> {
    const values: CellValue[][] = [];
    const limits = this.limits;
    const reader = new SheetCells(context, {
      cell: (row, col, value) => {
        let cells = values[row];
        if (cells === undefined) values[row] = cells = [];
        cells[col] = value;
        if (++this.cells > limits.cells) throw this.tooBig(`its sheets hold more than ${count(limits.cells)} filled cells`);
        if (typeof value === "string" && value.length > 0) {
          this.text += value.length;
          if (this.text > limits.textCharacters) throw this.tooBig(`it holds more than ${count(limits.textCharacters)} characters of text`);
        }
      },
      problem: (row, col, message) => this.problems.push(problemAt(sheet.name, row, col, message)),
    });
    await this.stream(sheet.path, reader, `the sheet ${sheet.name}`);
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    return [{ name: sheet.name, sheet: sheet.name, values }, ...sheet.tables.map((table) => tableGrid(sheet, table, values))];
  }
}

/** The document's dates; they are not the workbook's content, so a damaged properties part only loses them. */
async function documentDates(pkg: Package): Promise<WorkbookRead["properties"]> {
  try {
    const xml = await pkg.text("docProps/core.xml");
    return xml ? parseCoreProperties(xml) : {};
  } catch {
    return {};
  }
}

/** A table's cells: its header and data rows (not its totals row), sharing the sheet's rows when it can. */
function tableGrid(sheet: SheetInfo, table: TablePart, values: CellValue[][]): Grid {
  const { fromRow, fromCol, toCol } = table.range;
  const toRow = table.range.toRow - table.totalsRows;
  const rows: CellValue[][] = [];
  for (let r = fromRow; r <= toRow; r++) {
    const row = values[r] ?? [];
    rows.push(fromCol === 0 && row.length <= toCol + 1 ? row : row.slice(fromCol, toCol + 1));
  }
  return { name: table.name, sheet: sheet.name, originRow: fromRow, originCol: fromCol, table: true, values: rows };
}
