import type { Decimal } from "decimal.js";
import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { type ColumnKey, SHEETS } from "./schema";
import type { Settings } from "./settings";
import { Sheet } from "./sheet";

export type SkuField = ColumnKey<typeof SHEETS.skus>;

/** One SKUs row: a SKU held at one warehouse. */
export interface SkuRow {
  sku: string;
  warehouse: string;
  /** `itemKey(sku, warehouse)`, made once: the model looks every sheet up by it. */
  key: string;
  description: string;
  supplier?: string;
  onHand: number;
  safetyStock?: number;
  safetyDays?: number;
  leadDays?: number;
  moq?: number;
  multiple?: number;
  unitCost?: Decimal;
  /** Blank means the product level gives no status. */
  statusCode?: string;
  weeklyForecast?: number;
  /** Where the row and its status cell are, for messages. */
  address: string;
  /** Reports a problem at one of the row's cells. */
  report(field: SkuField, message: string): void;
}

export interface Supplier {
  code: string;
  name: string;
  email: string;
  leadDays?: number;
  currency?: string;
  paymentTerms: string;
  address: string;
  /** An order below it is not placed by "Create orders" (ORDERS.md), in the supplier's currency. */
  minOrderValue?: Decimal;
}

export interface SupplierItem {
  sku: string;
  supplier: string;
  unitPrice?: Decimal;
  leadDays?: number;
  moq?: number;
  multiple?: number;
  preferred: boolean;
  address: string;
  /** Reports a problem at the row's Preferred cell. */
  report(message: string): void;
}

export interface Warehouse {
  code: string;
  name: string;
  district: string;
  region: string;
}

/** An order multiple is a case pack: more than 0, and not so small that dividing by it overflows. */
const CASE_PACK = { min: 1e-6, exclusive: true };

export const itemKey = (sku: string, warehouse: string): string => `${sku}\u0000${warehouse}`;

/**
 * The item-location a row of Forecast or Order Overrides is for (its Warehouse, else the
 * default). A row for an item-location that is not on the SKUs sheet is reported and gives undefined.
 */
export function rowItem<K extends string>(
  sheet: Sheet<K | "sku" | "warehouse">,
  row: number,
  defaultWarehouse: string,
  items: ReadonlySet<string>,
  what: string,
): { sku: string; warehouse: string; key: string } | undefined {
  const sku = sheet.requiredCode(row, "sku", "");
  if (sku === undefined) return undefined;
  const warehouse = sheet.code(row, "warehouse") ?? defaultWarehouse;
  const key = itemKey(sku, warehouse);
  if (items.has(key)) return { sku, warehouse, key };
  sheet.reportAt(row, "sku", `SKU "${sku}" at warehouse "${warehouse}" is not on the SKUs sheet; this ${what} was not used.`);
  return undefined;
}

export function readSkus(sheet: Sheet<SkuField>, settings: Settings): SkuRow[] {
  const rows: SkuRow[] = [];
  const seen = new Map<string, string>();
  for (const r of sheet.rows) {
    const sku = sheet.requiredCode(r, "sku", "");
    if (sku === undefined) continue;
    const warehouse = sheet.code(r, "warehouse") ?? settings.defaultWarehouse;
    const key = itemKey(sku, warehouse);
    const first = seen.get(key);
    if (first) {
      sheet.reportAt(r, "sku", `SKU "${sku}" at warehouse "${warehouse}" is already on row ${first}; this row was not used.`);
      continue;
    }
    const address = sheet.address(r);
    seen.set(key, address);
    rows.push({
      sku,
      warehouse,
      key,
      description: sheet.text(r, "description"),
      supplier: sheet.code(r, "supplier"),
      onHand: sheet.number(r, "onHand") ?? 0,
      safetyStock: sheet.number(r, "safetyStock", { min: 0 }),
      safetyDays: sheet.number(r, "safetyDays", { min: 0 }),
      leadDays: sheet.number(r, "leadDays", { min: 0 }),
      moq: sheet.number(r, "moq", { min: 0 }),
      multiple: sheet.number(r, "multiple", CASE_PACK),
      unitCost: sheet.decimal(r, "unitCost"),
      statusCode: statusCode(sheet, r),
      weeklyForecast: sheet.number(r, "weeklyForecast", { min: 0 }),
      address,
      report: (field, message) => sheet.reportAt(r, field, message),
    });
  }
  return rows;
}

/**
 * A status cell that is not text nor a number (TRUE, a date) is a status nobody can read: it
 * must block the item like an unknown code, not fall back to `A` and let it be bought.
 */
function statusCode(sheet: Sheet<SkuField>, row: number): string | undefined {
  const raw = sheet.raw(row, "status");
  return typeof raw === "boolean" || raw instanceof Date ? sheet.text(row, "status") : sheet.code(row, "status");
}

const CURRENCY = /^[A-Z]{3}$/;

/** `undefined` when there is no Suppliers sheet; `null` when it has no Supplier column (reported). */
export function readSuppliers(input: WorkbookInput, problems: Problem[]): Map<string, Supplier> | null | undefined {
  const sheet = Sheet.open(input, SHEETS.suppliers, problems);
  if (!sheet) return sheet;
  const suppliers = new Map<string, Supplier>();
  for (const r of sheet.rows) {
    const code = sheet.requiredCode(r, "code", "");
    if (code === undefined) continue;
    if (suppliers.has(code)) {
      sheet.reportAt(r, "code", `Supplier "${code}" is given twice; the first row stands.`);
      continue;
    }
    let currency: string | undefined = sheet.text(r, "currency");
    if (currency && !CURRENCY.test(currency)) {
      sheet.reportAt(r, "currency", `Currency "${currency}" is not a three-letter ISO 4217 code such as USD; the workbook's currency is used.`);
      currency = undefined;
    }
    suppliers.set(code, {
      code,
      name: sheet.text(r, "name"),
      email: sheet.text(r, "email"),
      leadDays: sheet.number(r, "leadDays", { min: 0 }),
      currency: currency || undefined,
      paymentTerms: sheet.text(r, "terms"),
      address: sheet.text(r, "address"),
      minOrderValue: sheet.decimal(r, "minOrderValue"),
    });
  }
  return suppliers;
}

export function readSupplierItems(input: WorkbookInput, skus: ReadonlySet<string>, suppliers: ReadonlyMap<string, Supplier>, problems: Problem[]): SupplierItem[] {
  const sheet = Sheet.open(input, SHEETS.supplierItems, problems);
  if (!sheet) return [];
  const items: SupplierItem[] = [];
  const seen = new Set<string>();
  for (const r of sheet.rows) {
    const sku = sheet.requiredCode(r, "sku", "");
    const supplier = sheet.requiredCode(r, "supplier", "");
    if (sku === undefined || supplier === undefined) continue;
    if (!skus.has(sku)) {
      sheet.reportAt(r, "sku", `SKU "${sku}" is not on the SKUs sheet; this supplier item was not used.`);
      continue;
    }
    if (!suppliers.has(supplier)) {
      sheet.reportAt(r, "supplier", `Supplier "${supplier}" is not on the Suppliers sheet; this supplier item was not used.`);
      continue;
    }
    const key = itemKey(sku, supplier);
    if (seen.has(key)) {
      sheet.reportAt(r, "sku", `SKU "${sku}" is linked to supplier "${supplier}" twice; the first row stands.`);
      continue;
    }
    seen.add(key);
    items.push({
      sku,
      supplier,
      unitPrice: sheet.decimal(r, "unitPrice"),
      leadDays: sheet.number(r, "leadDays", { min: 0 }),
      moq: sheet.number(r, "moq", { min: 0 }),
      multiple: sheet.number(r, "multiple", CASE_PACK),
      preferred: sheet.boolean(r, "preferred") ?? false,
      address: sheet.address(r, "preferred"),
      report: (message) => sheet.reportAt(r, "preferred", message),
    });
  }
  return items;
}

export function readWarehouses(input: WorkbookInput, problems: Problem[]): Map<string, Warehouse> | undefined {
  const sheet = Sheet.open(input, SHEETS.warehouses, problems);
  if (!sheet) return undefined;
  const warehouses = new Map<string, Warehouse>();
  for (const r of sheet.rows) {
    const code = sheet.requiredCode(r, "code", "");
    if (code === undefined) continue;
    if (warehouses.has(code)) {
      sheet.reportAt(r, "code", `Warehouse "${code}" is given twice; the first row stands.`);
      continue;
    }
    warehouses.set(code, {
      code,
      name: sheet.text(r, "name"),
      district: sheet.code(r, "district") ?? "",
      region: sheet.code(r, "region") ?? "",
    });
  }
  return warehouses;
}
