import type { Decimal } from "decimal.js";
import { type Day, serialFromDay } from "../dates";
import { lineTotal, Money } from "../money";
import type { OutValue } from "../sheetSpec";
import { LINE_FIELDS, PO_FIELDS, type PurchaseOrder } from "./purchaseOrders";

/** One line of an order as the add-in writes, exports and sends it: prices known, totals exact. */
export interface OrderLine {
  line: number;
  sku: string;
  quantity: number;
  unitPrice: Decimal;
  lineTotal: Decimal;
  receivedQty: number;
  /** The line's own date, when it differs from the order's. */
  expectedDelivery?: Day;
}

/** The header fields an order carries from the workbook to exports and sends. */
export type OrderHeader = Omit<PurchaseOrder, "lines" | "total" | "address" | "row" | "reportDelivery">;

export interface Order extends OrderHeader {
  lines: OrderLine[];
  /** Sum of the line totals, each already rounded to cents. */
  total: Decimal;
}

export const PO_TYPE = "Purchase Order";

export function orderTotal(lines: readonly { lineTotal: Decimal }[]): Decimal {
  return lines.reduce((sum, line) => sum.plus(line.lineTotal), new Money(0));
}

export type OrderReading = { ok: true; order: Order } | { ok: false; reason: string };

/** A line of the workbook, numbered, with its worksheet row; its price may be missing. */
export type BookLine = Omit<OrderLine, "unitPrice" | "lineTotal"> & { unitPrice?: Decimal; row: number; address: string };

/** The lines of an order in line order; lines without a number follow the highest numbered one, in sheet order. */
export function bookLines(po: PurchaseOrder): BookLine[] {
  let next = Math.max(0, ...po.lines.map((l) => l.line ?? 0));
  return po.lines
    .map((l) => ({
      line: l.line ?? ++next,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      receivedQty: l.receivedQty,
      expectedDelivery: l.expectedDelivery,
      row: l.row,
      address: l.address,
    }))
    .sort((a, b) => a.line - b.line);
}

/**
 * An order of the workbook with exact totals. Line totals are recomputed from
 * quantity and price (the spec's formula wins over a hand-typed total); a line
 * without a Unit Price cannot be priced, so the order cannot be shared or sent.
 */
export function orderFromBook(po: PurchaseOrder): OrderReading {
  const lines: OrderLine[] = [];
  for (const { row: _row, address, unitPrice, ...line } of bookLines(po)) {
    if (unitPrice === undefined) {
      return { ok: false, reason: `Purchase order ${po.number} has no Unit Price for SKU "${line.sku}" (${address}): fill it in first.` };
    }
    lines.push({ ...line, unitPrice, lineTotal: lineTotal(line.quantity, unitPrice) });
  }
  return { ok: true, order: { ...orderHeader(po), lines, total: orderTotal(lines) } };
}

export function orderHeader(po: PurchaseOrder): OrderHeader {
  return {
    number: po.number,
    type: po.type,
    supplier: po.supplier,
    warehouse: po.warehouse,
    status: po.status,
    orderDate: po.orderDate,
    expectedDelivery: po.expectedDelivery,
    currency: po.currency,
    notes: po.notes,
    revision: po.revision,
    externalId: po.externalId,
    syncStatus: po.syncStatus,
    lastSynced: po.lastSynced,
  };
}

/** The delivery day of a line: its own, else the order's. */
export function lineDelivery(order: Order, line: OrderLine): Day | undefined {
  return line.expectedDelivery ?? order.expectedDelivery;
}

const serial = (day: Day | undefined, date1904: boolean): OutValue => (day === undefined ? null : serialFromDay(day, date1904));

/** The `Purchase Orders` cells of an order. Money is a number of cents exactly representable to two places. */
export function headerRecord(order: Order, date1904: boolean): Record<keyof typeof PO_FIELDS, OutValue> {
  return {
    number: order.number,
    type: order.type,
    supplier: order.supplier,
    warehouse: order.warehouse,
    status: order.status,
    orderDate: serial(order.orderDate, date1904),
    expectedDelivery: serial(order.expectedDelivery, date1904),
    currency: order.currency,
    total: order.total.toNumber(),
    notes: order.notes,
    revision: order.revision,
    externalId: order.externalId,
    syncStatus: order.syncStatus,
    lastSynced: order.lastSynced,
  };
}

export function lineRecord(order: Order, line: OrderLine, date1904: boolean): Record<keyof typeof LINE_FIELDS, OutValue> {
  return {
    number: order.number,
    line: line.line,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: line.unitPrice.toNumber(),
    lineTotal: line.lineTotal.toNumber(),
    receivedQty: line.receivedQty,
    expectedDelivery: serial(line.expectedDelivery, date1904),
    // Set by receiving; a line written here has not been received into.
    lastReceived: null,
  };
}
