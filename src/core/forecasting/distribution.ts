/**
 * Predictive distributions of demand over future weeks, from which the 10 %/90 %
 * quantiles and the service-level safety stock are read.
 *
 * Smooth demand: normal, with the method's model variance plus the lead-time term
 * d̄²·σL² (the textbook z·√(P·σ² + d̄²·σL²) when the model's variance is P·σ²).
 *
 * Intermittent demand (a demand in fewer than 1/1.32 of the weeks, Syntetos &
 * Boylan's cut-off): a compound distribution, simulated deterministically. Each
 * week has a demand with probability p, of a size drawn from the series' own
 * demand sizes, rescaled so the week's mean is the forecast; the protection
 * interval's length is P + σL·Z weeks (Z standard normal, at least 0, a fraction
 * of its last week counted pro rata). The sample's order statistics are the
 * quantiles. A normal would put stock where there is no demand and miss the lumps.
 */
import { inverseNormal } from "./normal";
import { seededRandom } from "./random";

export interface Predictive {
  /** The p-quantile (0 < p < 1) of the demand total, ≥ 0. */
  quantile(p: number): number;
}

export function normalPredictive(mean: number, variance: number): Predictive {
  const sd = Math.sqrt(Math.max(0, variance));
  return { quantile: (p) => Math.max(0, mean + inverseNormal(p) * sd) };
}

/** Demand sizes as the compound distribution draws them: sorted, with their mean. */
export interface Sizes {
  sorted: Float64Array;
  mean: number;
}

export function sizesOf(y: Float64Array): Sizes | undefined {
  const values: number[] = [];
  let sum = 0;
  for (let t = 0; t < y.length; t++) {
    if (y[t] > 0) {
      values.push(y[t]);
      sum += y[t];
    }
  }
  if (values.length === 0) return undefined;
  return { sorted: Float64Array.from(values).sort(), mean: sum / values.length };
}

/** One week of intermittent demand: 0 with probability 1 − p, else a rescaled size. */
export function intermittentWeek(mean: number, probability: number, sizes: Sizes): Predictive {
  const p = Math.min(1, Math.max(1e-9, probability));
  const factor = mean / (p * sizes.mean);
  return {
    quantile(q) {
      if (q <= 1 - p) return 0;
      const share = (q - (1 - p)) / p;
      const i = Math.min(sizes.sorted.length - 1, Math.max(0, Math.ceil(share * sizes.sorted.length) - 1));
      return sizes.sorted[i] * factor;
    },
  };
}

const DRAWS = 4000;
const SEED = 0x5eed;

/**
 * The total of future weeks 1..(weeks + σL·Z) of intermittent demand; `means[j]` is
 * week j+1's expected demand and must cover the longest interval drawn.
 */
export function intermittentTotal(means: Float64Array, probability: number, sizes: Sizes, weeks: number, leadSd: number): Predictive {
  const p = Math.min(1, Math.max(1e-9, probability));
  const random = seededRandom(SEED);
  const k = sizes.sorted.length;
  const totals = new Float64Array(DRAWS);
  const maxWeeks = means.length;
  // Weeks without a demand are skipped in one draw each (geometric gaps), so a draw costs its demands, not its weeks.
  const logMiss = p < 1 ? Math.log(1 - p) : -Infinity;
  const gap = (): number => (p < 1 ? Math.floor(Math.log(1 - random()) / logMiss) : 0);
  for (let d = 0; d < DRAWS; d++) {
    let length = weeks;
    if (leadSd > 0) length = Math.min(maxWeeks, Math.max(0, weeks + leadSd * standardNormal(random)));
    const whole = Math.floor(length);
    const fraction = length - whole;
    const end = Math.min(maxWeeks, fraction > 0 ? whole + 1 : whole);
    let total = 0;
    for (let j = gap(); j < end; j += 1 + gap()) {
      const share = j < whole ? 1 : fraction;
      total += share * sizes.sorted[Math.floor(random() * k)] * (means[j] / (p * sizes.mean));
    }
    totals[d] = total;
  }
  totals.sort();
  return {
    quantile(q) {
      const i = Math.min(DRAWS - 1, Math.max(0, Math.ceil(q * DRAWS) - 1));
      return totals[i];
    },
  };
}

/** Box–Muller from two uniforms of the seeded generator. */
function standardNormal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
