import { csvLine } from "../csv";
import { isoFromDay } from "../dates";
import { lineDelivery } from "./order";
import type { SharedOrder } from "./share";

const COLUMNS = [
  "PO Number",
  "Order Date",
  "Supplier",
  "Supplier Name",
  "Payment Terms",
  "Ship To",
  "Ship To Name",
  "Currency",
  "Line",
  "SKU",
  "Description",
  "Quantity",
  "Unit Price",
  "Line Total",
  "Expected Delivery",
  "Order Total",
];

/**
 * One PO as CSV: a header row, then one row per line with the order's fields
 * repeated, so that a supplier's system can import it as a flat table. The order's
 * total is one of those fields (last, so that importers reading columns by position
 * are not moved): the supplier checks the lines against it, as on the PO sheet. Every
 * text cell is escaped against formula injection; amounts are exact decimal strings.
 */
export function orderCsv(shared: SharedOrder): string {
  const { order, supplier, shipTo } = shared;
  const day = (d: number | undefined) => ({ text: d === undefined ? "" : isoFromDay(d), isNumber: true });
  const text = (t: string) => ({ text: t });
  const number = (t: string) => ({ text: t, isNumber: true });
  const lines = order.lines.map((line) =>
    csvLine([
      text(order.number),
      day(order.orderDate),
      text(supplier.code),
      text(supplier.name),
      text(supplier.paymentTerms),
      text(shipTo.code),
      text(shipTo.name),
      text(order.currency),
      number(String(line.line)),
      text(line.sku),
      text(shared.descriptions.get(line.sku) ?? ""),
      number(String(line.quantity)),
      number(line.unitPrice.toFixed()),
      number(line.lineTotal.toFixed(2)),
      day(lineDelivery(order, line)),
      number(order.total.toFixed(2)),
    ]),
  );
  return csvLine(COLUMNS.map(text)) + lines.join("");
}
