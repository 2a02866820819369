import type { Decimal } from "decimal.js";
import { dayFromIso, isoFromDay, serialFromDay } from "../dates";
import type { PlanningModel } from "../model";
import { lineTotal, Money } from "../money";
import { FORMAT, type OutValue, type SheetSpec } from "../sheetSpec";
import { poCurrency } from "./amounts";
import { bookLines } from "./order";
import { isOpen, type PurchaseOrder } from "./purchaseOrders";

/**
 * Finance's view of the order book. Committed = Open + Received, per supplier,
 * month of the Order Date and currency (never across currencies):
 * - Received: received quantities at the line's price, rounded to cents per line;
 * - Open: what open orders still have to deliver (line total minus received value).
 * Drafts are not committed yet and Cancelled orders no longer are: both are left out.
 */
export interface SummaryRow {
  supplier: string;
  supplierName: string;
  /** `YYYY-MM`, or "" when the order has no Order Date. */
  month: string;
  currency: string;
  orders: number;
  open: Decimal;
  received: Decimal;
  committed: Decimal;
}

export interface CurrencyTotal {
  currency: string;
  orders: number;
  open: Decimal;
  received: Decimal;
  committed: Decimal;
}

export interface OrderSummary {
  rows: SummaryRow[];
  totals: CurrencyTotal[];
  /** Lines that carry no Unit Price and so add nothing, by cell address. */
  unpriced: string[];
}

const counted = (po: PurchaseOrder) => po.status !== "Draft" && po.status !== "Cancelled";

export function orderSummary(model: PlanningModel): OrderSummary {
  const groups = new Map<string, SummaryRow>();
  const unpriced: string[] = [];
  for (const po of model.orderBook.orders) {
    if (!counted(po)) continue;
    const supplier = model.suppliers.get(po.supplier);
    const currency = poCurrency(po, model.suppliers, model.settings);
    const month = po.orderDate === undefined ? "" : isoFromDay(po.orderDate).slice(0, 7);
    const key = [po.supplier, month, currency].join("\u0000");
    let row = groups.get(key);
    if (!row) {
      row = { supplier: po.supplier, supplierName: supplier?.name ?? "", month, currency, orders: 0, open: new Money(0), received: new Money(0), committed: new Money(0) };
      groups.set(key, row);
    }
    row.orders += 1;
    for (const line of bookLines(po)) {
      if (line.unitPrice === undefined) {
        unpriced.push(line.address);
        continue;
      }
      const ordered = Math.max(0, line.quantity);
      const received = lineTotal(Math.min(line.receivedQty, ordered), line.unitPrice);
      const open = isOpen(po) ? lineTotal(ordered, line.unitPrice).minus(received) : new Money(0);
      row.received = row.received.plus(received);
      row.open = row.open.plus(open);
      row.committed = row.committed.plus(received).plus(open);
    }
  }
  const rows = [...groups.values()].sort((a, b) => a.supplier.localeCompare(b.supplier) || a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
  const totals = new Map<string, CurrencyTotal>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? { currency: row.currency, orders: 0, open: new Money(0), received: new Money(0), committed: new Money(0) };
    totals.set(row.currency, {
      currency: row.currency,
      orders: total.orders + row.orders,
      open: total.open.plus(row.open),
      received: total.received.plus(row.received),
      committed: total.committed.plus(row.committed),
    });
  }
  return { rows, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)), unpriced };
}

const DETAIL_HEADER = ["Supplier", "Supplier Name", "Month", "Currency", "Orders", "Open", "Received", "Committed"];

/** The `PO Summary` sheet: totals per currency on top, then the supplier × month × currency table. */
export function poSummarySheet(summary: OrderSummary, date1904 = false): SheetSpec {
  const money = (d: Decimal) => d.toNumber();
  const rows: OutValue[][] = [
    ["PO Summary"],
    [
      "Committed = Open + Received. Open: still to be delivered on open orders. Received: received quantities at the order's price. Drafts and cancelled orders are not counted; currencies are never added together.",
    ],
    [],
    ["Currency", "Orders", "Open", "Received", "Committed"],
    ...summary.totals.map((t) => [t.currency, t.orders, money(t.open), money(t.received), money(t.committed)]),
    [],
  ];
  const totalsEnd = rows.length - 2;
  const tableAt = rows.length;
  rows.push(DETAIL_HEADER);
  for (const r of summary.rows) {
    const firstOfMonth = r.month ? serialFromDay(dayFromIso(`${r.month}-01`)!, date1904) : null;
    rows.push([r.supplier, r.supplierName, firstOfMonth, r.currency, r.orders, money(r.open), money(r.received), money(r.committed)]);
  }
  return {
    name: "PO Summary",
    rows,
    widths: [14, 28, 10, 10, 9, 16, 16, 16],
    columnFormats: { 2: "yyyy-mm", 5: FORMAT.money, 6: FORMAT.money, 7: FORMAT.money },
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: 0, style: { bold: true, fontSize: 14 } },
      { fromRow: 1, toRow: 1, fromCol: 0, toCol: 0, style: { italic: true } },
      { fromRow: 3, toRow: 3, fromCol: 0, toCol: 4, style: { bold: true } },
      { fromRow: 4, toRow: Math.max(4, totalsEnd), fromCol: 2, toCol: 4, style: { numberFormat: FORMAT.money } },
    ],
    table: { name: "POSummary", headerRow: tableAt, style: "TableStyleMedium2" },
    print: { landscape: true, fitToWidth: true, title: "PO Summary" },
  };
}
