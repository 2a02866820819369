import type { Decimal } from "decimal.js";
import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { type ColumnKey, SHEETS } from "./schema";
import { FORECAST_METHOD_HINT, readForecastMethod, readServiceLevel, SERVICE_LEVEL_HINT, type Settings } from "./settings";
import { exactAmount, type NumberRule, Sheet, SheetRow } from "./sheet";

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
  readonly unitCost?: Decimal;
  /** The Unit Cost as read (`unitCost` is its Decimal). */
  readonly cost?: number | Decimal;
  /** Blank means the product level gives no status. */
  statusCode?: string;
  weeklyForecast?: number;
  /** Target cycle service level as a fraction (0.95); undefined when the cell is blank or unreadable (the setting's applies). */
  serviceLevel?: number;
  /** `auto`, `none` or a method name, in lower case; undefined when blank or unreadable (the setting's applies). */
  forecastMethod?: string;
  leadTimeSdDays?: number;
  /** Where the row is, for messages. */
  readonly address: string;
  /** Index of the row in the sheet's grid. */
  readonly gridRow: number;
  /** Reports a problem at one of the row's cells. */
  report(field: SkuField, message: string): void;
}

class SkuRecord extends SheetRow<SkuField> implements SkuRow {
  description = "";
  supplier?: string;
  onHand = 0;
  safetyStock?: number;
  safetyDays?: number;
  leadDays?: number;
  moq?: number;
  multiple?: number;
  /** The Unit Cost as read; its Decimal is made on first use (most items are priced by a supplier item). */
  cost?: number | Decimal;
  statusCode?: string;
  weeklyForecast?: number;
  serviceLevel?: number;
  forecastMethod?: string;
  leadTimeSdDays?: number;

  constructor(
    sheet: Sheet<SkuField>,
    row: number,
    readonly sku: string,
    readonly warehouse: string,
    readonly key: string,
  ) {
    super(sheet, row);
  }

  get address(): string {
    return this.addressOf();
  }

  get unitCost(): Decimal | undefined {
    if (typeof this.cost === "number") this.cost = exactAmount(this.cost);
    return this.cost;
  }

  report(field: SkuField, message: string): void {
    this.reportAt(field, message);
  }
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
  leadTimeSdDays?: number;
}

export interface SupplierItem {
  sku: string;
  supplier: string;
  readonly unitPrice?: Decimal;
  /** The Unit Price as read (`unitPrice` is its Decimal). */
  readonly price?: number | Decimal;
  leadDays?: number;
  moq?: number;
  multiple?: number;
  leadTimeSdDays?: number;
  preferred: boolean;
  /** The row's Preferred cell, for messages. */
  readonly address: string;
  /** Reports a problem at the row's Preferred cell. */
  report(message: string): void;
}

type SupplierItemField = ColumnKey<typeof SHEETS.supplierItems>;

class SupplierItemRecord extends SheetRow<SupplierItemField> implements SupplierItem {
  /** Its Decimal is made on first use. */
  price?: number | Decimal;
  leadDays?: number;
  moq?: number;
  multiple?: number;
  leadTimeSdDays?: number;
  preferred = false;

  constructor(
    sheet: Sheet<SupplierItemField>,
    row: number,
    readonly sku: string,
    readonly supplier: string,
  ) {
    super(sheet, row);
  }

  get address(): string {
    return this.addressOf("preferred");
  }

  get unitPrice(): Decimal | undefined {
    if (typeof this.price === "number") this.price = exactAmount(this.price);
    return this.price;
  }

  report(message: string): void {
    this.reportAt("preferred", message);
  }
}

export interface Warehouse {
  code: string;
  name: string;
  district: string;
  region: string;
}

/** An order multiple is a case pack: more than 0, and not so small that dividing by it overflows. */
const CASE_PACK: NumberRule = { min: 1e-6, exclusive: true };
const AT_LEAST_0: NumberRule = { min: 0 };

export const itemKey = (sku: string, warehouse: string): string => `${sku}\u0000${warehouse}`;

/**
 * The position (in the SKUs rows) of the item-location a row of Forecast or Order Overrides
 * is for (its Warehouse, else the default). A row for an item-location that is not on the
 * SKUs sheet is reported and gives -1.
 */
export function rowItem<K extends string>(sheet: Sheet<K | "sku" | "warehouse">, row: number, defaultWarehouse: string, items: ItemIndex, what: string): number {
  const sku = sheet.requiredCode(row, "sku", "");
  if (sku === undefined) return -1;
  const warehouse = sheet.code(row, "warehouse") ?? defaultWarehouse;
  const at = items.find(sku, warehouse);
  if (at < 0) sheet.reportAt(row, "sku", `SKU "${sku}" at warehouse "${warehouse}" is not on the SKUs sheet; this ${what} was not used.`);
  return at;
}

/** Codes a row may refer to (SKUs on the SKUs sheet, places…). */
export interface Codes {
  has(code: string): boolean;
}

/**
 * The SKUs rows, in sheet order, found by SKU and warehouse. Other sheets' rows look
 * their item-location up here by the two codes: no key string is made per look-up (a
 * cold read of 50,000 rows pays for every one).
 */
export class ItemIndex {
  readonly rows: SkuRow[] = [];
  /** Positions in `rows` of each SKU's warehouses. */
  private readonly bySku = new Map<string, number[]>();
  readonly skus: Codes = { has: (sku) => this.bySku.has(sku) };

  /** Adds a row; when its SKU is held at its warehouse already, answers that row instead. */
  add(row: SkuRow): SkuRow | undefined {
    const at = this.find(row.sku, row.warehouse);
    if (at >= 0) return this.rows[at];
    const positions = this.bySku.get(row.sku);
    if (positions) positions.push(this.rows.length);
    else this.bySku.set(row.sku, [this.rows.length]);
    this.rows.push(row);
    return undefined;
  }

  /** The position in `rows` of a SKU's first row, -1 when it is not on the SKUs sheet. */
  first(sku: string): number {
    return this.bySku.get(sku)?.[0] ?? -1;
  }

  /** The positions in `rows` of a SKU's warehouses. */
  positions(sku: string): readonly number[] {
    return this.bySku.get(sku) ?? NO_POSITIONS;
  }

  /** The position in `rows` of an item-location, -1 when it is not on the SKUs sheet. */
  find(sku: string, warehouse: string): number {
    const positions = this.bySku.get(sku);
    if (!positions) return -1;
    for (let i = 0; i < positions.length; i++) if (this.rows[positions[i]].warehouse === warehouse) return positions[i];
    return -1;
  }
}

const NO_POSITIONS: readonly number[] = [];

export function readSkus(sheet: Sheet<SkuField>, settings: Settings): ItemIndex {
  const index = new ItemIndex();
  const gridRows = sheet.rows;
  for (let i = 0; i < gridRows.length; i++) {
    const row = readSkuRow(sheet, gridRows[i], settings);
    if (!row) continue;
    const first = index.add(row);
    if (first) reportRepeat(row, first);
  }
  return index;
}

/** A SKUs row for an item-location an earlier row holds already is not used. */
export function reportRepeat(row: SkuRow, first: SkuRow): void {
  row.report("sku", `SKU "${row.sku}" at warehouse "${row.warehouse}" is already on row ${first.address}; this row was not used.`);
}

/** One SKUs row by itself (its key may repeat another row's: that is the sheet's check). */
export function readSkuRow(sheet: Sheet<SkuField>, r: number, settings: Settings): SkuRow | undefined {
  const sku = sheet.requiredCode(r, "sku", "");
  if (sku === undefined) return undefined;
  const warehouse = sheet.code(r, "warehouse") ?? settings.defaultWarehouse;
  const row = new SkuRecord(sheet, r, sku, warehouse, itemKey(sku, warehouse));
  row.description = sheet.text(r, "description");
  row.supplier = sheet.code(r, "supplier");
  row.onHand = sheet.number(r, "onHand") ?? 0;
  row.safetyStock = sheet.number(r, "safetyStock", AT_LEAST_0);
  row.safetyDays = sheet.number(r, "safetyDays", AT_LEAST_0);
  row.leadDays = sheet.number(r, "leadDays", AT_LEAST_0);
  row.moq = sheet.number(r, "moq", AT_LEAST_0);
  row.multiple = sheet.number(r, "multiple", CASE_PACK);
  row.cost = sheet.amount(r, "unitCost");
  row.statusCode = statusCode(sheet, r);
  row.weeklyForecast = sheet.number(r, "weeklyForecast", AT_LEAST_0);
  // Blank in most workbooks: the common case costs a look at the cell.
  if (!sheet.blank(r, "serviceLevel")) row.serviceLevel = sheet.parsed(r, "serviceLevel", readServiceLevel, SERVICE_LEVEL_HINT, "the Settings sheet's Service Level applies");
  if (!sheet.blank(r, "forecastMethod"))
    row.forecastMethod = sheet.parsed(r, "forecastMethod", readForecastMethod, FORECAST_METHOD_HINT, "the Settings sheet's Forecast Method applies");
  row.leadTimeSdDays = sheet.number(r, "leadTimeSdDays", AT_LEAST_0);
  return row;
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
      leadDays: sheet.number(r, "leadDays", AT_LEAST_0),
      currency: currency || undefined,
      paymentTerms: sheet.text(r, "terms"),
      address: sheet.text(r, "address"),
      minOrderValue: sheet.decimal(r, "minOrderValue"),
      leadTimeSdDays: sheet.number(r, "leadTimeSdDays", AT_LEAST_0),
    });
  }
  return suppliers;
}

/**
 * The Supplier Items rows, in sheet order. `only`: just these rows (every row of the
 * SKUs an edit touched, so that a link given twice is still found).
 */
export function readSupplierItems(input: WorkbookInput, skus: Codes, suppliers: ReadonlyMap<string, Supplier>, problems: Problem[], only?: readonly number[]): SupplierItem[] {
  const sheet = Sheet.open(input, SHEETS.supplierItems, problems);
  if (!sheet) return [];
  const items: SupplierItem[] = [];
  const seen = new Set<string>();
  const rows = only ?? sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
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
    const item = new SupplierItemRecord(sheet, r, sku, supplier);
    item.price = sheet.amount(r, "unitPrice");
    item.leadDays = sheet.number(r, "leadDays", AT_LEAST_0);
    item.moq = sheet.number(r, "moq", AT_LEAST_0);
    item.multiple = sheet.number(r, "multiple", CASE_PACK);
    item.leadTimeSdDays = sheet.number(r, "leadTimeSdDays", AT_LEAST_0);
    item.preferred = sheet.boolean(r, "preferred") ?? false;
    items.push(item);
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
