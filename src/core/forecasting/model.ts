/**
 * A fitted method, as the forecast and the safety stock see it: expected demand of
 * future weeks, and the variance of its errors from the method's own model. All in
 * the history's scaled units (history.ts).
 */
import { type EtsFit, etsMeans, etsPsi } from "./ets";
import { type Season, seasonAt } from "./seasonal";

export interface Model {
  /** Expected demand of future weeks 1..h, each ≥ 0. */
  means(h: number): Float64Array;
  /** Variance of the error of future week h alone. */
  weekVariance(h: number): number;
  /** Variance of the error of the sum of future weeks 1..p. */
  totalVariance(p: number): number;
  /** Probability of a demand in a week, for methods that model it (Croston family). */
  probability?: number;
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
 */
export function smoothingModel(fit: EtsFit, season?: Season): Model {
  const sigma2 = fit.sigma2 * (season?.inflation ?? 1);
  const factor = (h: number): number => (season?.kind === "multiplicative" ? seasonAt(season, h) : 1);
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
      return sigma2 * a * a * sum;
    },
    totalVariance(p) {
      const c = etsPsi(fit, p);
      let variance = 0;
      for (let h = 1; h <= p; h++) {
        let weight = factor(h);
        for (let k = h + 1; k <= p; k++) weight += factor(k) * c[k - h];
        variance += weight * weight;
      }
      return sigma2 * variance;
    },
    aicc: fit.aicc,
    detail: fit.kind,
  };
}
