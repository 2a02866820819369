import type { CellValue, Grid, WorkbookInput } from "../../core/input";
import { looseName } from "../../core/input";
import { isInputName } from "../officeSheet";
import type { ExcelHost } from "./host";

export interface ReadOptions {
  /** Cells per sync when a read has to be split; 200,000 is about 2–3 MB of JSON. */
  readChunkCells?: number;
}

/** An input sheet or table: what to read, and where it sits. */
interface TargetKey {
  name: string;
  sheet: string;
  table: boolean;
  /** Worksheet id of an input sheet: stays the same when the sheet is renamed. */
  sheetId?: string;
}

interface Target extends TargetKey {
  range: Excel.Range;
}

interface Listing {
  sheets: Excel.WorksheetCollection;
  tables: Excel.TableCollection;
  epoch: Excel.FunctionResult<number>;
}

function queueListing(context: Excel.RequestContext): Listing {
  const workbook = context.workbook;
  return {
    sheets: workbook.worksheets.load({ name: true, id: true }),
    tables: workbook.tables.load({ name: true, worksheet: { name: true } }),
    // DATE(1904,1,1) is serial 0 in the 1904 date system and 1462 in the 1900 one.
    epoch: workbook.functions.date(1904, 1, 1).load("value"),
  };
}

/** The range holding an input's values. */
function rangeOf(context: Excel.RequestContext, key: TargetKey): Excel.Range {
  return key.table ? context.workbook.tables.getItem(key.name).getRange() : context.workbook.worksheets.getItem(key.sheetId ?? key.name).getUsedRangeOrNullObject(true);
}

const VALUES = "values,rowIndex,columnIndex";

const targetId = (key: TargetKey): string => `${key.table ? "table" : "sheet"}\u0000${key.name}\u0000${key.sheet}`;

/**
 * Reads every input sheet and table, and remembers where they are: which worksheet
 * id has which name and which worksheets hold input tables (for the change events),
 * and the inputs found, so that the next read loads them while it lists the sheets.
 */
export class InputReader {
  /** Worksheet id → name, to name the sheet of a change event. */
  readonly sheetNames = new Map<string, string>();
  /** Worksheets that hold an input table under another name (a `SKUs` table on `Data`). */
  readonly tableHosts = new Set<string>();
  /** The input sheets and tables found by the last read: the next read loads them at once. */
  private known?: TargetKey[];
  private tooBig = false;

  constructor(
    private readonly host: () => ExcelHost,
    private readonly options: ReadOptions = {},
  ) {}

  /** An input sheet or table went away: the next read lists before it loads. */
  forget(): void {
    this.known = undefined;
  }

  /**
   * Every input sheet and table as grids. The sheets and tables are listed in the
   * same sync that reads the values of the inputs found last time: one sync when
   * nothing was added or renamed since, a second for inputs that are new.
   */
  async read(): Promise<WorkbookInput> {
    return this.host().run(async (context) => {
      // Inputs too big for one response (Excel on the web: 5 MB) are read in slices every time.
      const guess = this.tooBig ? undefined : this.known;
      let listing = queueListing(context);
      let early = (guess ?? []).map((key) => ({ key, range: rangeOf(context, key).load(VALUES) }));
      try {
        await context.sync();
      } catch (error) {
        if (!guess) throw error;
        // A sheet of last time is gone (or everything at once is too big for one response): list first.
        listing = queueListing(context);
        early = [];
        await context.sync();
      }
      const keys = this.inputs(listing);
      this.known = keys;
      const loaded = new Map(early.map((t) => [targetId(t.key), t.range]));
      const targets: Target[] = keys.map((key) => ({ ...key, range: loaded.get(targetId(key)) ?? rangeOf(context, key) }));
      if (!this.tooBig) for (const t of targets) if (!loaded.has(targetId(t))) t.range.load(VALUES);
      let values: CellValue[][][];
      const chunkCells = this.options.readChunkCells ?? 200_000;
      try {
        if (this.tooBig) values = await readInChunks(context, targets, chunkCells);
        else {
          if (targets.some((t) => !loaded.has(targetId(t)))) await context.sync();
          values = targets.map((t) => (t.range.isNullObject ? [] : t.range.values));
        }
      } catch (error) {
        if ((error as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded") throw error;
        this.tooBig = true;
        values = await readInChunks(context, targets, chunkCells);
      }
      const grids: Grid[] = targets.map((t, i) => ({
        name: t.name,
        sheet: t.sheet,
        table: t.table || undefined,
        originRow: t.range.isNullObject ? 0 : t.range.rowIndex,
        originCol: t.range.isNullObject ? 0 : t.range.columnIndex,
        values: values[i],
      }));
      return { grids, date1904: listing.epoch.value === 0 };
    });
  }

  /** The input tables and sheets of a listing (a table wins over a sheet of the same name); notes where they are. */
  private inputs({ sheets, tables }: Listing): TargetKey[] {
    this.sheetNames.clear();
    for (const sheet of sheets.items) this.sheetNames.set(sheet.id, sheet.name);
    const keys: TargetKey[] = [];
    const tableKeys = new Set<string>();
    this.tableHosts.clear();
    for (const table of tables.items) {
      if (!isInputName(table.name)) continue;
      tableKeys.add(looseName(table.name));
      this.tableHosts.add(table.worksheet.name);
      keys.push({ name: table.name, sheet: table.worksheet.name, table: true });
    }
    for (const sheet of sheets.items) {
      if (!isInputName(sheet.name) || tableKeys.has(looseName(sheet.name))) continue;
      keys.push({ name: sheet.name, sheet: sheet.name, table: false, sheetId: sheet.id });
    }
    return keys;
  }
}

/** The fallback when all input sheets at once exceed Excel's response limit: slices of rows, several syncs. */
async function readInChunks(context: Excel.RequestContext, targets: Target[], chunkCells: number): Promise<CellValue[][][]> {
  for (const target of targets) target.range.load("rowCount,columnCount,rowIndex,columnIndex");
  await context.sync();
  const values: CellValue[][][] = targets.map(() => []);
  let pending: { index: number; slice: Excel.Range }[] = [];
  let cells = 0;
  const flush = async () => {
    await context.sync();
    for (const { index, slice } of pending) values[index].push(...slice.values);
    pending = [];
    cells = 0;
  };
  for (let index = 0; index < targets.length; index++) {
    const { range } = targets[index];
    if (range.isNullObject) continue;
    const step = Math.max(1, Math.floor(chunkCells / Math.max(1, range.columnCount)));
    for (let row = 0; row < range.rowCount; row += step) {
      const rows = Math.min(step, range.rowCount - row);
      const slice = range
        .getCell(row, 0)
        .getResizedRange(rows - 1, range.columnCount - 1)
        .load("values");
      pending.push({ index, slice });
      cells += rows * range.columnCount;
      if (cells >= chunkCells) await flush();
    }
  }
  if (pending.length > 0) await flush();
  return values;
}
