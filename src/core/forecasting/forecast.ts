/**
 * The statistical forecast of one item-location's weekly demand history.
 */
import { choose, isIntermittent } from "./auto";
import { FitContext } from "./context";
import { compoundVariance, intermittentTotal, intermittentWeek, normalPredictive, type Predictive } from "./distribution";
import { prepareHistory } from "./history";
import type { MethodName } from "./methods";
import type { Model } from "./model";
import { normalSafetyStock } from "./safetyStock";

export interface ForecastOptions {
  /** Weeks to forecast (1..horizon). */
  horizon: number;
  /** "auto" (default) or a method name (METHODS). */
  method?: MethodName | "auto";
  /** Season length in weeks: default 52; 1 = no season; 0 = choose (4, 7, 12 or 52). */
  season?: number;
}

export interface SafetyStockOptions {
  /** The protection interval P = L + R, in whole weeks. */
  weeks: number;
  /** Cycle service level, in (0, 1): 0.95 for 95 %. */
  serviceLevel: number;
  /** Standard deviation of the lead time, in weeks (Lead Time SD Days / 7); default 0. */
  leadTimeSdWeeks?: number;
}

export interface Forecast {
  /** The method used (what `auto` chose, or the one asked for when it could be fitted). */
  method: MethodName;
  /** Expected demand of weeks 1..horizon, ≥ 0. */
  point: number[];
  /** 10 % and 90 % quantiles of each week's demand: 0 ≤ low ≤ point ≤ high. */
  low: number[];
  high: number[];
  /** The predictive distribution the quantiles and safety stock come from. */
  distribution: "normal" | "intermittent";
  /**
   * The stock that, added to the forecast demand of weeks 1..P, covers the actual
   * demand of those weeks with probability `serviceLevel`; ≥ 0.
   */
  safetyStock(options: SafetyStockOptions): number;
}

/** Longest horizon or protection interval answered (longer requests are cut to it). */
export const MAX_WEEKS_AHEAD = 1040;
export const DEFAULT_SEASON = 52;
const LOW = 0.1;
const HIGH = 0.9;

export function forecast(history: ArrayLike<number>, options: ForecastOptions): Forecast {
  const prepared = prepareHistory(history);
  const context = new FitContext(prepared, seasonLength(options.season));
  const { method, model } = choose(context, options.method ?? "auto");
  return present(context, method, model, wholeWeeks(options.horizon));
}

function seasonLength(season: number | undefined): number {
  if (season === undefined || !Number.isFinite(season)) return DEFAULT_SEASON;
  const m = Math.round(season);
  return m <= 0 ? 0 : Math.min(m, MAX_WEEKS_AHEAD);
}

function wholeWeeks(value: number): number {
  return Number.isFinite(value) ? Math.min(MAX_WEEKS_AHEAD, Math.max(0, Math.floor(value))) : 0;
}

/** Back to the caller's units; a value too large for a number stays the largest one. */
const unscale = (value: number, scale: number): number => Math.min(Number.MAX_VALUE, value * scale);

function present(context: FitContext, method: MethodName, model: Model, horizon: number): Forecast {
  const history = context.history;
  const means = model.means(horizon);
  const sizes = context.sizes;
  const intermittent = isIntermittent(history) && sizes !== undefined;
  const probability = model.probability ?? (history.observed - history.zeros) / Math.max(1, history.observed);
  const week = (h: number): Predictive =>
    intermittent ? intermittentWeek(means[h - 1], probability, sizes) : normalPredictive(means[h - 1], model.weekVariance(h), model.degreesOfFreedom);
  const point: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const mean = means[h - 1];
    const predictive = week(h);
    point.push(unscale(mean, history.scale));
    low.push(unscale(Math.min(mean, predictive.quantile(LOW)), history.scale));
    high.push(unscale(Math.max(mean, predictive.quantile(HIGH)), history.scale));
  }
  const cache = new Map<string, (level: number) => number>();
  return {
    method,
    point,
    low,
    high,
    distribution: intermittent ? "intermittent" : "normal",
    safetyStock(options) {
      const weeks = wholeWeeks(options.weeks);
      const leadSd = Number.isFinite(options.leadTimeSdWeeks) ? Math.min(MAX_WEEKS_AHEAD, Math.max(0, options.leadTimeSdWeeks!)) : 0;
      const level = options.serviceLevel;
      if (!(level > 0 && level < 1)) return 0;
      const key = `${weeks}/${leadSd}`;
      let answer = cache.get(key);
      if (!answer) {
        answer = safetyStockOf(model, intermittent ? { probability, sizes: sizes! } : undefined, weeks, leadSd);
        cache.set(key, answer);
      }
      return unscale(answer(level), history.scale);
    },
  };
}

/** Safety stock (scaled units) as a function of the service level, for one P and σL. */
function safetyStockOf(
  model: Model,
  intermittent: { probability: number; sizes: NonNullable<FitContext["sizes"]> } | undefined,
  weeks: number,
  leadSd: number,
): (level: number) => number {
  // The compound simulation may draw up to P + 6σL weeks.
  const reach = Math.min(MAX_WEEKS_AHEAD, weeks + Math.ceil(6 * leadSd) + 1);
  const means = model.means(Math.max(1, reach));
  let total = 0;
  for (let h = 0; h < weeks; h++) total += means[h];
  const meanDemand = weeks > 0 ? total / weeks : means[0];
  if (!intermittent) {
    const variance = weeks > 0 ? model.totalVariance(weeks) : 0;
    return (level) => normalSafetyStock(level, variance, meanDemand, leadSd, model.degreesOfFreedom);
  }
  const own = weeks > 0 ? compoundVariance(means, weeks, intermittent.probability, intermittent.sizes) : 0;
  const levelCv2 = weeks > 0 && total > 0 ? Math.max(0, model.totalVariance(weeks) - own) / (total * total) : 0;
  const predictive = intermittentTotal(means, intermittent.probability, intermittent.sizes, weeks, leadSd, levelCv2);
  return (level) => Math.max(0, predictive.quantile(level) - total);
}
