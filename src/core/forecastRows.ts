/**
 * The forecast as docs/forecasting.md's output lists it: one row per item-location
 * and plan week (the d[w] the plan uses and where it comes from), and the backtest
 * accuracy of each item-location with a history. The CLI prints them; the pane and
 * the functions read the same fields.
 */
import type { Day } from "./dates";
import { type DemandSource, demandSourceOf } from "./demand";
import { accuracy, type MethodName } from "./forecasting";
import type { ItemLocation } from "./model";
import { tidy } from "./plan";
import type { Settings } from "./settings";
import { weekStart } from "./weeks";

export interface ForecastRow {
  sku: string;
  warehouse: string;
  week: number;
  weekStart: Day;
  /** d[w]. */
  forecast: number;
  source: DemandSource;
  /** The statistical method; null unless the week's source is `sales-history`. */
  method: MethodName | null;
  /** The 10 % and 90 % quantiles of the week's demand; null unless `sales-history`. */
  low: number | null;
  high: number | null;
}

export function forecastRow(item: ItemLocation, week: number, settings: Settings): ForecastRow {
  const source = demandSourceOf(item, week);
  const statistical = source === "sales-history" ? item.forecast : undefined;
  return {
    sku: item.sku,
    warehouse: item.warehouse,
    week,
    weekStart: weekStart(week, settings.planStart),
    forecast: tidy(item.demand[week]),
    source,
    method: statistical ? statistical.method : null,
    low: statistical ? tidy(statistical.low[week - 1]) : null,
    high: statistical ? tidy(statistical.high[week - 1]) : null,
  };
}

export function* forecastRows(items: Iterable<ItemLocation>, settings: Settings): Generator<ForecastRow> {
  for (const item of items) {
    for (let w = 1; w <= settings.horizonWeeks; w++) yield forecastRow(item, w, settings);
  }
}

/** The weeks held out by the backtest (docs/forecasting.md: the last 13 history weeks). */
export const ACCURACY_WEEKS = 13;

export interface AccuracyRow {
  sku: string;
  warehouse: string;
  /** What the history without its last 13 weeks chose; null when that is too short to test, or the Forecast Method is `none`. */
  method: MethodName | null;
  /** Weeks from the first sale to week −1. */
  historyWeeks: number;
  rmsse: number | null;
  wape: number | null;
  bias: number | null;
}

/**
 * The accuracy of an item-location's forecast, from forecasting the last 13 history
 * weeks with only the weeks before them (the same method choice, made on the shorter
 * history). Undefined without a history.
 */
export function accuracyRow(item: ItemLocation): AccuracyRow | undefined {
  const history = item.inputs.history;
  if (!history) return undefined;
  const row = { sku: item.sku, warehouse: item.warehouse, historyWeeks: history.weeks.length };
  if (item.forecastMethod === "none") return { ...row, method: null, rmsse: null, wape: null, bias: null };
  const measured = accuracy(history.weeks, { holdout: ACCURACY_WEEKS, method: item.forecastMethod as MethodName | "auto" });
  return { ...row, method: measured.method, rmsse: measured.rmsse, wape: measured.wape, bias: measured.bias };
}

export function* accuracyRows(items: Iterable<ItemLocation>): Generator<AccuracyRow> {
  for (const item of items) {
    const row = accuracyRow(item);
    if (row) yield row;
  }
}
