import { columnLetters, parseAddress } from "../core/problems";
import type { Grid, WorkbookInput, CellValue } from "../core/input";
import { looseName } from "../core/input";
import type { SheetSpec } from "../core/sheetSpec";
import type { Writes } from "../core/orders/writes";
import { columnCount, excelValue, formatRow, isInputName, rowChunks, valueRow, widthInPoints, WRITE_LIMIT_BYTES } from "./officeSheet";

/** The part of office.js the adapter uses: `Excel` itself, or a fake host in tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficeWorkbookOptions {
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

/** A sheet to write, with optional dropdowns in the cells under its header (the pane's `SheetWrite`). */
export interface SheetWithChoices extends SheetSpec {
  choices?: { col: number; values: string[] }[];
}

/** Rows written so far of all the sheets of one write. */
export type Progress = (done: number, total: number) => void;

/** Rows of a dropdown column below the header: enough for years of purchase orders. */
const CHOICE_ROWS = 10_000;

export interface WriteReport {
  syncs: number;
  chunks: number;
  /** The largest values-and-formats payload of one sync, in bytes of JSON. */
  largestChunkBytes: number;
}

/**
 * The workbook open in Excel, seen through office.js: reads every input sheet in
 * one sync, writes sheets in chunks with events off, and reports which input
 * sheets changed (local and co-authors' edits, sheets added, deleted, renamed).
 */
export class OfficeWorkbook {
  /** Worksheet id → name, to name the sheet of a change event. */
  private readonly sheetNames = new Map<string, string>();
  /** Worksheets that hold an input table under another name (a `SKUs` table on `Data`). */
  private readonly tableHosts = new Set<string>();
  private listeners: ((sheets: string[]) => void)[] = [];
  /** The input sheets and tables found by the last read: the next read loads them at once. */
  private known?: TargetKey[];
  private tooBig = false;

  constructor(
    private readonly host: () => ExcelHost = () => Excel,
    private readonly options: OfficeWorkbookOptions = {},
  ) {}

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

  /**
   * Calls `listener` with the names of the input sheets that change. Excel raises
   * `onChanged` for co-authors' edits too (source "Remote").
   */
  async watch(listener: (sheets: string[]) => void): Promise<void> {
    this.listeners.push(listener);
    if (this.listeners.length > 1) return;
    await this.host().run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onChanged.add(async (event) => this.report([this.sheetNames.get(event.worksheetId)]));
      sheets.onDeleted.add(async (event) => {
        this.known = undefined;
        const name = this.sheetNames.get(event.worksheetId);
        this.sheetNames.delete(event.worksheetId);
        this.report([name]);
      });
      sheets.onAdded.add(async (event) => {
        const name = await this.nameOf(event.worksheetId);
        if (name !== undefined) this.sheetNames.set(event.worksheetId, name);
        this.report([name]);
      });
      // A range turned into an input table on any sheet, or such a table removed.
      const tables = context.workbook.tables;
      tables.onAdded.add(async () => this.report([undefined]));
      tables.onDeleted.add(async (event) => {
        this.known = undefined;
        this.report([isInputName(event.tableName) ? event.tableName : this.sheetNames.get(event.worksheetId)]);
      });
      await context.sync();
    });
    // Renames need ExcelApi 1.17; without them a renamed input sheet is seen at the next edit of it.
    await this.host()
      .run(async (context) => {
        context.workbook.worksheets.onNameChanged.add(async (event) => {
          this.sheetNames.set(event.worksheetId, event.nameAfter);
          this.report([event.nameBefore, event.nameAfter]);
        });
        await context.sync();
      })
      .catch(() => undefined);
  }

  /** The add-in wrote into a sheet itself (events are off while it writes). */
  wrote(sheet: string): void {
    this.report([sheet]);
  }

  /**
   * Writes a sheet (created when missing, cleared when present) in chunks of rows
   * under 4 MB per sync, with events off so that the write does not wake every
   * function cell; then formats, the table, the freeze and print settings.
   */
  async writeSheet(spec: SheetWithChoices, limit = WRITE_LIMIT_BYTES, progress?: (rows: number) => void): Promise<WriteReport> {
    const cols = columnCount(spec);
    const chunks = rowChunks(spec, limit);
    let syncs = 0;
    let eventsLeftOff = false;
    const sync = async (context: Excel.RequestContext) => {
      syncs++;
      await context.sync();
    };
    try {
      await this.host().run(async (context) => {
        context.runtime.enableEvents = false;
        try {
          const existing = context.workbook.worksheets.getItemOrNullObject(spec.name);
          await sync(context);
          const sheet = existing.isNullObject ? context.workbook.worksheets.add(spec.name) : existing;
          if (!existing.isNullObject) {
            // Rebuilt in place (formulas elsewhere that point at it keep working): its tables go first.
            existing.tables.load({ name: true });
            await sync(context);
            for (const table of existing.tables.items) table.delete();
            sheet.getRange().clear();
          }
          for (const chunk of chunks) {
            if (cols === 0) break;
            const values = [];
            const formats = [];
            for (let r = chunk.from; r < chunk.to; r++) {
              values.push(valueRow(spec, r, cols));
              formats.push(formatRow(spec, r, cols));
            }
            const range = sheet.getRangeByIndexes(chunk.from, 0, chunk.to - chunk.from, cols);
            range.numberFormat = formats;
            range.values = values;
            await sync(context);
            progress?.(chunk.to);
          }
          await applyLayout(sheet, spec, cols, () => sync(context));
          for (const { col, values } of spec.choices ?? []) {
            const below = (spec.table?.headerRow ?? 0) + 1;
            sheet.getRangeByIndexes(below, col, CHOICE_ROWS, 1).dataValidation.rule = { list: { inCellDropDown: true, source: values.join(",") } };
          }
          if (spec.choices?.length) await sync(context);
        } finally {
          context.runtime.enableEvents = true;
          eventsLeftOff = await sync(context).then(
            () => false,
            () => true,
          );
        }
      });
    } finally {
      if (eventsLeftOff) await this.enableEvents();
      // Even a write that failed halfway may have changed the sheet.
      if (isInputName(spec.name)) this.wrote(spec.name);
    }
    return { syncs, chunks: chunks.length, largestChunkBytes: Math.max(0, ...chunks.map((c) => c.bytes)) };
  }

  /** Writes several sheets one after the other, reporting rows written over all of them. */
  async writeSheets(specs: SheetWithChoices[], progress?: Progress): Promise<void> {
    const total = specs.reduce((n, spec) => n + spec.rows.length, 0);
    let before = 0;
    for (const spec of specs) {
      await this.writeSheet(spec, WRITE_LIMIT_BYTES, (rows) => progress?.(before + rows, total));
      before += spec.rows.length;
    }
    progress?.(total, total);
  }

  /**
   * Appends rows and replaces cells in one batch with events off. Every sheet and
   * table is looked up first: when one is missing it throws and nothing is written.
   * Answers the zero-based worksheet row of each appended row.
   */
  async apply(writes: Writes): Promise<{ appendedRows: number[] }> {
    const names = [...new Set([...writes.append, ...writes.cells].map((w) => w.sheet))];
    const tableNames = [...new Set(writes.append.flatMap((w) => (w.table === undefined ? [] : [w.table])))];
    let appendedRows: number[] = [];
    let eventsLeftOff = false;
    try {
      await this.host().run(async (context) => {
        const sheets = new Map(names.map((name) => [name, context.workbook.worksheets.getItemOrNullObject(name)]));
        const tables = new Map(tableNames.map((name) => [name, context.workbook.tables.getItemOrNullObject(name)]));
        await context.sync();
        const missing = names.find((name) => sheets.get(name)!.isNullObject) ?? tableNames.find((name) => tables.get(name)!.isNullObject);
        if (missing !== undefined) throw new Error(`The workbook has no sheet or table named "${missing}".`);
        const used = new Map([...sheets].map(([name, sheet]) => [name, sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount")]));
        const tableRanges = new Map([...tables].map(([name, table]) => [name, table.getRange().load("rowIndex,rowCount")]));
        await context.sync();

        // The next free row of each sheet and table, moving down as rows are appended.
        const next = new Map<string, number>();
        for (const [name, range] of used) next.set(name, range.isNullObject ? 0 : range.rowIndex + range.rowCount);
        for (const [name, range] of tableRanges) next.set(`table:${name}`, range.rowIndex + range.rowCount);
        context.runtime.enableEvents = false;
        try {
          appendedRows = writes.append.map(({ sheet, table, col, values }) => {
            const key = table === undefined ? sheet : `table:${table}`;
            const row = next.get(key)!;
            next.set(key, row + 1);
            const cells = [values.map((v) => (v === null ? "" : excelValue(v)))];
            if (table !== undefined) tables.get(table)!.rows.add(undefined, cells);
            else sheets.get(sheet)!.getRangeByIndexes(row, col, 1, values.length).values = cells;
            return row;
          });
          for (const { sheet, row, col, value } of writes.cells) {
            sheets.get(sheet)!.getRangeByIndexes(row, col, 1, 1).values = [[excelValue(value)]];
          }
          await context.sync();
        } finally {
          context.runtime.enableEvents = true;
          eventsLeftOff = await context.sync().then(
            () => false,
            () => true,
          );
        }
      });
    } finally {
      if (eventsLeftOff) await this.enableEvents();
    }
    this.report(names);
    return { appendedRows };
  }

  /** Selects the cell of an address such as `SKUs!E7` or `'PO Lines'!C4`, showing its sheet. */
  async select(address: string): Promise<void> {
    const ref = parseAddress(address);
    if (!ref) throw new Error(`${address} is not a cell address.`);
    await this.host().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(ref.row, ref.col, 1, 1).select();
      await context.sync();
    });
  }

  /** Events back on after a write whose own context could not do it: events off would silence every function cell. */
  private async enableEvents(): Promise<void> {
    try {
      await this.host().run(async (context) => {
        context.runtime.enableEvents = true;
        await context.sync();
      });
    } catch {
      // Nothing more can be done from here; the next write turns them on again.
    }
  }

  private report(names: (string | undefined)[]): void {
    // An unknown sheet (added and not yet named) might be an input: better one read too many.
    const changed = names.filter((name) => name === undefined || isInputName(name) || this.tableHosts.has(name));
    if (changed.length === 0) return;
    const sheets = changed.map((name) => name ?? "(unknown sheet)");
    for (const listener of this.listeners) listener(sheets);
  }

  private async nameOf(worksheetId: string): Promise<string | undefined> {
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

/** Styled ranges per sync: each is a handful of small commands, so this stays far under the limit. */
const STYLES_PER_SYNC = 2_000;

async function applyLayout(sheet: Excel.Worksheet, spec: SheetSpec, cols: number, sync: () => Promise<void>): Promise<void> {
  let queued = 0;
  for (const { fromRow, toRow, fromCol, toCol, style } of spec.styles ?? []) {
    if (++queued % STYLES_PER_SYNC === 0) await sync();
    const range = sheet.getRangeByIndexes(fromRow, fromCol, toRow - fromRow + 1, toCol - fromCol + 1);
    if (style.bold !== undefined) range.format.font.bold = style.bold;
    if (style.italic !== undefined) range.format.font.italic = style.italic;
    if (style.fontSize !== undefined) range.format.font.size = style.fontSize;
    if (style.color !== undefined) range.format.font.color = `#${style.color}`;
    if (style.fill !== undefined) range.format.fill.color = `#${style.fill}`;
    if (style.align !== undefined) range.format.horizontalAlignment = style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right";
    if (style.wrap !== undefined) range.format.wrapText = style.wrap;
    if (style.numberFormat !== undefined) {
      range.numberFormat = Array.from({ length: toRow - fromRow + 1 }, () => new Array<string>(toCol - fromCol + 1).fill(style.numberFormat!));
    }
  }
  spec.widths?.forEach((width, c) => {
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widthInPoints(width);
  });
  if (spec.table && cols > 0 && spec.rows.length > spec.table.headerRow) {
    const { headerRow } = spec.table;
    const address = `A${headerRow + 1}:${columnLetters(cols - 1)}${spec.rows.length}`;
    const table = sheet.tables.add(address, true);
    table.name = spec.table.name;
    table.style = spec.table.style ?? "TableStyleMedium2";
  }
  if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows);
  if (spec.print) {
    if (spec.print.landscape !== undefined) sheet.pageLayout.orientation = spec.print.landscape ? "Landscape" : "Portrait";
    if (spec.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  await sync();
}
