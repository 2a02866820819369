import type { Decimal } from "decimal.js";
import type { Supplier } from "../catalog";
import { lineTotal, Money, toCents } from "../money";
import type { Settings } from "../settings";
import type { PoLine, PurchaseOrder } from "./purchaseOrders";

/**
 * The currency an order is in: its Currency cell, else its supplier's, else the
 * settings'. Upper case, so that `usd` typed on one order is the USD of the others:
 * one currency, one total, in PO Summary, SPEND and the exports alike.
 */
export function poCurrency(po: PurchaseOrder, suppliers: ReadonlyMap<string, Supplier>, settings: Settings): string {
  return (po.currency || suppliers.get(po.supplier)?.currency || settings.currency).toUpperCase();
}

/**
 * What a line of the workbook counts for: round(Quantity × Unit Price, 2), as
 * docs/orders.md defines Line Total; that wins over the cell, which may hold an
 * unrounded formula result (=D2*E2 gives 59.985) or a stale value. Only a line
 * without a Unit Price falls back to its Line Total cell, to the cent. A negative
 * Quantity is reported where it is read and brings nothing, as in the plan.
 */
export function lineAmount(line: PoLine): Decimal {
  if (line.unitPrice !== undefined) return lineTotal(Math.max(0, line.quantity), line.unitPrice);
  return line.lineTotal === undefined ? new Money(0) : toCents(line.lineTotal);
}

/** The sum of a PO's line amounts; a PO with no lines counts its Total cell (0 when blank). */
export function poAmount(po: PurchaseOrder): Decimal {
  if (po.lines.length === 0) return po.total ?? new Money(0);
  let total = new Money(0);
  for (const line of po.lines) total = total.plus(lineAmount(line));
  return total;
}
