import { type Day, mondayOf } from "../dates";
import type { WorkbookInput } from "../input";
import { itemKey } from "../catalog";
import type { PlanningModel } from "../model";
import { lineTotal } from "../money";
import { SHEETS } from "../schema";
import { clearWeekOverrideRows } from "../overrideEdits";
import { overrideRowsOfWeek } from "../orderOverrides";
import { orderQty, planItem } from "../plan";
import { leadWeeks, weekStart } from "../weeks";
import { numberPart } from "./claims";
import { numbersInWorkbook, nextNumber } from "./numbering";
import { headerRecord, lineRecord, type Order, type OrderLine, orderTotal, PO_TYPE } from "./order";
import { LINE_FIELDS, PO_FIELDS } from "./purchaseOrders";
import { linkedSuppliers, orderableItem, quantityRefusal, supplierOrRefusal, supplierTerms, warehouseRefusal } from "./rules";
import type { Settings } from "../settings";
import { PENDING } from "./sync";
import { appendRow, type RowAppend, type SheetLayout, sheetLayout, type Writes } from "./writes";

/** What an order action reads: the planning model and the cells it was read from (for layouts and row numbers). */
export interface OrderContext {
  model: PlanningModel;
  input: WorkbookInput;
}

/** Every action answers with the rows to write and the order as it will stand, or why nothing is written. */
export type ActionResult = { ok: true; writes: Writes; order: Order } | { ok: false; reason: string };

export const refuse = (reason: string): ActionResult => ({ ok: false, reason });

export interface NewOrderRequest {
  supplier: string;
  /** Blank means the Default Warehouse. */
  warehouse?: string;
  /** A line's own `expectedDelivery` is written only where it differs from the order's. */
  lines: { sku: string; quantity: number; expectedDelivery?: Day }[];
  /** Defaults to the start of the week the supplier's lead time reaches from today. */
  expectedDelivery?: Day;
  notes?: string;
}

export interface WeekLineRequest {
  sku: string;
  warehouse: string;
  /** Order week of the supply plan (1..H). */
  week: number;
  /** Defaults to the SKU's preferred supplier. */
  supplier?: string;
  /** Defaults to the start of the arrival week. */
  expectedDelivery?: Day;
}

export interface OrderLayouts {
  orders: SheetLayout<keyof typeof PO_FIELDS>;
  lines: SheetLayout<keyof typeof LINE_FIELDS>;
}

/** The PO sheets' layouts, or the refusal of ORDERS.md when the workbook does not have them. */
export function orderLayouts(ctx: OrderContext): OrderLayouts | string {
  const orders = sheetLayout(ctx.input, "Purchase Orders", PO_FIELDS);
  const lines = sheetLayout(ctx.input, "PO Lines", LINE_FIELDS);
  if (!orders || !lines) return "The workbook has no Purchase Orders and PO Lines sheets: create them first (the add-in offers to), then the order.";
  // The columns the readers need: an order written without them would not be read back.
  const missing = [
    ...(["number"] as const).filter((k) => !orders.columns.has(k)).map((k) => `Purchase Orders "${PO_FIELDS[k]}"`),
    ...(["number", "sku", "quantity"] as const).filter((k) => !lines.columns.has(k)).map((k) => `PO Lines "${LINE_FIELDS[k]}"`),
  ];
  if (missing.length) return `The order cannot be written: the workbook lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`;
  return { orders, lines };
}

/** A buyer's order: several SKUs of one supplier for one warehouse. */
export function createOrder(ctx: OrderContext, request: NewOrderRequest, today: Day): ActionResult {
  return build(ctx, request, today, []);
}

/** "New Order" on a week line of the supply plan: its Order Qty, then the week's override is cleared. */
export function createFromWeekLine(ctx: OrderContext, request: WeekLineRequest, today: Day): ActionResult {
  const { model } = ctx;
  const { sku, warehouse, week } = request;
  const item = model.itemsByKey.get(itemKey(sku, warehouse));
  if (!item) return refuse(`SKU "${sku}" is not on the SKUs sheet at warehouse "${warehouse}".`);
  if (!Number.isInteger(week) || week < 1 || week > model.settings.horizonWeeks) {
    return refuse(`Week ${week} is not a week of the plan (1 to ${model.settings.horizonWeeks}).`);
  }
  const supplier = request.supplier ?? linkedSuppliers(model, sku, warehouse)[0];
  if (supplier === undefined) return refuse(`SKU "${sku}" has no supplier (none on SKUs or Supplier Items), so it cannot be ordered.`);
  const quantity = orderQty(planItem(item, model.settings), week);
  const terms = supplierTerms(model, sku, warehouse, supplier);
  const expectedDelivery = request.expectedDelivery ?? (typeof terms === "string" ? undefined : weekLineDelivery(model.settings, week, terms.leadDays, today));
  const overrideRows = overrideRowsOfWeek(ctx.input, ctx.model.settings, sku, warehouse, week);
  return build(ctx, { supplier, warehouse, lines: [{ sku, quantity }], expectedDelivery }, today, overrideRows);
}

/** The default delivery of a week line's order: the start of its arrival week, and today at the earliest (a plan that started weeks ago may put that Monday in the past). */
export function weekLineDelivery(settings: Settings, week: number, leadDays: number, today: Day): Day {
  return Math.max(weekStart(week + leadWeeks(leadDays), settings.planStart), today);
}

function build(ctx: OrderContext, request: NewOrderRequest, today: Day, overrideRows: number[]): ActionResult {
  const layouts = orderLayouts(ctx);
  if (typeof layouts === "string") return refuse(layouts);
  const { headers, lines } = numbersInWorkbook(ctx.input);
  // A co-author's order being saved holds its number in a claim: it is taken too.
  const number = nextNumber(
    [...headers, ...lines].map((n) => numberPart(n.number)),
    ctx.model.settings.poPrefix,
  );
  const order = newOrder(ctx.model, request, today, number);
  if (typeof order === "string") return refuse(order);
  return {
    ok: true,
    order,
    writes: { append: orderRows(layouts, order, ctx.input.date1904 ?? false), cells: clearWeekOverrideRows(ctx.input, SHEETS.orderOverrides, overrideRows) },
  };
}

/** A new order numbered `number`, every line priced from its supplier, or the refusal that says why not. */
export function newOrder(model: PlanningModel, request: NewOrderRequest, today: Day, number: string): Order | string {
  const supplier = supplierOrRefusal(model, request.supplier);
  if (typeof supplier === "string") return supplier;
  const warehouse = request.warehouse || model.settings.defaultWarehouse;
  const badWarehouse = warehouseRefusal(model, warehouse);
  if (badWarehouse) return badWarehouse;
  if (request.lines.length === 0) return "An order needs at least one line.";
  const lines: OrderLine[] = [];
  const seen = new Set<string>();
  let leadDays = 0;
  for (const { sku, quantity, expectedDelivery } of request.lines) {
    if (seen.has(sku)) return `SKU "${sku}" is on this order twice: give it one line with the whole quantity.`;
    seen.add(sku);
    const line = priceLine(model, sku, quantity, supplier.code, warehouse, lines.length + 1);
    if (typeof line === "string") return line;
    lines.push(expectedDelivery === undefined ? line.line : { ...line.line, expectedDelivery });
    leadDays = Math.max(leadDays, line.leadDays);
  }
  // Lead times count in whole weeks, as in the plan: the default is the Monday of the week it reaches, not before today.
  const expectedDelivery = request.expectedDelivery ?? Math.max(today, mondayOf(today) + 7 * leadWeeks(leadDays));
  if ([expectedDelivery, ...lines.map((l) => l.expectedDelivery ?? today)].some((day) => day < today)) {
    return `The expected delivery is before today's order date; choose a later date.`;
  }
  const integrated = model.settings.integrationUrl !== "";
  return {
    number,
    type: PO_TYPE,
    supplier: supplier.code,
    warehouse,
    status: integrated ? "Submitted" : "Draft",
    orderDate: today,
    expectedDelivery,
    currency: supplier.currency ?? model.settings.currency,
    notes: request.notes ?? "",
    revision: 1,
    externalId: "",
    syncStatus: integrated ? PENDING : "",
    lastSynced: "",
    // A line's own date only where it differs from the order's.
    lines: lines.map(({ expectedDelivery: own, ...line }) => (own === undefined || own === expectedDelivery ? line : { ...line, expectedDelivery: own })),
    total: orderTotal(lines),
  };
}

/** The rows a new order appends: its header, then its lines. */
export function orderRows(layouts: OrderLayouts, order: Order, date1904: boolean): RowAppend[] {
  return [appendRow(layouts.orders, headerRecord(order, date1904)), ...order.lines.map((l) => appendRow(layouts.lines, lineRecord(order, l, date1904)))];
}

/** One priced line, or the refusal that names the SKU: status, link to the supplier, price, quantity. */
export function priceLine(
  model: PlanningModel,
  sku: string,
  quantity: number,
  supplier: string,
  warehouse: string,
  number: number,
): { line: OrderLine; leadDays: number } | string {
  const item = orderableItem(model, sku, warehouse);
  if (typeof item === "string") return item;
  const terms = supplierTerms(model, sku, warehouse, supplier);
  if (typeof terms === "string") return terms;
  const badQuantity = quantityRefusal(sku, quantity);
  if (badQuantity) return badQuantity;
  return {
    line: { line: number, sku, quantity, unitPrice: terms.unitPrice, lineTotal: lineTotal(quantity, terms.unitPrice), receivedQty: 0 },
    leadDays: terms.leadDays,
  };
}
