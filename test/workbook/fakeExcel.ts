/**
 * A small fake of the Excel host, enough for the Office adapter: worksheets and
 * tables of cell values, `load`/`sync` with properties readable only after a
 * sync, change events, and counters of syncs and payload bytes. office-addin-mock
 * cannot mock collections (`items`), which the adapter needs.
 */
type Value = string | number | boolean;

export interface FakeSheetData {
  name: string;
  /** Cells from A1 (row-major); `""` is an empty cell. */
  cells: Value[][];
}

export interface FakeTableData {
  name: string;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

class NotLoaded extends Error {}

interface SyncStats {
  requestBytes: number;
  responseBytes: number;
}

export class FakeExcel {
  sheets: (FakeSheetData & { id: string })[] = [];
  tables: FakeTableData[] = [];
  date1904 = false;
  enableEvents = true;
  /** A response larger than this fails like Excel on the web (`ResponsePayloadSizeLimitExceeded`). */
  responseLimitBytes = Infinity;
  /** Dropdowns set with `dataValidation.rule`, and the selected cell, for tests to look at. */
  readonly validations: { sheet: string; row: number; col: number; rows: number; source: string }[] = [];
  selection?: { sheet: string; row: number; col: number };
  activeSheet?: string;
  /** Syncs (by their number, from 1) that fail as if the connection to Excel dropped. */
  readonly failingSyncs = new Set<number>();
  /**
   * Write commands (values set, rows added; by their number, from 1) that fail: as in
   * Excel, the commands before it in the batch are done, it and the rest are not, and
   * the sync throws.
   */
  readonly failingWrites = new Set<number>();
  writes = 0;
  /** Count the bytes of written values but keep none (for benchmarks of huge writes). */
  discardWrites = false;
  /** Runs at each sync before its answers are read: a co-authoring session exchanges edits here (coauthoring.ts). */
  onSync?: () => Promise<void>;
  syncs = 0;
  runs = 0;
  readonly syncLog: SyncStats[] = [];
  readonly handlers: Record<"changed" | "added" | "deleted" | "nameChanged" | "tableAdded" | "tableDeleted", ((event: unknown) => Promise<void>)[]> = {
    changed: [],
    added: [],
    deleted: [],
    nameChanged: [],
    tableAdded: [],
    tableDeleted: [],
  };
  /** Ids of sheets whose events were raised while events were off (should stay empty). */
  readonly eventsWhileOff: string[] = [];
  private nextId = 1;

  constructor(sheets: Record<string, Value[][]> = {}) {
    for (const [name, cells] of Object.entries(sheets)) this.addSheetData(name, cells);
  }

  addSheetData(name: string, cells: Value[][]): string {
    const id = `{sheet-${this.nextId++}}`;
    this.sheets.push({ id, name, cells: cells.map((row) => [...row]) });
    return id;
  }

  sheet(name: string): FakeSheetData & { id: string } {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  /** A user (or a co-author, with source "Remote") types a value into a cell. */
  async edit(sheetName: string, row: number, col: number, value: Value, source: "Local" | "Remote" = "Local"): Promise<void> {
    const sheet = this.sheet(sheetName);
    while (sheet.cells.length <= row) sheet.cells.push([]);
    sheet.cells[row][col] = value;
    await this.fire("changed", { type: "WorksheetChanged", worksheetId: sheet.id, address: "A1", source, changeType: "RangeEdited" });
  }

  async addSheet(name: string, cells: Value[][] = []): Promise<void> {
    const id = this.addSheetData(name, cells);
    await this.fire("added", { type: "WorksheetAdded", worksheetId: id, source: "Local" });
  }

  async deleteSheet(name: string): Promise<void> {
    const sheet = this.sheet(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    await this.fire("deleted", { type: "WorksheetDeleted", worksheetId: sheet.id, source: "Local" });
  }

  async renameSheet(from: string, to: string): Promise<void> {
    const sheet = this.sheet(from);
    sheet.name = to;
    await this.fire("nameChanged", { type: "WorksheetNameChanged", worksheetId: sheet.id, nameBefore: from, nameAfter: to, source: "Local" });
  }

  /** A user makes a range into a table (Insert → Table) and names it. */
  async addTable(table: FakeTableData): Promise<void> {
    this.tables.push(table);
    await this.fire("tableAdded", { type: "TableAdded", worksheetId: this.sheet(table.sheet).id, tableId: table.name, source: "Local" });
  }

  async fire(kind: keyof FakeExcel["handlers"], event: { worksheetId: string; [key: string]: unknown }): Promise<void> {
    if (!this.enableEvents) {
      this.eventsWhileOff.push(event.worksheetId);
      return;
    }
    for (const handler of this.handlers[kind]) await handler(event);
  }

  get totalRequestBytes(): number {
    return this.syncLog.reduce((n, s) => n + s.requestBytes, 0);
  }

  get totalResponseBytes(): number {
    return this.syncLog.reduce((n, s) => n + s.responseBytes, 0);
  }

  /** Stores a value as Excel would take it from `Range.values`. */
  static stored(value: Value): Value | { formula: string } {
    if (typeof value !== "string") return value;
    if (value.startsWith("'")) return value.slice(1);
    if (value.startsWith("=")) return { formula: value };
    if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    return value;
  }
}

/** Properties loaded on an object become readable at the next sync. */
abstract class FakeObject {
  private readonly pending = new Set<string>();
  private readonly loaded = new Set<string>();

  constructor(protected readonly ctx: FakeContext) {}

  /** Property names, or office.js load options (`{ name: true }`, which a collection applies to each item). */
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props ?? {}).flatMap((key) => [key, `items/${key}`]);
    for (const p of list) this.pending.add(p.trim());
    this.ctx.track(this);
    return this;
  }

  /** Called by sync: makes the pending properties readable; returns the bytes of the response. */
  resolve(): number {
    let bytes = 0;
    for (const p of this.pending) {
      this.loaded.add(p);
      bytes += this.responseBytes(p);
    }
    this.pending.clear();
    return bytes;
  }

  drop(): void {
    this.pending.clear();
  }

  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new NotLoaded(`The property '${prop}' is not available. Load it and call sync first.`);
  }

  protected responseBytes(prop: string): number {
    return prop.length + 8;
  }
}

class FakeContext {
  private readonly tracked = new Set<FakeObject>();
  private requestBytes = 0;
  pendingEvents?: boolean;
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    // Like every property set in office.js, it takes effect at the next sync.
    this.runtime = Object.defineProperty({} as { enableEvents: boolean }, "enableEvents", {
      get: () => host.enableEvents,
      set: (on: boolean) => (this.pendingEvents = on),
    });
  }

  track(object: FakeObject): void {
    this.tracked.add(object);
  }

  request(bytes: number): void {
    this.requestBytes += bytes;
  }

  /** A command queued on an object that does not exist: the sync fails, as office.js's does. */
  private itemNotFound = false;
  /** A write of this batch failed: the rest of the batch is not done. */
  private broken = false;

  /** Does a write command unless an earlier one of this batch failed, or this one is set to fail. */
  write(apply: () => void): void {
    this.host.writes++;
    if (this.broken) return;
    if (this.host.failingWrites.has(this.host.writes)) {
      this.broken = true;
      return;
    }
    apply();
  }

  fail(): void {
    this.itemNotFound = true;
  }

  async sync(): Promise<void> {
    this.host.syncs++;
    await Promise.resolve();
    await this.host.onSync?.();
    if (this.itemNotFound) {
      this.itemNotFound = false;
      this.tracked.clear();
      this.pendingEvents = undefined;
      this.host.syncLog.push({ requestBytes: 0, responseBytes: 0 });
      throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
    }
    if (this.broken || this.host.failingSyncs.has(this.host.syncs)) {
      this.broken = false;
      this.tracked.clear();
      this.pendingEvents = undefined;
      throw Object.assign(new Error("The request failed."), { code: "GeneralException" });
    }
    if (this.pendingEvents !== undefined) this.host.enableEvents = this.pendingEvents;
    this.pendingEvents = undefined;
    let responseBytes = 0;
    for (const object of this.tracked) responseBytes += object.resolve();
    const stats = { requestBytes: this.requestBytes, responseBytes };
    this.requestBytes = 0;
    this.tracked.clear();
    this.host.syncLog.push(stats);
    if (responseBytes > this.host.responseLimitBytes) {
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    }
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly functions: { date(y: number, m: number, d: number): FakeFunctionResult };

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.functions = { date: () => new FakeFunctionResult(ctx, ctx.host.date1904 ? 0 : 1462) };
  }
}

class FakeFunctionResult extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly result: number,
  ) {
    super(ctx);
  }

  get value(): number {
    this.need("value");
    return this.result;
  }
}

function events(ctx: FakeContext, kind: keyof FakeExcel["handlers"]) {
  return { add: (handler: (event: unknown) => Promise<void>) => ctx.host.handlers[kind].push(handler) };
}

class FakeWorksheets extends FakeObject {
  readonly onChanged = events(this.ctx, "changed");
  readonly onAdded = events(this.ctx, "added");
  readonly onDeleted = events(this.ctx, "deleted");
  readonly onNameChanged = events(this.ctx, "nameChanged");

  get items(): FakeWorksheet[] {
    this.need("items/name");
    return this.ctx.host.sheets.map((s) => new FakeWorksheet(this.ctx, s, true));
  }

  getItem(key: string): FakeWorksheet {
    const data = this.ctx.host.sheets.find((s) => s.id === key || s.name === key);
    if (!data) this.ctx.fail();
    return new FakeWorksheet(this.ctx, data ?? { id: key, name: key, cells: [] }, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const data = this.ctx.host.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return new FakeWorksheet(this.ctx, data, false);
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.getItem(this.ctx.host.activeSheet ?? this.ctx.host.sheets[0].name);
  }

  add(name: string): FakeWorksheet {
    this.ctx.host.addSheetData(name, []);
    return new FakeWorksheet(this.ctx, this.ctx.host.sheet(name), false);
  }

  protected override responseBytes(): number {
    return this.ctx.host.sheets.reduce((n, s) => n + s.name.length + s.id.length + 20, 0);
  }
}

class FakeTables extends FakeObject {
  readonly onAdded = events(this.ctx, "tableAdded");
  readonly onDeleted = events(this.ctx, "tableDeleted");

  constructor(
    ctx: FakeContext,
    private readonly sheetName?: string,
  ) {
    super(ctx);
  }

  private list(): FakeTableData[] {
    return this.ctx.host.tables.filter((t) => this.sheetName === undefined || t.sheet === this.sheetName);
  }

  get items(): FakeTable[] {
    this.need("items/name");
    return this.list().map((t) => new FakeTable(this.ctx, t));
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(
      this.ctx,
      this.ctx.host.tables.find((t) => t.name === name),
    );
  }

  getItem(name: string): FakeTable {
    const data = this.ctx.host.tables.find((t) => t.name === name);
    if (!data) this.ctx.fail();
    return new FakeTable(this.ctx, data ?? { name, sheet: this.ctx.host.sheets[0].name, row: 0, col: 0, rows: 0, cols: 0 });
  }

  add(address: string, _hasHeaders: boolean): FakeTable {
    const [from, to] = address.split(":").map(decode);
    const data = {
      name: `Table${this.ctx.host.tables.length + 1}`,
      sheet: this.sheetName!,
      row: from.row,
      col: from.col,
      rows: to.row - from.row + 1,
      cols: to.col - from.col + 1,
    };
    this.ctx.host.tables.push(data);
    return new FakeTable(this.ctx, data);
  }
}

function decode(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A row added to a table: its `index` in the table's body is readable after the sync. */
class FakeTableRow extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly at: number,
  ) {
    super(ctx);
  }

  get index(): number {
    this.need("index");
    return this.at;
  }
}

class FakeTable {
  style = "";
  constructor(
    private readonly ctx: FakeContext,
    private readonly data: FakeTableData | undefined,
  ) {}

  get isNullObject(): boolean {
    return this.data === undefined;
  }

  get name(): string {
    return this.data!.name;
  }

  set name(name: string) {
    this.data!.name = name;
  }

  get worksheet(): { name: string } {
    return { name: this.data!.sheet };
  }

  /** `rows.add(undefined, values)`: rows go under the table, which grows to hold them; `getItemAt(i).delete()` takes one out. */
  get rows(): { add(index: undefined, values: Value[][]): FakeTableRow; getItemAt(index: number): { delete(): void } } {
    const data = this.data!;
    return {
      add: (_index, values) => {
        const row = new FakeTableRow(this.ctx, data.rows - 1);
        this.ctx.write(() => {
          const sheet = this.ctx.host.sheet(data.sheet);
          values.forEach((cells, i) => {
            const target = (sheet.cells[data.row + data.rows + i] ??= []);
            cells.forEach((v, c) => (target[data.col + c] = FakeExcel.stored(v) as Value));
          });
          data.rows += values.length;
        });
        return row;
      },
      getItemAt: (index) => ({
        delete: () =>
          this.ctx.write(() => {
            // The rows below the table's body move up, as Excel shifts them.
            const sheet = this.ctx.host.sheet(data.sheet);
            const at = data.row + 1 + index;
            for (let r = at; r < sheet.cells.length; r++) {
              const below = sheet.cells[r + 1] ?? [];
              const target = (sheet.cells[r] ??= []);
              for (let c = data.col; c < data.col + data.cols; c++) target[c] = below[c] ?? "";
            }
            data.rows -= 1;
          }),
      }),
    };
  }

  getRange(): FakeRange {
    const data = this.data!;
    const sheet = this.ctx.host.sheet(data.sheet);
    return new FakeRange(this.ctx, sheet, data.row, data.col, data.rows, data.cols);
  }

  delete(): void {
    this.ctx.host.tables = this.ctx.host.tables.filter((t) => t !== this.data);
  }
}

class FakeWorksheet extends FakeObject {
  readonly freezePanes = { freezeRows: (n: number) => (this.frozen = n) };
  readonly pageLayout: Record<string, unknown> = {};
  frozen = 0;

  constructor(
    ctx: FakeContext,
    private readonly data: (FakeSheetData & { id: string }) | undefined,
    loaded: boolean,
  ) {
    super(ctx);
    if (loaded) {
      this.load("name,id");
      this.resolve();
    }
  }

  get isNullObject(): boolean {
    return this.data === undefined;
  }

  activate(): void {
    this.ctx.host.activeSheet = this.data!.name;
  }

  get name(): string {
    this.need("name");
    return this.data!.name;
  }

  get id(): string {
    this.need("id");
    return this.data!.id;
  }

  private tableCollection?: FakeTables;

  get tables(): FakeTables {
    return (this.tableCollection ??= new FakeTables(this.ctx, this.data?.name));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const cells = this.data!.cells;
    let lastRow = -1;
    let lastCol = -1;
    let firstRow = Infinity;
    let firstCol = Infinity;
    cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === undefined || v === null) return;
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, c);
        firstRow = Math.min(firstRow, r);
        firstCol = Math.min(firstCol, c);
      }),
    );
    if (lastRow < 0) return new FakeRange(this.ctx, undefined, 0, 0, 0, 0);
    return new FakeRange(this.ctx, this.data!, firstRow, firstCol, lastRow - firstRow + 1, lastCol - firstCol + 1);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.data!, row, col, rows, cols);
  }

  getRange(address?: string): FakeRange {
    if (address !== undefined && /^[A-Z]+\d+$/.test(address)) {
      const { row, col } = decode(address);
      return new FakeRange(this.ctx, this.data!, row, col, 1, 1);
    }
    if (address === undefined) return new FakeRange(this.ctx, this.data!, 0, 0, this.data!.cells.length, Math.max(0, ...this.data!.cells.map((r) => r.length)));
    const col = decode(`${address.split(":")[0]}1`).col;
    return new FakeRange(this.ctx, this.data!, 0, col, 1_048_576, 1);
  }
}

class FakeRange extends FakeObject {
  readonly format = { font: {} as Record<string, unknown>, fill: {} as Record<string, unknown>, columnWidth: 0, horizontalAlignment: "", wrapText: false };

  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheetData | undefined,
    readonly row: number,
    readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
  ) {
    super(ctx);
  }

  get isNullObject(): boolean {
    return this.sheet === undefined;
  }

  private read(): Value[][] {
    const out: Value[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const src = this.sheet!.cells[this.row + r] ?? [];
      const row: Value[] = [];
      for (let c = 0; c < this.cols; c++) row.push(src[this.col + c] ?? "");
      out.push(row);
    }
    return out;
  }

  get values(): Value[][] {
    this.need("values");
    return this.read();
  }

  set values(values: Value[][]) {
    this.ctx.request(JSON.stringify(values).length);
    if (this.ctx.host.discardWrites) return;
    this.ctx.write(() =>
      values.forEach((row, r) => {
        const target = (this.sheet!.cells[this.row + r] ??= []);
        row.forEach((v, c) => (target[this.col + c] = FakeExcel.stored(v) as Value));
      }),
    );
  }

  /** What a cell holds as typed: a formula's text, else its value. */
  get formulas(): Value[][] {
    this.need("formulas");
    return this.read().map((row) => row.map((v) => (typeof v === "object" && v !== null ? (v as { formula: string }).formula : v)));
  }

  get dataValidation(): { rule: unknown } {
    return Object.defineProperty({} as { rule: unknown }, "rule", {
      get: () => undefined,
      set: (rule: unknown) => {
        const source = (rule as { list: { source: string } }).list.source;
        this.ctx.host.validations.push({ sheet: this.sheet!.name, row: this.row, col: this.col, rows: this.rows, source });
      },
    });
  }

  select(): void {
    this.ctx.host.selection = { sheet: this.sheet!.name, row: this.row, col: this.col };
  }

  set numberFormat(formats: string[][]) {
    this.ctx.request(JSON.stringify(formats).length);
  }

  get rowIndex(): number {
    this.need("rowIndex");
    return this.row;
  }

  get columnIndex(): number {
    this.need("columnIndex");
    return this.col;
  }

  get rowCount(): number {
    this.need("rowCount");
    return this.rows;
  }

  get columnCount(): number {
    this.need("columnCount");
    return this.cols;
  }

  getCell(r: number, c: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, this.row + r, this.col + c, 1, 1);
  }

  getResizedRange(dr: number, dc: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, this.row, this.col, this.rows + dr, this.cols + dc);
  }

  clear(): void {
    if (this.sheet) this.sheet.cells = [];
  }

  protected override responseBytes(prop: string): number {
    return prop === "values" ? JSON.stringify(this.read()).length : 12;
  }
}
