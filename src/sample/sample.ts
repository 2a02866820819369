/**
 * A believable synthetic Planster workbook, for demos, tests and benchmarks:
 * every input sheet of docs/workbook.md as a SheetSpec that any adapter can write.
 * Pure and seeded: the same options always give the same sheets, and nothing
 * depends on the clock (the plan starts on a fixed Monday).
 */
import { type Day, dayFromIso, serialFromDay } from "../core/dates";
import type { Grid, WorkbookInput } from "../core/input";
import { lineTotal, Money } from "../core/money";
import { type SheetSchema, SHEETS } from "../core/schema";
import { SETTINGS } from "../core/settings";
import { FORMAT, type OutValue, type SheetSpec } from "../core/sheetSpec";
import { demandPath, type Family } from "./demand";
import { Dice } from "./dice";

export interface SampleOptions {
  /** SKUs, each held in both warehouses. */
  skus: number;
  /** Horizon Weeks, and the Forecast's week columns. */
  weeks: number;
  seed: number;
  /**
   * Weeks of Sales History before the plan start (default 156, three years); 0 for a
   * workbook without it, in which every item's demand is a Forecast row or a Weekly Forecast.
   */
  history?: number;
}

/** The default sample is `samples/demo.xlsx`. */
export const SAMPLE_DEFAULTS: Required<SampleOptions> = { skus: 40, weeks: 26, seed: 42, history: 156 };
export const SAMPLE_LIMITS = { skus: { min: 1, max: 100_000 }, weeks: { min: 1, max: 260 }, seed: { min: 0, max: 0xffff_ffff }, history: { min: 0, max: 156 } };

/** The most rows a sheet holds under its header: a longer Sales History is written in the wide layout. */
const SHEET_ROWS = 1_048_575;

/** Week 1 of every sample: a Monday, so that the file is the same whenever it is made. */
export const SAMPLE_PLAN_START: Day = dayFromIso("2026-11-23")!;

// ---------------------------------------------------------------- the cast

interface SupplierInfo {
  code: string;
  name: string;
  email: string;
  leadDays: number;
  /** How much its lead time varies (Lead Time SD Days); undefined for a supplier that keeps its dates. */
  leadSdDays?: number;
  currency: string;
  terms: string;
  address: string;
}

const SUPPLIERS: SupplierInfo[] = [
  {
    code: "NORTHWIND",
    name: "Northwind Housewares Inc.",
    email: "orders@northwind-housewares.example",
    leadDays: 14,
    currency: "USD",
    terms: "Net 30",
    address: "2200 Commerce Blvd, Columbus, OH 43215, USA",
  },
  {
    code: "ALPINE",
    name: "Alpine Küchenwaren GmbH",
    email: "export@alpine-kuechen.example",
    leadDays: 42,
    leadSdDays: 7,
    currency: "EUR",
    terms: "Net 45",
    address: "Industriestraße 14, 80939 München, Germany",
  },
  {
    code: "PACIFIC",
    name: "Pacific Home Imports Ltd.",
    email: "po@pacific-home.example",
    leadDays: 35,
    leadSdDays: 5,
    currency: "USD",
    terms: "Net 60",
    address: "88 Harbor Way, Oakland, CA 94607, USA",
  },
  {
    code: "LAKESIDE",
    name: "Lakeside Textile Mills",
    email: "sales@lakeside-textiles.example",
    leadDays: 21,
    currency: "USD",
    terms: "2% 10, Net 30",
    address: "17 Mill Street, Greenville, SC 29601, USA",
  },
  {
    code: "SUMMIT",
    name: "Summit Outdoor Supply Co.",
    email: "replenishment@summit-outdoor.example",
    leadDays: 10,
    currency: "USD",
    terms: "Net 30",
    address: "940 Ridge Road, Boulder, CO 80301, USA",
  },
];

/** US dollars per euro, to price the euro supplier's items believably. */
const EUR_PER_USD = 0.92;

interface WarehouseInfo {
  code: string;
  name: string;
  district: string;
  region: string;
  /** Share of the busiest warehouse's demand. */
  scale: number;
}

const WAREHOUSES: WarehouseInfo[] = [
  { code: "EAST", name: "Newark Distribution Center", district: "NJ-North", region: "Northeast", scale: 1 },
  { code: "WEST", name: "Reno Distribution Center", district: "NV-Washoe", region: "West", scale: 0.65 },
];

type Season = "holiday" | "summer" | "steady";

interface Product {
  name: string;
  variants: string[];
  /** Unit cost range in US dollars. */
  cost: [number, number];
  season: Season;
  packs: number[];
  supplier: string;
  /** Another supplier that can deliver it. */
  alternate?: string;
  /** Median weekly units at the busiest warehouse. */
  rate: number;
}

const PRODUCTS: Product[] = [
  {
    name: "Stainless Steel Saucepan",
    variants: ["1.5 qt", "2 qt", "3 qt"],
    cost: [14, 32],
    season: "steady",
    packs: [6, 12],
    supplier: "NORTHWIND",
    alternate: "ALPINE",
    rate: 18,
  },
  { name: "Cast Iron Skillet", variants: ["8 in", "10 in", "12 in"], cost: [11, 28], season: "holiday", packs: [4, 6], supplier: "NORTHWIND", rate: 22 },
  {
    name: "Enamel Dutch Oven",
    variants: ["5.5 qt, Cherry", "5.5 qt, Slate", "7 qt, Cream"],
    cost: [38, 72],
    season: "holiday",
    packs: [2, 4],
    supplier: "ALPINE",
    alternate: "NORTHWIND",
    rate: 9,
  },
  { name: "Forged Chef's Knife", variants: ["6 in", "8 in", "10 in"], cost: [19, 55], season: "holiday", packs: [6, 12], supplier: "ALPINE", rate: 12 },
  { name: "Glass Food Storage Set", variants: ["10 pc", "18 pc", "24 pc"], cost: [12, 26], season: "steady", packs: [4, 8], supplier: "NORTHWIND", alternate: "PACIFIC", rate: 25 },
  {
    name: "Ceramic Coffee Mug",
    variants: ["12 oz, White", "12 oz, Sage", "16 oz, Charcoal"],
    cost: [2.1, 4.8],
    season: "holiday",
    packs: [12, 24, 36],
    supplier: "PACIFIC",
    rate: 60,
  },
  { name: "Bamboo Cutting Board", variants: ["Medium", "Large", "Set of 3"], cost: [6, 18], season: "steady", packs: [10, 20], supplier: "PACIFIC", rate: 30 },
  {
    name: "Cotton Bath Towel",
    variants: ["Slate", "White", "Sea Glass"],
    cost: [4.2, 9.5],
    season: "steady",
    packs: [12, 24],
    supplier: "LAKESIDE",
    alternate: "PACIFIC",
    rate: 70,
  },
  { name: "Linen Duvet Cover", variants: ["Queen, Natural", "King, Natural", "Queen, Indigo"], cost: [34, 68], season: "steady", packs: [4, 6], supplier: "LAKESIDE", rate: 8 },
  { name: "Wool Throw Blanket", variants: ["Oatmeal", "Forest Plaid", "Charcoal"], cost: [22, 41], season: "holiday", packs: [6], supplier: "LAKESIDE", rate: 14 },
  { name: "Down Alternative Pillow", variants: ["Standard", "Queen", "King"], cost: [7, 15], season: "steady", packs: [4, 8], supplier: "LAKESIDE", rate: 26 },
  { name: "Scented Soy Candle", variants: ["Balsam Fir", "Cedar & Smoke", "Vanilla Bean"], cost: [3.5, 7.9], season: "holiday", packs: [12, 24], supplier: "PACIFIC", rate: 45 },
  {
    name: "LED String Lights",
    variants: ["20 ft, Warm White", "50 ft, Warm White", "33 ft, Multicolor"],
    cost: [5.5, 14],
    season: "holiday",
    packs: [12, 24],
    supplier: "PACIFIC",
    rate: 40,
  },
  { name: "Glass Ornament Set", variants: ["Gold, 12 pc", "Red, 24 pc", "Silver, 36 pc"], cost: [6, 16], season: "holiday", packs: [12], supplier: "PACIFIC", rate: 35 },
  { name: "Insulated Water Bottle", variants: ["18 oz", "32 oz", "40 oz"], cost: [6.5, 13], season: "summer", packs: [12, 24], supplier: "SUMMIT", alternate: "PACIFIC", rate: 38 },
  { name: "Folding Camp Chair", variants: ["Standard", "Oversized", "Low Beach"], cost: [11, 29], season: "summer", packs: [4, 6], supplier: "SUMMIT", rate: 16 },
  { name: "Expandable Garden Hose", variants: ["50 ft", "75 ft", "100 ft"], cost: [9, 21], season: "summer", packs: [6, 12], supplier: "SUMMIT", rate: 20 },
  { name: "Market Patio Umbrella", variants: ["7.5 ft, Navy", "9 ft, Sand", "9 ft, Terracotta"], cost: [28, 59], season: "summer", packs: [2], supplier: "SUMMIT", rate: 6 },
  { name: "Cordless Drill Kit", variants: ["12 V", "18 V", "20 V Brushless"], cost: [32, 84], season: "holiday", packs: [2, 4], supplier: "NORTHWIND", rate: 10 },
  { name: "AA Alkaline Batteries", variants: ["8 pk", "24 pk", "48 pk"], cost: [3.2, 14], season: "steady", packs: [24, 48], supplier: "NORTHWIND", alternate: "SUMMIT", rate: 90 },
  { name: "Microfiber Cleaning Cloths", variants: ["12 pk", "24 pk", "50 pk"], cost: [4, 11], season: "steady", packs: [12, 24], supplier: "LAKESIDE", rate: 48 },
  {
    name: "Plant-Based Dish Soap",
    variants: ["Lemon, 22 oz", "Unscented, 22 oz", "Refill, 66 oz"],
    cost: [1.8, 5.2],
    season: "steady",
    packs: [12, 24],
    supplier: "NORTHWIND",
    rate: 85,
  },
];

/** Centre of each season's demand bump (week of the year) and how wide and high it is. */
const SEASONS: Record<Season, { peak: number; width: number; lift: number }> = {
  holiday: { peak: 50, width: 3.5, lift: 1.6 },
  summer: { peak: 27, width: 8, lift: 1.1 },
  steady: { peak: 1, width: 1, lift: 0 },
};

const STATUS_CODES: { code: string; type: string; description: string }[] = [
  { code: "A", type: "A", description: "Active: replenished by the planner" },
  { code: "M", type: "M", description: "Markdown: replenished, sold at a markdown price" },
  { code: "D", type: "D", description: "Dropped: buy by hand only" },
  { code: "O", type: "O", description: "One-Time-Buy: manual POs only, not replenished" },
  { code: "T", type: "T", description: "Discontinued by the vendor: cannot be ordered" },
  { code: "P", type: "P", description: "Purge: set by the obsolescence run" },
  { code: "NEW", type: "A", description: "New this season: replenished, watch the forecast" },
  { code: "CLR", type: "D", description: "Clearance: sell through, buy by hand only" },
  { code: "VDISC", type: "T", description: "Vendor discontinued: find a replacement item" },
];

/** Product-level statuses given, in this order, to a shuffled fifth or so of the SKUs. */
const SPECIAL_STATUSES = ["M", "D", "O", "T", "P", "NEW", "CLR", "VDISC", "M", "NEW", "D"];

/** Status Overrides per level: the code used, in turn. */
const OVERRIDE_CODES = { warehouse: ["T", "D", "VDISC"], district: ["M", "CLR"], region: ["D", "O"] };

/** Whole units with thousands separators (every sample quantity is whole). */
const UNITS = "#,##0";

const OPEN_STATUSES = ["Draft", "Submitted", "Confirmed", "Shipped", "Partially Received"];
/** The first orders show every kind a buyer meets; the rest are open ones. */
const FIRST_PO_STATUSES = ["Confirmed", "Shipped", "Partially Received", "Draft", "Received", "Cancelled", "Submitted", "Closed"];
const PO_NOTES = ["Holiday replenishment", "Expedite if possible", "Split shipment agreed with supplier", "Ship complete", "", "", ""];

// ---------------------------------------------------------------- the data

interface Sku {
  code: string;
  description: string;
  product: Product;
  cost: number;
  pack: number;
  moq: number;
  status: string;
  /** Supplier codes linked through Supplier Items, with the price in the supplier's currency. */
  links: { supplier: string; price: number; preferred: boolean; leadDays?: number; moq?: number; multiple?: number; leadSdDays?: number }[];
  /** Weekly units per warehouse at the plan's start, before the season. */
  rates: number[];
}

interface ItemLoc {
  sku: Sku;
  warehouse: WarehouseInfo;
  /** `Purchase Status` after Status Overrides. */
  status: string;
  /** Units per plan week (index 0 is week 1). */
  demand: number[];
  /** Where its plan takes demand from: Sales History, a Forecast row, or the SKUs sheet's flat Weekly Forecast (its Forecast Method `none`). */
  plan: "history" | "sheet" | "flat";
  family: Family;
  /** Units sold per history week, oldest first (none without Sales History). */
  sales: number[];
  stockouts: boolean[];
}

/** The input sheets of docs/workbook.md, in the order a planner reads them. */
export function sampleSheets(options: SampleOptions): SheetSpec[] {
  const dice = new Dice(options.seed);
  const planStart = SAMPLE_PLAN_START;
  const history = options.history ?? SAMPLE_DEFAULTS.history;
  const skus = makeSkus(dice, options.skus);
  const overrides = makeStatusOverrides(dice, skus);
  const items = makeItems(dice, skus, overrides, planStart, options.weeks, history);
  const orders = makeOrders(dice, skus, overrides, planStart, options.weeks);
  return [
    settingsSheet(planStart, options.weeks),
    suppliersSheet(),
    warehousesSheet(),
    skusSheet(dice, items),
    supplierItemsSheet(skus),
    statusesSheet(),
    overrides.sheet,
    forecastSheet(items, planStart, options.weeks),
    ...(history > 0 ? [salesHistorySheet(items, planStart, history)] : []),
    forecastOverridesSheet(dice, items, planStart, options.weeks),
    ...orders,
    orderOverridesSheet(dice, items, planStart, options.weeks),
  ];
}

/** The sheets as the core reads them (what an adapter would hand over), for benchmarks and tests. */
export function sampleInput(sheets: SheetSpec[]): WorkbookInput {
  const grids: Grid[] = sheets.map((spec) => ({ name: spec.name, sheet: spec.name, values: spec.rows }));
  return { grids };
}

function makeSkus(dice: Dice, count: number): Sku[] {
  const specials = Math.ceil(count * 0.22);
  const order = dice.shuffled(Array.from({ length: count }, (_, i) => i));
  const statusOf = new Map<number, string>();
  order.slice(0, specials).forEach((index, i) => statusOf.set(index, SPECIAL_STATUSES[i % SPECIAL_STATUSES.length]));
  const skus: Sku[] = [];
  for (let i = 0; i < count; i++) {
    const product = PRODUCTS[i % PRODUCTS.length];
    const variant = product.variants[Math.floor(i / PRODUCTS.length) % product.variants.length];
    const cost = dice.price(product.cost[0], product.cost[1]);
    const pack = dice.pick(product.packs);
    const moq = dice.chance(0.5) ? 0 : pack * dice.int(2, 6);
    const base = product.rate * Math.exp(dice.float(-0.8, 0.8));
    const sku: Sku = {
      code: `SKU-${1001 + i}`,
      description: `${product.name}, ${variant}`,
      product,
      cost,
      pack,
      moq,
      // Most SKUs leave the status blank (Active by default); some say A outright.
      status: statusOf.get(i) ?? (dice.chance(0.2) ? "A" : ""),
      links: [],
      rates: WAREHOUSES.map((w) => base * w.scale * dice.float(0.7, 1.3)),
    };
    linkSuppliers(dice, sku);
    skus.push(sku);
  }
  return skus;
}

function priceIn(currency: string, usd: number): number {
  return currency === "EUR" ? Math.round(usd * EUR_PER_USD * 100) / 100 : usd;
}

/** Half the SKUs have Supplier Items rows; some have a second supplier, and either may be preferred. */
function linkSuppliers(dice: Dice, sku: Sku): void {
  const { product } = sku;
  const main = supplierInfo(product.supplier);
  const second = product.alternate !== undefined && dice.chance(0.6) ? supplierInfo(product.alternate) : undefined;
  if (!second) {
    // A supplier pricing in another currency always quotes its own price.
    if (main.currency !== "USD" || dice.chance(0.5)) sku.links.push({ supplier: main.code, price: priceIn(main.currency, sku.cost), preferred: false });
    return;
  }
  const secondPreferred = dice.chance(0.35);
  sku.links.push({ supplier: main.code, price: priceIn(main.currency, sku.cost), preferred: !secondPreferred });
  sku.links.push({
    supplier: second.code,
    price: priceIn(second.currency, Math.round(sku.cost * dice.float(0.88, 1.12) * 100) / 100),
    preferred: secondPreferred,
    leadDays: dice.chance(0.5) ? dice.int(2, 6) * 7 : undefined,
    moq: dice.chance(0.4) ? sku.pack * dice.int(4, 10) : undefined,
    multiple: dice.chance(0.3) ? sku.pack * 2 : undefined,
    leadSdDays: dice.chance(0.3) ? dice.int(2, 10) : undefined,
  });
}

function supplierInfo(code: string): SupplierInfo {
  return SUPPLIERS.find((s) => s.code === code)!;
}

/** Status types A and M: replenished by the planner. */
function replenished(code: string): boolean {
  const type = STATUS_CODES.find((s) => s.code === code)?.type;
  return type === "A" || type === "M";
}

interface StatusOverridesSheet {
  sheet: SheetSpec;
  statusAt(sku: Sku, warehouse: WarehouseInfo): string | undefined;
}

/**
 * One override per level for every 40 SKUs or so, on SKUs with a blank or A
 * status, so that each level's effect shows against a plain active item.
 */
function makeStatusOverrides(dice: Dice, skus: Sku[]): StatusOverridesSheet {
  const plain = dice.shuffled(skus.filter((s) => s.status === "" || s.status === "A"));
  const perLevel = Math.max(1, Math.round(skus.length / 40));
  const levels = ["warehouse", "district", "region"] as const;
  const rows: OutValue[][] = [];
  const byItem = new Map<string, string>();
  let next = 0;
  for (let n = 0; n < perLevel; n++) {
    for (const level of levels) {
      const sku = plain[next++];
      if (!sku) break;
      const warehouse = dice.pick(WAREHOUSES);
      const codes = OVERRIDE_CODES[level];
      const code = codes[n % codes.length];
      const place = warehouse[level === "warehouse" ? "code" : level];
      rows.push([sku.code, level === "warehouse" ? place : null, level === "district" ? place : null, level === "region" ? place : null, code]);
      // Each sample warehouse has its own district and region, so an override reaches exactly one warehouse.
      byItem.set(`${sku.code}@${warehouse.code}`, code);
    }
  }
  return {
    sheet: tableSheet(SHEETS.statusOverrides, ["sku", "warehouse", "district", "region", "status"], rows),
    statusAt: (sku, warehouse) => byItem.get(`${sku.code}@${warehouse.code}`),
  };
}

// ---------------------------------------------------------------- sheets

function settingsSheet(planStart: Day, weeks: number): SheetSpec {
  const rows: OutValue[][] = [
    [SHEETS.settings.columns.setting.header, SHEETS.settings.columns.value.header, "About"],
    [setting("planStart"), serialFromDay(planStart), "First day (a Monday) of week 1"],
    [setting("horizonWeeks"), weeks, "Weeks planned, 1 to 260"],
    [setting("currency"), "USD", "Used where a supplier has no currency"],
    [setting("defaultWarehouse"), WAREHOUSES[0].code, "Warehouse of a row that names none"],
    [setting("safetyDays"), 7, "Days of cover kept as safety stock when a SKU gives none"],
    [setting("reviewWeeks"), 1, "Orders are recommended every N weeks"],
    [setting("poPrefix"), "PO-", "New orders are numbered PO-0001, PO-0002, …"],
    [setting("integrationUrl"), null, "Where new and changed POs are sent; blank = none"],
    [setting("forecastMethod"), "auto", "How Sales History is forecast: auto, none or a method"],
    [setting("serviceLevel"), "95%", "Safety stock for items forecast from Sales History"],
  ];
  return {
    name: SHEETS.settings.name,
    rows,
    widths: [20, 14, 56],
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: 2, style: { bold: true, fill: "D9E1F2" } },
      { fromRow: 1, toRow: 1, fromCol: 1, toCol: 1, style: { numberFormat: FORMAT.date, align: "right" } },
      { fromRow: 1, toRow: rows.length - 1, fromCol: 2, toCol: 2, style: { italic: true, color: "595959" } },
    ],
    freezeRows: 1,
    print: { fitToWidth: true },
  };
}

function suppliersSheet(): SheetSpec {
  const rows = SUPPLIERS.map((s) => [s.code, s.name, s.email, s.leadDays, s.currency, s.terms, s.address, s.leadSdDays ?? null]);
  return tableSheet(SHEETS.suppliers, ["code", "name", "email", "leadDays", "currency", "terms", "address", "leadTimeSdDays"], rows, { leadDays: FORMAT.integer });
}

function warehousesSheet(): SheetSpec {
  const rows = WAREHOUSES.map((w) => [w.code, w.name, w.district, w.region]);
  return tableSheet(SHEETS.warehouses, ["code", "name", "district", "region"], rows);
}

function skusSheet(dice: Dice, items: ItemLoc[]): SheetSpec {
  const rows: OutValue[][] = [];
  for (const item of items) {
    const { sku, warehouse, demand } = item;
    const main = supplierInfo(sku.product.supplier);
    const leadOverride = dice.chance(0.08) ? main.leadDays + 7 : undefined;
    const preferred = sku.links.find((l) => l.preferred);
    const leadDays = preferred?.leadDays ?? leadOverride ?? supplierInfo(preferred?.supplier ?? main.code).leadDays;
    // Items being phased out keep no safety stock of their own (the workbook's Safety Days apply);
    // most items forecast from Sales History take theirs from the Service Level.
    const safety = replenished(item.status) ? dice.float(0, item.plan === "history" ? 2 : 1) : 1;
    const safetyStock = safety < 0.4 ? Math.round(demand[0] * dice.float(0.8, 2)) : undefined;
    rows.push([
      sku.code,
      sku.description,
      warehouse.code,
      main.code,
      Math.round(onHand(dice, item, Math.ceil(leadDays / 7)) + (safetyStock ?? demand[0])),
      safetyStock ?? null,
      safety >= 0.4 && safety < 0.7 ? dice.pick([5, 10, 14]) : null,
      leadOverride ?? null,
      sku.moq || null,
      sku.pack,
      sku.cost,
      sku.status || null,
      item.plan === "flat" ? demand[0] : null,
      // A few items ask more (or less) than the workbook's service level, or name their method.
      item.plan === "history" && safety >= 1.8 ? dice.pick([90, 98, 99]) : null,
      item.plan === "flat" && item.sales.length > 0 ? "none" : item.plan === "history" && item.family === "intermittent" && dice.chance(0.3) ? "tsb" : null,
      dice.chance(0.1) ? dice.int(2, 7) : null,
    ]);
  }
  return tableSheet(
    SHEETS.skus,
    [
      "sku",
      "description",
      "warehouse",
      "supplier",
      "onHand",
      "safetyStock",
      "safetyDays",
      "leadDays",
      "moq",
      "multiple",
      "unitCost",
      "status",
      "weeklyForecast",
      "serviceLevel",
      "forecastMethod",
      "leadTimeSdDays",
    ],
    rows,
    { onHand: UNITS, safetyStock: UNITS, unitCost: FORMAT.money, weeklyForecast: UNITS },
  );
}

/**
 * Stock that lasts through the lead time and a few weeks more for most
 * replenished items (so the plan shows orders, not alarms), short for some, even
 * backordered for a few; items being phased out hold most of what they will sell.
 */
function onHand(dice: Dice, item: ItemLoc, leadWeeks: number): number {
  const roll = dice.float(0, 1);
  if (!replenished(item.status)) return demandOver(item.demand, dice.float(0.5, 1) * item.demand.length);
  if (roll < 0.04) return -demandOver(item.demand, dice.float(0.2, 1)) - item.demand[0];
  if (roll < 0.16) return demandOver(item.demand, dice.float(0, leadWeeks));
  return demandOver(item.demand, leadWeeks + dice.float(0.5, 4));
}

/** Units demanded over the first `weeks` weeks (a fraction counts part of the last one). */
function demandOver(demand: number[], weeks: number): number {
  let sum = 0;
  for (let w = 0; w < demand.length && w < weeks; w++) sum += demand[w] * Math.min(1, weeks - w);
  return sum;
}

/**
 * Each SKU at each warehouse with its resolved status, its family of demand (by the
 * product: seasonal goods are seasonal, steady ones take the other families in turn,
 * discontinued ones are inactive) and its sales history and future demand from one
 * process. Most items plan on their Sales History; some on a Forecast row (the
 * planner's own), one in ten on a flat Weekly Forecast. Without Sales History every
 * item has a Forecast row but the flat ones, as before there was one.
 */
function makeItems(dice: Dice, skus: Sku[], overrides: StatusOverridesSheet, planStart: Day, weeks: number, history: number): ItemLoc[] {
  const lifts = {} as Record<Season, Map<number, number>>;
  for (const season of Object.keys(SEASONS) as Season[]) lifts[season] = new Map();
  const liftOf = (season: Season) => (t: number) => {
    let lift = lifts[season].get(t);
    if (lift === undefined) lifts[season].set(t, (lift = seasonLift(season, planStart + 7 * t)));
    return lift;
  };
  let steady = 0;
  return skus.flatMap((sku) => {
    const family = familyOf(sku, sku.product.season === "steady" ? steady++ : 0);
    return WAREHOUSES.map((warehouse, index) => {
      const status = overrides.statusAt(sku, warehouse) ?? (sku.status || "A");
      const rate = sku.rates[index];
      const flat = dice.chance(0.1);
      const plan = flat ? "flat" : history === 0 || dice.chance(0.15) ? "sheet" : "history";
      const mine = isRetired(status) ? "inactive" : family;
      const path = demandPath(dice, mine, rate, liftOf(sku.product.season === "steady" ? "holiday" : sku.product.season), history, weeks);
      const fading = !replenished(status) && mine !== "inactive";
      const demand = flat
        ? new Array<number>(weeks).fill(Math.max(1, Math.round(rate)))
        : path.future.map((units, w) => Math.round(units * (fading ? Math.max(0, 1 - w / (0.7 * weeks)) : 1)));
      return { sku, warehouse, status, demand, plan, family: mine, sales: path.sales, stockouts: path.stockouts };
    });
  });
}

/** The families steady products take in turn (seasonal products are seasonal; retired ones inactive). */
const STEADY_FAMILIES: Family[] = ["smooth", "trend", "intermittent", "level shift", "lumpy", "censored", "short"];

function familyOf(sku: Sku, steadyIndex: number): Family {
  return sku.product.season === "steady" ? STEADY_FAMILIES[steadyIndex % STEADY_FAMILIES.length] : "seasonal";
}

/** Status types T and P: no longer sold. */
function isRetired(code: string): boolean {
  const type = STATUS_CODES.find((s) => s.code === code)?.type;
  return type === "T" || type === "P";
}

function supplierItemsSheet(skus: Sku[]): SheetSpec {
  const rows: OutValue[][] = [];
  for (const sku of skus) {
    for (const link of sku.links) {
      rows.push([sku.code, link.supplier, link.price, link.leadDays ?? null, link.moq ?? null, link.multiple ?? null, link.preferred, link.leadSdDays ?? null]);
    }
  }
  return tableSheet(SHEETS.supplierItems, ["sku", "supplier", "unitPrice", "leadDays", "moq", "multiple", "preferred", "leadTimeSdDays"], rows, { unitPrice: FORMAT.money });
}

function statusesSheet(): SheetSpec {
  const rows = STATUS_CODES.map((s) => [s.code, s.type, s.description]);
  return tableSheet(SHEETS.purchaseStatuses, ["code", "type", "description"], rows);
}

function forecastSheet(items: ItemLoc[], planStart: Day, weeks: number): SheetSpec {
  const starts = Array.from({ length: weeks }, (_, w) => planStart + 7 * w);
  const { sku: skuColumn, warehouse: warehouseColumn } = SHEETS.forecast.columns;
  const rows: OutValue[][] = [[skuColumn.header, warehouseColumn.header, ...starts.map((day) => serialFromDay(day))]];
  for (const { sku, warehouse, demand, plan } of items) {
    if (plan === "sheet") rows.push([sku.code, warehouse.code, ...demand]);
  }
  const last = rows[0].length - 1;
  return {
    name: SHEETS.forecast.name,
    rows,
    // Whole units need no number format: formatting every cell would make a big sample's file slow to write.
    widths: [12, 11, ...starts.map(() => 11)],
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: last, style: { bold: true, fill: "D9E1F2" } },
      { fromRow: 0, toRow: 0, fromCol: 2, toCol: last, style: { bold: true, fill: "D9E1F2", numberFormat: FORMAT.date, align: "right" } },
    ],
    freezeRows: 1,
  };
}

/**
 * Sales History in the long layout (a row per week that sold or ran out, dated on the
 * week's Sunday; weeks without a row sold nothing), or in the wide one (a column per
 * week) when that would not fit in a sheet.
 */
function salesHistorySheet(items: ItemLoc[], planStart: Day, weeks: number): SheetSpec {
  let rows = 0;
  for (const item of items) for (let k = 0; k < weeks; k++) if (item.sales[k] > 0 || item.stockouts[k]) rows++;
  const { sku, warehouse } = SHEETS.salesHistory.columns;
  if (rows > SHEET_ROWS) {
    const starts = Array.from({ length: weeks }, (_, k) => planStart - 7 * (weeks - k));
    const wide: OutValue[][] = [[sku.header, warehouse.header, ...starts.map((day) => serialFromDay(day))]];
    for (const item of items) wide.push([item.sku.code, item.warehouse.code, ...item.sales]);
    return {
      name: SHEETS.salesHistory.name,
      rows: wide,
      widths: [12, 11, ...starts.map(() => 11)],
      styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: weeks + 1, style: { bold: true, numberFormat: FORMAT.date } }],
      freezeRows: 1,
    };
  }
  const long: OutValue[][] = [];
  for (const item of items) {
    for (let k = 0; k < weeks; k++) {
      if (!(item.sales[k] > 0 || item.stockouts[k])) continue;
      long.push([item.sku.code, item.warehouse.code, serialFromDay(planStart - 7 * (weeks - k) + 6), item.sales[k], item.stockouts[k] ? true : null]);
    }
  }
  return tableSheet(SHEETS.salesHistory, ["sku", "warehouse", "date", "quantity", "stockout"], long, { date: FORMAT.date, quantity: UNITS });
}

/**
 * The planner's demand for a few weeks: a promotion on items planned from a Forecast
 * row or a flat forecast, and later weeks (after any protection interval, so the
 * service level still sizes safety stock) of items planned from Sales History.
 */
function forecastOverridesSheet(dice: Dice, items: ItemLoc[], planStart: Day, weeks: number): SheetSpec {
  const rows: OutValue[][] = [];
  const replenishedItems = items.filter((i) => replenished(i.status) && i.demand.length > 0);
  const chosen = pickSome(dice, replenishedItems, Math.max(3, Math.round(items.length / 20)));
  for (const item of chosen) {
    const week = item.plan === "history" ? dice.int(10, 16) : dice.int(1, 6);
    const usual = item.demand[Math.min(week, weeks) - 1] ?? 0;
    rows.push([item.sku.code, item.warehouse.code, serialFromDay(planStart + 7 * (week - 1) + dice.int(0, 6)), Math.round(usual * dice.float(1.5, 3)) + 1]);
  }
  return tableSheet(SHEETS.forecastOverrides, ["sku", "warehouse", "week", "quantity"], rows, { week: FORMAT.date, quantity: UNITS });
}

/** Demand multiplier of a season in the week starting on `day`: 1, plus a bump around its peak. */
function seasonLift(season: Season, day: Day): number {
  const { peak, width, lift } = SEASONS[season];
  const week = weekOfYear(day);
  const distance = Math.min(Math.abs(week - peak), 52 - Math.abs(week - peak));
  return 1 + lift * Math.exp(-(distance * distance) / (2 * width * width));
}

function weekOfYear(day: Day): number {
  const year = new Date(day * 86_400_000).getUTCFullYear();
  return Math.floor((day - dayFromIso(`${year}-01-01`)!) / 7) + 1;
}

function makeOrders(dice: Dice, skus: Sku[], overrides: StatusOverridesSheet, planStart: Day, weeks: number): SheetSpec[] {
  const headers: OutValue[][] = [];
  const lines: OutValue[][] = [];
  const count = Math.max(FIRST_PO_STATUSES.length, Math.round(skus.length / 4));
  const horizonDays = 7 * Math.min(weeks, 10);
  // Orders replenish: only replenished SKUs this supplier sells go on its orders for a warehouse.
  const candidatesOf = new Map<string, Sku[]>();
  for (const supplier of SUPPLIERS) {
    for (const warehouse of WAREHOUSES) {
      const list = skus.filter((sku) => replenished(overrides.statusAt(sku, warehouse) ?? (sku.status || "A")) && suppliersOf(sku).includes(supplier.code));
      candidatesOf.set(`${supplier.code}@${warehouse.code}`, list);
    }
  }
  let number = 0;
  for (let n = 0; n < count; n++) {
    const supplier = dice.pick(SUPPLIERS);
    const warehouse = dice.pick(WAREHOUSES);
    const candidates = candidatesOf.get(`${supplier.code}@${warehouse.code}`)!;
    if (candidates.length === 0) continue;
    const status = n < FIRST_PO_STATUSES.length ? FIRST_PO_STATUSES[n] : dice.pick(OPEN_STATUSES);
    const closed = status === "Received" || status === "Closed";
    const poNumber = `PO-${String(++number).padStart(4, "0")}`;
    const orderDate = closed ? planStart - dice.int(50, 90) : planStart - dice.int(2, 35);
    const expected = closed ? orderDate + supplier.leadDays : status === "Partially Received" ? planStart - dice.int(1, 6) : planStart + dice.int(3, horizonDays);
    let total = new Money(0);
    const chosen = pickSome(dice, candidates, dice.int(1, 4));
    chosen.forEach((sku, i) => {
      const link = sku.links.find((l) => l.supplier === supplier.code);
      const price = link?.price ?? priceIn(supplier.currency, sku.cost);
      const pack = link?.multiple ?? sku.pack;
      const quantity = pack * dice.int(2, 12);
      const amount = lineTotal(quantity, new Money(price));
      total = total.plus(amount);
      const received = closed ? quantity : status === "Partially Received" && i === 0 ? pack * Math.max(1, Math.floor(quantity / pack / 2)) : 0;
      // Now and then one line of an open order is due later than the rest.
      const lineDelivery = !closed && i > 0 && dice.chance(0.25) ? serialFromDay(expected + 7 * dice.int(1, 3)) : null;
      lines.push([poNumber, i + 1, sku.code, quantity, price, amount.toNumber(), received, lineDelivery]);
    });
    headers.push([
      poNumber,
      "Purchase Order",
      supplier.code,
      warehouse.code,
      status,
      serialFromDay(orderDate),
      serialFromDay(expected),
      supplier.currency,
      total.toNumber(),
      dice.pick(PO_NOTES) || null,
      status === "Draft" ? 1 : dice.int(1, 3),
      null,
      null,
      null,
    ]);
  }
  return [
    tableSheet(
      SHEETS.purchaseOrders,
      ["number", "type", "supplier", "warehouse", "status", "orderDate", "expectedDelivery", "currency", "total", "notes", "revision", "externalId", "syncStatus", "lastSynced"],
      headers,
      { orderDate: FORMAT.date, expectedDelivery: FORMAT.date, total: FORMAT.money, revision: FORMAT.integer },
    ),
    tableSheet(SHEETS.poLines, ["number", "line", "sku", "quantity", "unitPrice", "lineTotal", "receivedQty", "expectedDelivery"], lines, {
      quantity: UNITS,
      unitPrice: FORMAT.money,
      lineTotal: FORMAT.money,
      receivedQty: UNITS,
      expectedDelivery: FORMAT.date,
    }),
  ];
}

/** `count` different elements in random order (all of them when there are fewer). */
function pickSome<T>(dice: Dice, list: readonly T[], count: number): T[] {
  if (count >= list.length) return dice.shuffled(list);
  const taken = new Set<number>();
  while (taken.size < count) taken.add(dice.int(0, list.length - 1));
  return [...taken].map((i) => list[i]);
}

function suppliersOf(sku: Sku): string[] {
  return [sku.product.supplier, ...sku.links.map((l) => l.supplier)];
}

/** A planner's quantities on replenished items, and one manual buy of a one-time-buy item; one says "do not order" (0). */
function orderOverridesSheet(dice: Dice, items: ItemLoc[], planStart: Day, weeks: number): SheetSpec {
  const rows: OutValue[][] = [];
  const count = Math.max(4, Math.round(items.length / 16));
  const oneTime = items.find((i) => i.status === "O");
  const chosen = [
    ...pickSome(
      dice,
      items.filter((i) => replenished(i.status)),
      count,
    ),
    ...(oneTime ? [oneTime] : []),
  ];
  chosen.forEach(({ sku, warehouse }, n) => {
    const week = dice.int(1, Math.min(weeks, 6));
    const quantity = n === 1 ? 0 : sku.pack * dice.int(3, 15);
    rows.push([sku.code, warehouse.code, serialFromDay(planStart + 7 * (week - 1)), quantity]);
  });
  return tableSheet(SHEETS.orderOverrides, ["sku", "warehouse", "week", "quantity"], rows, { week: FORMAT.date, quantity: UNITS });
}

/** A setting's name on the Settings sheet. */
function setting(key: (typeof SETTINGS)[number]["key"]): string {
  return SETTINGS.find((s) => s.key === key)!.name;
}

/**
 * An input sheet as an Excel table of the schema's columns `keys` (the ones the
 * sample fills, in this order): bold header, formats by column, widths fitted to the contents.
 */
function tableSheet<K extends string>(schema: SheetSchema<K>, keys: readonly K[], data: OutValue[][], formats: Partial<Record<K, string>> = {}): SheetSpec {
  const header = keys.map((key) => schema.columns[key].header);
  const rows: OutValue[][] = [header, ...data];
  const name = schema.name;
  const columnFormats: Record<number, string> = {};
  keys.forEach((key, col) => {
    const format = formats[key];
    if (format) columnFormats[col] = format;
  });
  return {
    name,
    rows,
    widths: header.map((title, col) => fittedWidth(title, rows, col, formats[keys[col]])),
    columnFormats,
    styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: header.length - 1, style: { bold: true } }],
    print: { landscape: header.length > 5, fitToWidth: true },
    // Excel refuses a table without data rows: an empty sheet stays a plain range.
    table: rows.length > 1 ? { name: name.replace(/\s+/g, ""), headerRow: 0, style: "TableStyleMedium2" } : undefined,
    freezeRows: 1,
  };
}

/** Characters wide enough for the header (plus the filter button) and the longest value of the first rows. */
function fittedWidth(title: string, rows: OutValue[][], col: number, format: string | undefined): number {
  let width = title.length + 4;
  const sample = Math.min(rows.length, 500);
  for (let r = 1; r < sample; r++) {
    const value = rows[r][col];
    if (value === null || value === undefined) continue;
    // Numbers show with thousands separators and at most two decimals.
    const text = format === FORMAT.date ? "2026-11-23" : typeof value === "number" ? `${Math.round(value)},.00` : String(value);
    width = Math.max(width, text.length + 2);
  }
  return Math.min(width, 48);
}
