import { Decimal } from "decimal.js";
import { type ItemIndex, readSkus, readSupplierItems, readSuppliers, readWarehouses, type SkuRow, type Supplier, type SupplierItem, type Warehouse } from "./catalog";
import type { Day } from "./dates";
import { DemandContext, type DemandInputs, type DemandSource, type ItemDemand, resolveDemand } from "./demand";
import { readForecast } from "./forecast";
import { readForecastOverrides } from "./forecastOverrides";
import { type ForecastSource, ForecastStore, type ItemForecast } from "./forecasts";
import type { WorkbookInput } from "./input";
import { type OrderOverride, readOrderOverrides } from "./orderOverrides";
import { isOpen, type OrderBook, readOrderBook } from "./orders/purchaseOrders";
import { ProblemBook } from "./problemBook";
import type { Problem } from "./problems";
import { readSalesHistory } from "./salesHistory";
import type { SafetyStockRule } from "./safetyStock";
import { SHEETS } from "./schema";
import { readSettings, type Settings } from "./settings";
import { exactAmount, Sheet } from "./sheet";
import { type OverrideTargets, readStatusOverrides, type StatusOverrides } from "./statusOverrides";
import { readStatusTable, type ResolvedStatus, type StatusTable } from "./statuses";
import { WeekArrays } from "./weekArrays";
import { leadWeeks, weekOf } from "./weeks";

/**
 * Everything the engine needs about one SKU at one warehouse, resolved from the sheets;
 * its demand and safety stock are `ItemDemand`'s fields (demand.ts), set by `resolveDemand`.
 */
export interface ItemLocation extends ItemDemand {
  sku: string;
  warehouse: string;
  /** `itemKey(sku, warehouse)`: the key of `itemsByKey`. */
  key: string;
  description: string;
  onHand: number;
  status: ResolvedStatus;
  /** The preferred supplier's code; undefined when the SKU has none. */
  supplier?: string;
  leadDays: number;
  /** Lead time in whole weeks. */
  leadWeeks: number;
  moq: number;
  multiple: number;
  readonly unitPrice: Decimal;
  currency: string;
  /**
   * Indexed by week 1..H (index 0 unused). Read-only: items without open orders share
   * one array of zeros, since most items have none.
   */
  scheduled: Float64Array;
  /** Every open quantity still to come on open orders, whatever its date (INBOUND without a week). */
  openInbound: number;
  /** The planner's quantity per order week when it counts; NaN when none. */
  overrides: Float64Array;
  /** Status type A or M, and a supplier to order from. */
  recommendable: boolean;
}

/** An item-location as the model makes it: its unit price becomes a Decimal on first use (planning needs none). */
class Item implements ItemLocation {
  readonly sku: string;
  readonly warehouse: string;
  readonly key: string;
  readonly description: string;
  readonly onHand: number;
  supplier?: string;
  leadDays = 0;
  leadWeeks = 0;
  moq = 0;
  multiple = 1;
  currency = "";
  leadTimeSdDays = 0;
  safetyStock = 0;
  safetyStockRule: SafetyStockRule = "setting-days-of-cover";
  demand!: Float64Array;
  demandSource: DemandSource = "none";
  forecastOverrides!: Float64Array;
  forecastMethod = "auto";
  forecast?: ItemForecast;
  forecastPending = false;
  serviceLevel?: number;
  scheduled!: Float64Array;
  openInbound = 0;
  overrides!: Float64Array;
  recommendable = false;

  constructor(
    readonly row: SkuRow,
    readonly inputs: DemandInputs,
    readonly status: ResolvedStatus,
    private price: number | Decimal,
  ) {
    this.sku = row.sku;
    this.warehouse = row.warehouse;
    this.key = row.key;
    this.description = row.description;
    this.onHand = row.onHand;
  }

  get unitPrice(): Decimal {
    if (typeof this.price === "number") this.price = exactAmount(this.price);
    return this.price;
  }
}

export interface PlanningModel {
  settings: Settings;
  items: ItemLocation[];
  itemsByKey: Map<string, ItemLocation>;
  skuRows: SkuRow[];
  suppliers: Map<string, Supplier>;
  supplierItems: Map<string, SupplierItem[]>;
  warehouses: Map<string, Warehouse>;
  statuses: StatusTable;
  statusOverrides: StatusOverrides;
  orderBook: OrderBook;
  /** In workbook order (problemBook.ts). */
  problems: Problem[];
  /** Item-locations whose forecast is still to be computed: none unless the read was given forecasts it may lack (`ReadOptions.forecasts`). */
  pendingForecasts: ItemLocation[];
}

export type ReadResult = { ok: true; model: PlanningModel; sources: ModelSources } | { ok: false; error: string; problems: Problem[] };

export interface ReadOptions {
  /** The user's today, for the default Plan Start. */
  today: Day;
  /**
   * Where statistical forecasts come from: by default a store of this read that
   * computes them. A long-lived store reuses them from read to read; its `kept()`
   * source lets the read end quickly and list what is missing (`pendingForecasts`).
   */
  forecasts?: ForecastSource;
}

/**
 * The steps of a read, in order. Problems of one cell are listed in this order, and an
 * edit that runs a step again over some rows replaces that step's problems there.
 */
export const PHASE = {
  settings: 0,
  skuSheet: 1,
  statuses: 2,
  skuRows: 3,
  suppliers: 4,
  supplierItems: 5,
  warehouses: 6,
  statusOverrides: 7,
  forecast: 8,
  forecastOverrides: 9,
  salesHistory: 10,
  orderOverrides: 11,
  orders: 12,
  orderChecks: 13,
  preferred: 14,
  items: 15,
  receipts: 16,
} as const;

/** Reads every input sheet into a planning model; only a workbook without a usable SKUs sheet fails. */
export function readModel(input: WorkbookInput, options: ReadOptions): ReadResult {
  const book = new ProblemBook(input);
  const problems = book.inbox;
  const settings = readSettings(input, options.today, problems);
  book.take(PHASE.settings);
  const skuSheet = Sheet.open(input, SHEETS.skus, problems);
  book.take(PHASE.skuSheet);
  if (skuSheet === undefined) {
    return { ok: false, error: "The workbook has no SKUs sheet: add a sheet named SKUs with a SKU column (see the workbook layout in README.md).", problems: book.list() };
  }
  if (skuSheet === null) {
    return { ok: false, error: "The SKUs sheet has no SKU column in its header row, so nothing can be planned: add a column headed SKU to its first row.", problems: book.list() };
  }
  const statuses = readStatusTable(input, problems);
  book.take(PHASE.statuses);
  const index = readSkus(skuSheet, settings);
  book.take(PHASE.skuRows);
  const skuRows = index.rows;
  const suppliers = readSuppliers(input, problems);
  // A Suppliers sheet without its Supplier column has been reported as such already.
  if (suppliers === undefined) {
    problems.push({
      sheet: "Suppliers",
      cell: "A1",
      address: "Suppliers!A1",
      message: "The workbook has no Suppliers sheet: suppliers' lead times and currencies are unknown, and no order can be placed.",
    });
  }
  book.take(PHASE.suppliers);
  const supplierMap = suppliers ?? new Map<string, Supplier>();
  const supplierItems = groupBySku(readSupplierItems(input, index.skus, supplierMap, problems));
  book.take(PHASE.supplierItems);
  const warehouses = readWarehouses(input, problems);
  book.take(PHASE.warehouses);
  const targets = { skus: index.skus, places: warehouses && placesOf(warehouses, skuRows) };
  const statusOverrides = readStatusOverrides(input, statuses, targets, problems);
  book.take(PHASE.statusOverrides);
  const forecast = readForecast(input, settings, index, problems);
  book.take(PHASE.forecast);
  const forecastOverrides = readForecastOverrides(input, settings, index, problems);
  book.take(PHASE.forecastOverrides);
  const histories = readSalesHistory(input, settings, index, problems);
  book.take(PHASE.salesHistory);
  const overrides = readOrderOverrides(input, settings, index, problems);
  book.take(PHASE.orderOverrides);
  const orderBook = readOrderBook(input, settings, problems, undefined, () => book.take(PHASE.orders));
  book.take(PHASE.orderChecks);
  reportSecondPreferred(supplierItems);
  book.take(PHASE.preferred);

  const demand = new DemandContext(settings, options.forecasts ?? new ForecastStore(), skuRows.length);
  const demandInputs = { forecast, forecastOverrides, histories };
  const sources = new ModelSources(
    input,
    book,
    settings,
    index,
    statuses,
    suppliers,
    warehouses,
    targets,
    statusOverrides,
    supplierItems,
    demandInputs,
    overrides,
    orderBook,
    demand,
  );
  const pendingForecasts: ItemLocation[] = [];
  let overridden = 0;
  overrides.forEach(() => overridden++);
  const overrideArrays = new WeekArrays(settings.horizonWeeks + 1, overridden);
  const items: ItemLocation[] = [];
  const itemsByKey = new Map<string, ItemLocation>();
  for (let i = 0; i < skuRows.length; i++) {
    const loc = sources.item(i, overrideArrays);
    items.push(loc);
    itemsByKey.set(loc.key, loc);
    if (loc.forecastPending) pendingForecasts.push(loc);
    book.take(PHASE.items, i);
  }
  addReceipts(sources, items);
  return {
    ok: true,
    model: {
      settings,
      items,
      itemsByKey,
      skuRows,
      suppliers: supplierMap,
      supplierItems,
      warehouses: warehouses ?? new Map(),
      statuses,
      statusOverrides,
      orderBook,
      problems: book.list(),
      pendingForecasts,
    },
    sources,
  };
}

/** What the Forecast, Forecast Overrides and Sales History sheets say, by item position. */
export interface DemandSheets {
  forecast: (Float64Array | undefined)[];
  forecastOverrides: DemandInputs["forecastOverrides"][];
  histories: DemandInputs["history"][];
}

/**
 * What the item-locations are made from, as read: the SKUs rows and, by item position,
 * what the other sheets say about each. Kept with the model, so that an edit can make
 * the item-locations it touches again, the same way a read makes them (cellEdits.ts).
 */
export class ModelSources {
  readonly supplierMap: Map<string, Supplier>;
  readonly none: NoWeeks;

  constructor(
    readonly input: WorkbookInput,
    readonly book: ProblemBook,
    readonly settings: Settings,
    readonly index: ItemIndex,
    readonly statuses: StatusTable,
    /** `undefined` when there is no Suppliers sheet; `null` when it has no Supplier column. */
    readonly suppliers: Map<string, Supplier> | null | undefined,
    readonly warehouses: Map<string, Warehouse> | undefined,
    readonly statusTargets: OverrideTargets,
    readonly statusOverrides: StatusOverrides,
    readonly supplierItems: Map<string, SupplierItem[]>,
    readonly demandInputs: DemandSheets,
    readonly overrides: (Map<number, OrderOverride> | undefined)[],
    readonly orderBook: OrderBook,
    /**
     * How demand is worked out; once a read's forecasts are complete, one that computes
     * what an edit needs (`planWorkbookInSlices`).
     */
    public demand: DemandContext,
  ) {
    const H = settings.horizonWeeks;
    this.supplierMap = suppliers ?? new Map();
    this.none = { receipts: new Float64Array(H + 1), overrides: new Float64Array(H + 1).fill(NaN) };
  }

  /**
   * Item-location `i` (its position in the SKUs rows), reporting at its cells what does
   * not fit. Its inbound is left to `addReceipts`, or taken from `receiptsOf` (the same
   * item-location as made before, when no order changed).
   */
  item(i: number, arrays: WeekArrays, receiptsOf?: ItemLocation): ItemLocation {
    const { statuses, suppliers, warehouses, settings } = this;
    const row = this.index.rows[i];
    if (row.statusCode !== undefined && !statuses.get(row.statusCode)) row.report("status", statuses.unknownMessage(row.statusCode));
    if (row.supplier !== undefined && suppliers && !suppliers.has(row.supplier)) {
      row.report("supplier", `Supplier "${row.supplier}" of SKU "${row.sku}" is not on the Suppliers sheet.`);
    }
    if (warehouses && !warehouses.has(row.warehouse)) {
      row.report("warehouse", `Warehouse "${row.warehouse}" is not on the Warehouses sheet, so its district and region are unknown.`);
    }
    const status = resolveStatus(row, warehouses, this.statusOverrides, statuses);
    const linked = this.supplierItems.get(row.sku) ?? NO_ITEMS;
    const supplier = preferredSupplier(row, linked);
    if (supplier === undefined) {
      row.report(
        "supplier",
        `SKU "${row.sku}" at "${row.warehouse}" has no supplier (none on SKUs or Supplier Items): it is planned without recommendations and cannot be ordered.`,
      );
    }
    const item = supplier === undefined ? undefined : itemOf(linked, supplier);
    const vendor = supplier === undefined ? undefined : this.supplierMap.get(supplier);
    const leadDays = item?.leadDays ?? row.leadDays ?? vendor?.leadDays ?? 0;
    const leadTimeSdDays = item?.leadTimeSdDays ?? row.leadTimeSdDays ?? vendor?.leadTimeSdDays ?? 0;
    let price = item?.price ?? row.cost;
    if (price === undefined) {
      if (supplier !== undefined) row.report("unitCost", `SKU "${row.sku}" has no unit price from supplier "${supplier}" nor a Unit Cost; its order value counts as 0.`);
      price = ZERO;
    }
    const { forecast, forecastOverrides, histories } = this.demandInputs;
    const loc = new Item(row, { forecastRow: forecast[i], forecastOverrides: forecastOverrides[i], history: histories[i] }, status, price);
    loc.supplier = supplier;
    loc.leadDays = leadDays;
    loc.leadWeeks = leadWeeks(leadDays);
    loc.leadTimeSdDays = leadTimeSdDays;
    loc.moq = item?.moq ?? row.moq ?? 0;
    loc.multiple = item?.multiple ?? row.multiple ?? 1;
    loc.currency = vendor?.currency ?? settings.currency;
    resolveDemand(loc, this.demand);
    loc.scheduled = receiptsOf?.scheduled ?? this.none.receipts;
    loc.openInbound = receiptsOf?.openInbound ?? 0;
    loc.overrides = plannerQuantities(this.overrides[i], status, this.none.overrides, arrays);
    loc.recommendable = status.recommended && supplier !== undefined;
    return loc;
  }
}

/**
 * A warehouse override of a SKUs row's own warehouse stands even when the Warehouses sheet
 * misses that warehouse (reported on the SKUs row): dropping a planner's T there would let it be bought.
 */
function placesOf(warehouses: Map<string, Warehouse>, skuRows: SkuRow[]) {
  const places = { warehouse: new Set(warehouses.keys()), district: new Set<string>(), region: new Set<string>() };
  for (let i = 0; i < skuRows.length; i++) places.warehouse.add(skuRows[i].warehouse);
  warehouses.forEach((w) => {
    if (w.district) places.district.add(w.district);
    if (w.region) places.region.add(w.region);
  });
  return places;
}

/*
 * Loops below rather than find, filter or for-of: they run once per item-location, and
 * a cold read (the first of a session, before the engine has optimised them) pays for
 * every closure and iterator it makes.
 */

const NO_ITEMS: readonly SupplierItem[] = [];
const ZERO = new Decimal(0);

export function groupBySku(items: SupplierItem[]): Map<string, SupplierItem[]> {
  const bySku = new Map<string, SupplierItem[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const list = bySku.get(item.sku);
    if (list) list.push(item);
    else bySku.set(item.sku, [item]);
  }
  return bySku;
}

/** A SKU linked to two preferred suppliers keeps the first. */
export function reportSecondPreferred(bySku: Map<string, SupplierItem[]>): void {
  bySku.forEach((items, sku) => {
    let first: SupplierItem | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item.preferred) continue;
      if (first) item.report(`SKU "${sku}" already has a preferred supplier ("${first.supplier}", ${first.address}); this one is not preferred.`);
      else first = item;
    }
  });
}

function itemOf(linked: readonly SupplierItem[], supplier: string): SupplierItem | undefined {
  for (let i = 0; i < linked.length; i++) if (linked[i].supplier === supplier) return linked[i];
  return undefined;
}

/** The first Preferred supplier item, else the SKU row's Supplier, else the first supplier item. */
export function preferredSupplier(row: SkuRow, linked: readonly SupplierItem[]): string | undefined {
  for (let i = 0; i < linked.length; i++) if (linked[i].preferred) return linked[i].supplier;
  return row.supplier ?? linked[0]?.supplier;
}

export function resolveStatus(row: SkuRow, warehouses: Map<string, Warehouse> | undefined, overrides: StatusOverrides, statuses: StatusTable): ResolvedStatus {
  const place = warehouses?.get(row.warehouse);
  const found = overrides.find(row.sku, row.warehouse, place?.district ?? "", place?.region ?? "");
  if (found) return statuses.resolve(found.code, found.source);
  if (row.statusCode !== undefined) return statuses.resolve(row.statusCode, "product");
  return statuses.resolve("A", "default");
}

/** The shared read-only week arrays of items without open orders or overrides. */
interface NoWeeks {
  receipts: Float64Array;
  overrides: Float64Array;
}

function plannerQuantities(rows: Map<number, OrderOverride> | undefined, status: ResolvedStatus, none: Float64Array, arrays: WeekArrays): Float64Array {
  if (!rows) return none;
  if (!status.orderable) {
    rows.forEach((override) =>
      override.report(`This override is ignored: the item's purchase status is ${status.code} (${status.type ?? "unknown"}, from ${status.source}), which cannot be ordered.`),
    );
    return none;
  }
  const q = arrays.take().fill(NaN);
  rows.forEach((override) => (q[override.week] = override.quantity));
  return q;
}

/**
 * Adds what open orders' lines bring to the item-locations they are for: `scheduled` in
 * the week due (week 1 when undated or late; nothing past the horizon) and `openInbound`,
 * whatever the date; reports each order's problems as its own. An edit passes the
 * orders to visit (positions in the order book, in order) and the item positions they
 * add to (made again, from none); the others keep theirs.
 */
export function addReceipts(sources: ModelSources, items: ItemLocation[], edit?: { orders: readonly number[]; items: ReadonlySet<number> }): void {
  const { index, settings, book } = sources;
  const { orders } = sources.orderBook;
  const only = edit?.items;
  const none = sources.none.receipts;
  const visits = edit?.orders.length ?? orders.length;
  const arrays = new WeekArrays(settings.horizonWeeks + 1, only?.size ?? orders.length);
  for (let v = 0; v < visits; v++) {
    const o = edit ? edit.orders[v] : v;
    const po = orders[o];
    if (!isOpen(po)) continue;
    let undated = false;
    for (let j = 0; j < po.lines.length; j++) {
      const line = po.lines[j];
      const at = index.find(line.sku, po.warehouse);
      if (at < 0) {
        line.report(`SKU "${line.sku}" is not on the SKUs sheet at warehouse "${po.warehouse}", so this open line is not counted as inbound.`);
        continue;
      }
      const quantity = Math.max(0, line.quantity - line.receivedQty);
      const day = line.expectedDelivery ?? po.expectedDelivery;
      if (day === undefined) undated = true;
      if (only && !only.has(at)) continue;
      const item = items[at];
      item.openInbound += quantity;
      const week = day === undefined ? 1 : Math.max(1, weekOf(day, settings.planStart));
      if (week > settings.horizonWeeks) continue;
      if (item.scheduled === none) item.scheduled = arrays.take();
      item.scheduled[week] += quantity;
    }
    if (undated) po.reportDelivery(`Open order ${po.number} has no Expected Delivery; its lines count in week 1.`);
    book.take(PHASE.receipts, o);
  }
}
