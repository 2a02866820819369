import { type ItemIndex, readSkuRow, readSupplierItems, reportRepeat, type SupplierItem } from "./catalog";
import { isBlank } from "./cells";
import { readForecast } from "./forecast";
import { readForecastOverrides } from "./forecastOverrides";
import { type CellEdit, type CellRange, type CellValue, findGrid, type Grid, looseName, type WorkbookInput } from "./input";
import { addReceipts, groupBySku, type ItemLocation, type ModelSources, PHASE, reportSecondPreferred } from "./model";
import { readOrderOverrides } from "./orderOverrides";
import type { Writes } from "./orders/writes";
import { type PurchaseOrder, readOrderBook } from "./orders/purchaseOrders";
import { planItem } from "./plan";
import { nextPlanned, type PlanChange, type PlannedWorkbook } from "./planned";
import type { Phase, RowScope } from "./problemBook";
import { type SheetSchema, SHEETS } from "./schema";
import { hasValue, headerRowOf, Sheet } from "./sheet";
import { readStatusOverrides } from "./statusOverrides";
import { WeekArrays } from "./weekArrays";

/** Beyond this many rows an edit is a full read's work (a paste over a whole sheet). */
const MOST_ROWS = 1_000;

/**
 * The state after cells were edited in place: only the rows they are on are read
 * again, only the item-locations those rows are about are made again and re-planned,
 * and the totals follow by difference (planned.ts). The result is the state a full
 * read and plan of the edited workbook gives.
 *
 * Undefined, changing nothing, when the edit is more than values in rows: a header, a
 * row that appears or goes blank, a cell outside a sheet's rows, a key (SKU or Warehouse
 * on SKUs, a PO's number on Purchase Orders), a sheet whose every row can change every
 * item-location (Settings, Suppliers, Warehouses, Purchase Statuses) or one not handled
 * here: the workbook must be read again.
 *
 * The edited cells' new values are written into `state.input`, which states share.
 */
export function applyCellEdits(state: PlannedWorkbook, edits: readonly CellEdit[]): PlannedWorkbook | undefined {
  const src = state.sources;
  const cells: CellChange[] = [];
  for (const edit of edits) if (!locate(src.input, edit, cells)) return undefined;
  if (cells.length === 0) return state;
  const byGrid = new Map<Grid, Map<number, Set<number>>>();
  for (const { grid, row, col } of cells) {
    let rows = byGrid.get(grid);
    if (!rows) byGrid.set(grid, (rows = new Map()));
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Set()));
    cols.add(col);
  }
  const handlers: [Handler, Grid, Map<number, Set<number>>][] = [];
  let rows = 0;
  for (const [grid, changed] of byGrid) {
    const handler = handlerOf(src.input, grid);
    rows += changed.size;
    if (handler === undefined || rows > MOST_ROWS) return undefined;
    if (!handler?.rowsComeAndGo && !unchangedRows(grid, changed, cells)) return undefined;
    if (handler && !handler.accepts(src, changed)) return undefined;
    if (handler) handlers.push([handler, grid, changed]);
  }
  // Checked: now the cells take their new values (the indexes say where rows were) and each sheet's rows are read again.
  const work = new Edit(state, indexesOf(src));
  for (const { grid, row, col, value } of cells) {
    // A row typed under a sheet's last one: the grid grows to it, as the next full read's would.
    while (grid.values.length <= row) grid.values.push([]);
    grid.values[row][col] = value;
  }
  for (const [handler, grid, changed] of handlers) handler.apply(work, grid, changed);
  return work.finish();
}

/** Builds what edits need to find the rows of an item-location, a SKU or an order (once per full read; the live model does it while idle). */
export function prepareEdits(state: PlannedWorkbook): void {
  indexesOf(state.sources);
  for (const grid of state.input.grids) widthOf(grid);
}

// ---------------------------------------------------------------- where an edit lands

/** One cell that takes a new value, at its grid's row and column. */
interface CellChange {
  grid: Grid;
  row: number;
  col: number;
  value: CellValue;
}

/** Notes the cells of an edit that change, in the grid they lie in; false when it is more than values in rows. */
function locate(input: WorkbookInput, edit: CellEdit, cells: CellChange[]): boolean {
  const height = edit.values.length;
  const width = height === 0 ? 0 : edit.values[0].length;
  if (height === 0 || width === 0) return true;
  let inside: Grid | undefined;
  for (const grid of input.grids) {
    if (grid.sheet !== edit.sheet) continue;
    const top = grid.originRow ?? 0;
    const left = grid.originCol ?? 0;
    const bottom = top + grid.values.length;
    const right = left + widthOf(grid);
    const overlaps = edit.row < bottom && edit.row + height > top && edit.col < right && edit.col + width > left;
    if (!overlaps) continue;
    const within = edit.row >= top && edit.row + height <= bottom && edit.col >= left && edit.col + width <= right;
    if (!within || inside) return false;
    inside = grid;
  }
  // Outside every grid nothing read changes, unless a value makes a sheet's used range or a table grow (Excel extends a table typed under).
  if (!inside) inside = gridBelow(input, edit, height, width);
  if (!inside) return edit.values.every((row) => row.every(isBlank));
  const grid = inside;
  const top = grid.originRow ?? 0;
  const left = grid.originCol ?? 0;
  const firstRow = headerRowOf(grid) + 1;
  for (let i = 0; i < height; i++) {
    const r = edit.row - top + i;
    const now = grid.values[r] ?? [];
    for (let j = 0; j < width; j++) {
      const c = edit.col - left + j;
      const value = edit.values[i][j];
      if (same(now[c], value)) continue;
      // A header typed, or a value above it: the sheet's layout changes.
      if (r < firstRow) return false;
      cells.push({ grid, row: r, col: c, value });
    }
  }
  return true;
}

/**
 * The plain range an edit lies under, inside its columns, when that sheet's rows may
 * come and go by themselves (a planner's row added under the last: Order Overrides,
 * Forecast Overrides). Not a table's: Excel grows a table typed under, which is a full read.
 */
function gridBelow(input: WorkbookInput, edit: CellEdit, height: number, width: number): Grid | undefined {
  for (const grid of input.grids) {
    if (grid.sheet !== edit.sheet || grid.table) continue;
    const top = grid.originRow ?? 0;
    const left = grid.originCol ?? 0;
    const bottom = top + grid.values.length;
    const inColumns = edit.col >= left && edit.col + width <= left + widthOf(grid);
    if (inColumns && edit.row >= bottom && edit.row + height <= bottom + MOST_ROWS && handlerOf(input, grid)?.rowsComeAndGo) return grid;
  }
  return undefined;
}

/** False when a row appears or goes blank: a row more or less changes the sheet's rows. */
function unchangedRows(grid: Grid, changed: Map<number, Set<number>>, cells: CellChange[]): boolean {
  for (const r of changed.keys()) {
    const row = [...(grid.values[r] ?? [])];
    for (const cell of cells) if (cell.grid === grid && cell.row === r) row[cell.col] = cell.value;
    if (hasValue(grid.values[r]) !== hasValue(row)) return false;
  }
  return true;
}

const widths = new WeakMap<Grid, number>();

/** The widest row's length (an adapter's grid is a rectangle; one in memory may be ragged). An edit never widens it. */
function widthOf(grid: Grid): number {
  let width = widths.get(grid);
  if (width === undefined) {
    width = 0;
    for (const row of grid.values) if (row.length > width) width = row.length;
    widths.set(grid, width);
  }
  return width;
}

function same(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

// ---------------------------------------------------------------- what each sheet's rows touch

/** How the changed cells of one sheet (grid row → grid columns) reach the model. */
interface Handler {
  /** Rows may appear (typed under the last) and go blank: each is about one item-location alone. */
  rowsComeAndGo?: boolean;
  /** False when they change more than rows' values (a key): a full read must. Looks, changes nothing. */
  accepts(src: ModelSources, changed: Map<number, Set<number>>): boolean;
  /** Reads the rows again (their cells hold the new values) and notes what to make again. */
  apply(work: Edit, grid: Grid, changed: Map<number, Set<number>>): void;
}

/** The handler of the sheet a grid is read as; null when the model does not read it, undefined when no handler can. */
function handlerOf(input: WorkbookInput, grid: Grid): Handler | null | undefined {
  for (const schema of Object.values(SHEETS)) {
    if (findGrid(input, schema.name) !== grid) continue;
    // Output sheets are not read; the Receipts log is read by order actions, from the cells, not by the model.
    if (schema.role !== "input") return null;
    // A sheet without a column it needs is not read at all (its header says so): its rows change nothing.
    if (!Sheet.open(input, schema, [])) return null;
    return HANDLERS.get(schema);
  }
  return null;
}

/** No column of the changed cells is one of `keys`. */
function noneOf<K extends string>(sheet: Sheet<K> | null | undefined, changed: Map<number, Set<number>>, keys: readonly K[]): boolean {
  if (!sheet) return true;
  for (const cols of changed.values()) for (const col of cols) if (keys.includes(sheet.fieldAt(col) as K)) return false;
  return true;
}

const anyRows = () => true;

/** A sheet whose rows are each about one item-location (its SKU and Warehouse): they are read again per item-location. */
interface ItemRowSheet {
  schema: SheetSchema<"sku" | "warehouse">;
  phase: Phase;
  /** A row more or less changes only the item-location it is about (no rule counts the sheet's rows). */
  rowsComeAndGo?: boolean;
  /** Reads the given rows into `sources`, for the item-locations given (the others are not touched). */
  read(src: ModelSources, rows: readonly number[], items: Iterable<number>): void;
}

const ITEM_ROW_SHEETS: ItemRowSheet[] = [
  {
    schema: SHEETS.forecast,
    phase: PHASE.forecast,
    read(src, rows, items) {
      const demand = readForecast(src.input, src.settings, src.index, src.book.inbox, rows);
      for (const at of items) src.demandInputs.forecast[at] = demand[at];
    },
  },
  {
    schema: SHEETS.forecastOverrides,
    phase: PHASE.forecastOverrides,
    rowsComeAndGo: true,
    read(src, rows, items) {
      const overrides = readForecastOverrides(src.input, src.settings, src.index, src.book.inbox, rows);
      for (const at of items) src.demandInputs.forecastOverrides[at] = overrides[at];
    },
  },
  {
    schema: SHEETS.orderOverrides,
    phase: PHASE.orderOverrides,
    rowsComeAndGo: true,
    read(src, rows, items) {
      const overrides = readOrderOverrides(src.input, src.settings, src.index, src.book.inbox, rows);
      for (const at of items) src.overrides[at] = overrides[at];
    },
  },
];

const ROWS_COME_AND_GO = new Set(ITEM_ROW_SHEETS.filter((spec) => spec.rowsComeAndGo).map((spec) => looseName(spec.schema.name)));

/**
 * An adapter's own writes as the edits the live model applies by themselves: every cell
 * replaced, and every row appended to a plain range of a sheet whose rows come and go
 * (the pane's quantity for a week with no row yet). Undefined when a row was added
 * anywhere else: that changes the sheet, and only a full read follows it.
 */
export function editedRanges(writes: Writes, appendedRows: readonly number[]): CellRange[] | undefined {
  const ranges: CellRange[] = [];
  for (let i = 0; i < writes.append.length; i++) {
    const { sheet, table, col, values } = writes.append[i];
    if (table !== undefined || !ROWS_COME_AND_GO.has(looseName(sheet))) return undefined;
    ranges.push({ sheet, row: appendedRows[i], col, rows: 1, cols: values.length });
  }
  for (const { sheet, row, col } of writes.cells) ranges.push({ sheet, row, col, rows: 1, cols: 1 });
  return ranges;
}

/** SKUs rows: read again, each its item-location's (a key edited is a full read). */
const skuRows: Handler = {
  accepts: (src, changed) => noneOf(Sheet.open(src.input, SHEETS.skus, []), changed, ["sku", "warehouse"]),
  apply: (work, grid, changed) => {
    const { src } = work;
    const sheet = Sheet.open(src.input, SHEETS.skus, src.book.inbox)!;
    const rows = [...changed.keys()];
    src.book.redoRows(PHASE.skuRows, [scope(grid, rows)], () => {
      for (const r of rows) {
        const row = readSkuRow(sheet, r, src.settings);
        if (!row) continue;
        const at = src.index.find(row.sku, row.warehouse);
        const first = src.index.rows[at];
        if (first.gridRow !== r) {
          reportRepeat(row, first);
          continue;
        }
        src.index.rows[at] = row;
        work.remake(at);
      }
    });
  },
};

/** Rows about item-locations: every row of each item-location they were or are about is read again. */
function itemRows(spec: ItemRowSheet): Handler {
  return {
    rowsComeAndGo: spec.rowsComeAndGo,
    accepts: anyRows,
    apply: (work, grid, changed) => {
      const { src } = work;
      const groups = work.indexes.itemRows(spec.schema);
      const touched = new Set<number>();
      for (const r of changed.keys()) {
        const before = groups.keyOf(r);
        const after = itemOfRow(src, spec.schema, r);
        if (before !== undefined) touched.add(before);
        if (after !== undefined) touched.add(after);
        groups.move(r, after);
      }
      const rows = groups.rowsOfAll(touched, changed.keys());
      // A row gone blank loses its problems and is read no more, as a full read skips it.
      const read = rows.filter((r) => hasValue(grid.values[r]));
      src.book.redoRows(spec.phase, [scope(grid, rows)], () => spec.read(src, read, touched));
      for (const at of touched) work.remake(at);
    },
  };
}

/** Rows grouped by SKU (a link or a place given twice is found among them): every row of the SKUs they were or are for is read again. */
function skuGroupRows(schema: SheetSchema<"sku">, phase: Phase, read: (work: Edit, rows: readonly number[], skus: Set<string>, then: (next: Phase) => void) => void): Handler {
  return {
    accepts: anyRows,
    apply: (work, grid, changed) => {
      const groups = work.indexes.skuRows(schema);
      const silent = Sheet.open(work.src.input, schema, [])!;
      const skus = new Set<string>();
      for (const r of changed.keys()) {
        const before = groups.keyOf(r);
        const after = silent.code(r, "sku");
        if (before !== undefined) skus.add(before);
        if (after !== undefined) skus.add(after);
        groups.move(r, after);
      }
      const rows = groups.rowsOfAll(skus, changed.keys());
      work.src.book.redoRows(phase, [scope(grid, rows)], (then) => read(work, rows, skus, then));
      for (const sku of skus) for (const at of work.src.index.positions(sku)) work.remake(at);
    },
  };
}

function readSupplierItemRows(work: Edit, rows: readonly number[], skus: Set<string>, then: (next: Phase) => void): void {
  const { src } = work;
  const read = groupBySku(readSupplierItems(src.input, src.index.skus, src.supplierMap, src.book.inbox, rows));
  const mine = new Map<string, SupplierItem[]>();
  for (const sku of skus) {
    const items = read.get(sku);
    if (items) {
      src.supplierItems.set(sku, items);
      mine.set(sku, items);
    } else src.supplierItems.delete(sku);
  }
  // Which of a SKU's links is preferred is found among the same rows, in a phase of its own.
  then(PHASE.preferred);
  reportSecondPreferred(mine);
}

function readStatusOverrideRows(work: Edit, rows: readonly number[], skus: Set<string>): void {
  const { src } = work;
  const read = readStatusOverrides(src.input, src.statuses, src.statusTargets, src.book.inbox, rows);
  for (const sku of skus) src.statusOverrides.replace(sku, read);
}

/** Header or line rows of orders: each order touched is read again with all its rows. */
function orderRows(kind: "headers" | "lines"): Handler {
  return {
    // A header's number names the order: renumbering one changes which orders there are.
    accepts: (src, changed) => kind === "lines" || noneOf(Sheet.open(src.input, SHEETS.purchaseOrders, []), changed, ["number"]),
    apply: (work, _grid, changed) => {
      const groups = work.indexes.orderRows(kind);
      const silent = Sheet.open(work.src.input, orderSheet(kind), [])!;
      for (const r of changed.keys()) {
        const before = groups.keyOf(r);
        const after = silent.code(r, "number");
        if (before !== undefined) work.orders.add(before);
        if (after !== undefined) work.orders.add(after);
        // A row of no order (now) is read again by itself, to report it again.
        if (after === undefined) work.loneOrderRows[kind].push(r);
        groups.move(r, after);
      }
    },
  };
}

const HANDLERS = new Map<SheetSchema, Handler>([
  [SHEETS.skus, skuRows],
  [SHEETS.supplierItems, skuGroupRows(SHEETS.supplierItems, PHASE.supplierItems, readSupplierItemRows)],
  [SHEETS.statusOverrides, skuGroupRows(SHEETS.statusOverrides, PHASE.statusOverrides, readStatusOverrideRows)],
  [SHEETS.purchaseOrders, orderRows("headers")],
  [SHEETS.poLines, orderRows("lines")],
  ...ITEM_ROW_SHEETS.map((sheet): [SheetSchema, Handler] => [sheet.schema, itemRows(sheet)]),
]);

const orderSheet = (kind: "headers" | "lines"): SheetSchema<"number"> => (kind === "headers" ? SHEETS.purchaseOrders : SHEETS.poLines);

// ---------------------------------------------------------------- one edit's work

/** What an edit has made again so far, and makes the new state from it. */
class Edit {
  readonly src: ModelSources;
  /** Item positions to make again. */
  private readonly remade = new Set<number>();
  /** PO numbers whose orders are read again. */
  readonly orders = new Set<string>();
  /** Header and line rows without a PO number. */
  readonly loneOrderRows = { headers: [] as number[], lines: [] as number[] };

  constructor(
    private readonly state: PlannedWorkbook,
    readonly indexes: EditIndexes,
  ) {
    this.src = state.sources;
  }

  remake(at: number): void {
    this.remade.add(at);
  }

  finish(): PlannedWorkbook | undefined {
    const { src, state } = this;
    const orderChanges = this.readOrders();
    if (orderChanges === undefined) return undefined;
    // Item-locations whose orders changed start from no inbound and get it from every order they are on.
    const inbound = new Set<number>();
    for (const { before, after } of orderChanges) {
      for (const at of this.itemsOf(before)) inbound.add(at);
      for (const at of this.itemsOf(after)) inbound.add(at);
    }
    for (const at of inbound) this.remade.add(at);
    for (const { at, before, after } of orderChanges) this.indexes.orderMoved(at, this.itemsOf(before), this.itemsOf(after));

    const positions = [...this.remade].sort((a, b) => a - b);
    const made: ItemLocation[] = [];
    const arrays = new WeekArrays(src.settings.horizonWeeks + 1, positions.length);
    src.book.drop(PHASE.items, this.remade);
    src.book.inbox.length = 0;
    for (const at of positions) {
      made[at] = src.item(at, arrays, inbound.has(at) ? undefined : state.model.items[at]);
      src.book.take(PHASE.items, at);
    }
    const visits = new Set<number>(orderChanges.map((c) => c.at));
    for (const at of inbound) for (const o of this.indexes.ordersOf(at)) visits.add(o);
    if (visits.size > 0) {
      src.book.drop(PHASE.receipts, visits);
      addReceipts(src, made, { orders: [...visits].sort((a, b) => a - b), items: inbound });
    }
    const change: PlanChange = {
      items: positions.map((at) => ({ at, before: state.plans[at], after: planItem(made[at], src.settings) })),
      orders: orderChanges,
    };
    state.model.problems = src.book.list();
    return nextPlanned(state, change);
  }

  /** Reads again every order (and every row) of the PO numbers touched; undefined when which orders there are changes. */
  private readOrders(): PlanChange["orders"] | undefined {
    const { src } = this;
    const changes: PlanChange["orders"] = [];
    const book = src.orderBook;
    const lone = this.loneOrderRows;
    if (lone.headers.length + lone.lines.length > 0) {
      const scopes = [scopeOf(src.input, SHEETS.purchaseOrders, lone.headers), scopeOf(src.input, SHEETS.poLines, lone.lines)];
      src.book.redoRows(PHASE.orders, scopes, (then) => readOrderBook(src.input, src.settings, src.book.inbox, lone, () => then(PHASE.orderChecks)));
    }
    for (const number of this.orders) {
      const headers = this.indexes.orderRows("headers").rowsOf(number);
      const lines = this.indexes.orderRows("lines").rowsOf(number);
      const scopes = [scopeOf(src.input, SHEETS.purchaseOrders, headers), scopeOf(src.input, SHEETS.poLines, lines)];
      const read = src.book.redoRows(PHASE.orders, scopes, (then) => readOrderBook(src.input, src.settings, src.book.inbox, { headers, lines }, () => then(PHASE.orderChecks)));
      const before = book.byNumber.get(number);
      const after = read.byNumber.get(number);
      if (!before !== !after) return undefined;
      if (!before || !after) continue;
      const at = book.orders.indexOf(before);
      book.orders[at] = after;
      book.byNumber.set(number, after);
      changes.push({ at, before, after });
    }
    return changes;
  }

  private itemsOf(po: PurchaseOrder): number[] {
    return linesAt(this.src, po);
  }
}

/** Worksheet rows of grid rows. */
function scope(grid: Grid, gridRows: Iterable<number>): RowScope {
  const origin = grid.originRow ?? 0;
  const rows: number[] = [];
  for (const r of gridRows) rows.push(origin + r);
  return { sheet: grid.sheet, rows };
}

function scopeOf(input: WorkbookInput, schema: SheetSchema, gridRows: Iterable<number>): RowScope {
  const grid = findGrid(input, schema.name);
  return grid ? scope(grid, gridRows) : { sheet: schema.name, rows: [] };
}

/** The item-location a row is about (SKU, and Warehouse or the default), read without reporting. */
function itemOfRow(src: ModelSources, schema: SheetSchema<"sku" | "warehouse">, r: number): number | undefined {
  const sheet = Sheet.open(src.input, schema, []);
  if (!sheet) return undefined;
  const at = keyOfRow(sheet, r, src.settings.defaultWarehouse, src.index);
  return at;
}

function keyOfRow(sheet: Sheet<"sku" | "warehouse">, r: number, defaultWarehouse: string, index: ItemIndex): number | undefined {
  const sku = sheet.code(r, "sku");
  if (sku === undefined) return undefined;
  const at = index.find(sku, sheet.code(r, "warehouse") ?? defaultWarehouse);
  return at < 0 ? undefined : at;
}

// ---------------------------------------------------------------- indexes kept for edits

/** Rows grouped by a key (an item position, a SKU, a PO number), in sheet order. */
class RowGroups<K> {
  private readonly keys = new Map<number, K>();
  private readonly rows = new Map<K, number[]>();

  constructor(rows: readonly number[], key: (r: number) => K | undefined) {
    for (const r of rows) {
      const k = key(r);
      if (k === undefined) continue;
      this.keys.set(r, k);
      const list = this.rows.get(k);
      if (list) list.push(r);
      else this.rows.set(k, [r]);
    }
  }

  keyOf(r: number): K | undefined {
    return this.keys.get(r);
  }

  rowsOf(key: K): readonly number[] {
    return this.rows.get(key) ?? NONE;
  }

  /** Every row of these groups and the given rows, in sheet order. */
  rowsOfAll(keys: Iterable<K>, more: Iterable<number>): number[] {
    const all = new Set<number>(more);
    for (const key of keys) for (const r of this.rowsOf(key)) all.add(r);
    return [...all].sort((a, b) => a - b);
  }

  move(r: number, to: K | undefined): void {
    const from = this.keys.get(r);
    if (from === to) return;
    if (from !== undefined) {
      const list = this.rows.get(from)!;
      list.splice(list.indexOf(r), 1);
      if (list.length === 0) this.rows.delete(from);
      this.keys.delete(r);
    }
    if (to === undefined) return;
    this.keys.set(r, to);
    const list = this.rows.get(to);
    if (!list) {
      this.rows.set(to, [r]);
      return;
    }
    let at = list.length;
    while (at > 0 && list[at - 1] > r) at--;
    list.splice(at, 0, r);
  }
}

const NONE: readonly number[] = [];

/** Where the rows of each item-location, SKU and order are, built from a full read on first need. */
class EditIndexes {
  private readonly byItem = new Map<SheetSchema, RowGroups<number>>();
  private readonly bySku = new Map<SheetSchema, RowGroups<string>>();
  private readonly byOrder = new Map<"headers" | "lines", RowGroups<string>>();
  /** The orders (positions in the order book) with lines for each item-location. */
  private readonly orders = new Map<number, number[]>();

  constructor(private readonly src: ModelSources) {
    for (const { schema } of ITEM_ROW_SHEETS) this.itemRows(schema);
    this.skuRows(SHEETS.supplierItems);
    this.skuRows(SHEETS.statusOverrides);
    this.orderRows("headers");
    this.orderRows("lines");
    const { orders } = src.orderBook;
    for (let o = 0; o < orders.length; o++) for (const at of new Set(linesAt(src, orders[o]))) this.addOrder(at, o);
  }

  itemRows(schema: SheetSchema<"sku" | "warehouse">): RowGroups<number> {
    let groups = this.byItem.get(schema);
    if (!groups) {
      const sheet = Sheet.open(this.src.input, schema, []);
      this.byItem.set(schema, (groups = new RowGroups(sheet?.rows ?? NONE, (r) => keyOfRow(sheet!, r, this.src.settings.defaultWarehouse, this.src.index))));
    }
    return groups;
  }

  skuRows(schema: SheetSchema<"sku">): RowGroups<string> {
    let groups = this.bySku.get(schema);
    if (!groups) {
      const sheet = Sheet.open(this.src.input, schema, []);
      this.bySku.set(schema, (groups = new RowGroups(sheet?.rows ?? NONE, (r) => sheet!.code(r, "sku"))));
    }
    return groups;
  }

  orderRows(kind: "headers" | "lines"): RowGroups<string> {
    let groups = this.byOrder.get(kind);
    if (!groups) {
      const sheet = Sheet.open(this.src.input, orderSheet(kind), []);
      this.byOrder.set(kind, (groups = new RowGroups(sheet?.rows ?? NONE, (r) => sheet!.code(r, "number"))));
    }
    return groups;
  }

  ordersOf(at: number): readonly number[] {
    return this.orders.get(at) ?? NONE;
  }

  /** An order's lines moved from some item-locations to others. */
  orderMoved(order: number, before: number[], after: number[]): void {
    const now = new Set(after);
    for (const at of new Set(before)) if (!now.has(at)) this.removeOrder(at, order);
    for (const at of now) this.addOrder(at, order);
  }

  private addOrder(at: number, order: number): void {
    const list = this.orders.get(at);
    if (!list) this.orders.set(at, [order]);
    else if (!list.includes(order)) list.push(order);
  }

  private removeOrder(at: number, order: number): void {
    const list = this.orders.get(at);
    if (list) list.splice(list.indexOf(order), 1);
  }
}

/** The item-locations of an order's lines (one per line on the SKUs sheet). */
function linesAt(src: ModelSources, po: PurchaseOrder): number[] {
  const out: number[] = [];
  for (const line of po.lines) {
    const at = src.index.find(line.sku, po.warehouse);
    if (at >= 0) out.push(at);
  }
  return out;
}

const built = new WeakMap<ModelSources, EditIndexes>();

function indexesOf(src: ModelSources): EditIndexes {
  let indexes = built.get(src);
  if (!indexes) built.set(src, (indexes = new EditIndexes(src)));
  return indexes;
}
