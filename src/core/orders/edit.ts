import { type Day, isoFromDay } from "../dates";
import { lineTotal } from "../money";
import { type ActionResult, type OrderContext, orderLayouts, priceLine, refuse } from "./create";
import { bookLines, headerRecord, lineRecord, type Order, type OrderLine, orderHeader, orderTotal } from "./order";
import { LINE_FIELDS, type PoStatus } from "./purchaseOrders";
import { isReadOnly, moveRefusal, orderableItem, quantityRefusal, supplierOrRefusal, supplierTerms, warehouseRefusal } from "./rules";
import { PENDING } from "./sync";
import { appendRow, changedCells, rowCells } from "./writes";

/** The Logistics view's edits; each saved edit is one new Revision. */
export interface OrderEdit {
  expectedDelivery?: Day;
  /** A line's own date; `null` takes the line back to the order's date. */
  lineDeliveries?: { line: number; expectedDelivery: Day | null }[];
  /** A line's new quantity: more than 0, and not below what it has received. */
  lineQuantities?: { line: number; quantity: number }[];
  addLines?: { sku: string; quantity: number }[];
  /** Every line is re-priced from the new supplier. */
  supplier?: string;
  warehouse?: string;
  status?: PoStatus;
  notes?: string;
}

export function editOrder(ctx: OrderContext, number: string, edit: OrderEdit, _today: Day): ActionResult {
  const { model, input } = ctx;
  const layouts = orderLayouts(ctx);
  if (typeof layouts === "string") return refuse(layouts);
  const po = model.orderBook.byNumber.get(number);
  if (!po) return refuse(`There is no purchase order ${number} on the Purchase Orders sheet.`);
  const changes = Object.entries(edit).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (changes.length === 0) return refuse(`Nothing to change on purchase order ${number}.`);
  if (isReadOnly(po.status) && !(po.status === "Received" && changes.length === 1 && edit.status === "Closed")) {
    return refuse(`Purchase order ${number} is ${po.status}: received, closed and cancelled orders are read-only${po.status === "Received" ? " (it can only be closed)" : ""}.`);
  }
  if (edit.status !== undefined) {
    const badMove = moveRefusal(number, po.status, edit.status);
    if (badMove) return refuse(badMove);
  }
  const warehouse = edit.warehouse ?? po.warehouse;
  // The supplier matters only to what prices lines: a date or status change does not look it up.
  const pricing = edit.supplier !== undefined || (edit.addLines?.length ?? 0) > 0;
  const supplier = pricing ? supplierOrRefusal(model, edit.supplier ?? po.supplier) : undefined;
  if (typeof supplier === "string") return refuse(supplier);
  if (edit.warehouse !== undefined) {
    const badWarehouse = warehouseRefusal(model, warehouse);
    if (badWarehouse) return refuse(badWarehouse);
  }
  const current = bookLines(po);
  const lines: OrderLine[] = [];
  for (const { row: _row, address, ...line } of current) {
    if (edit.warehouse !== undefined) {
      const item = orderableItem(model, line.sku, warehouse);
      if (typeof item === "string") return refuse(`${item} Purchase order ${number} cannot move there.`);
    }
    let unitPrice = line.unitPrice;
    if (edit.supplier !== undefined && supplier) {
      // A new supplier prices every line anew (shown before saving); otherwise the agreed prices stay.
      const terms = supplierTerms(model, line.sku, warehouse, supplier.code);
      if (typeof terms === "string") return refuse(terms);
      unitPrice = terms.unitPrice;
    }
    if (unitPrice === undefined) return refuse(`Purchase order ${number} has no Unit Price for SKU "${line.sku}" (${address}): fill it in first.`);
    lines.push({ ...line, unitPrice, lineTotal: lineTotal(line.quantity, unitPrice) });
  }
  for (const change of edit.lineDeliveries ?? []) {
    const line = lines.find((l) => l.line === change.line);
    if (!line) return refuse(`Purchase order ${number} has no line ${change.line}.`);
    if (change.expectedDelivery !== null && po.orderDate !== undefined && change.expectedDelivery < po.orderDate) {
      return refuse(`Line ${change.line}'s expected delivery ${isoFromDay(change.expectedDelivery)} is before the order date ${isoFromDay(po.orderDate)}.`);
    }
    line.expectedDelivery = change.expectedDelivery ?? undefined;
  }
  for (const change of edit.lineQuantities ?? []) {
    const line = lines.find((l) => l.line === change.line);
    if (!line) return refuse(`Purchase order ${number} has no line ${change.line}.`);
    const badQuantity = quantityRefusal(line.sku, change.quantity);
    if (badQuantity) return refuse(badQuantity);
    if (change.quantity < line.receivedQty) {
      return refuse(`Line ${change.line} of ${number} has received ${line.receivedQty} already: its quantity cannot go below that.`);
    }
    line.quantity = change.quantity;
    line.lineTotal = lineTotal(change.quantity, line.unitPrice);
  }
  const existing = lines.length;
  let next = Math.max(0, ...lines.map((l) => l.line));
  for (const { sku, quantity } of edit.addLines ?? []) {
    if (lines.some((l) => l.sku === sku)) return refuse(`SKU "${sku}" is already on purchase order ${number}: change that line's quantity instead.`);
    const priced = priceLine(model, sku, quantity, supplier!.code, warehouse, ++next);
    if (typeof priced === "string") return refuse(priced);
    lines.push(priced.line);
  }
  const expectedDelivery = edit.expectedDelivery ?? po.expectedDelivery;
  if (edit.expectedDelivery !== undefined && po.orderDate !== undefined && edit.expectedDelivery < po.orderDate) {
    return refuse(`The expected delivery ${isoFromDay(edit.expectedDelivery)} is before the order date ${isoFromDay(po.orderDate)}.`);
  }
  const integrated = model.settings.integrationUrl !== "";
  const order: Order = {
    ...orderHeader(po),
    supplier: supplier?.code ?? po.supplier,
    warehouse,
    status: edit.status ?? po.status,
    expectedDelivery,
    currency: edit.supplier !== undefined && supplier ? (supplier.currency ?? model.settings.currency) : po.currency,
    notes: edit.notes ?? po.notes,
    revision: po.revision + 1,
    syncStatus: integrated ? PENDING : po.syncStatus,
    lines,
    total: orderTotal(lines),
  };
  const date1904 = input.date1904 ?? false;
  const header = headerRecord(order, date1904);
  const changed: (keyof typeof header)[] = ["total", "revision", "syncStatus"];
  if (edit.supplier !== undefined) changed.push("supplier", "currency");
  if (edit.warehouse !== undefined) changed.push("warehouse");
  if (edit.status !== undefined) changed.push("status");
  if (edit.expectedDelivery !== undefined) changed.push("expectedDelivery");
  if (edit.notes !== undefined) changed.push("notes");
  const lineFields: (keyof typeof LINE_FIELDS)[] = ["line"];
  if (edit.supplier !== undefined || edit.lineQuantities?.length) lineFields.push("unitPrice", "lineTotal");
  if (edit.lineQuantities?.length) lineFields.push("quantity");
  if (edit.lineDeliveries?.length) lineFields.push("expectedDelivery");
  const lineCells = lines.slice(0, existing).flatMap((line, i) => rowCells(layouts.lines, current[i].row, pick(lineRecord(order, line, date1904), lineFields)));
  return {
    ok: true,
    order,
    writes: {
      append: lines.slice(existing).map((line) => appendRow(layouts.lines, lineRecord(order, line, date1904))),
      // Only cells whose value changes: a formula or a co-author's edit elsewhere on the row stays as it is.
      cells: changedCells(input, [...rowCells(layouts.orders, po.row, pick(header, changed)), ...lineCells]),
    },
  };
}

function pick<R extends object>(record: R, keys: readonly (keyof R)[]): Partial<R> {
  return Object.fromEntries(keys.map((k) => [k, record[k]])) as Partial<R>;
}
