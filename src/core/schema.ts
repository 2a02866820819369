import { FORMAT } from "./sheetSpec";

/**
 * The workbook contract (docs/workbook.md) as data: every sheet the add-in reads or
 * writes, with its columns. The readers, "Create Planster sheets", the adapters'
 * lists of input sheets, the sample generator and the pane's Settings view all take
 * names from here, so a column or sheet is added in one place.
 *
 * Settings (the rows of the Settings sheet) are declared in settings.ts, beside
 * their readers.
 */

/** How a cell of the column is read; also what a new sheet formats it as. */
export type ColumnType = "code" | "text" | "number" | "amount" | "date" | "boolean";

/** A list of allowed values that "Create Planster sheets" puts in a dropdown (resolved in setup.ts). */
export type ChoiceList = "status-codes" | "status-types" | "po-statuses" | "po-types" | "true-false";

export interface ColumnSpec {
  header: string;
  /** Other headers that name the same column (Sales History: `Week` for `Date`). */
  aliases?: readonly string[];
  /** A sheet without this column is one problem and is not read. */
  required?: true;
  type: ColumnType;
  /** Excel number format of the cells below the header on a new sheet. */
  format?: string;
  choices?: ChoiceList;
}

/**
 * - `input`: read by every adapter; a change to it changes the plan.
 * - `log`: read (to recognise what was already done) and appended to, never rewritten.
 * - `output`: rebuilt by the add-in on demand; never read.
 */
export type SheetRole = "input" | "log" | "output";

export interface SheetSchema<K extends string = string> {
  name: string;
  role: SheetRole;
  /** A workbook without it cannot be planned (or is reported). */
  required?: true;
  columns: { readonly [key in K]: ColumnSpec };
}

/** The field keys of a sheet's columns. */
export type ColumnKey<S extends SheetSchema> = S extends SheetSchema<infer K> ? K : never;

const sheet = <K extends string>(schema: SheetSchema<K>): SheetSchema<K> => schema;

const code = (header: string, required?: true): ColumnSpec => ({ header, type: "code", required });
const text = (header: string): ColumnSpec => ({ header, type: "text" });
const quantity = (header: string, required?: true): ColumnSpec => ({ header, type: "number", format: FORMAT.quantity, required });
const number = (header: string): ColumnSpec => ({ header, type: "number" });
const money = (header: string): ColumnSpec => ({ header, type: "amount", format: FORMAT.money });
const date = (header: string, required?: true): ColumnSpec => ({ header, type: "date", format: FORMAT.date, required });

/** Every sheet, inputs in the order a planner fills them in (the order "Create Planster sheets" adds them). */
export const SHEETS = {
  settings: sheet({
    name: "Settings",
    role: "input",
    columns: { setting: { header: "Setting", type: "text", required: true }, value: { header: "Value", type: "text", required: true } },
  }),
  skus: sheet({
    name: "SKUs",
    role: "input",
    required: true,
    columns: {
      sku: code("SKU", true),
      description: text("Description"),
      warehouse: code("Warehouse"),
      supplier: code("Supplier"),
      onHand: quantity("On Hand"),
      safetyStock: quantity("Safety Stock"),
      safetyDays: number("Safety Days"),
      leadDays: number("Lead Time Days"),
      moq: number("MOQ"),
      multiple: number("Order Multiple"),
      unitCost: money("Unit Cost"),
      status: { header: "Purchase Status", type: "code", choices: "status-codes" },
      weeklyForecast: quantity("Weekly Forecast"),
      serviceLevel: number("Service Level"),
      forecastMethod: text("Forecast Method"),
      leadTimeSdDays: number("Lead Time SD Days"),
    },
  }),
  suppliers: sheet({
    name: "Suppliers",
    role: "input",
    required: true,
    columns: {
      code: code("Supplier", true),
      name: text("Name"),
      email: text("Email"),
      leadDays: number("Lead Time Days"),
      currency: text("Currency"),
      terms: text("Payment Terms"),
      address: text("Address"),
      leadTimeSdDays: number("Lead Time SD Days"),
      minOrderValue: money("Min Order Value"),
    },
  }),
  supplierItems: sheet({
    name: "Supplier Items",
    role: "input",
    columns: {
      sku: code("SKU", true),
      supplier: code("Supplier", true),
      unitPrice: money("Unit Price"),
      leadDays: number("Lead Time Days"),
      moq: number("MOQ"),
      multiple: number("Order Multiple"),
      preferred: { header: "Preferred", type: "boolean", choices: "true-false" },
      leadTimeSdDays: number("Lead Time SD Days"),
    },
  }),
  warehouses: sheet({
    name: "Warehouses",
    role: "input",
    columns: { code: code("Warehouse", true), name: text("Name"), district: code("District"), region: code("Region") },
  }),
  /** Long layout here; a wide one has a date header per week instead of Week and Quantity (forecast.ts). */
  forecast: sheet({
    name: "Forecast",
    role: "input",
    columns: { sku: code("SKU", true), warehouse: code("Warehouse"), week: date("Week"), quantity: quantity("Quantity") },
  }),
  /** docs/forecasting.md; long layout here, a wide one as on the Forecast sheet. */
  salesHistory: sheet({
    name: "Sales History",
    role: "input",
    columns: {
      sku: code("SKU", true),
      warehouse: code("Warehouse"),
      date: { ...date("Date"), aliases: ["Week"] },
      quantity: quantity("Quantity"),
      stockout: { header: "Stockout", type: "boolean", choices: "true-false" },
    },
  }),
  forecastOverrides: sheet({
    name: "Forecast Overrides",
    role: "input",
    columns: { sku: code("SKU", true), warehouse: code("Warehouse"), week: date("Week", true), quantity: quantity("Quantity", true) },
  }),
  purchaseStatuses: sheet({
    name: "Purchase Statuses",
    role: "input",
    columns: { code: code("Code", true), type: { header: "Type", type: "text", required: true, choices: "status-types" }, description: text("Description") },
  }),
  statusOverrides: sheet({
    name: "Status Overrides",
    role: "input",
    columns: {
      sku: code("SKU", true),
      warehouse: code("Warehouse"),
      district: code("District"),
      region: code("Region"),
      status: { header: "Status", type: "code", required: true, choices: "status-codes" },
    },
  }),
  orderOverrides: sheet({
    name: "Order Overrides",
    role: "input",
    columns: { sku: code("SKU", true), warehouse: code("Warehouse"), week: date("Week", true), quantity: quantity("Quantity", true) },
  }),
  purchaseOrders: sheet({
    name: "Purchase Orders",
    role: "input",
    columns: {
      number: code("PO Number", true),
      type: { header: "Type", type: "text", choices: "po-types" },
      supplier: code("Supplier"),
      warehouse: code("Warehouse"),
      status: { header: "Status", type: "text", choices: "po-statuses" },
      orderDate: date("Order Date"),
      expectedDelivery: date("Expected Delivery"),
      currency: text("Currency"),
      total: money("Total"),
      notes: text("Notes"),
      revision: { header: "Revision", type: "number", format: FORMAT.integer },
      externalId: text("External ID"),
      syncStatus: text("Sync Status"),
      lastSynced: text("Last Synced"),
    },
  }),
  poLines: sheet({
    name: "PO Lines",
    role: "input",
    columns: {
      number: code("PO Number", true),
      line: number("Line"),
      sku: code("SKU", true),
      quantity: quantity("Quantity", true),
      unitPrice: money("Unit Price"),
      lineTotal: money("Line Total"),
      receivedQty: quantity("Received Qty"),
      expectedDelivery: date("Expected Delivery"),
      lastReceived: date("Last Received"),
    },
  }),
  receipts: sheet({
    name: "Receipts",
    role: "log",
    columns: {
      receiptId: code("Receipt ID"),
      number: code("PO Number", true),
      line: number("Line"),
      sku: code("SKU"),
      quantity: quantity("Quantity", true),
      date: date("Date"),
    },
  }),
  /** Columns: the plan columns (planSheet.ts). */
  supplyPlan: sheet({ name: "Supply Plan", role: "output", columns: {} }),
  /** Columns: the summary's own layout (orders/summary.ts). */
  poSummary: sheet({ name: "PO Summary", role: "output", columns: {} }),
} as const;

export type SheetId = keyof typeof SHEETS;

/** The sheets every adapter reads: inputs and logs. */
export const READ_SHEETS: readonly SheetSchema[] = Object.values(SHEETS).filter((s) => s.role !== "output");

/** The sheets "Create Planster sheets" adds when they are missing. */
export const INPUT_SHEETS: readonly SheetSchema[] = Object.values(SHEETS).filter((s) => s.role === "input");

/** Field key → header, the shape the writers' layouts take (`sheetLayout`). */
export function fieldsOf<K extends string>(schema: SheetSchema<K>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(schema.columns) as K[]) out[key] = schema.columns[key].header;
  return out;
}

/** The keys of the columns a sheet cannot be read without. */
export function requiredKeys<K extends string>(schema: SheetSchema<K>): K[] {
  return (Object.keys(schema.columns) as K[]).filter((key) => schema.columns[key].required);
}
