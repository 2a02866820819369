import { SKU_FIELDS } from "../core/catalog";
import { findGrid, type WorkbookInput } from "../core/input";
import { LINE_FIELDS, PO_FIELDS, PO_STATUSES } from "../core/orders/purchaseOrders";
import { FORMAT } from "../core/sheetSpec";
import { StatusTable } from "../core/statuses";
import type { SheetWrite } from "./host";

interface Layout {
  name: string;
  headers: string[];
  /** Column formats by header. */
  formats?: Record<string, string>;
  /** Dropdowns by header. */
  choices?: Record<string, string[]>;
  rows?: (string | number | null)[][];
}

const STATUS_CODES = new StatusTable().pickable().map((s) => s.code);
const YES_NO = ["TRUE", "FALSE"];

/** Every sheet of WORKBOOK.md, in the order a planner fills them in. */
const LAYOUTS: Layout[] = [
  {
    name: "Settings",
    headers: ["Setting", "Value"],
    rows: [
      ["Plan Start", null],
      ["Horizon Weeks", 26],
      ["Currency", "USD"],
      ["Default Warehouse", "MAIN"],
      ["Safety Days", 0],
      ["Review Weeks", 1],
      ["PO Prefix", "PO-"],
      ["Integration URL", null],
    ],
  },
  {
    name: "SKUs",
    headers: Object.values(SKU_FIELDS),
    formats: { "On Hand": FORMAT.quantity, "Safety Stock": FORMAT.quantity, "Unit Cost": FORMAT.money, "Weekly Forecast": FORMAT.quantity },
    choices: { "Purchase Status": STATUS_CODES },
  },
  { name: "Suppliers", headers: ["Supplier", "Name", "Email", "Lead Time Days", "Currency", "Payment Terms", "Address"] },
  {
    name: "Supplier Items",
    headers: ["SKU", "Supplier", "Unit Price", "Lead Time Days", "MOQ", "Order Multiple", "Preferred"],
    formats: { "Unit Price": FORMAT.money },
    choices: { Preferred: YES_NO },
  },
  { name: "Warehouses", headers: ["Warehouse", "Name", "District", "Region"] },
  { name: "Forecast", headers: ["SKU", "Warehouse", "Week", "Quantity"], formats: { Week: FORMAT.date, Quantity: FORMAT.quantity } },
  { name: "Purchase Statuses", headers: ["Code", "Type", "Description"], choices: { Type: ["A", "M", "D", "O", "T"] } },
  { name: "Status Overrides", headers: ["SKU", "Warehouse", "District", "Region", "Status"], choices: { Status: STATUS_CODES } },
  { name: "Order Overrides", headers: ["SKU", "Warehouse", "Week", "Quantity"], formats: { Week: FORMAT.date, Quantity: FORMAT.quantity } },
  {
    name: "Purchase Orders",
    headers: Object.values(PO_FIELDS),
    formats: { "Order Date": FORMAT.date, "Expected Delivery": FORMAT.date, Total: FORMAT.money, Revision: FORMAT.integer },
    choices: { Status: [...PO_STATUSES], Type: ["Purchase Order"] },
  },
  {
    name: "PO Lines",
    headers: Object.values(LINE_FIELDS),
    formats: { Quantity: FORMAT.quantity, "Unit Price": FORMAT.money, "Line Total": FORMAT.money, "Received Qty": FORMAT.quantity, "Expected Delivery": FORMAT.date },
  },
];

/** The sheets "Create Planster sheets" adds: each missing one as an Excel table with headers, formats and dropdowns. */
export function missingSheets(input: WorkbookInput): { sheets: SheetWrite[]; present: string[] } {
  const sheets: SheetWrite[] = [];
  const present: string[] = [];
  for (const layout of LAYOUTS) {
    if (findGrid(input, layout.name)) present.push(layout.name);
    else sheets.push(sheetOf(layout));
  }
  return { sheets, present };
}

function sheetOf(layout: Layout): SheetWrite {
  const col = (header: string) => layout.headers.indexOf(header);
  return {
    name: layout.name,
    rows: [layout.headers, ...(layout.rows ?? [])],
    widths: layout.headers.map((h) => Math.max(12, h.length + 4)),
    columnFormats: Object.fromEntries(Object.entries(layout.formats ?? {}).map(([h, f]) => [col(h), f])),
    styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: layout.headers.length - 1, style: { bold: true } }],
    table: { name: layout.name.replace(/\s+/g, ""), headerRow: 0, style: "TableStyleMedium2" },
    freezeRows: 1,
    choices: Object.entries(layout.choices ?? {}).map(([h, values]) => ({ col: col(h), values })),
  };
}
