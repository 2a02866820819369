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

/** Small whole numbers and repeated texts (codes, dates) are most of a plan's values: each is made into JSON once. */
const SMALL_INTEGERS = Array.from({ length: 10_000 }, (_, i) => String(i));
const jsonTexts = new Map<string, string>();

function jsonValue(value: unknown): string {
  if (typeof value === "number") {
    if (value >= 0 && value < 10_000 && Math.floor(value) === value) return SMALL_INTEGERS[value];
    return Number.isFinite(value) ? String(value) : "null";
  }
  if (typeof value === "string") {
    let text = jsonTexts.get(value);
    if (text === undefined) {
      if (jsonTexts.size > 100_000) jsonTexts.clear();
      jsonTexts.set(value, (text = JSON.stringify(value)));
    }
    return text;
  }
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value) && value.length === 0) return "[]";
  return JSON.stringify(value);
}

function cellText<T>(column: Column<T>, row: T): string {
  if (column.text) return column.text(row);
  const value = column.json(row);
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(" ");
  return String(value);
}

/** Output in pieces of about 64 KB; between pieces the event loop runs, so a closed pipe stops the command. */
class Printer {
  private buffer = "";

  constructor(private readonly io: CliIO) {}

  /** Adds text; true when a piece is full and `flush` is due (awaited only then: an await per row costs more than the row). */
  add(text: string): boolean {
    this.buffer += text;
    return this.buffer.length > 65_536;
  }

  async flush(): Promise<void> {
    if (this.buffer) this.io.out(this.buffer);
    this.buffer = "";
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
    // The line is put together from each value's own JSON: no object per row to build and walk.
    const keys = columns.map((c, i) => `${i === 0 ? "{" : ","}${JSON.stringify(c.key)}:`);
    for (const row of rows) {
      let line = "";
      for (let i = 0; i < columns.length; i++) line += keys[i] + jsonValue(columns[i].json(row));
      if (printer.add(`${line}}\n`)) await printer.flush();
    }
  } else if (format === "csv") {
    printer.add(csvLine(columns.map((c) => ({ text: c.header }))));
    for (const row of rows) if (printer.add(csvLine(columns.map((c) => ({ text: cellText(c, row), isNumber: c.numeric }))))) await printer.flush();
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
    printer.add(line(columns.map((c) => c.header)));
    printer.add(fit(widths.map((w) => "-".repeat(w)).join("  ")) + "\n");
    for (const cells of first) if (printer.add(line(cells))) await printer.flush();
    for (; !step.done; step = iterator.next()) if (printer.add(line(columns.map((c) => cellText(c, step.value as T))))) await printer.flush();
  }
  await printer.flush();
}

/** Lines as they are made, in bounded memory (a file with a million bad cells has a million problems). */
export async function printLines(lines: Iterable<string>, io: CliIO): Promise<void> {
  const printer = new Printer(io);
  for (const line of lines) if (printer.add(`${line}\n`)) await printer.flush();
  await printer.flush();
}
