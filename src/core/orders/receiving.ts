import { type Day, isoFromDay, serialFromDay } from "../dates";
import { findGrid } from "../input";
import { tidy } from "../plan";
import { fieldsOf, requiredKeys, SHEETS } from "../schema";
import { Sheet } from "../sheet";
import type { SheetSpec } from "../sheetSpec";
import { newSheet } from "../setup";
import { type OrderContext, orderLayouts } from "./create";
import { bookLines, type BookLine } from "./order";
import { LINE_FIELDS, type PoStatus, type PurchaseOrder } from "./purchaseOrders";
import { isReadOnly } from "./rules";
import { PENDING } from "./sync";
import { appendRow, type CellWrite, changedCells, rowCells, type SheetLayout, sheetLayout, type Writes } from "./writes";

/** One receipt to apply (ORDERS.md, Receiving): by hand in the pane, or a row of the WMS's file. */
export interface Receipt {
  /** Where it came from, for messages: `row 3` of a file, `line 2` of the pane's form. */
  at: string;
  poNumber: string;
  /** The PO line; or its SKU, when the file gives that instead. */
  line?: number;
  sku?: string;
  quantity: number;
  /** Defaults to today. */
  date?: Day;
  receiptId?: string;
}

/** A row of a file that could not be read as a receipt: refused as it stands. */
export interface UnreadReceipt {
  at: string;
  poNumber?: string;
  unread: string;
}

export type ReceiptRow = Receipt | UnreadReceipt;

export interface ReceiptOutcome {
  at: string;
  kind: "applied" | "skipped" | "refused";
  /** What was applied or skipped, or why the row was refused: a sentence with the row. */
  message: string;
  poNumber?: string;
  line?: number;
  quantity?: number;
}

/** An order the receipts changed, as it stands after them. */
export interface ReceivedOrder {
  number: string;
  status: PoStatus;
  revision: number;
  /** Per line: received now, of ordered. */
  lines: { line: number; sku: string; quantity: number; receivedQty: number }[];
}

export type ReceiveResult =
  | {
      ok: true;
      /** The cells of the lines and orders, and the rows logged on Receipts: one write. */
      writes: Writes;
      /** Sheets to add before the write (the Receipts log when the workbook has none). */
      newSheets: SheetSpec[];
      outcomes: ReceiptOutcome[];
      orders: ReceivedOrder[];
      /** What the buyer should know beyond the rows (a column the add-in could not add). */
      notes: string[];
    }
  | { ok: false; reason: string };

const EPS = 1e-9;
const LOG_FIELDS = fieldsOf(SHEETS.receipts);

/**
 * Applies receipts to PO lines' Received Qty (ORDERS.md, Receiving). Each row is
 * applied, skipped (its key is already logged on Receipts, or came earlier in the
 * same import) or refused with its reason, nothing of it written: an unknown PO or
 * line, quantity ≤ 0, a read-only order, or a total above ordered × (1 + tolerance).
 * Changed orders move to Partially Received or Received, their Revision up once;
 * lines get Last Received; every applied receipt is logged.
 */
export function receive(ctx: OrderContext, rows: readonly ReceiptRow[], today: Day): ReceiveResult {
  const { model, input } = ctx;
  const layouts = orderLayouts(ctx);
  if (typeof layouts === "string") return { ok: false, reason: layouts };
  const log = receiptLog(ctx);
  if (typeof log === "string") return { ok: false, reason: log };
  const columns = lineColumns(layouts.lines);
  if (typeof columns === "string") return { ok: false, reason: columns };
  const tolerance = model.settings.receiptTolerancePct;
  const seen = new Map<string, string>();
  const changed = new Map<PurchaseOrder, Map<number, { line: BookLine; received: number; last?: Day }>>();
  const outcomes: ReceiptOutcome[] = [];
  const logged: Receipt[] = [];
  const refuse = (row: ReceiptRow, why: string) => outcomes.push({ at: row.at, kind: "refused", message: `${row.at}: ${why}`, poNumber: row.poNumber });
  for (const row of rows) {
    if ("unread" in row) {
      refuse(row, row.unread);
      continue;
    }
    const po = model.orderBook.byNumber.get(row.poNumber);
    if (!po) {
      refuse(row, `purchase order ${row.poNumber} is not on the Purchase Orders sheet.`);
      continue;
    }
    const lines = changed.get(po) ?? new Map();
    const found = findLine(po, row, lines);
    if (typeof found === "string") {
      refuse(row, found);
      continue;
    }
    const what = `${po.number} line ${found.line.line} (${found.line.sku})`;
    if (!(Number.isFinite(row.quantity) && row.quantity > 0)) {
      refuse(row, `${what}: the quantity is ${row.quantity}; a receipt needs more than 0.`);
      continue;
    }
    const date = row.date ?? today;
    const key = receiptKey(row.receiptId, po.number, found.line.line, date, row.quantity);
    const earlier = log.keys.get(key) ?? seen.get(key);
    const described = `${tidy(row.quantity)} on ${isoFromDay(date)}${row.receiptId ? ` (Receipt ID ${row.receiptId})` : ""}`;
    if (earlier) {
      outcomes.push({
        at: row.at,
        kind: "skipped",
        message: `${row.at}: ${what}: ${described} is already logged (${earlier}); skipped.`,
        poNumber: po.number,
        line: found.line.line,
      });
      continue;
    }
    if (isReadOnly(po.status)) {
      refuse(row, `${po.number} is ${po.status}: received, closed and cancelled orders take no receipts.`);
      continue;
    }
    const total = found.received + row.quantity;
    const limit = found.line.quantity * (1 + tolerance / 100);
    if (total > limit + EPS) {
      const allowed = tolerance > 0 ? `at most ${tidy(limit)} with the ${tidy(tolerance)}% Receipt Tolerance` : "no more than ordered (Receipt Tolerance % is 0)";
      refuse(row, `${what}: ${described} would make ${tidy(total)} received of ${tidy(found.line.quantity)} ordered; ${allowed}.`);
      continue;
    }
    found.received = total;
    found.last = Math.max(found.last ?? date, date);
    lines.set(found.line.line, found);
    changed.set(po, lines);
    seen.set(key, `earlier in this import, ${row.at}`);
    logged.push({ ...row, line: found.line.line, sku: found.line.sku, date });
    outcomes.push({ at: row.at, kind: "applied", message: `${row.at}: ${what}: ${described} received.`, poNumber: po.number, line: found.line.line, quantity: row.quantity });
  }
  const date1904 = input.date1904 ?? false;
  const cells: CellWrite[] = [...columns.headers];
  const orders: ReceivedOrder[] = [];
  const integrated = model.settings.integrationUrl !== "";
  for (const [po, lines] of changed) {
    const all = bookLines(po).map((line) => ({ line: line.line, sku: line.sku, quantity: line.quantity, receivedQty: lines.get(line.line)?.received ?? line.receivedQty }));
    const full = all.every((l) => l.receivedQty >= l.quantity - EPS);
    const status: PoStatus = full ? "Received" : "Partially Received";
    orders.push({ number: po.number, status, revision: po.revision + 1, lines: all });
    cells.push(...rowCells(layouts.orders, po.row, { status, revision: po.revision + 1, ...(integrated ? { syncStatus: PENDING } : {}) }));
    for (const { line, received, last } of lines.values()) {
      cells.push(...writeAt(layouts.lines.sheet, line.row, columns.receivedQty, received));
      if (columns.lastReceived !== undefined && last !== undefined) cells.push(...writeAt(layouts.lines.sheet, line.row, columns.lastReceived, serialFromDay(last, date1904)));
    }
  }
  const notes = logged.length > 0 && columns.lastReceived === undefined ? [columns.noLastReceived] : [];
  return {
    ok: true,
    writes: {
      append: logged.map((r) =>
        appendRow(log.layout, {
          receiptId: r.receiptId ?? null,
          number: r.poNumber,
          line: r.line!,
          sku: r.sku!,
          quantity: r.quantity,
          date: serialFromDay(r.date!, date1904),
        }),
      ),
      // A written cell's own value again is no change (Partially Received that stays so).
      cells: changed.size === 0 ? [] : changedCells(input, cells),
    },
    newSheets: logged.length > 0 ? log.newSheets : [],
    outcomes,
    orders,
    notes,
  };
}

/** The key of a receipt (ORDERS.md): its Receipt ID, else PO Number + Line + Date + Quantity. */
function receiptKey(receiptId: string | undefined, poNumber: string, line: number | undefined, date: Day | undefined, quantity: number | undefined): string {
  if (receiptId) return `id\u0000${receiptId}`;
  return ["key", poNumber, line ?? "", date === undefined ? "" : isoFromDay(date), quantity === undefined ? "" : tidy(quantity)].join("\u0000");
}

/** The line a receipt goes to, with what it has received so far (in the workbook and earlier in this import). */
function findLine(po: PurchaseOrder, row: Receipt, sofar: Map<number, { line: BookLine; received: number; last?: Day }>) {
  const lines = bookLines(po);
  let line: BookLine | undefined;
  if (row.line !== undefined) {
    line = lines.find((l) => l.line === row.line);
    if (!line) return `${po.number} has no line ${row.line}.`;
    if (row.sku !== undefined && row.sku !== line.sku) return `${po.number} line ${row.line} is SKU "${line.sku}", not "${row.sku}".`;
  } else if (row.sku !== undefined) {
    const matches = lines.filter((l) => l.sku === row.sku);
    if (matches.length === 0) return `${po.number} has no line for SKU "${row.sku}".`;
    if (matches.length > 1) return `${po.number} has SKU "${row.sku}" on lines ${matches.map((l) => l.line).join(" and ")}: give the Line.`;
    line = matches[0];
  } else return `the receipt names neither a Line nor a SKU of ${po.number}.`;
  const last = po.lines.find((l) => l.row === line.row)?.lastReceived;
  return sofar.get(line.line) ?? { line, received: line.receivedQty, last };
}

const writeAt = (sheet: string, row: number, col: number, value: number): CellWrite[] => [{ sheet, row, col, value }];

/**
 * Where receiving writes on PO Lines: Received Qty and Last Received, added to the
 * header of a sheet that lacks them. An Excel table does not grow by a cell written
 * beside it, so a table without Received Qty is refused, one without Last Received
 * gets no dates (they are on Receipts).
 */
function lineColumns(layout: SheetLayout<keyof typeof LINE_FIELDS>) {
  const headers: CellWrite[] = [];
  let next = layout.firstCol + layout.width;
  const column = (key: "receivedQty" | "lastReceived"): number | undefined => {
    const col = layout.columns.get(key);
    if (col !== undefined || layout.table) return col;
    headers.push({ sheet: layout.sheet, row: layout.headerRow, col: next, value: LINE_FIELDS[key] });
    return next++;
  };
  const receivedQty = column("receivedQty");
  if (receivedQty === undefined) return `The PO Lines table has no "${LINE_FIELDS.receivedQty}" column: add it, then receive again.`;
  return {
    receivedQty,
    lastReceived: column("lastReceived"),
    headers,
    noLastReceived: `The PO Lines table has no "${LINE_FIELDS.lastReceived}" column, so the lines carry no date of receipt (the Receipts sheet has them): add the column to see them on the lines.`,
  };
}

/** The Receipts log: where rows go (a new sheet when there is none) and the keys already logged, each with its cell. */
function receiptLog(ctx: OrderContext): { layout: SheetLayout<keyof typeof LOG_FIELDS>; newSheets: SheetSpec[]; keys: Map<string, string> } | string {
  const { input } = ctx;
  const keys = new Map<string, string>();
  if (!findGrid(input, SHEETS.receipts.name)) {
    const sheet = newSheet(SHEETS.receipts);
    const header = sheet.rows[0];
    const columns = new Map((Object.keys(LOG_FIELDS) as (keyof typeof LOG_FIELDS)[]).map((k) => [k, header.indexOf(LOG_FIELDS[k])]));
    return { layout: { sheet: sheet.name, table: sheet.table?.name, headerRow: 0, firstCol: 0, width: header.length, columns }, newSheets: [sheet], keys };
  }
  const sheet = Sheet.open(input, SHEETS.receipts, []);
  const layout = sheetLayout(input, SHEETS.receipts.name, LOG_FIELDS);
  if (!sheet || !layout) {
    const missing = requiredKeys(SHEETS.receipts).map((k) => `"${LOG_FIELDS[k]}"`);
    return `The Receipts sheet lacks one of the columns ${missing.join(", ")}, so what was received cannot be checked: add them to its header row.`;
  }
  for (const r of sheet.rows) {
    const number = sheet.code(r, "number");
    if (number === undefined) continue;
    const key = receiptKey(sheet.code(r, "receiptId"), number, sheet.number(r, "line"), sheet.date(r, "date"), sheet.number(r, "quantity"));
    if (!keys.has(key)) keys.set(key, `on the Receipts sheet at ${sheet.address(r)}`);
  }
  return { layout, newSheets: [], keys };
}
