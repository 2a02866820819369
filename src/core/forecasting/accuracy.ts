/**
 * Backtest accuracy of the forecast: the last `holdout` weeks of the history are
 * forecast from only the weeks before them (the method chosen again on that shorter
 * history, as `auto` would have chosen then), and compared with what happened.
 * Censored weeks count neither in the errors nor in the scale.
 *
 *   RMSSE = √( mean over the holdout of (forecast − actual)² / mean over the
 *           training weeks of (y[t] − y[t−1])² )         (the M5 competition's measure)
 *   WAPE  = Σ|forecast − actual| / Σ actual
 *   bias  = (Σ forecast − Σ actual) / Σ actual           (> 0: forecast too high)
 *
 * A measure is null when it has no meaning: no observed holdout week, Σ actual = 0
 * (WAPE, bias), or a training part with no change between observed weeks (RMSSE).
 */
import { forecast } from "./forecast";
import { prepareHistory } from "./history";
import type { MethodName } from "./methods";

export interface AccuracyOptions {
  /** Weeks held out at the end; default 13. */
  holdout?: number;
  method?: MethodName | "auto";
  season?: number;
}

export interface Accuracy {
  /** The method the shorter history chose; null when there is nothing to test. */
  method: MethodName | null;
  /** Weeks of history (from the first sale). */
  historyWeeks: number;
  rmsse: number | null;
  wape: number | null;
  bias: number | null;
}

export const DEFAULT_HOLDOUT = 13;

export function accuracy(history: ArrayLike<number>, options: AccuracyOptions = {}): Accuracy {
  const prepared = prepareHistory(history);
  const n = prepared.y.length;
  const holdout = Number.isFinite(options.holdout) ? Math.max(1, Math.floor(options.holdout!)) : DEFAULT_HOLDOUT;
  const none: Accuracy = { method: null, historyWeeks: n, rmsse: null, wape: null, bias: null };
  if (n <= holdout) return none;
  // Measured in the prepared (scaled) units: every measure is a ratio, and no square can overflow.
  const train = prepared.y.subarray(0, n - holdout);
  const actual = prepared.y.subarray(n - holdout);
  const result = forecast(train, { horizon: holdout, method: options.method, season: options.season });
  return { method: result.method, historyWeeks: n, ...measures(train, actual, result.point) };
}

export interface Measures {
  rmsse: number | null;
  wape: number | null;
  bias: number | null;
}

/** The three measures of forecasts against actuals (NaN = not observed), RMSSE scaled by `train`. */
export function measures(train: ArrayLike<number>, actual: ArrayLike<number>, predicted: ArrayLike<number>): Measures {
  let squares = 0;
  let absolute = 0;
  let sumActual = 0;
  let sumForecast = 0;
  let weeks = 0;
  for (let j = 0; j < actual.length; j++) {
    const a = actual[j];
    if (!Number.isFinite(a)) continue;
    const e = predicted[j] - a;
    squares += e * e;
    absolute += Math.abs(e);
    sumActual += a;
    sumForecast += predicted[j];
    weeks++;
  }
  let naive = 0;
  let pairs = 0;
  for (let t = 1; t < train.length; t++) {
    const d = train[t] - train[t - 1];
    if (!Number.isFinite(d)) continue;
    naive += d * d;
    pairs++;
  }
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  if (weeks === 0) return { rmsse: null, wape: null, bias: null };
  return {
    rmsse: pairs > 0 && naive > 0 ? finite(Math.sqrt(squares / weeks / (naive / pairs))) : null,
    wape: sumActual > 0 ? finite(absolute / sumActual) : null,
    bias: sumActual > 0 ? finite((sumForecast - sumActual) / sumActual) : null,
  };
}
