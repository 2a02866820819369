/**
 * A fitted method, as the forecast and the safety stock see it: expected demand of
 * future weeks, and the variance of its errors from the method's own model. All in
 * the history's scaled units (history.ts).
 */
import { dampedSums, type EtsFit, etsMeans, etsPsi, etsStatesOn } from "./ets";
import { type Season, seasonAt, seasonOfWeek } from "./seasonal";

export interface Model {
  /** Expected demand of future weeks 1..h, each ≥ 0. */
  means(h: number): Float64Array;
  /** Variance of the error of future week h alone. */
  weekVariance(h: number): number;
  /** Variance of the error of the sum of future weeks 1..p. */
  totalVariance(p: number): number;
  /** Probability of a demand in a week, for methods that model it (Croston family). */
  probability?: number;
  /** Degrees of freedom of the error's Student t, for a spread estimated from few weeks (else normal). */
  degreesOfFreedom?: number;
  /** Comparable between models fitted on the same data (ETS: AICc). */
  aicc?: number;
  /** Which variant was fitted inside the method (e.g. "damped" trend under a season). */
  detail?: string;
}

function clipped(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) values[i] = 0;
  return values;
}

/** A constant forecast whose level is known with variance `levelVariance` (σ² units). */
export function constantModel(rate: number, sigma2: number, levelVariance: number, extra: Partial<Model> = {}): Model {
  return {
    means: (h) => clipped(new Float64Array(h).fill(rate)),
    weekVariance: () => sigma2 + levelVariance,
    totalVariance: (p) => p * sigma2 + p * p * levelVariance,
    ...extra,
  };
}

/**
 * Exponential smoothing, optionally on a seasonally adjusted series. A future week's
 * error is Σ ψ-weighted one-step errors; with a multiplicative season each week's
 * error is also scaled by its factor a[k]:
 *   week h:        σ²·a[h]²·(1 + Σ_{j<h} c[j]²)
 *   weeks 1..p:    σ²·Σ_{h=1..p} (a[h] + Σ_{k=h+1..p} a[k]·c[k−h])²
 * which for the level model without season is σ²·Σ_{j=1..p} (1 + α(p−j))².
 * σ² is the one-step errors' variance (over the series the model was fitted to, or
 * for a season the cross-adjusted one: `errorsOn`), its recent weeks weighing more
 * (half-life RECENT_HALF_LIFE weeks): demand's noise grows and shrinks with its
 * level, and the forecast starts from the last one.
 * A total's variance is the larger of that and the mean squared error the fitted
 * model made of the same total from every week of its own history: a model that
 * misses a curve in the trend or a change of pattern shows it there.
 */
export function smoothingModel(fit: EtsFit, season?: Season, errorsOn?: Float64Array, fittedSigma2 = fit.sigma2): Model {
  const factor = (h: number): number => (season?.kind === "multiplicative" ? seasonAt(season, h) : 1);
  const totals = new Map<number, number>();
  let states: States | undefined;
  const statesOn = (y: Float64Array): States => (states ??= etsStatesOn(y, fit));
  let sigma2Cache: number | undefined;
  const sigma2 = (): number => (sigma2Cache ??= errorsOn ? fittedSigma2 * recentWeight(errorsOn, statesOn(errorsOn), fit) : fittedSigma2);
  const modelTotal = (p: number): number => {
    const c = etsPsi(fit, p);
    let variance = 0;
    for (let h = 1; h <= p; h++) {
      let weight = factor(h);
      for (let k = h + 1; k <= p; k++) weight += factor(k) * c[k - h];
      variance += weight * weight;
    }
    return sigma2() * variance;
  };
  return {
    means(h) {
      const out = etsMeans(fit, h);
      if (season) for (let i = 0; i < h; i++) out[i] = season.kind === "additive" ? out[i] + seasonAt(season, i + 1) : out[i] * seasonAt(season, i + 1);
      return clipped(out);
    },
    weekVariance(h) {
      const c = etsPsi(fit, h);
      let sum = 1;
      for (let j = 1; j < h; j++) sum += c[j] * c[j];
      const a = factor(h);
      return sigma2() * a * a * sum;
    },
    totalVariance(p) {
      let variance = totals.get(p);
      if (variance === undefined) {
        variance = Math.max(modelTotal(p), errorsOn ? historyTotalError(errorsOn, statesOn(errorsOn), fit, p, season) : 0);
        totals.set(p, variance);
      }
      return variance;
    },
    aicc: fit.aicc,
    detail: fit.kind,
  };
}

interface States {
  level: Float64Array;
  trend: Float64Array;
}

/** Half-life, in weeks, of a one-step error's weight in σ². */
export const RECENT_HALF_LIFE = 34;

/** The recency-weighted mean of the squared one-step errors over their plain mean. */
function recentWeight(y: Float64Array, states: States, fit: EtsFit): number {
  const n = y.length;
  const decay = Math.pow(0.5, 1 / RECENT_HALF_LIFE);
  let weighted = 0;
  let weights = 0;
  let plain = 0;
  let weeks = 0;
  let w = 1;
  for (let t = n - 1; t >= 1; t--, w *= decay) {
    const e = y[t] - (states.level[t - 1] + fit.phi * states.trend[t - 1]);
    if (e !== e) continue;
    weighted += w * e * e;
    weights += w;
    plain += e * e;
    weeks++;
  }
  return plain > 0 ? weighted / weights / (plain / weeks) : 1;
}

/** Origins before this many weeks are left out: the state is still settling. */
const SETTLING_WEEKS = 8;

/** Mean squared error of the fitted model's forecast of p-week totals from each week of y (in the series' units). */
function historyTotalError(y: Float64Array, { level, trend }: States, fit: EtsFit, p: number, season?: Season): number {
  const n = y.length;
  if (p <= 0 || n - p <= SETTLING_WEEKS) return 0;
  const factor = (t: number): number => (season?.kind === "multiplicative" ? seasonOfWeek(season, t, n) : 1);
  const sums = dampedSums(fit.phi, p);
  let squares = 0;
  let origins = 0;
  for (let t = SETTLING_WEEKS - 1; t + p < n; t++) {
    let error = 0;
    for (let h = 1; h <= p; h++) error += factor(t + h) * (y[t + h] - (level[t] + sums[h - 1] * trend[t]));
    if (error !== error) continue;
    squares += error * error;
    origins++;
  }
  return origins > 0 ? squares / origins : 0;
}
