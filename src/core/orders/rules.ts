import type { Decimal } from "decimal.js";
import { itemKey, type SkuRow, type Supplier } from "../catalog";
import type { ItemLocation, PlanningModel } from "../model";
import { describeStatus } from "../statuses";
import { isOpen, type PoLine, PO_STATUSES, type PoStatus, type PurchaseOrder } from "./purchaseOrders";

/** The refusals shared by creating an order, adding a line, changing supplier or warehouse. */

const rowsByKey = new WeakMap<PlanningModel, Map<string, SkuRow>>();

/** The SKUs row of an item-location (looked up by key: a 10,000-line order must not scan the sheet per line). */
export function skuRow(model: PlanningModel, sku: string, warehouse: string): SkuRow | undefined {
  let rows = rowsByKey.get(model);
  if (!rows) rowsByKey.set(model, (rows = new Map(model.skuRows.map((r) => [itemKey(r.sku, r.warehouse), r]))));
  return rows.get(itemKey(sku, warehouse));
}

export function supplierOrRefusal(model: PlanningModel, code: string): Supplier | string {
  return model.suppliers.get(code) ?? `Supplier "${code}" is not on the Suppliers sheet.`;
}

/** A warehouse is known when the Warehouses sheet lists it, or (without that sheet) when some SKU row is held there. */
export function warehouseRefusal(model: PlanningModel, warehouse: string): string | undefined {
  if (model.warehouses.size > 0) return model.warehouses.has(warehouse) ? undefined : `Warehouse "${warehouse}" is not on the Warehouses sheet.`;
  return model.items.some((i) => i.warehouse === warehouse)
    ? undefined
    : `Warehouse "${warehouse}" is unknown: no SKU is held there on the SKUs sheet (and the workbook has no Warehouses sheet).`;
}

/** The item-location a line buys, if the SKU is orderable there. */
export function orderableItem(model: PlanningModel, sku: string, warehouse: string): ItemLocation | string {
  const item = model.itemsByKey.get(itemKey(sku, warehouse));
  if (!item) return `SKU "${sku}" is not on the SKUs sheet at warehouse "${warehouse}".`;
  if (!item.status.orderable) return `SKU "${sku}" cannot be ordered at warehouse "${warehouse}": its purchase status is ${describeStatus(item.status)}.`;
  return item;
}

/** The suppliers linked to a SKU (WORKBOOK.md): its Supplier Items rows plus its SKUs Supplier, preferred first. */
export function linkedSuppliers(model: PlanningModel, sku: string, warehouse: string): string[] {
  const items = model.supplierItems.get(sku) ?? [];
  const row = skuRow(model, sku, warehouse);
  const codes = [...items.filter((i) => i.preferred), ...items.filter((i) => !i.preferred)].map((i) => i.supplier);
  const preferred = model.itemsByKey.get(itemKey(sku, warehouse))?.supplier;
  const ordered = preferred === undefined ? codes : [preferred, ...codes];
  if (row?.supplier !== undefined) ordered.push(row.supplier);
  return [...new Set(ordered)];
}

/** Price and lead time of a SKU from one supplier, or why it cannot be bought from it. */
export function supplierTerms(model: PlanningModel, sku: string, warehouse: string, supplier: string): { unitPrice: Decimal; leadDays: number } | string {
  if (!linkedSuppliers(model, sku, warehouse).includes(supplier)) {
    return `SKU "${sku}" is not linked to supplier "${supplier}" (neither on Supplier Items nor as the SKU's Supplier).`;
  }
  const item = (model.supplierItems.get(sku) ?? []).find((si) => si.supplier === supplier);
  const row = skuRow(model, sku, warehouse);
  // WORKBOOK.md: the SKU's Unit Cost is the price when no supplier item gives one.
  const unitPrice = item?.unitPrice ?? row?.unitCost;
  if (unitPrice === undefined) return `SKU "${sku}" has no unit price from supplier "${supplier}" (no Unit Price on Supplier Items, no Unit Cost on SKUs).`;
  const leadDays = item?.leadDays ?? row?.leadDays ?? model.suppliers.get(supplier)?.leadDays ?? 0;
  return { unitPrice, leadDays };
}

export function quantityRefusal(sku: string, quantity: number): string | undefined {
  return Number.isFinite(quantity) && quantity > 0 ? undefined : `The quantity for SKU "${sku}" is ${quantity}; an order needs more than 0.`;
}

const CHAIN: readonly PoStatus[] = PO_STATUSES.filter((s) => s !== "Cancelled");
const CANCELLABLE: ReadonlySet<PoStatus> = new Set(["Draft", "Submitted", "Confirmed"]);

/**
 * ORDERS.md's chain: forwards only (skipping allowed), or to Cancelled from Draft,
 * Submitted or Confirmed. An order whose status cell is not a status may be set to
 * any status: that is how it gets fixed.
 */
export function moveRefusal(number: string, from: PoStatus | null, to: PoStatus): string | undefined {
  if (from === null) return undefined;
  // Not a move: saving it would count a Revision and resend an unchanged order.
  if (from === to) return `Purchase order ${number} is already ${to}.`;
  if (to === "Cancelled") {
    return CANCELLABLE.has(from) ? undefined : `Purchase order ${number} is ${from}; only Draft, Submitted or Confirmed orders can be cancelled.`;
  }
  const a = CHAIN.indexOf(from);
  const b = CHAIN.indexOf(to);
  if (a < 0) return `Purchase order ${number} is ${from}; it cannot move to ${to}.`;
  return b > a ? undefined : `Purchase order ${number} is ${from}; it cannot go back to ${to} (${CHAIN.join(" → ")}).`;
}

const READ_ONLY: ReadonlySet<PoStatus> = new Set(["Received", "Closed", "Cancelled"]);

export function isReadOnly(status: PoStatus | null): boolean {
  return status !== null && READ_ONLY.has(status);
}

/**
 * Lines already on an open order whose item has since become unorderable at the
 * order's warehouse: they stay on the order (STATUSES.md), flagged with the reason.
 */
export function flaggedLines(model: PlanningModel, po: PurchaseOrder): { line: PoLine; message: string }[] {
  if (!isOpen(po)) return [];
  const flags: { line: PoLine; message: string }[] = [];
  for (const line of po.lines) {
    const item = model.itemsByKey.get(itemKey(line.sku, po.warehouse));
    if (item && !item.status.orderable) {
      flags.push({
        line,
        message: `SKU "${line.sku}" on ${po.number} can no longer be ordered at warehouse "${po.warehouse}": its purchase status is ${describeStatus(item.status)}. The line stays on the order.`,
      });
    }
  }
  return flags;
}
