import type { Decimal } from "decimal.js";
import type { Day } from "../dates";
import type { PlanningModel } from "../model";
import { Money } from "../money";
import { poAmount, poCurrency } from "./amounts";
import { destination, type StoredEndpoint } from "./endpoint";
import { bookLines, orderFromBook } from "./order";
import { isOpen, type PoStatus, type PurchaseOrder } from "./purchaseOrders";
import { isReadOnly, moveRefusal } from "./rules";

/**
 * The buyer's follow-up of the order book (the Logistics view): which orders are
 * late, which to show, what they add up to, and what can be done to each.
 */

/** Open and due: some line still to come was expected before today (its own date, else the order's). */
export function isOverdue(po: PurchaseOrder, today: Day): boolean {
  if (!isOpen(po)) return false;
  const lines = bookLines(po);
  if (lines.length === 0) return po.expectedDelivery !== undefined && po.expectedDelivery < today;
  return lines.some((line) => {
    const due = line.expectedDelivery ?? po.expectedDelivery;
    return line.receivedQty < line.quantity && due !== undefined && due < today;
  });
}

/** `open`: every open status; `all`: every order; else one status. */
export type StatusFilter = "open" | "all" | PoStatus;

export interface OrderFilter {
  supplier?: string;
  warehouse?: string;
  status?: StatusFilter;
  /** Part of a PO number or of a SKU on the order, in any case. */
  search?: string;
}

export function matchesFilter(po: PurchaseOrder, filter: OrderFilter): boolean {
  if (filter.supplier && po.supplier !== filter.supplier) return false;
  if (filter.warehouse && po.warehouse !== filter.warehouse) return false;
  const status = filter.status ?? "open";
  if (status === "open" ? !isOpen(po) : status !== "all" && po.status !== status) return false;
  const search = filter.search?.trim().toLowerCase();
  return !search || po.number.toLowerCase().includes(search) || po.lines.some((l) => l.sku.toLowerCase().includes(search));
}

export type OrderSort = "overdue" | "delivery" | "number";

/** The orders shown: filtered, then overdue first (each group by delivery), by delivery, or by number. */
export function followUpList(orders: readonly PurchaseOrder[], filter: OrderFilter, sort: OrderSort, today: Day): PurchaseOrder[] {
  const shown = orders.filter((po) => matchesFilter(po, filter));
  const delivery = (po: PurchaseOrder) => po.expectedDelivery ?? Infinity;
  const byNumber = (a: PurchaseOrder, b: PurchaseOrder) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
  if (sort === "number") return shown.sort(byNumber);
  const late = new Map(shown.map((po) => [po, sort === "overdue" && isOverdue(po, today)]));
  return shown.sort((a, b) => Number(late.get(b)) - Number(late.get(a)) || delivery(a) - delivery(b) || byNumber(a, b));
}

/** What the orders add up to, per currency (never across currencies), in currency order. */
export function totalsPerCurrency(orders: readonly PurchaseOrder[], model: PlanningModel): { currency: string; orders: number; total: Decimal }[] {
  const totals = new Map<string, { currency: string; orders: number; total: Decimal }>();
  for (const po of orders) {
    const currency = poCurrency(po, model.suppliers, model.settings);
    const entry = totals.get(currency) ?? { currency, orders: 0, total: new Money(0) };
    totals.set(currency, { currency, orders: entry.orders + 1, total: entry.total.plus(poAmount(po)) });
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export type OrderAction = "edit" | "receive" | "share" | "send" | "cancel";

/** One item of an order's ⋯ menu: shown always, disabled with the reason when its status does not allow it. */
export interface ActionState {
  action: OrderAction;
  enabled: boolean;
  reason?: string;
}

const available = (action: OrderAction, reason: string | undefined): ActionState => ({ action, enabled: reason === undefined, reason });

/**
 * Why an order cannot be sent from here: no Integration URL in the workbook, no
 * endpoint stored on this machine (or another one), a read-only order, a line
 * without a price. Undefined when it can.
 */
export function sendRefusal(po: PurchaseOrder, model: PlanningModel, stored: StoredEndpoint | undefined): string | undefined {
  if (isReadOnly(po.status)) return `${po.number} is ${po.status}: read-only, nothing more to send.`;
  const where = destination(model.settings.integrationUrl, stored);
  if (where.kind === "none") return "The workbook has no Integration URL (Settings sheet), so there is nowhere to send the order.";
  if (where.kind === "mismatch") {
    return `This workbook asks for orders to go to ${where.workbookUrl}, but the integration stored here is for ${where.storedUrl}: if that address is your company's, store it with its key in Settings; otherwise correct the workbook's Integration URL.`;
  }
  if (where.kind === "unsent") return stored ? where.reason : "No integration is set up on this machine: store its URL and key in Settings.";
  const read = orderFromBook(po);
  return read.ok ? undefined : read.reason;
}

/** The ⋯ menu of an order row: edit, receive, share, send, cancel, as its status allows. */
export function orderActions(po: PurchaseOrder, model: PlanningModel, stored: StoredEndpoint | undefined): ActionState[] {
  const closed = po.status === "Closed" || po.status === "Cancelled";
  const read = orderFromBook(po);
  return [
    available("edit", closed ? `${po.number} is ${po.status}: read-only.` : undefined),
    available("receive", isReadOnly(po.status) ? `${po.number} is ${po.status}: it takes no more receipts.` : undefined),
    available("share", read.ok ? undefined : read.reason),
    available("send", sendRefusal(po, model, stored)),
    available("cancel", po.status === "Cancelled" ? `${po.number} is already Cancelled.` : moveRefusal(po.number, po.status, "Cancelled")),
  ];
}
