import { Decimal } from "decimal.js";
import { isBlank, readBoolean, readCode, readDate, readDecimal, readNumber, readText, Rejected, type Reading, uncalculated } from "./cells";
import type { Day } from "./dates";
import { type CellValue, findGrid, type Grid, looseName, Uncalculated, type WorkbookInput } from "./input";
import { cellName, type Problem, problemAt, sheetReference } from "./problems";
import { requiredKeys, type SheetSchema } from "./schema";

export interface NumberRule {
  min?: number;
  /** The value must be strictly greater than `min`. */
  exclusive?: boolean;
  integer?: boolean;
  max?: number;
}

/**
 * One input sheet found by its loose name (schema.ts): header row located, columns
 * mapped to fields, and typed readers that report every bad cell with its address.
 * Addresses are made only when a problem is reported: a row that reads well costs no string.
 */
export class Sheet<K extends string> {
  private found?: number[];
  private readonly columns = new Map<K, number>();
  private readonly headerRow: number;
  /** `Sheet!` or `'Sheet name'!`, the start of every address on this sheet. */
  private readonly reference: string;
  /** One Decimal per distinct amount read (a SKU's cost repeats in every warehouse): Decimals are immutable and slow to make. */
  private readonly decimals = new Map<number, Decimal>();

  private constructor(
    readonly grid: Grid,
    readonly schema: SheetSchema<K>,
    private readonly problems: Problem[],
    private readonly date1904: boolean,
  ) {
    const values = grid.values;
    this.reference = sheetReference(grid.sheet, "");
    const header = headerRowOf(grid);
    this.headerRow = header;
    const byName = new Map<string, K>();
    for (const key of Object.keys(schema.columns) as K[]) {
      const column = schema.columns[key];
      for (const name of [column.header, ...(column.aliases ?? [])]) byName.set(looseName(name), key);
    }
    const headerCells = values[header] ?? [];
    headerCells.forEach((cell, col) => {
      if (isBlank(cell)) return;
      const key = byName.get(looseName(String(cell)));
      if (key === undefined) return;
      if (this.columns.has(key)) {
        this.report(header, col, `Column "${String(cell).trim()}" appears twice; the first one is used.`);
        return;
      }
      this.columns.set(key, col);
    });
  }

  /**
   * Indices (into the grid) of the non-blank rows under the header. Found on first
   * use: a reader reading a few rows again (an edit) opens the sheet without them.
   */
  get rows(): readonly number[] {
    if (this.found) return this.found;
    const values = this.grid.values;
    const rows: number[] = [];
    // Plain loops, no closure or iterator per row: a cold read of a big sheet spends its time allocating otherwise.
    for (let r = this.headerRow + 1; r < values.length; r++) if (hasValue(values[r])) rows.push(r);
    return (this.found = rows);
  }

  /** Finds a sheet with whatever columns it has; `undefined` when there is no such sheet. */
  static find<K extends string>(input: WorkbookInput, schema: SheetSchema<K>, problems: Problem[]): Sheet<K> | undefined {
    const grid = findGrid(input, schema.name);
    return grid && new Sheet(grid, schema, problems, input.date1904 ?? false);
  }

  /**
   * Finds a sheet and checks its required columns. `undefined` when there is no such
   * sheet; `null` when it exists but cannot be used (the problem is reported).
   */
  static open<K extends string>(input: WorkbookInput, schema: SheetSchema<K>, problems: Problem[]): Sheet<K> | null | undefined {
    const sheet = Sheet.find(input, schema, problems);
    if (!sheet) return undefined;
    const missing = requiredKeys(schema)
      .filter((key) => !sheet.has(key))
      .map((key) => `"${schema.columns[key].header}"`);
    if (missing.length === 0) return sheet;
    const what = missing.length === 1 ? `column ${missing[0]}` : `columns ${missing.join(", ")}`;
    sheet.report(sheet.headerRow, 0, `The ${schema.name} sheet has no ${what} in its header row, so it was not read.`);
    return null;
  }

  has(key: K): boolean {
    return this.columns.has(key);
  }

  /** The field read from a grid column; undefined for a column no field claims. */
  fieldAt(col: number): K | undefined {
    for (const [key, at] of this.columns) if (at === col) return key;
    return undefined;
  }

  /** Worksheet row number (1-based) of a grid row, for messages. */
  address(row: number, key?: K): string {
    const col = key !== undefined ? (this.columns.get(key) ?? 0) : 0;
    return this.reference + this.cellOf(row, col);
  }

  raw(row: number, key: K): CellValue {
    const col = this.columns.get(key);
    return col === undefined ? undefined : this.grid.values[row]?.[col];
  }

  /** The column's header as the sheet spells it, else as the schema does. */
  header(key: K): string {
    const col = this.columns.get(key);
    const header = this.schema.columns[key].header;
    return col === undefined ? header : String(this.grid.values[this.headerRow]?.[col] ?? header).trim();
  }

  /**
   * How messages name a row's cell: its column header, unless the sheet says better
   * (on Settings, "Horizon Weeks" says more than "Value").
   */
  describeCells(describe: (row: number, key: K) => string | undefined): void {
    this.describe = describe;
  }

  private describe: (row: number, key: K) => string | undefined = () => undefined;

  private nameOf(row: number, key: K): string {
    return this.describe(row, key) ?? this.header(key);
  }

  report(row: number, col: number, message: string): void {
    const r = (this.grid.originRow ?? 0) + row;
    const c = (this.grid.originCol ?? 0) + col;
    this.problems.push(problemAt(this.grid.sheet, r, c, message));
  }

  /** Reports a problem at a header cell. */
  reportHeader(col: number, message: string): void {
    this.report(this.headerRow, col, message);
  }

  /** Reports a problem at a field's cell (the row's first cell when the column is absent). */
  reportAt(row: number, key: K | undefined, message: string): void {
    this.report(row, key === undefined ? 0 : (this.columns.get(key) ?? 0), message);
  }

  blank(row: number, key: K): boolean {
    return isBlank(this.raw(row, key));
  }

  code(row: number, key: K): string | undefined {
    return this.accept(row, key, readCode(this.raw(row, key)));
  }

  /** A code the row cannot do without: blank or bad is reported and gives `undefined`. */
  requiredCode(row: number, key: K, what: string): string | undefined {
    if (this.blank(row, key)) {
      this.reportAt(row, key, `This row has no ${this.header(key)}, so it was not used${what ? ` (${what})` : ""}.`);
      return undefined;
    }
    return this.code(row, key);
  }

  text(row: number, key: K): string {
    const raw = this.raw(row, key);
    if (raw instanceof Uncalculated) this.reportUncalculated(row, key, raw);
    return readText(raw);
  }

  /** Text cells are read more than once (messages name settings by them): each such cell is reported once. */
  private readonly uncalculatedSeen = new Set<string>();

  /** A formula saved without its result is reported (once) and answers true: it holds no value to judge further. */
  uncalculated(row: number, key: K): boolean {
    const raw = this.raw(row, key);
    if (!(raw instanceof Uncalculated)) return false;
    this.reportUncalculated(row, key, raw);
    return true;
  }

  private reportUncalculated(row: number, key: K, value: Uncalculated): void {
    const where = `${row}:${String(key)}`;
    if (this.uncalculatedSeen.has(where)) return;
    this.uncalculatedSeen.add(where);
    this.accept(row, key, uncalculated(value));
  }

  number(row: number, key: K, rule: NumberRule = ANY_NUMBER): number | undefined {
    const value = this.accept(row, key, readNumber(this.raw(row, key)));
    if (value === undefined) return undefined;
    const broken = breaksRule(value, rule);
    if (!broken) return value;
    this.reportAt(row, key, `${this.nameOf(row, key)} ${value} ${broken}; it was ignored.`);
    return undefined;
  }

  decimal(row: number, key: K): Decimal | undefined {
    const amount = this.amount(row, key);
    return typeof amount === "number" ? this.decimalOf(amount) : amount;
  }

  /**
   * An amount, checked like `decimal`, but a number cell in range stays the number it
   * is: making its exact Decimal can wait until someone needs it (`exactAmount`).
   */
  amount(row: number, key: K): number | Decimal | undefined {
    const raw = this.raw(row, key);
    // The common case, a positive amount in range, needs no checks on its Decimal (0 is left to
    // readDecimal: the cache's keys do not tell 0 from -0).
    if (typeof raw === "number" && raw > 0 && raw <= LARGEST) return raw;
    const value = this.accept(row, key, readDecimal(raw));
    if (value === undefined) return undefined;
    const broken = value.isNegative() ? "must be 0 or more" : value.greaterThan(LARGEST_AMOUNT) ? "is too large to be real" : undefined;
    if (!broken) return value;
    this.reportAt(row, key, `${this.nameOf(row, key)} ${value.toString()} ${broken}; it was ignored.`);
    return undefined;
  }

  date(row: number, key: K): Day | undefined {
    return this.accept(row, key, readDate(this.raw(row, key), this.date1904));
  }

  /** The cell's date when it holds one, reporting nothing otherwise: to set a row aside by its date before its other cells are read. */
  dateIfAny(row: number, key: K): Day | undefined {
    const day = readDate(this.raw(row, key), this.date1904);
    return typeof day === "number" ? day : undefined;
  }

  boolean(row: number, key: K): boolean | undefined {
    return this.accept(row, key, readBoolean(this.raw(row, key)));
  }

  /**
   * A cell read by a reader of its own (a setting's, in a column that overrides it): a
   * value that does not fit is reported with what would (`hint`) and what applies
   * instead (`otherwise`), and gives undefined.
   */
  parsed<T>(row: number, key: K, read: (value: CellValue) => T | undefined | Rejected, hint: string, otherwise: string): T | undefined {
    const value = read(this.raw(row, key));
    if (!(value instanceof Rejected)) return value;
    const why = value.reason ? `: ${value.reason}` : ` (${hint})`;
    this.reportAt(row, key, `${this.nameOf(row, key)} ${JSON.stringify(this.text(row, key))} does not fit${why}; ${otherwise}.`);
    return undefined;
  }

  /** Header cells of columns that no field claimed, with their grid column. */
  otherColumns(): { col: number; value: CellValue }[] {
    const claimed = new Set(this.columns.values());
    const cells = this.grid.values[this.headerRow] ?? [];
    const out: { col: number; value: CellValue }[] = [];
    cells.forEach((value, col) => {
      if (!claimed.has(col) && !isBlank(value)) out.push({ col, value });
    });
    return out;
  }

  /** Whether a row holds a value in a column no field claimed: a planner's own note beside the known columns. */
  holdsOtherCells(row: number): boolean {
    const claimed = new Set(this.columns.values());
    const cells = this.grid.values[row] ?? [];
    for (let col = 0; col < cells.length; col++) if (!claimed.has(col) && !isBlank(cells[col])) return true;
    return false;
  }

  /**
   * Header cells of unclaimed columns that are dates (a wide layout's weeks), with their
   * day. Header text a person meant as a date but that is not one the add-in reads
   * (`23/11/2026`, `46356` as text, as a table's headers always are) is reported and its
   * column not used. `undefined` when no header is a date at all: a layout that is not
   * there must not pass silently.
   */
  dateHeaders(): { col: number; day: Day }[] | undefined {
    const out: { col: number; day: Day }[] = [];
    let dates = 0;
    for (const { col, value } of this.otherColumns()) {
      const day = readDate(value, this.date1904);
      if (typeof day !== "number") {
        if (typeof value === "string" && DATE_LIKE.test(value.trim())) {
          this.reportHeader(col, `${this.schema.name} column "${value.trim()}" is not a date the add-in can read (use a date cell or YYYY-MM-DD), so the column was not used.`);
        }
        // Week headers are often formulas (=C1+7): saved without their results, the columns must not vanish silently.
        if (value instanceof Uncalculated && day instanceof Rejected) this.reportHeader(col, `${this.schema.name} column header ${day.reason}, so the column was not used.`);
        continue;
      }
      dates++;
      out.push({ col, day });
    }
    return dates === 0 ? undefined : out;
  }

  private decimalOf(value: number): Decimal {
    let decimal = this.decimals.get(value);
    if (decimal === undefined) this.decimals.set(value, (decimal = new Decimal(value)));
    return decimal;
  }

  private cellOf(row: number, col: number): string {
    return cellName((this.grid.originRow ?? 0) + row, (this.grid.originCol ?? 0) + col);
  }

  private accept<T>(row: number, key: K, reading: Reading<T>): T | undefined {
    if (!(reading instanceof Rejected)) return reading;
    this.reportAt(row, key, `${this.nameOf(row, key)} ${reading.reason}; it was ignored.`);
    return undefined;
  }
}

/**
 * A record read from one row of a sheet: it names its cells and reports problems at
 * them when asked. Addresses and messages are made then, not for every row read.
 */
export class SheetRow<K extends string> {
  constructor(
    protected readonly sheet: Sheet<K>,
    /** Index of the row in the sheet's grid. */
    readonly gridRow: number,
  ) {}

  /** `SKUs!E7`: the row's cell of a field, its first cell without one. */
  addressOf(key?: K): string {
    return this.sheet.address(this.gridRow, key);
  }

  reportAt(key: K | undefined, message: string): void {
    this.sheet.reportAt(this.gridRow, key, message);
  }
}

/** A table's first row, else the first row with a value: blank rows above a sheet's header are not its rows. */
export function headerRowOf(grid: Grid): number {
  if (grid.table) return 0;
  let header = 0;
  while (header < grid.values.length && !hasValue(grid.values[header])) header++;
  return header;
}

/** A row with a value in any cell: the rows a sheet reads. */
export function hasValue(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return true;
  return false;
}

/** The exact Decimal of an amount `Sheet.amount` read. */
export function exactAmount(amount: number | Decimal): Decimal {
  return typeof amount === "number" ? new Decimal(amount) : amount;
}

const ANY_NUMBER: NumberRule = {};

/** Header text a person meant as a date but that is not one the add-in reads (`23/11/2026`, `30.11.2026`, `46356`). */
const DATE_LIKE = /^(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d+(\.\d+)?)$/;

/** Beyond this a quantity, day count or amount can only be a typo (and would overflow the plan). */
export const LARGEST = 1e12;
const LARGEST_AMOUNT = new Decimal(LARGEST);

function breaksRule(value: number, rule: NumberRule): string | undefined {
  if (Math.abs(value) > LARGEST) return "is too large to be real";
  if (rule.integer && !Number.isInteger(value)) return "must be a whole number";
  if (rule.min !== undefined) {
    if (rule.exclusive && value <= rule.min) return `must be more than ${rule.min}`;
    if (!rule.exclusive && value < rule.min) return `must be ${rule.min} or more`;
  }
  if (rule.max !== undefined && value > rule.max) return `must be ${rule.max} or less`;
  return undefined;
}
