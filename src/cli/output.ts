import { csvLine } from "../core/csv";
import { CommandError, type CliIO } from "./io";

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

function cellText<T>(column: Column<T>, row: T): string {
  if (column.text) return column.text(row);
  const value = column.json(row);
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(" ");
  return String(value);
}

export function printRows<T>(rows: Iterable<T>, columns: Column<T>[], format: Format, io: CliIO): void {
  if (format === "json") {
    for (const row of rows) {
      const record: Record<string, unknown> = {};
      for (const column of columns) record[column.key] = column.json(row);
      io.out(`${JSON.stringify(record)}\n`);
    }
    return;
  }
  if (format === "csv") {
    io.out(csvLine(columns.map((c) => ({ text: c.header }))));
    for (const row of rows) io.out(csvLine(columns.map((c) => ({ text: cellText(c, row), isNumber: c.numeric }))));
    return;
  }
  const cells = [columns.map((c) => c.header)];
  for (const row of rows) cells.push(columns.map((c) => cellText(c, row)));
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].numeric ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  io.out(`${line(cells[0])}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const values of cells.slice(1)) io.out(`${line(values)}\n`);
}
