import { csvLine } from "../core/csv";
import { looseName } from "../core/input";
import { CommandError, type CliIO, OutputClosed } from "./io";

export type Format = "table" | "json" | "csv";

/** A column printed by a command: its header, its JSON key and how to show and serialise a value. */
export interface Column<T> {
  header: string;
  key: string;
  json: (row: T) => unknown;
  text?: (row: T) => string;
  /** Right-aligned in tables. */
  numeric?: boolean;
}

export function parseFormat(value: string | boolean | undefined): Format {
  if (value === undefined) return "table";
  if (value === "table" || value === "json" || value === "csv") return value;
  throw new CommandError(`--format must be table, json or csv, not "${String(value)}".`);
}

/**
 * `--columns a,b,…`: columns named by header or JSON key (compared loosely), in that
 * order; `all` for every one. Without the option, `defaults`.
 */
export function pickColumns<T>(value: string | boolean | undefined, all: Column<T>[], defaults: Column<T>[] = all): Column<T>[] {
  if (value === undefined) return defaults;
  if (typeof value !== "string" || value.trim() === "") throw new CommandError("--columns needs a list of columns, e.g. --columns sku,week,orderQty.");
  if (looseName(value) === "all") return all;
  return value.split(",").map((name) => {
    const found = all.find((c) => looseName(c.header) === looseName(name) || looseName(c.key) === looseName(name));
    if (!found) throw new CommandError(`--columns: there is no column "${name.trim()}" (columns: ${all.map((c) => c.key).join(", ")}).`);
    return found;
  });
}

/** Repeated texts (codes, dates, currencies) are most of a plan's text values: each is made into JSON once. */
const jsonTexts = new Map<string, string>();

function jsonText(value: string): string {
  let text = jsonTexts.get(value);
  if (text === undefined) {
    if (jsonTexts.size > 100_000) jsonTexts.clear();
    jsonTexts.set(value, (text = JSON.stringify(value)));
  }
  return text;
}

function cellText<T>(column: Column<T>, row: T): string {
  if (column.text) return column.text(row);
  const value = column.json(row);
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(" ");
  return String(value);
}

const PIECE = 1 << 20;

/**
 * Output as bytes, in pieces of about half a megabyte. Text is copied in as it comes
 * (no line of a million-row plan is ever a string of many parts to flatten, which
 * costs more than making the row); between pieces the event loop runs, so a closed
 * pipe stops the command.
 */
class Printer {
  private buf = Buffer.allocUnsafe(PIECE);
  private at = 0;

  constructor(private readonly io: CliIO) {}

  /** A piece is full enough to send: `flush` is due (awaited only then, an await per row costs more than the row). */
  get full(): boolean {
    return this.at > PIECE >> 1;
  }

  text(s: string): void {
    const n = s.length;
    if (this.at + 3 * n > PIECE) {
      this.send();
      if (3 * n > PIECE) return void this.io.out(s);
    }
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) {
        at += buf.write(s.slice(i), at, "utf8");
        break;
      }
      buf[at++] = c;
    }
    this.at = at;
  }

  /** A JSON value: whole numbers as digits, texts through their JSON. */
  json(value: unknown): void {
    if (typeof value === "number") {
      if (value >= 0 && value < 2 ** 31 && Math.floor(value) === value) return this.digits(value);
      return this.text(Number.isFinite(value) ? String(value) : "null");
    }
    if (typeof value === "string") return this.text(jsonText(value));
    if (value === null || value === undefined) return this.text("null");
    if (typeof value === "boolean") return this.text(value ? "true" : "false");
    if (Array.isArray(value) && value.length === 0) return this.text("[]");
    this.text(JSON.stringify(value));
  }

  private digits(n: number): void {
    if (this.at + 12 > PIECE) this.send();
    if (n === 0) {
      this.buf[this.at++] = 48;
      return;
    }
    let length = 0;
    for (let x = n; x > 0; x = Math.floor(x / 10)) length++;
    let i = (this.at += length);
    for (let x = n; x > 0; x = Math.floor(x / 10)) this.buf[--i] = 48 + (x % 10);
  }

  /** Hands the piece on; a new buffer each time, as a stream may still hold the last one. */
  private send(): void {
    if (this.at === 0) return;
    this.io.out(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(PIECE);
    this.at = 0;
  }

  async flush(): Promise<void> {
    this.send();
    await this.io.pause?.();
    if (this.io.closed?.()) throw new OutputClosed();
  }
}

/** Rows whose cells size a table's columns; later rows are printed as they come, in those widths. */
const SIZING_ROWS = 1_000;

/**
 * Prints rows as they are made: JSON lines and CSV one row at a time; a table sized
 * by its first rows (a longer cell later pushes its line, never truncated) and cut to
 * the terminal's width. Any number of rows prints in bounded memory.
 */
export async function printRows<T>(rows: Iterable<T>, columns: Column<T>[], format: Format, io: CliIO): Promise<void> {
  const printer = new Printer(io);
  if (format === "json") {
    // Each value's own JSON, after its key: no object per row to build and walk.
    const keys = columns.map((c, i) => `${i === 0 ? "{" : ","}${JSON.stringify(c.key)}:`);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        printer.text(keys[i]);
        printer.json(columns[i].json(row));
      }
      printer.text("}\n");
      if (printer.full) await printer.flush();
    }
  } else if (format === "csv") {
    printer.text(csvLine(columns.map((c) => ({ text: c.header }))));
    for (const row of rows) {
      printer.text(csvLine(columns.map((c) => ({ text: cellText(c, row), isNumber: c.numeric }))));
      if (printer.full) await printer.flush();
    }
  } else {
    const iterator = rows[Symbol.iterator]();
    const first: string[][] = [];
    let step = iterator.next();
    for (; !step.done && first.length < SIZING_ROWS; step = iterator.next()) first.push(columns.map((c) => cellText(c, step.value as T)));
    const widths = columns.map((c) => c.header.length);
    for (const cells of first) for (let i = 0; i < cells.length; i++) if (cells[i].length > widths[i]) widths[i] = cells[i].length;
    const fit = (line: string) => (io.columns && line.length > io.columns ? `${line.slice(0, io.columns - 1)}…` : line);
    const line = (values: string[]) =>
      fit(
        values
          .map((v, i) => (columns[i].numeric ? v.padStart(widths[i]) : v.padEnd(widths[i])))
          .join("  ")
          .trimEnd(),
      ) + "\n";
    printer.text(line(columns.map((c) => c.header)));
    printer.text(fit(widths.map((w) => "-".repeat(w)).join("  ")) + "\n");
    for (const cells of first) printer.text(line(cells));
    for (; !step.done; step = iterator.next()) {
      printer.text(line(columns.map((c) => cellText(c, step.value as T))));
      if (printer.full) await printer.flush();
    }
  }
  await printer.flush();
}

/** Lines as they are made, in bounded memory (a file with a million bad cells has a million problems). */
export async function printLines(lines: Iterable<string>, io: CliIO): Promise<void> {
  const printer = new Printer(io);
  for (const line of lines) {
    printer.text(`${line}\n`);
    if (printer.full) await printer.flush();
  }
  await printer.flush();
}
