import type { CellEdit, CellRange, CellValue, Grid, WorkbookInput } from "../../core/input";
import { looseName } from "../../core/input";
import { columnOf } from "../../core/problems";
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

/** An input's values, and where its formula cells are (to read back after an edit). */
interface Loaded {
  range: Excel.Range;
  formulas: Excel.RangeAreas;
}

/** Beyond this many formula cells in input sheets, an edit is followed by a full read instead of reading them all back. */
const MOST_FORMULA_CELLS = 50_000;

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

/** Queues an input's values, and the areas of its formula cells, for the same sync. */
function load(range: Excel.Range): Loaded {
  return { range: range.load(VALUES), formulas: range.getSpecialCellsOrNullObject("Formulas").load("address,cellCount") };
}

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
  /**
   * The formula cells of the input sheets at the last read: an edit may change their
   * values, so they are read back with it. Undefined when unknown (too many of them).
   */
  private formulas?: CellRange[];

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
      let early = (guess ?? []).map((key) => ({ key, ...load(rangeOf(context, key)) }));
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
      const loaded = new Map<string, Loaded>(early.map((t) => [targetId(t.key), t]));
      const targets: (Target & { formulas?: Excel.RangeAreas })[] = keys.map((key) => {
        const found = loaded.get(targetId(key));
        if (found || this.tooBig) return { ...key, range: found?.range ?? rangeOf(context, key), formulas: found?.formulas };
        return { ...key, ...load(rangeOf(context, key)) };
      });
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
      this.formulas = this.tooBig ? undefined : formulaCells(targets.map((t) => t.formulas));
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

  /**
   * The values of edited ranges as they are now, and of every formula cell of the input
   * sheets (an edit may have changed them), in one sync; undefined when the formula cells
   * are not known.
   */
  async readCells(ranges: CellRange[]): Promise<CellEdit[] | undefined> {
    const formulas = this.formulas;
    if (!formulas) return undefined;
    return this.host().run(async (context) => {
      const all = [...ranges, ...formulas];
      const loaded = all.map(({ sheet, row, col, rows, cols }) => context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, col, rows, cols).load("values"));
      await context.sync();
      return all.map(({ sheet, row, col }, i) => ({ sheet, row, col, values: loaded[i].values }));
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

/** The formula cells of every input, as ranges; undefined when there are too many to read back after each edit. */
function formulaCells(areas: (Excel.RangeAreas | undefined)[]): CellRange[] | undefined {
  const ranges: CellRange[] = [];
  let cells = 0;
  for (const area of areas) {
    if (!area) return undefined;
    if (area.isNullObject) continue;
    cells += area.cellCount;
    const parsed = rangesOf(area.address);
    if (!parsed || cells > MOST_FORMULA_CELLS) return undefined;
    ranges.push(...parsed);
  }
  return ranges;
}

/** `'PO Lines'!F2:F90,'PO Lines'!H2` → its rectangles; undefined when it is not such a list. */
export function rangesOf(address: string): CellRange[] | undefined {
  const out: CellRange[] = [];
  const AREA = /\s*(?:'((?:[^']|'')+)'|([^,!']+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\s*(,|$)/y;
  let at = 0;
  while (at < address.length) {
    AREA.lastIndex = at;
    const m = AREA.exec(address);
    if (!m) return undefined;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2].trim();
    const row = Number(m[4]) - 1;
    const col = columnOf(m[3]);
    const last = m[5] === undefined ? { row, col } : { row: Number(m[6]) - 1, col: columnOf(m[5]) };
    out.push({ sheet, row, col, rows: last.row - row + 1, cols: last.col - col + 1 });
    at = AREA.lastIndex;
    if (m[7] === "") break;
  }
  return out;
}
