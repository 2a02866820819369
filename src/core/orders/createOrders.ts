import type { Decimal } from "decimal.js";
import { itemKey } from "../catalog";
import type { Day } from "../dates";
import type { PlanningModel } from "../model";
import { Money } from "../money";
import { overrideRowsByItem } from "../orderOverrides";
import { clearWeekOverrideRows } from "../overrideEdits";
import { SHEETS } from "../schema";
import type { OrderNowLine } from "../plan";
import { numberPart } from "./claims";
import { newOrder, type OrderContext, orderLayouts, orderRows, priceLine } from "./create";
import { formatNumber, highestSequence, numbersInWorkbook } from "./numbering";
import type { Order } from "./order";
import { supplierOrRefusal, warehouseRefusal } from "./rules";
import type { Writes } from "./writes";

/** Which Order-now lines "Create orders" takes: all, one supplier's, one warehouse's, or the buyer's selection. */
export interface CreateOrdersRequest {
  supplier?: string;
  warehouse?: string;
  /** `itemKey`s of the lines the buyer selected; every line when absent. */
  only?: ReadonlySet<string>;
}

/** An Order-now line that could not go on an order, and why. */
export interface LeftOut {
  line: OrderNowLine;
  reason: string;
}

/** A supplier × warehouse × currency whose order would stay below the supplier's Min Order Value: not created. */
export interface BelowMinimum {
  supplier: string;
  warehouse: string;
  currency: string;
  total: Decimal;
  minimum: Decimal;
  lines: OrderNowLine[];
  /** `ACME at EAST: 412.50 USD, minimum 500.00` (ORDERS.md). */
  message: string;
}

export type CreateOrdersResult = { ok: true; orders: Order[]; writes: Writes; leftOut: LeftOut[]; belowMinimum: BelowMinimum[] } | { ok: false; reason: string };

/** A filter naming a supplier or warehouse the workbook does not know: refused, rather than an empty answer. */
export function filterRefusal(model: PlanningModel, request: CreateOrdersRequest): string | undefined {
  const { supplier, warehouse } = request;
  if (supplier !== undefined && !model.suppliers.has(supplier) && !model.items.some((i) => i.supplier === supplier)) {
    return `Supplier "${supplier}" is not on the Suppliers sheet, and no SKU is bought from it.`;
  }
  if (warehouse !== undefined && warehouseRefusal(model, warehouse) && !model.items.some((i) => i.warehouse === warehouse)) {
    return warehouseRefusal(model, warehouse);
  }
  return undefined;
}

interface Priced {
  line: OrderNowLine;
  amount: Decimal;
  delivery: Day;
}

/**
 * "Create orders" (ORDERS.md, "Ordering many lines at once"): one Draft PO per
 * supplier × warehouse × currency from the Order-now lines, each line at its Order Qty
 * and that supplier's price, numbered one after the other above the workbook's
 * highest; each line's week-1 override cleared. A line that cannot be ordered is
 * left out with its reason, a group below the supplier's Min Order Value is not
 * created; the others are, in one write.
 */
export function createOrders(ctx: OrderContext, orderNow: readonly OrderNowLine[], request: CreateOrdersRequest, today: Day): CreateOrdersResult {
  const { model, input } = ctx;
  const layouts = orderLayouts(ctx);
  if (typeof layouts === "string") return { ok: false, reason: layouts };
  const badFilter = filterRefusal(model, request);
  if (badFilter) return { ok: false, reason: badFilter };
  const leftOut: LeftOut[] = [];
  const groups = new Map<string, { supplier: string; warehouse: string; currency: string; lines: Priced[] }>();
  for (const line of orderNow) {
    if (request.supplier !== undefined && line.supplier !== request.supplier) continue;
    if (request.warehouse !== undefined && line.warehouse !== request.warehouse) continue;
    if (request.only && !request.only.has(itemKey(line.sku, line.warehouse))) continue;
    const priced = priceOrderNowLine(model, line, today);
    if (typeof priced === "string") {
      leftOut.push({ line, reason: priced });
      continue;
    }
    const currency = model.suppliers.get(line.supplier)?.currency ?? model.settings.currency;
    const key = [line.supplier, line.warehouse, currency].join("\u0000");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { supplier: line.supplier, warehouse: line.warehouse, currency, lines: [] }));
    group.lines.push(priced);
  }
  const { headers, lines: lineNumbers } = numbersInWorkbook(input);
  // Claims of orders being saved by co-authors hold their numbers: taken too.
  const highest = highestSequence(
    [...headers, ...lineNumbers].map((n) => numberPart(n.number)),
    model.settings.poPrefix,
  );
  const orders: Order[] = [];
  const belowMinimum: BelowMinimum[] = [];
  const sorted = [...groups.values()].sort((a, b) => compare(a.supplier, b.supplier) || compare(a.warehouse, b.warehouse) || compare(a.currency, b.currency));
  for (const group of sorted) {
    const total = group.lines.reduce((sum, l) => sum.plus(l.amount), new Money(0));
    const minimum = model.suppliers.get(group.supplier)?.minOrderValue;
    if (minimum !== undefined && total.lessThan(minimum)) {
      const message = `${group.supplier} at ${group.warehouse}: ${total.toFixed(2)} ${group.currency}, minimum ${minimum.toFixed(2)}`;
      belowMinimum.push({ ...group, total, minimum, lines: group.lines.map((l) => l.line), message });
      continue;
    }
    const lines = [...group.lines].sort((a, b) => compare(a.line.sku, b.line.sku));
    const order = newOrder(
      model,
      {
        supplier: group.supplier,
        warehouse: group.warehouse,
        // The order's date is its first line's arrival; a line arriving later keeps its own, so the plan counts each where it lands.
        expectedDelivery: lines.reduce((first, l) => Math.min(first, l.delivery), Infinity),
        lines: lines.map((l) => ({ sku: l.line.sku, quantity: l.line.quantity, expectedDelivery: l.delivery })),
      },
      today,
      formatNumber(model.settings.poPrefix, highest + orders.length + 1),
    );
    if (typeof order === "string") leftOut.push(...lines.map((l) => ({ line: l.line, reason: order })));
    // Drafts, with an integration too (ORDERS.md): the buyer looks them over before any is sent.
    else orders.push({ ...order, status: "Draft", syncStatus: "" });
  }
  const overrides = overrideRowsByItem(input, model.settings, 1);
  const cleared = orders.flatMap((o) => o.lines.flatMap((l) => overrides.get(itemKey(l.sku, o.warehouse)) ?? []));
  const date1904 = input.date1904 ?? false;
  return {
    ok: true,
    orders,
    writes: { append: orders.flatMap((o) => orderRows(layouts, o, date1904)), cells: clearWeekOverrideRows(input, SHEETS.orderOverrides, cleared) },
    leftOut,
    belowMinimum,
  };
}

/** A line priced from its supplier with its arrival day, or why it cannot be ordered (ORDERS.md's refusals). */
function priceOrderNowLine(model: PlanningModel, line: OrderNowLine, today: Day): Priced | string {
  const { sku, warehouse, supplier, quantity } = line;
  if (!supplier) return `SKU "${sku}" at warehouse "${warehouse}" has no supplier (none on SKUs or Supplier Items), so it cannot be ordered.`;
  const known = supplierOrRefusal(model, supplier);
  if (typeof known === "string") return `${known} SKU "${sku}" at warehouse "${warehouse}" cannot be ordered from it.`;
  const badWarehouse = warehouseRefusal(model, warehouse);
  if (badWarehouse) return `${badWarehouse} SKU "${sku}" at warehouse "${warehouse}" cannot be ordered there.`;
  const priced = priceLine(model, sku, quantity, supplier, warehouse, 1);
  if (typeof priced === "string") return priced;
  // The plan's own arrival (as New Order on the week line), today at the earliest.
  return { line, amount: priced.line.lineTotal, delivery: Math.max(line.arrivalDate, today) };
}

/** Codes sort as text, the same on every machine. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
