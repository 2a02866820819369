import { readCode, readNumber, Rejected } from "../cells";
import { parseCsv } from "../csv";
import { dayFromIso } from "../dates";
import { looseName } from "../input";
import type { ReceiptRow } from "./receiving";

/** The columns of a WMS's receipt file (ORDERS.md, Receiving), found by header as sheets' columns are. */
const COLUMNS = { poNumber: "PO Number", sku: "SKU", line: "Line", quantity: "Quantity", date: "Date", receiptId: "Receipt ID" } as const;
type Column = keyof typeof COLUMNS;

/** A date as a WMS writes it: ISO, perhaps with a time of day (which is dropped). */
const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The receipts of a WMS export: one per row under a header with `PO Number`,
 * `SKU` or `Line`, `Quantity`, and optionally `Date` (blank: today) and `Receipt
 * ID`. A row that cannot be read is a refused row with its reason; a file without
 * those columns is refused as a whole.
 */
export function readReceiptFile(text: string): { ok: true; rows: ReceiptRow[] } | { ok: false; reason: string } {
  const { rows, lines } = parseCsv(text);
  const headerAt = rows.findIndex((row) => row.some((cell) => cell.trim() !== ""));
  if (headerAt < 0) return { ok: false, reason: "the receipt file is empty: it needs a header row with PO Number, SKU or Line, and Quantity." };
  const header = rows[headerAt].map((cell) => looseName(cell));
  const col = new Map<Column, number>();
  for (const key of Object.keys(COLUMNS) as Column[]) {
    const at = header.indexOf(looseName(COLUMNS[key]));
    if (at >= 0) col.set(key, at);
  }
  const missing = [
    ...(col.has("poNumber") ? [] : ['"PO Number"']),
    ...(col.has("quantity") ? [] : ['"Quantity"']),
    ...(col.has("sku") || col.has("line") ? [] : ['"SKU" or "Line"']),
  ];
  if (missing.length > 0) return { ok: false, reason: `the receipt file's header row has no ${missing.join(", ")} column.` };
  const out: ReceiptRow[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every((cell) => cell.trim() === "")) continue;
    const cell = (key: Column) => {
      const at = col.get(key);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const at = `row ${lines[r]}`;
    const unread = (why: string) => out.push({ at, poNumber: cell("poNumber") || undefined, unread: why });
    const poNumber = readCode(cell("poNumber"));
    if (typeof poNumber !== "string") {
      unread("it has no PO Number.");
      continue;
    }
    const quantity = readNumber(cell("quantity"));
    if (quantity === undefined || quantity instanceof Rejected) {
      unread(quantity === undefined ? `it has no Quantity for ${poNumber}.` : `its Quantity "${cell("quantity")}" is not a number (write 1200, not 1,200).`);
      continue;
    }
    const lineText = cell("line");
    const line = lineText === "" ? undefined : readNumber(lineText);
    if (line instanceof Rejected || (line !== undefined && !(Number.isInteger(line) && line >= 1))) {
      unread(`its Line "${lineText}" is not a line number of ${poNumber}.`);
      continue;
    }
    const sku = cell("sku") || undefined;
    if (line === undefined && sku === undefined) {
      unread(`it names neither a Line nor a SKU of ${poNumber}.`);
      continue;
    }
    const dateText = cell("date");
    const iso = DATE.exec(dateText)?.[1];
    const date = iso === undefined ? undefined : dayFromIso(iso);
    if (dateText !== "" && date === undefined) {
      unread(`its Date "${dateText}" is not a date (use YYYY-MM-DD).`);
      continue;
    }
    out.push({ at, poNumber, line, sku, quantity, date, receiptId: cell("receiptId") || undefined });
  }
  return { ok: true, rows: out };
}
