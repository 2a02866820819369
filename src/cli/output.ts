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

  async line(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length > 65_536) await this.flush();
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
    for (const row of rows) {
      const record: Record<string, unknown> = {};
      for (const column of columns) record[column.key] = column.json(row);
      await printer.line(`${JSON.stringify(record)}\n`);
    }
  } else if (format === "csv") {
    await printer.line(csvLine(columns.map((c) => ({ text: c.header }))));
    for (const row of rows) await printer.line(csvLine(columns.map((c) => ({ text: cellText(c, row), isNumber: c.numeric }))));
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
    await printer.line(line(columns.map((c) => c.header)));
    await printer.line(fit(widths.map((w) => "-".repeat(w)).join("  ")) + "\n");
    for (const cells of first) await printer.line(line(cells));
    for (; !step.done; step = iterator.next()) await printer.line(line(columns.map((c) => cellText(c, step.value as T))));
  }
  await printer.flush();
}

/** Lines as they are made, in bounded memory (a file with a million bad cells has a million problems). */
export async function printLines(lines: Iterable<string>, io: CliIO): Promise<void> {
  const printer = new Printer(io);
  for (const line of lines) await printer.line(`${line}\n`);
  await printer.flush();
}
