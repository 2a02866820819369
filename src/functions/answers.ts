import type { Decimal } from "decimal.js";
import { type Day, serialFromDay } from "../core/dates";
import { itemKey } from "../core/catalog";
import { DEFAULT_SEASON, forecast as statisticalForecast, MAX_WEEKS_AHEAD } from "../core/forecasting";
import { Money } from "../core/money";
import { lineAmount, poAmount, poCurrency } from "../core/orders/amounts";
import { isOpen, type PurchaseOrder } from "../core/orders/purchaseOrders";
import { EPS, type ItemPlan, tidy } from "../core/plan";
import { supplyPlanSheet } from "../core/planSheet";
import type { ResolvedStatus } from "../core/statuses";
import { weekStart } from "../core/weeks";
import { type Arg, numberSeries, optionalCode, optionalCurrency, optionalDate, optionalWhole, optionalWeek, requiredCode, requiredWeek } from "./args";
import { badArgument, FunctionError, NO_STOCKOUT, unknownPo, unknownSku, unknownSupplier, unknownWarehouse } from "./errors";
import type { PlannedWorkbook as PlanState } from "../core/planned";

/**
 * What each PLANSTER function answers for one workbook state: plain values and
 * spills (header row first), dates as Excel serials. Errors are thrown as
 * `FunctionError`. Nothing here knows about Office.
 */
export type Cell = string | number | boolean;
export type Spill = Cell[][];

/** The plans a (sku, warehouse) pair names: one item-location, or all of the SKU's when warehouse is omitted. */
export function plansFor(state: PlanState, skuArg: Arg, warehouseArg: Arg): ItemPlan[] {
  const sku = requiredCode(skuArg, "sku");
  const warehouse = optionalCode(warehouseArg, "warehouse");
  const all = state.bySku.get(sku);
  if (!all) throw unknownSku(sku);
  if (warehouse === undefined) return all;
  const one = state.byKey.get(itemKey(sku, warehouse));
  if (!one) throw unknownSku(sku, warehouse);
  return [one];
}

/**
 * A quantity summed over item-locations, without binary noise (0.3 − 0.1 shows as
 * 0.2), to the 9 decimals the plan rows keep.
 */
function sum(plans: ItemPlan[], value: (plan: ItemPlan) => number): number {
  let total = 0;
  for (const plan of plans) total += value(plan);
  return tidy(total);
}

function serial(state: PlanState, day: Day): number {
  return serialFromDay(day, state.date1904);
}

const ORDER_NOW_HEADER = ["SKU", "Warehouse", "Supplier", "Quantity", "Unit Price", "Value", "Currency", "Arrival Date", "Below Safety From"];

/** RECOMMEND([sku], [week], [warehouse]): the engine's quantity, or the Order-now table when sku is omitted. */
export function recommend(state: PlanState, sku: Arg, week: Arg, warehouse: Arg): Spill {
  if (optionalCode(sku, "sku") === undefined) {
    // docs/functions.md: no sku is the Order-now table. It is order week 1 by definition; a
    // warehouse narrows it to that warehouse's lines, as a buyer of one DC expects.
    const w = optionalWeek(week, "week", state.model.settings, state.date1904);
    if (w !== undefined && w !== 1) throw badArgument(`week ${w}: the Order-now table (no sku) is the orders of week 1; give a sku for week ${w}.`);
    const where = optionalCode(warehouse, "warehouse");
    if (where !== undefined && !state.plans.some((p) => p.item.warehouse === where)) throw unknownWarehouse(where);
    return [
      ORDER_NOW_HEADER,
      ...state
        .orderNow()
        .filter((line) => where === undefined || line.warehouse === where)
        .map((line) => [
          line.sku,
          line.warehouse,
          line.supplier,
          line.quantity,
          line.unitPrice.toNumber(),
          line.value.toNumber(),
          line.currency,
          serial(state, line.arrivalDate),
          line.shortDate === null ? "" : serial(state, line.shortDate),
        ]),
    ];
  }
  const plans = plansFor(state, sku, warehouse);
  const w = optionalWeek(week, "week", state.model.settings, state.date1904) ?? 1;
  return [[sum(plans, (plan) => plan.recommended[w])]];
}

const STATUS_HEADER = ["SKU", "Warehouse", "Code", "Type", "Source", "Orderable"];

/**
 * The status a (sku, warehouse) pair answers with. With warehouse omitted and the
 * SKU at several warehouses, the product level: the SKU's first SKUs row's
 * Purchase Status (or A by default), without any Status Overrides.
 */
export function statusOf(state: PlanState, sku: Arg, warehouse: Arg): ResolvedStatus {
  const plans = plansFor(state, sku, warehouse);
  if (plans.length === 1) return plans[0].item.status;
  const row = state.firstRow.get(plans[0].item.sku)!;
  const statuses = state.model.statuses;
  return row.statusCode === undefined ? statuses.resolve("A", "default") : statuses.resolve(row.statusCode, "product");
}

/** STATUS([sku], [warehouse]): the status code, or every item-location's status when sku is omitted. */
export function status(state: PlanState, sku: Arg, warehouse: Arg): Spill {
  if (optionalCode(sku, "sku") !== undefined) return [[statusOf(state, sku, warehouse).code]];
  const where = optionalCode(warehouse, "warehouse");
  if (where !== undefined && !state.plans.some((p) => p.item.warehouse === where)) throw unknownWarehouse(where);
  return [
    STATUS_HEADER,
    ...state.plans
      .filter(({ item }) => where === undefined || item.warehouse === where)
      .map(({ item }) => [item.sku, item.warehouse, item.status.code, item.status.type ?? "", item.status.source, item.status.orderable]),
  ];
}

/** CANORDER(sku, [warehouse]): the status lets a PO line be created (type A, M, D or O). */
export function canOrder(state: PlanState, sku: Arg, warehouse: Arg): boolean {
  return statusOf(state, sku, warehouse).orderable;
}

/** PLAN(sku, [warehouse]): the plan's rows (docs/planning.md) of the item-location(s), header first. */
export function plan(state: PlanState, sku: Arg, warehouse: Arg): Spill {
  const plans = plansFor(state, sku, warehouse);
  return supplyPlanSheet(plans, state.model.settings, state.date1904).rows.map((row) => row.map((value) => value ?? ""));
}

/** PROJECTED(sku, week, [warehouse]): projected on hand at the end of the week. */
export function projected(state: PlanState, sku: Arg, week: Arg, warehouse: Arg): number {
  const plans = plansFor(state, sku, warehouse);
  const w = requiredWeek(week, "week", state.model.settings, state.date1904);
  return sum(plans, (plan) => plan.projected[w]);
}

/**
 * INBOUND(sku, [week], [warehouse]): scheduled receipts of the week; with no week,
 * every open quantity still to come on open POs, whatever its date (also beyond the plan).
 */
export function inbound(state: PlanState, sku: Arg, week: Arg, warehouse: Arg): number {
  const plans = plansFor(state, sku, warehouse);
  const w = optionalWeek(week, "week", state.model.settings, state.date1904);
  if (w !== undefined) return sum(plans, (plan) => plan.item.scheduled[w]);
  const open = openQuantities(state).get(plans[0].item.sku);
  return open === undefined ? 0 : sum(plans, (plan) => open.get(plan.item.warehouse) ?? 0);
}

/** Open quantity still to come per SKU and warehouse, over every open PO line: indexed once per state. */
function openQuantities(state: PlanState): Map<string, Map<string, number>> {
  return state.memo("open quantities", () => {
    const bySku = new Map<string, Map<string, number>>();
    for (const po of state.model.orderBook.orders) {
      if (!isOpen(po)) continue;
      for (const line of po.lines) {
        let byWarehouse = bySku.get(line.sku);
        if (!byWarehouse) bySku.set(line.sku, (byWarehouse = new Map()));
        byWarehouse.set(po.warehouse, (byWarehouse.get(po.warehouse) ?? 0) + Math.max(0, line.quantity - line.receivedQty));
      }
    }
    return bySku;
  });
}

/**
 * STOCKOUT(sku, [warehouse]): start date of the first week projected below zero.
 * Over several warehouses, the earliest of them: stock in one warehouse does not
 * cover a stockout in another.
 */
export function stockout(state: PlanState, sku: Arg, warehouse: Arg): number {
  const plans = plansFor(state, sku, warehouse);
  const H = state.model.settings.horizonWeeks;
  let first = Infinity;
  for (const plan of plans) {
    for (let w = 1; w <= H && w < first; w++) {
      if (plan.projected[w] < -EPS) {
        first = w;
        break;
      }
    }
  }
  if (first === Infinity) throw new FunctionError("#N/A", NO_STOCKOUT);
  return serial(state, weekStart(first, state.model.settings.planStart));
}

/** FORECAST(sku, [week], [warehouse]): the week's demand d[w] (docs/forecasting.md), week 1 by default, summed over warehouses when omitted. */
export function forecast(state: PlanState, sku: Arg, week: Arg, warehouse: Arg): number {
  const plans = plansFor(state, sku, warehouse);
  const w = optionalWeek(week, "week", state.model.settings, state.date1904) ?? 1;
  return sum(plans, (plan) => plan.item.demand[w]);
}

export const FORECASTSERIES_HORIZON = 13;

/**
 * FORECASTSERIES(values, [horizon], [season]): the statistical forecast (the same `auto`
 * choice as the workbook's) of one column or row of weekly numbers, oldest first, as a
 * column of `horizon` numbers. Blank cells are missing weeks; season 52 by default, 0 to
 * let the engine choose, 1 for none.
 */
export function forecastSeries(values: Arg, horizon: Arg, season: Arg): Spill {
  const series = numberSeries(values, "values");
  const h = optionalWhole(horizon, "horizon", 1, MAX_WEEKS_AHEAD) ?? FORECASTSERIES_HORIZON;
  const m = optionalWhole(season, "season", 0, MAX_WEEKS_AHEAD) ?? DEFAULT_SEASON;
  return statisticalForecast(series, { horizon: h, season: m }).point.map((p) => [tidy(p)]);
}

/** POTOTAL(po): the PO's total. */
export function poTotal(state: PlanState, po: Arg): number {
  const number = requiredCode(po, "po");
  const order = state.model.orderBook.byNumber.get(number);
  if (!order) throw unknownPo(number);
  return poAmount(order).toNumber();
}

/**
 * SPEND([supplier], [from], [to], [currency]): Line Totals of orders not Cancelled
 * with Order Date in [from, to], in one currency. An order with no Order Date counts
 * only when neither from nor to is given.
 */
export function spend(state: PlanState, supplierArg: Arg, fromArg: Arg, toArg: Arg, currencyArg: Arg): number {
  const supplier = optionalCode(supplierArg, "supplier");
  const from = optionalDate(fromArg, "from", state.date1904);
  const to = optionalDate(toArg, "to", state.date1904);
  const currency = optionalCurrency(currencyArg, "currency") ?? state.model.settings.currency.toUpperCase();
  const orders = state.model.orderBook.orders;
  if (supplier !== undefined && !state.model.suppliers.has(supplier) && !orders.some((po) => po.supplier === supplier)) {
    throw unknownSupplier(supplier);
  }
  if (from !== undefined && to !== undefined && from > to) throw badArgument("from is after to: nothing can fall between them.");
  const dated = from !== undefined || to !== undefined;
  return state.memo(`spend\u0000${supplier ?? ""}\u0000${from ?? ""}\u0000${to ?? ""}\u0000${currency}`, () => {
    let total = new Money(0);
    for (const { po, amount, currency: orderIn } of orderAmounts(state)) {
      if (po.status === "Cancelled" || orderIn !== currency) continue;
      if (supplier !== undefined && po.supplier !== supplier) continue;
      if (dated) {
        if (po.orderDate === undefined) continue;
        if (from !== undefined && po.orderDate < from) continue;
        if (to !== undefined && po.orderDate > to) continue;
      }
      total = total.plus(amount);
    }
    return total.toNumber();
  });
}

/** Every order's Line Totals summed, with its currency: computed once per state. */
function orderAmounts(state: PlanState): { po: PurchaseOrder; amount: Decimal; currency: string }[] {
  return state.memo("order amounts", () =>
    state.model.orderBook.orders.map((po) => {
      let amount = new Money(0);
      for (const line of po.lines) amount = amount.plus(lineAmount(line));
      return { po, amount, currency: poCurrency(po, state.model.suppliers, state.model.settings) };
    }),
  );
}
