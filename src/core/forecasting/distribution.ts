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
 * of its last week counted pro rata). The forecast's own uncertainty (its level is
 * an estimate) enters as a gamma-distributed factor on each draw's means, of mean 1
 * and the variance the method's model gives the total beyond the compound's own.
 * The sample's order statistics are the quantiles. A normal would put stock where
 * there is no demand and miss the lumps.
 */
import { inverseStudentT } from "./normal";
import { seededRandom } from "./random";

export interface Predictive {
  /** The p-quantile (0 < p < 1) of the demand total, ≥ 0. */
  quantile(p: number): number;
}

/** Normal, or Student's t with `degreesOfFreedom`, around the mean. */
export function normalPredictive(mean: number, variance: number, degreesOfFreedom = Infinity): Predictive {
  const sd = Math.sqrt(Math.max(0, variance));
  return { quantile: (p) => Math.max(0, mean + inverseStudentT(p, degreesOfFreedom) * sd) };
}

/** Demand sizes as the compound distribution draws them: sorted, with their mean and E[s²]/E[s]². */
export interface Sizes {
  sorted: Float64Array;
  mean: number;
  spread: number;
}

export function sizesOf(y: Float64Array): Sizes | undefined {
  const values: number[] = [];
  let sum = 0;
  let squares = 0;
  for (let t = 0; t < y.length; t++) {
    if (y[t] > 0) {
      values.push(y[t]);
      sum += y[t];
      squares += y[t] * y[t];
    }
  }
  if (values.length === 0) return undefined;
  const mean = sum / values.length;
  return { sorted: Float64Array.from(values).sort(), mean, spread: squares / values.length / (mean * mean) };
}

/**
 * Variance of a total of weeks with these means under the compound model alone
 * (demand sizes and whether a demand comes, each week on its own): a week of mean m
 * has variance m²·(E[s²]/E[s]²/p − 1).
 */
export function compoundVariance(means: Float64Array, weeks: number, probability: number, sizes: Sizes): number {
  const p = Math.min(1, Math.max(1e-9, probability));
  let variance = 0;
  for (let j = 0; j < weeks; j++) variance += means[j] * means[j] * (sizes.spread / p - 1);
  return Math.max(0, variance);
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
export function intermittentTotal(means: Float64Array, probability: number, sizes: Sizes, weeks: number, leadSd: number, levelCv2: number): Predictive {
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
    const level = levelCv2 > 1e-9 ? gamma(random, 1 / levelCv2) * levelCv2 : 1;
    let total = 0;
    for (let j = gap(); j < end; j += 1 + gap()) {
      const share = j < whole ? 1 : fraction;
      total += share * sizes.sorted[Math.floor(random() * k)] * (means[j] / (p * sizes.mean));
    }
    totals[d] = total * level;
  }
  totals.sort();
  return {
    quantile(q) {
      const i = Math.min(DRAWS - 1, Math.max(0, Math.ceil(q * DRAWS) - 1));
      return totals[i];
    },
  };
}

/** Marsaglia & Tsang's gamma variate of this shape (scale 1); shape < 1 boosted by U^(1/shape). */
function gamma(random: () => number, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Box–Muller from two uniforms of the seeded generator. */
function standardNormal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
