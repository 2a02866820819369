import type { Decimal } from "decimal.js";
import { type Day, serialFromDay } from "../core/dates";
import { itemKey } from "../core/catalog";
import { DEFAULT_SEASON, forecast as statisticalForecast, MAX_WEEKS_AHEAD } from "../core/forecasting";
import { Money } from "../core/money";
import { lineAmount, poAmount, poCurrency } from "../core/orders/amounts";
import type { PurchaseOrder } from "../core/orders/purchaseOrders";
import type { ItemLocation } from "../core/model";
import { EPS, type ItemPlan, type OrderNowLine, tidy } from "../core/plan";
import { supplyPlanSheet } from "../core/planSheet";
import type { ResolvedStatus } from "../core/statuses";
import { weekStart } from "../core/weeks";
import { type Arg, isOmitted, numberSeries, optionalCode, optionalCurrency, optionalDate, optionalWhole, optionalWeek, requiredCode, requiredWeek } from "./args";
import { badArgument, FunctionError, NO_STOCKOUT, unknownPo, unknownSku, unknownSupplier, unknownWarehouse } from "./errors";
import { type PlannedWorkbook as PlanState, replaceLine, TOUCHED } from "../core/planned";

/**
 * What each PLANSTER function answers for one workbook state: plain values and
 * spills (header row first), dates as Excel serials. Errors are thrown as
 * `FunctionError`. Nothing here knows about Office.
 */
export type Cell = string | number | boolean;
export type Spill = Cell[][];

/**
 * What a cell's answer depends on, from its arguments: the keys (planned.ts `TOUCHED`)
 * an edit must touch for the answer to change. A cell whose arguments are wrong answers
 * the same error whatever an edit does: it depends on nothing but a full read.
 */
export const dependsOn = {
  /** Anything about the SKU's item-locations. */
  sku: (sku: Arg): string[] => {
    const code = codeOrUndefined(sku);
    return code === undefined ? [] : [TOUCHED.sku(code)];
  },
  /** RECOMMEND: the SKU, or the Order-now list without one. */
  recommend: (sku: Arg): string[] => (isOmitted(sku) ? [TOUCHED.orderNow] : dependsOn.sku(sku)),
  /** STATUS: the SKU, or every item-location's status without one. */
  status: (sku: Arg): string[] => (isOmitted(sku) ? [TOUCHED.statuses] : dependsOn.sku(sku)),
  po: (po: Arg): string[] => {
    const number = codeOrUndefined(po);
    return number === undefined ? [] : [TOUCHED.po(number)];
  },
  /** A total over every order. */
  orders: (): string[] => [TOUCHED.orders],
};

function codeOrUndefined(value: Arg): string | undefined {
  try {
    return optionalCode(value, "code");
  } catch {
    return undefined;
  }
}

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

/*
 * A spill's rows are made once per line or item-location: after an edit re-planned a few
 * item-locations, the spill is the same rows but for theirs (lines and items are replaced,
 * never changed, so a row made for one stays right).
 */
const orderNowRows = new WeakMap<OrderNowLine, Cell[]>();
const statusRows = new WeakMap<ItemLocation, Cell[]>();

function orderNowRow(state: PlanState, line: OrderNowLine): Cell[] {
  let row = orderNowRows.get(line);
  if (!row) {
    row = [
      line.sku,
      line.warehouse,
      line.supplier,
      line.quantity,
      line.unitPrice.toNumber(),
      line.value.toNumber(),
      line.currency,
      serial(state, line.arrivalDate),
      line.shortDate === null ? "" : serial(state, line.shortDate),
    ];
    orderNowRows.set(line, row);
  }
  return row;
}

function statusRow(item: ItemLocation): Cell[] {
  let row = statusRows.get(item);
  if (!row) statusRows.set(item, (row = [item.sku, item.warehouse, item.status.code, item.status.type ?? "", item.status.source, item.status.orderable]));
  return row;
}

/** RECOMMEND([sku], [week], [warehouse]): the engine's quantity, or the Order-now table when sku is omitted. */
export function recommend(state: PlanState, sku: Arg, week: Arg, warehouse: Arg): Spill {
  if (optionalCode(sku, "sku") === undefined) {
    // docs/functions.md: no sku is the Order-now table. It is order week 1 by definition; a
    // warehouse narrows it to that warehouse's lines, as a buyer of one DC expects.
    const w = optionalWeek(week, "week", state.model.settings, state.date1904);
    if (w !== undefined && w !== 1) throw badArgument(`week ${w}: the Order-now table (no sku) is the orders of week 1; give a sku for week ${w}.`);
    const where = optionalCode(warehouse, "warehouse");
    if (where !== undefined && !state.plans.some((p) => p.item.warehouse === where)) throw unknownWarehouse(where);
    const fits = (line: OrderNowLine | undefined): line is OrderNowLine => line !== undefined && (where === undefined || line.warehouse === where);
    // Kept with the state and brought up to date by difference: the lines an edit changed move, the others stay.
    return state.memo(
      `order-now spill\u0000${where ?? ""}`,
      () => {
        const lines = state.orderNow().filter(fits);
        return { lines, rows: [ORDER_NOW_HEADER, ...lines.map((line) => orderNowRow(state, line))] };
      },
      (spill, change) => {
        const rows = { list: spill.rows, offset: 1, entry: (line: OrderNowLine) => orderNowRow(state, line) };
        for (const { before, after } of change.lines ?? []) replaceLine(spill.lines, fits(before) ? before : undefined, fits(after) ? after : undefined, rows);
        return spill;
      },
    ).rows;
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
  // Kept with the state: an edit replaces the rows of the item-locations it made again.
  return state.memo(
    `status spill\u0000${where ?? ""}`,
    () => {
      const rows: Spill = [STATUS_HEADER];
      const rowOf = new Int32Array(state.plans.length).fill(-1);
      state.plans.forEach(({ item }, at) => {
        if (where !== undefined && item.warehouse !== where) return;
        rowOf[at] = rows.length;
        rows.push(statusRow(item));
      });
      return { rows, rowOf };
    },
    (spill, change) => {
      for (const { at, after } of change.items) if (spill.rowOf[at] >= 0) spill.rows[spill.rowOf[at]] = statusRow(after.item);
      return spill;
    },
  ).rows;
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
  return sum(plans, (plan) => plan.item.openInbound);
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
  const counts = (po: PurchaseOrder, orderIn: string): boolean => {
    if (po.status === "Cancelled" || orderIn !== currency) return false;
    if (supplier !== undefined && po.supplier !== supplier) return false;
    if (from === undefined && to === undefined) return true;
    if (po.orderDate === undefined) return false;
    return (from === undefined || po.orderDate >= from) && (to === undefined || po.orderDate <= to);
  };
  return state.memo(
    `spend\u0000${supplier ?? ""}\u0000${from ?? ""}\u0000${to ?? ""}\u0000${currency}`,
    () => {
      let total: Decimal = new Money(0);
      for (const { po, amount, currency: orderIn } of orderAmounts(state)) if (counts(po, orderIn)) total = total.plus(amount);
      return { total, number: total.toNumber() };
    },
    // Money is exact: taking an edited order's old amount off and its new one on is the sum made again.
    ({ total }, change) => {
      for (const { before, after } of change.orders) {
        const was = orderAmount(state, before);
        const now = orderAmount(state, after);
        if (counts(before, was.currency)) total = total.minus(was.amount);
        if (counts(after, now.currency)) total = total.plus(now.amount);
      }
      return { total, number: total.toNumber() };
    },
  ).number;
}

interface OrderAmount {
  po: PurchaseOrder;
  amount: Decimal;
  currency: string;
}

/** An order's Line Totals summed, with its currency. */
function orderAmount(state: PlanState, po: PurchaseOrder): OrderAmount {
  let amount = new Money(0);
  for (const line of po.lines) amount = amount.plus(lineAmount(line));
  return { po, amount, currency: poCurrency(po, state.model.suppliers, state.model.settings) };
}

/** Every order's amount: computed once per read, each edited order's again after an edit. */
function orderAmounts(state: PlanState): OrderAmount[] {
  return state.memo(
    "order amounts",
    () => state.model.orderBook.orders.map((po) => orderAmount(state, po)),
    (amounts, change) => {
      const next = amounts.slice();
      for (const { at, after } of change.orders) next[at] = orderAmount(state, after);
      return next;
    },
  );
}
