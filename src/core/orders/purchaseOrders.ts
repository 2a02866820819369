import type { Decimal } from "decimal.js";
import type { Day } from "../dates";
import type { WorkbookInput } from "../input";
import type { Problem } from "../problems";
import { fieldsOf, SHEETS } from "../schema";
import type { Settings } from "../settings";
import { Sheet } from "../sheet";
import { isClaim, numberPart } from "./claims";

export const PO_STATUSES = ["Draft", "Submitted", "Confirmed", "Shipped", "Partially Received", "Received", "Closed", "Cancelled"] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

const CLOSED: ReadonlySet<PoStatus> = new Set(["Received", "Closed", "Cancelled"]);

export const PO_FIELDS = fieldsOf(SHEETS.purchaseOrders);
export const LINE_FIELDS = fieldsOf(SHEETS.poLines);

export interface PoLine {
  poNumber: string;
  line?: number;
  sku: string;
  quantity: number;
  unitPrice?: Decimal;
  lineTotal?: Decimal;
  receivedQty: number;
  expectedDelivery?: Day;
  /** The day of the latest receipt into the line (written by receiving). */
  lastReceived?: Day;
  address: string;
  /** Zero-based worksheet row of the line, where an edit writes. */
  row: number;
  report(message: string): void;
}

export interface PurchaseOrder {
  number: string;
  type: string;
  supplier: string;
  warehouse: string;
  /** `null` when the Status cell holds a word that is not a PO status (the order counts as open). */
  status: PoStatus | null;
  orderDate?: Day;
  expectedDelivery?: Day;
  currency: string;
  total?: Decimal;
  notes: string;
  revision: number;
  externalId: string;
  syncStatus: string;
  lastSynced: string;
  lines: PoLine[];
  address: string;
  /** Zero-based worksheet row of the header, where an edit writes. */
  row: number;
  /** Reports a problem at the header's Expected Delivery cell. */
  reportDelivery(message: string): void;
}

/** Open orders are inbound supply: every status but Received, Closed and Cancelled. */
export function isOpen(po: PurchaseOrder): boolean {
  return po.status === null || !CLOSED.has(po.status);
}

export function parsePoStatus(text: string): PoStatus | undefined {
  const word = text.trim().toLowerCase().replace(/\s+/g, " ");
  return PO_STATUSES.find((s) => s.toLowerCase() === word);
}

export interface OrderBook {
  /** `false` when the workbook has no Purchase Orders sheet (nothing can be created yet). */
  hasSheets: boolean;
  orders: PurchaseOrder[];
  byNumber: Map<string, PurchaseOrder>;
}

/** Grid rows to read, of each sheet. */
export interface OrderRows {
  headers: readonly number[];
  lines: readonly number[];
}

/**
 * Every order with its lines. `only`: just these rows (the header and line rows of the PO
 * numbers an edit touched, so that a line given twice is still found). `rowsRead` is called
 * between reading the rows and checking that every order has lines.
 */
export function readOrderBook(input: WorkbookInput, settings: Settings, problems: Problem[], only?: OrderRows, rowsRead?: () => void): OrderBook {
  const book: OrderBook = { hasSheets: false, orders: [], byNumber: new Map() };
  const headers = Sheet.open(input, SHEETS.purchaseOrders, problems);
  const lines = Sheet.open(input, SHEETS.poLines, problems);
  book.hasSheets = headers !== undefined && lines !== undefined;
  if (headers) readHeaders(headers, settings, book, only?.headers ?? headers.rows);
  if (lines) readLines(lines, book, only?.lines ?? lines.rows, settings.receiptTolerancePct);
  rowsRead?.();
  // A PO Lines sheet that lacks a column is already one problem for the whole sheet;
  // one with no sheet at all leaves every order without lines, each reported.
  if (headers && lines !== null) {
    for (const po of book.orders) {
      if (po.lines.length > 0) continue;
      const message =
        lines === undefined ? `Purchase order ${po.number} has no lines: the workbook has no PO Lines sheet.` : `Purchase order ${po.number} has no lines on the PO Lines sheet.`;
      headers.reportAt(headerRow.get(po)!, "number", message);
    }
  }
  return book;
}

function worksheetRow<K extends string>(sheet: Sheet<K>, gridRow: number): number {
  return (sheet.grid.originRow ?? 0) + gridRow;
}

const headerRow = new WeakMap<PurchaseOrder, number>();

function readHeaders(sheet: Sheet<keyof typeof PO_FIELDS>, settings: Settings, book: OrderBook, rows: readonly number[]): void {
  for (const r of rows) {
    const number = sheet.requiredCode(r, "number", "");
    if (number === undefined) continue;
    if (book.byNumber.has(number)) {
      sheet.reportAt(r, "number", `Purchase order ${number} is given twice; the first row stands.`);
      continue;
    }
    if (isClaim(number)) {
      sheet.reportAt(
        r,
        "number",
        `"${number}" is an order being saved by the add-in, or one whose save did not finish (Excel was closed meanwhile): if it stays, give it its number (${numberPart(number)}) here and on its lines.`,
      );
    }
    const statusText = sheet.text(r, "status");
    const status = parsePoStatus(statusText) ?? null;
    if (status === null) {
      sheet.reportAt(
        r,
        "status",
        `Purchase order ${number} has ${statusText ? `the unknown status "${statusText}"` : "no status"}; it counts as open. Use one of ${PO_STATUSES.join(", ")}.`,
      );
    }
    const po: PurchaseOrder = {
      number,
      type: sheet.text(r, "type") || "Purchase Order",
      supplier: sheet.code(r, "supplier") ?? "",
      warehouse: sheet.code(r, "warehouse") ?? settings.defaultWarehouse,
      status,
      orderDate: sheet.date(r, "orderDate"),
      expectedDelivery: sheet.date(r, "expectedDelivery"),
      currency: sheet.text(r, "currency"),
      total: sheet.decimal(r, "total"),
      notes: sheet.text(r, "notes"),
      revision: sheet.number(r, "revision", { min: 0, integer: true }) ?? 0,
      externalId: sheet.text(r, "externalId"),
      syncStatus: sheet.text(r, "syncStatus"),
      lastSynced: sheet.text(r, "lastSynced"),
      lines: [],
      address: sheet.address(r),
      row: worksheetRow(sheet, r),
      reportDelivery: (message) => sheet.reportAt(r, "expectedDelivery", message),
    };
    headerRow.set(po, r);
    book.orders.push(po);
    book.byNumber.set(number, po);
  }
}

function readLines(sheet: Sheet<keyof typeof LINE_FIELDS>, book: OrderBook, rows: readonly number[], tolerancePct: number): void {
  const seen = new Set<string>();
  for (const r of rows) {
    const number = sheet.requiredCode(r, "number", "");
    const sku = sheet.requiredCode(r, "sku", "");
    if (number === undefined || sku === undefined) continue;
    const po = book.byNumber.get(number);
    if (!po) {
      sheet.reportAt(r, "number", `This line's purchase order ${number} is not on the Purchase Orders sheet, so the line was not used.`);
      continue;
    }
    const line = sheet.number(r, "line", { min: 1, integer: true });
    if (line !== undefined) {
      const key = `${number}\u0000${line}`;
      if (seen.has(key)) {
        sheet.reportAt(r, "line", `Purchase order ${number} already has a line ${line}; this row was not used.`);
        continue;
      }
      seen.add(key);
    }
    const rawQuantity = sheet.number(r, "quantity");
    if (rawQuantity === undefined && sheet.blank(r, "quantity")) {
      sheet.reportAt(r, "quantity", `This line of ${number} has no Quantity; it counts as 0.`);
    }
    if (rawQuantity !== undefined && rawQuantity < 0) {
      sheet.reportAt(r, "quantity", `Quantity ${rawQuantity} on ${number} is negative; the line brings nothing.`);
    }
    const quantity = rawQuantity ?? 0;
    const receivedQty = sheet.number(r, "receivedQty", { min: 0 }) ?? 0;
    // Receiving accepts up to the Receipt Tolerance above the ordered quantity (ORDERS.md): more is a problem.
    if (receivedQty > quantity * (1 + tolerancePct / 100) + 1e-9 && quantity >= 0) {
      const allowed = tolerancePct > 0 ? `, beyond the ${tolerancePct}% Receipt Tolerance` : "";
      sheet.reportAt(r, "receivedQty", `Received Qty ${receivedQty} is more than the ordered ${quantity} on ${number}${allowed}.`);
    }
    po.lines.push({
      poNumber: number,
      line,
      sku,
      quantity,
      unitPrice: sheet.decimal(r, "unitPrice"),
      lineTotal: sheet.decimal(r, "lineTotal"),
      receivedQty,
      expectedDelivery: sheet.date(r, "expectedDelivery"),
      lastReceived: sheet.date(r, "lastReceived"),
      address: sheet.address(r),
      row: worksheetRow(sheet, r),
      report: (message) => sheet.reportAt(r, "sku", message),
    });
  }
}
