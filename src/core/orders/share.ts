import { itemKey } from "../catalog";
import { serialFromDay } from "../dates";
import type { PlanningModel } from "../model";
import { looseName } from "../input";
import { SHEETS } from "../schema";
import { FORMAT, type OutValue, type SheetSpec, type StyledRange } from "../sheetSpec";
import { poCurrency } from "./amounts";
import { lineDelivery, type Order, orderFromBook } from "./order";

/**
 * Everything a supplier may see of one order, and nothing else: its lines, its
 * supplier's own name, address and terms, the ship-to warehouse, SKU descriptions.
 */
export interface SharedOrder {
  order: Order;
  supplier: { code: string; name: string; address: string; email: string; paymentTerms: string };
  shipTo: { code: string; name: string };
  descriptions: Map<string, string>;
}

export function sharedOrder(model: PlanningModel, number: string): SharedOrder | string {
  const po = model.orderBook.byNumber.get(number);
  if (!po) return `There is no purchase order ${number} on the Purchase Orders sheet.`;
  const read = orderFromBook(po);
  if (!read.ok) return read.reason;
  const supplier = model.suppliers.get(po.supplier);
  const warehouse = model.warehouses.get(po.warehouse);
  const descriptions = new Map<string, string>();
  for (const line of read.order.lines) {
    descriptions.set(line.sku, model.itemsByKey.get(itemKey(line.sku, po.warehouse))?.description ?? model.skuRows.find((r) => r.sku === line.sku)?.description ?? "");
  }
  return {
    order: { ...read.order, currency: poCurrency(po, model.suppliers, model.settings) },
    supplier: {
      code: po.supplier,
      name: supplier?.name || po.supplier,
      address: supplier?.address ?? "",
      email: supplier?.email ?? "",
      paymentTerms: supplier?.paymentTerms ?? "",
    },
    shipTo: { code: po.warehouse, name: warehouse?.name || po.warehouse },
    descriptions,
  };
}

const TAKEN = new Set(Object.values(SHEETS).map((sheet) => looseName(sheet.name)));

/** A name one of the workbook's own sheets uses, compared as sheets are found (`PO-Lines`, `Supply Plan 2`). */
function isWorkbookSheet(name: string): boolean {
  const key = looseName(name);
  return TAKEN.has(key) || /^supplyplan\d+$/.test(key);
}

const MAX_SHEET_NAME = 31;

/**
 * Excel sheet names: at most 31 characters, none of `[]:*?/\`. A PO whose sheet
 * would take an input or output sheet's name (`PO Lines` for a PO numbered
 * `Lines`) gets ` (2)`, ` (3)`… so that sharing it never clears that sheet.
 */
export function poSheetName(number: string): string {
  const base = `PO ${number}`.replace(/[[\]:*?/\\]/g, "_");
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!isWorkbookSheet(name)) return name;
  }
}

const PRICE_FORMAT = "#,##0.00##";
const HEADER_FILL = "D9E1F2";

/** The printable `PO <number>` sheet: header block, lines, total; formatted for one page width. */
export function poSheet(shared: SharedOrder, date1904 = false): SheetSpec {
  const { order, supplier, shipTo } = shared;
  const date = (day: number | undefined): OutValue => (day === undefined ? null : serialFromDay(day, date1904));
  const rows: OutValue[][] = [
    [`Purchase Order ${order.number}`],
    [],
    ["Supplier", supplier.name, null, null, "PO Number", order.number],
    ["Address", supplier.address, null, null, "Order Date", date(order.orderDate)],
    ["Payment Terms", supplier.paymentTerms, null, null, "Expected Delivery", date(order.expectedDelivery)],
    ["Ship To", `${shipTo.name} (${shipTo.code})`, null, null, "Currency", order.currency],
    [null, null, null, null, "Revision", order.revision],
    [],
    ["Line", "SKU", "Description", "Quantity", "Unit Price", "Line Total", "Delivery"],
  ];
  const firstLine = rows.length;
  for (const line of order.lines) {
    rows.push([line.line, line.sku, shared.descriptions.get(line.sku) ?? "", line.quantity, line.unitPrice.toNumber(), line.lineTotal.toNumber(), date(lineDelivery(order, line))]);
  }
  const lastLine = rows.length - 1;
  rows.push([null, null, null, null, `Total ${order.currency}`, order.total.toNumber()]);
  const totalRow = rows.length - 1;
  const styles: StyledRange[] = [
    { fromRow: 0, toRow: 0, fromCol: 0, toCol: 0, style: { bold: true, fontSize: 16 } },
    { fromRow: 2, toRow: 6, fromCol: 0, toCol: 0, style: { bold: true } },
    { fromRow: 2, toRow: 6, fromCol: 4, toCol: 4, style: { bold: true } },
    { fromRow: 3, toRow: 3, fromCol: 1, toCol: 1, style: { wrap: true } },
    { fromRow: 3, toRow: 4, fromCol: 5, toCol: 5, style: { numberFormat: FORMAT.date, align: "left" } },
    { fromRow: firstLine - 1, toRow: firstLine - 1, fromCol: 0, toCol: 6, style: { bold: true, fill: HEADER_FILL } },
    { fromRow: totalRow, toRow: totalRow, fromCol: 4, toCol: 5, style: { bold: true } },
    { fromRow: totalRow, toRow: totalRow, fromCol: 5, toCol: 5, style: { numberFormat: FORMAT.money } },
  ];
  if (lastLine >= firstLine) {
    styles.push(
      { fromRow: firstLine, toRow: lastLine, fromCol: 3, toCol: 3, style: { numberFormat: FORMAT.quantity } },
      { fromRow: firstLine, toRow: lastLine, fromCol: 4, toCol: 4, style: { numberFormat: PRICE_FORMAT } },
      { fromRow: firstLine, toRow: lastLine, fromCol: 5, toCol: 5, style: { numberFormat: FORMAT.money } },
      { fromRow: firstLine, toRow: lastLine, fromCol: 6, toCol: 6, style: { numberFormat: FORMAT.date } },
    );
  }
  return {
    name: poSheetName(order.number),
    rows,
    widths: [14, 30, 32, 10, 18, 14, 12],
    styles,
    print: { fitToWidth: true, title: `Purchase Order ${order.number}` },
  };
}
