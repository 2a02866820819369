import type { Decimal } from "decimal.js";
import type { Day } from "./dates";
import { type DemandSource, demandSourceOf } from "./demand";
import type { ItemLocation, PlanningModel } from "./model";
import { lineTotal, Money } from "./money";
import type { Settings } from "./settings";
import { WeekArrays } from "./weekArrays";
import { weekStart } from "./weeks";

/** Quantities closer than this are equal: sums of fractional demand carry binary noise (docs/planning.md's 1e-9). */
export const EPS = 1e-9;
const NO_VALUE = new Money(0);

/** The engine's arrays for one item-location, indexed by week 1..H. */
export interface ItemPlan {
  item: ItemLocation;
  /** End-of-week projected stock; index 0 is the on-hand now. */
  projected: Float64Array;
  /** The engine's quantity per order week, next to any override. Read-only: items never recommended share one array of zeros. */
  recommended: Float64Array;
}

/** The plan's recurrence for one item-location (docs/planning.md). */
export function planItem(item: ItemLocation, settings: Settings, arrays = new WeekArrays(settings.horizonWeeks + 1, 2)): ItemPlan {
  const H = settings.horizonWeeks;
  const R = settings.reviewWeeks;
  const L = item.leadWeeks;
  const { demand: d, scheduled: s, overrides: q, safetyStock: SS, moq, multiple, recommendable } = item;
  const projected = arrays.take();
  // An item that is never recommended keeps no array of its own zeros.
  const recommended = recommendable ? arrays.take() : arrays.shared();
  projected[0] = item.onHand;
  for (let a = 1; a <= H; a++) {
    const o = a - L;
    let base = projected[a - 1] + s[a] - d[a];
    if (o >= 1) {
      if (recommendable && (R === 1 || (o - 1) % R === 0)) {
        let low = base;
        let level = base;
        const end = Math.min(H, a + R - 1);
        for (let t = a + 1; t <= end; t++) {
          const earlier = q[t - L];
          level += s[t] - d[t] + (earlier === earlier ? earlier : 0);
          if (level < low) low = level;
        }
        const need = SS - low;
        if (need > EPS) recommended[o] = multiple * Math.ceil(Math.max(need, moq) / multiple - EPS);
      }
      base += q[o] === q[o] ? q[o] : recommended[o];
    }
    projected[a] = base;
  }
  return { item, projected, recommended };
}

export function planAll(model: PlanningModel): ItemPlan[] {
  let arrays = 0;
  for (let i = 0; i < model.items.length; i++) arrays += model.items[i].recommendable ? 2 : 1;
  const weeks = new WeekArrays(model.settings.horizonWeeks + 1, arrays);
  return model.items.map((item) => planItem(item, model.settings, weeks));
}

export type Flag = "below-safety" | "stockout" | "inside-lead-time" | `not-recommended:${string}`;

/** One row of the plan (docs/planning.md). */
export interface PlanRow {
  sku: string;
  warehouse: string;
  week: number;
  weekStart: Day;
  demand: number;
  scheduledReceipts: number;
  plannedReceipts: number;
  projectedOnHand: number;
  safetyStock: number;
  recommended: number;
  override: number | null;
  orderQty: number;
  arrivalWeek: number | null;
  orderValue: Decimal;
  currency: string;
  flags: Flag[];
  /** Where the week's demand came from (FORECAST.md: each plan row says which source it used). */
  source: DemandSource;
}

export function orderQty(plan: ItemPlan, week: number): number {
  const q = plan.item.overrides[week];
  return q === q ? q : plan.recommended[week];
}

/**
 * What arrives in a week from the plan's own orders (recommendations and counting
 * overrides): the order quantity of the week a lead time earlier. Derived, not stored:
 * one array less per item-location is a third less memory for big plans.
 */
export function plannedReceipt(plan: ItemPlan, week: number): number {
  const o = week - plan.item.leadWeeks;
  return o >= 1 ? orderQty(plan, o) : 0;
}

/** Sums of fractional quantities carry binary noise (0.1 + 0.2); people read 9 decimals at most. */
export function tidy(quantity: number): number {
  return Math.round(quantity * 1e9) / 1e9 + 0;
}

/**
 * `values` remembers an item's order values by quantity (its price is one): the same
 * case-pack quantities come back week after week, and an exact product is not cheap.
 */
export function planRow(plan: ItemPlan, week: number, settings: Settings, values?: Map<number, Decimal>): PlanRow {
  const { item } = plan;
  const override = item.overrides[week];
  const qty = tidy(orderQty(plan, week));
  const projected = plan.projected[week];
  const flags: Flag[] = [];
  const below = projected < item.safetyStock - EPS;
  if (below) flags.push("below-safety");
  if (projected < -EPS) flags.push("stockout");
  if (below && week <= item.leadWeeks) flags.push("inside-lead-time");
  if (!item.status.recommended) flags.push(`not-recommended:${item.status.code}`);
  return {
    sku: item.sku,
    warehouse: item.warehouse,
    week,
    weekStart: weekStart(week, settings.planStart),
    demand: tidy(item.demand[week]),
    scheduledReceipts: tidy(item.scheduled[week]),
    plannedReceipts: tidy(plannedReceipt(plan, week)),
    projectedOnHand: tidy(projected),
    safetyStock: tidy(item.safetyStock),
    recommended: tidy(plan.recommended[week]),
    override: override === override ? override : null,
    orderQty: qty,
    arrivalWeek: qty > 0 ? week + item.leadWeeks : null,
    orderValue: orderValue(qty, item.unitPrice, values),
    currency: item.currency,
    flags,
    source: demandSourceOf(item, week),
  };
}

function orderValue(qty: number, unitPrice: Decimal, values: Map<number, Decimal> | undefined): Decimal {
  // Most weeks order nothing: one shared zero.
  if (qty === 0) return NO_VALUE;
  let value = values?.get(qty);
  if (value === undefined) {
    value = lineTotal(qty, unitPrice);
    values?.set(qty, value);
  }
  return value;
}

export function* planRows(plans: Iterable<ItemPlan>, settings: Settings): Generator<PlanRow> {
  for (const plan of plans) {
    const values = new Map<number, Decimal>();
    for (let w = 1; w <= settings.horizonWeeks; w++) yield planRow(plan, w, settings, values);
  }
}

/** One line of the Order-now list: what to order this week. */
export interface OrderNowLine {
  sku: string;
  warehouse: string;
  supplier: string;
  quantity: number;
  unitPrice: Decimal;
  value: Decimal;
  currency: string;
  arrivalWeek: number;
  arrivalDate: Day;
  /** First week projected below safety stock without this order; null when never. */
  shortWeek: number | null;
  shortDate: Day | null;
}

/** Lines of order week 1 with something to order, most urgent first, then largest value. */
export function orderNow(plans: Iterable<ItemPlan>, settings: Settings): OrderNowLine[] {
  const lines: OrderNowLine[] = [];
  for (const plan of plans) {
    const line = orderNowLine(plan, settings);
    if (line) lines.push(line);
  }
  return lines.sort(compareOrderNow);
}

/** The Order-now line of one item-location; undefined when it orders nothing in week 1. */
export function orderNowLine(plan: ItemPlan, settings: Settings): OrderNowLine | undefined {
  const quantity = tidy(orderQty(plan, 1));
  if (!(quantity > 0)) return undefined;
  const { item } = plan;
  const arrivalWeek = 1 + item.leadWeeks;
  const shortWeek = firstShortWeekWithout(plan, quantity, arrivalWeek);
  return {
    sku: item.sku,
    warehouse: item.warehouse,
    supplier: item.supplier ?? "",
    quantity,
    unitPrice: item.unitPrice,
    value: lineTotal(quantity, item.unitPrice),
    currency: item.currency,
    arrivalWeek,
    arrivalDate: weekStart(arrivalWeek, settings.planStart),
    shortWeek,
    shortDate: shortWeek === null ? null : weekStart(shortWeek, settings.planStart),
  };
}

/**
 * Most urgent first, then largest value, then by SKU and warehouse in their characters'
 * order. Total, so that a line put in its place after an edit lands where sorting every
 * line puts it; the same on every machine, whatever its language (a collation's order
 * is not), and without loading the browser's collation data on the pane's first paint.
 */
export function compareOrderNow(x: OrderNowLine, y: OrderNowLine): number {
  return (x.shortWeek ?? Infinity) - (y.shortWeek ?? Infinity) || y.value.comparedTo(x.value) || byCharacters(x.sku, y.sku) || byCharacters(x.warehouse, y.warehouse);
}

const byCharacters = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function firstShortWeekWithout(plan: ItemPlan, quantity: number, arrivalWeek: number): number | null {
  const { projected, item } = plan;
  for (let w = 1; w < projected.length; w++) {
    const without = projected[w] - (w >= arrivalWeek ? quantity : 0);
    if (without < item.safetyStock - EPS) return w;
  }
  return null;
}
