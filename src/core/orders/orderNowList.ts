import type { Decimal } from "decimal.js";
import { Money } from "../money";
import type { OrderNowLine } from "../plan";

/**
 * The buyer's Order-now list (the pane's Home): filtered by supplier and warehouse,
 * sorted, and totalled per supplier and currency, as "Create orders" would group it.
 */

/** `urgency`: the plan's order (first short first, then largest value); `value`: largest first; `supplier`: by supplier, urgent first within. */
export type OrderNowSort = "urgency" | "value" | "supplier";

export interface OrderNowFilter {
  supplier?: string;
  warehouse?: string;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `lines` in the plan's order (urgency), as `orderNow` gives them. */
export function orderNowList(lines: readonly OrderNowLine[], filter: OrderNowFilter, sort: OrderNowSort): OrderNowLine[] {
  const shown = lines.filter((l) => (!filter.supplier || l.supplier === filter.supplier) && (!filter.warehouse || l.warehouse === filter.warehouse));
  if (sort === "urgency") return shown;
  const urgency = new Map(lines.map((l, i) => [l, i]));
  if (sort === "value") return shown.sort((a, b) => b.value.comparedTo(a.value) || urgency.get(a)! - urgency.get(b)!);
  return shown.sort((a, b) => compare(a.supplier, b.supplier) || urgency.get(a)! - urgency.get(b)!);
}

export interface SupplierTotal {
  supplier: string;
  currency: string;
  lines: number;
  total: Decimal;
}

/** The lines' value per supplier and currency (two currencies are never added), by supplier then currency. */
export function totalsBySupplier(lines: readonly OrderNowLine[]): SupplierTotal[] {
  const totals = new Map<string, SupplierTotal>();
  for (const line of lines) {
    const key = `${line.supplier}\u0000${line.currency}`;
    const entry = totals.get(key);
    if (entry) {
      entry.lines++;
      entry.total = entry.total.plus(line.value);
    } else totals.set(key, { supplier: line.supplier, currency: line.currency, lines: 1, total: new Money(line.value) });
  }
  return [...totals.values()].sort((a, b) => compare(a.supplier, b.supplier) || compare(a.currency, b.currency));
}
