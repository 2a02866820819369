import * as answer from "../../src/functions/answers";
import { asFunctionError } from "../../src/functions/errors";
import { planRow } from "../../src/core/plan";
import type { Planned } from "../../src/core/planned";
import { describeStatus } from "../../src/core/statuses";

/** An answer as a cell shows it: the value, or the error's code and message. */
function tried(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    const { code, message } = asFunctionError(error);
    return { code, message };
  }
}

/**
 * Every answer a workbook state gives, as plain data: every function for every SKU,
 * warehouse and week (and some that do not exist), every PO and SPEND's filters, and what
 * the pane shows (Home's Order-now lines and problem count, the Problems list, each
 * item-location's facts and week lines in the Supply Plan). Two states that answer
 * alike here are alike to a planner.
 */
export function everyAnswer(state: Planned): unknown {
  if (!state.ok) return { unplanned: state.kind, error: state.error, problems: state.problems };
  const { model } = state;
  const H = model.settings.horizonWeeks;
  const skus = [...new Set(model.items.map((i) => i.sku)), "NO-SUCH-SKU"];
  const warehouses = [undefined, ...new Set(model.items.map((i) => i.warehouse)), "NO-SUCH-PLACE"];
  const weeks = [undefined, ...Array.from({ length: H }, (_, i) => i + 1)];
  const items: Record<string, unknown> = {};
  for (const sku of skus) {
    for (const warehouse of warehouses) {
      items[`${sku}@${warehouse ?? ""}`] = {
        status: tried(() => answer.status(state, sku, warehouse)),
        canOrder: tried(() => answer.canOrder(state, sku, warehouse)),
        plan: tried(() => answer.plan(state, sku, warehouse)),
        stockout: tried(() => answer.stockout(state, sku, warehouse)),
        weeks: weeks.map((week) => [
          tried(() => answer.recommend(state, sku, week, warehouse)),
          tried(() => answer.projected(state, sku, week, warehouse)),
          tried(() => answer.inbound(state, sku, week, warehouse)),
          tried(() => answer.forecast(state, sku, week, warehouse)),
        ]),
      };
    }
  }
  const numbers = [...model.orderBook.orders.map((po) => po.number), "PO-NONE"];
  const suppliers = [undefined, ...model.suppliers.keys(), "NOPE"];
  const spend: unknown[] = [];
  for (const supplier of suppliers)
    for (const [from, to] of [
      [undefined, undefined],
      ["2026-11-01", undefined],
      [undefined, "2026-11-21"],
      ["2026-10-01", "2026-12-31"],
    ])
      for (const currency of [undefined, "EUR"]) spend.push(tried(() => answer.spend(state, supplier, from, to, currency)));
  return {
    items,
    orderNow: warehouses.map((warehouse) => tried(() => answer.recommend(state, undefined, undefined, warehouse))),
    statuses: warehouses.map((warehouse) => tried(() => answer.status(state, undefined, warehouse))),
    poTotal: numbers.map((number) => tried(() => answer.poTotal(state, number))),
    spend,
    pane: {
      orderNow: state.orderNow().map((line) => ({ ...line, unitPrice: line.unitPrice.toString(), value: line.value.toString() })),
      problems: model.problems.map((p) => `${p.address}: ${p.message}`),
      items: state.plans.map(({ item }) => ({
        key: item.key,
        description: item.description,
        status: describeStatus(item.status),
        onHand: item.onHand,
        supplier: item.supplier,
        leadDays: item.leadDays,
        moq: item.moq,
        multiple: item.multiple,
        safetyStock: item.safetyStock,
        safetyStockRule: item.safetyStockRule,
        demand: [...item.demand],
        demandSource: item.demandSource,
        forecastMethod: item.forecastMethod,
        forecast: item.forecast && { method: item.forecast.method, low: [...item.forecast.low], high: [...item.forecast.high] },
        unitPrice: item.unitPrice.toString(),
        currency: item.currency,
      })),
      weekLines: state.plans.map((plan) =>
        Array.from({ length: H }, (_, i) => {
          const row = planRow(plan, i + 1, model.settings);
          return { ...row, orderValue: row.orderValue.toString() };
        }),
      ),
    },
  };
}
