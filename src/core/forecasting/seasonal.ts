/**
 * Seasonal indices from a classical decomposition, chosen by cross-validation
 * across cycles instead of being optimised as free parameters (52 of them from
 * three years of data would mostly fit noise).
 *
 * 1. Trend: a centred moving average over one cycle (2×m when m is even), as a
 *    local line where the window is cut short (the ends, missing weeks);
 *    re-estimated a few times on the series with the last indices taken out.
 * 2. Raw index of a position in the cycle: the mean of the detrended values there
 *    (differences for additive, ratios for multiplicative seasonality).
 * 3. The raw indices are smoothed across neighbouring positions (a triangular
 *    kernel, wrapping around the cycle) and shrunk towards "no season" by λ.
 *
 * Every candidate (additive or multiplicative; kernel half-width 0, 1, 2 or 4) is
 * judged by leave-one-cycle-out: each cycle's detrended weeks are predicted by the
 * indices of the other cycles. For each candidate λ has a closed form (least
 * squares of those predictions). The best candidate is used only if it beats "no
 * season" by more than a BIC-style allowance for λ and the kernel choice, and in
 * every cycle: a pattern that comes back each year predicts each year better, while
 * a one-off event (a level shift leaves a year-long wave in the detrended series)
 * can seem to help in total through the decomposition's trend.
 */
export type SeasonKind = "additive" | "multiplicative";

export interface Season {
  period: number;
  kind: SeasonKind;
  /** Index by position k = (t − n) mod m: future week h uses index[(h − 1) mod m]. */
  index: Float64Array;
  /**
   * The series adjusted, each cycle by the indices of the other cycles only: its
   * one-step errors carry the indices' own estimation error, as the future's will.
   */
  crossAdjusted: Float64Array;
}

const HALF_WIDTHS = [0, 1, 2, 4];
/**
 * The trend is re-estimated with the last indices taken out until it moves less than
 * this (in units of the series' mean) or for at most so many rounds: the cut-short
 * ends converge on what the full windows would say.
 */
const TREND_TOLERANCE = 1e-5;
const MAX_TREND_ROUNDS = 20;
/** The multiplicative index never falls below this, so adjusting never divides by ~0. */
const MIN_FACTOR = 0.05;
/** λ and the kernel's width, charged at BIC's log(weeks) each: the test picks the best of eight candidates. */
const PENALTY_PARAMETERS = 2;

/** Position in the cycle, aligned to the end of the series. */
const positionOf = (t: number, n: number, m: number): number => (((t - n) % m) + m) % m;

/** One week with its season taken out: the index subtracted, or the factor divided. */
const adjustWeek = (y: number, kind: SeasonKind, s: number): number => (kind === "additive" ? y - s : y / s);

/**
 * The trend at each week: a weighted least-squares line through the cycle around
 * it (the 2×m moving average's weights), read at that week. Where the whole window
 * exists this is the centred moving average itself; at the ends and around missing
 * weeks the line keeps a trend's slope instead of flattening it.
 */
export function cycleTrend(x: Float64Array, m: number): Float64Array {
  const n = x.length;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  // Prefix sums over observed weeks s of 1, s, s², x, s·x: each window's sums in O(1).
  const c = new Float64Array(n + 1);
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  const v1 = new Float64Array(n + 1);
  const sv = new Float64Array(n + 1);
  for (let s = 0; s < n; s++) {
    const v = x[s];
    const seen = v === v;
    c[s + 1] = c[s] + (seen ? 1 : 0);
    s1[s + 1] = s1[s] + (seen ? s : 0);
    s2[s + 1] = s2[s] + (seen ? s * s : 0);
    v1[s + 1] = v1[s] + (seen ? v : 0);
    sv[s + 1] = sv[s] + (seen ? s * v : 0);
  }
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const from = Math.max(0, t - half);
    const to = Math.min(n - 1, t + half);
    let sw = c[to + 1] - c[from];
    let ss = s1[to + 1] - s1[from];
    let sss = s2[to + 1] - s2[from];
    let sy = v1[to + 1] - v1[from];
    let ssy = sv[to + 1] - sv[from];
    if (even) {
      // A whole window's two end weeks count half.
      for (const e of [t - half, t + half]) {
        if (e < 0 || e >= n || x[e] !== x[e]) continue;
        sw -= 0.5;
        ss -= 0.5 * e;
        sss -= 0.5 * e * e;
        sy -= 0.5 * x[e];
        ssy -= 0.5 * e * x[e];
      }
    }
    // The same sums about t: d = s − t.
    const sx = ss - t * sw;
    const sxx = sss - 2 * t * ss + t * t * sw;
    const sxy = ssy - t * sy;
    const det = sw * sxx - sx * sx;
    // Intercept of the line at d = 0; a single point or a degenerate window falls back to the mean.
    out[t] = sw <= 0 ? NaN : det > 1e-9 * sw * sw ? (sxx * sy - sx * sxy) / det : sy / sw;
  }
  return out;
}

/** Sums and counts of detrended values per position, over all cycles and for each cycle alone. */
interface Tally {
  sum: Float64Array;
  count: Float64Array;
  /** [cycle * m + k] */
  cycleSum: Float64Array;
  cycleCount: Float64Array;
  cycles: number;
}

function tally(detrended: Float64Array, m: number): Tally {
  const n = detrended.length;
  const cycles = Math.ceil(n / m);
  const t0: Tally = {
    sum: new Float64Array(m),
    count: new Float64Array(m),
    cycleSum: new Float64Array(cycles * m),
    cycleCount: new Float64Array(cycles * m),
    cycles,
  };
  for (let t = 0; t < n; t++) {
    const v = detrended[t];
    if (v !== v) continue;
    const k = positionOf(t, n, m);
    const c = Math.floor((n - 1 - t) / m);
    t0.sum[k] += v;
    t0.count[k]++;
    t0.cycleSum[c * m + k] += v;
    t0.cycleCount[c * m + k]++;
  }
  return t0;
}

/**
 * Smoothed, centred indices (as deviations from "no season": 0) from the tally,
 * leaving out one cycle (or none, −1).
 */
function profile(t: Tally, m: number, halfWidth: number, leaveOut: number, out: Float64Array): void {
  const raw = new Float64Array(m);
  const has = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    const sum = t.sum[k] - (leaveOut >= 0 ? t.cycleSum[leaveOut * m + k] : 0);
    const count = t.count[k] - (leaveOut >= 0 ? t.cycleCount[leaveOut * m + k] : 0);
    if (count > 0) {
      raw[k] = sum / count;
      has[k] = 1;
    }
  }
  let mean = 0;
  let filled = 0;
  for (let k = 0; k < m; k++) {
    let sum = 0;
    let weight = 0;
    for (let j = -halfWidth; j <= halfWidth; j++) {
      const i = (((k + j) % m) + m) % m;
      if (!has[i]) continue;
      const w = halfWidth + 1 - Math.abs(j);
      sum += w * raw[i];
      weight += w;
    }
    out[k] = weight > 0 ? sum / weight : NaN;
    if (weight > 0) {
      mean += out[k];
      filled++;
    }
  }
  mean = filled > 0 ? mean / filled : 0;
  for (let k = 0; k < m; k++) out[k] = out[k] === out[k] ? out[k] - mean : 0;
}

interface Decomposition {
  kind: SeasonKind;
  trend: Float64Array;
  /** Additive: y − trend. Multiplicative: y / trend − 1 (trend > 0), else NaN. */
  detrended: Float64Array;
}

function decompose(y: Float64Array, m: number, kind: SeasonKind): Decomposition | undefined {
  const n = y.length;
  let trend = cycleTrend(y, m);
  const detrended = new Float64Array(n);
  const index = new Float64Array(m);
  const adjusted = new Float64Array(n);
  for (let round = 0; ; round++) {
    for (let t = 0; t < n; t++) {
      const tr = trend[t];
      if (kind === "additive") detrended[t] = y[t] - tr;
      else detrended[t] = tr > 0 ? y[t] / tr - 1 : NaN;
    }
    if (round === MAX_TREND_ROUNDS) break;
    // Raw (unsmoothed) indices here: a smoothed spike would leak into the trend beside it.
    profile(tally(detrended, m), m, 0, -1, index);
    for (let t = 0; t < n; t++) adjusted[t] = adjustWeek(y[t], kind, kind === "additive" ? index[positionOf(t, n, m)] : Math.max(MIN_FACTOR, 1 + index[positionOf(t, n, m)]));
    const next = cycleTrend(adjusted, m);
    let change = 0;
    for (let t = 0; t < n; t++) change = Math.max(change, Math.abs(next[t] - trend[t]));
    trend = next;
    if (!(change > TREND_TOLERANCE)) break;
  }
  for (let t = 0; t < n; t++) if (trend[t] !== trend[t]) return undefined;
  return { kind, trend, detrended };
}

interface Candidate {
  kind: SeasonKind;
  halfWidth: number;
  lambda: number;
  /** Leave-one-cycle-out squared error in the series' units. */
  cvSse: number;
  /** The largest of the cycles' own squared errors with the season over without it. */
  worstFold: number;
  /** Squared error with no season (y − trend). */
  noneSse: number;
  weeks: number;
  d: Decomposition;
}

/**
 * Leave-one-cycle-out for one decomposition and kernel: the error of each week as
 * a function of λ is (r − λ·u) in the series' units, so λ* = Σru / Σu² in [0, 1].
 */
function crossValidate(y: Float64Array, m: number, d: Decomposition, halfWidth: number): Candidate | undefined {
  const n = y.length;
  const t0 = tally(d.detrended, m);
  if (t0.cycles < 2) return undefined;
  const loo = new Float64Array(m);
  let ru = 0;
  let uu = 0;
  let rr = 0;
  let weeks = 0;
  const foldRu = new Float64Array(t0.cycles);
  const foldUu = new Float64Array(t0.cycles);
  const foldRr = new Float64Array(t0.cycles);
  for (let c = 0; c < t0.cycles; c++) {
    profile(t0, m, halfWidth, c, loo);
    const end = n - 1 - c * m;
    for (let t = Math.max(0, end - m + 1); t <= end; t++) {
      const v = d.detrended[t];
      if (v !== v || y[t] !== y[t]) continue;
      const k = positionOf(t, n, m);
      // Both kinds in units of y: additive r = y − trend, u = s; multiplicative u = trend·s.
      const scale = d.kind === "additive" ? 1 : d.trend[t];
      const r = v * scale;
      const u = loo[k] * scale;
      ru += r * u;
      uu += u * u;
      rr += r * r;
      foldRu[c] += r * u;
      foldUu[c] += u * u;
      foldRr[c] += r * r;
      weeks++;
    }
  }
  if (weeks === 0 || !(rr > 0)) return undefined;
  const lambda = uu > 0 ? Math.min(1, Math.max(0, ru / uu)) : 0;
  const cvSse = rr - 2 * lambda * ru + lambda * lambda * uu;
  let worstFold = 0;
  for (let c = 0; c < t0.cycles; c++) {
    if (!(foldRr[c] > 0)) continue;
    worstFold = Math.max(worstFold, (foldRr[c] - 2 * lambda * foldRu[c] + lambda * lambda * foldUu[c]) / foldRr[c]);
  }
  return { kind: d.kind, halfWidth, lambda, cvSse, worstFold, noneSse: rr, weeks, d };
}

/** How well the best season of each kind does at period m, against no season. */
export interface SeasonScore {
  season: Season;
  /** Leave-one-cycle-out squared error over that of no season (< 1: the season helps). */
  ratio: number;
  /** Whether it helps: by more than the BIC-style allowance overall, and in every cycle. */
  helps: boolean;
}

/** The best season at period m of the given kind (or of either), or undefined when there is too little history. */
export function scoreSeason(y: Float64Array, m: number, only?: SeasonKind): SeasonScore | undefined {
  const n = y.length;
  if (!(m >= 2) || n < 2 * m) return undefined;
  let best: Candidate | undefined;
  for (const kind of ["additive", "multiplicative"] as const) {
    if (only && kind !== only) continue;
    const d = decompose(y, m, kind);
    if (!d) continue;
    for (const halfWidth of HALF_WIDTHS) {
      const c = crossValidate(y, m, d, halfWidth);
      if (c && (!best || c.cvSse < best.cvSse)) best = c;
    }
  }
  const none = candidateNone(y, m);
  if (!best || !(none > 0)) return undefined;
  const t0 = tally(best.d.detrended, m);
  const index = new Float64Array(m);
  profile(t0, m, best.halfWidth, -1, index);
  const toIndex = (deviation: number): number => (best.kind === "additive" ? best.lambda * deviation : Math.max(MIN_FACTOR, 1 + best.lambda * deviation));
  for (let k = 0; k < m; k++) index[k] = toIndex(index[k]);
  const crossAdjusted = new Float64Array(n);
  const loo = new Float64Array(m);
  for (let c = 0; c < t0.cycles; c++) {
    profile(t0, m, best.halfWidth, c, loo);
    const end = n - 1 - c * m;
    for (let t = Math.max(0, end - m + 1); t <= end; t++) crossAdjusted[t] = adjustWeek(y[t], best.kind, toIndex(loo[positionOf(t, n, m)]));
  }
  const ratio = best.cvSse / none;
  return {
    season: { period: m, kind: best.kind, index, crossAdjusted },
    ratio,
    helps: best.lambda > 0 && best.worstFold < 1 && best.weeks * Math.log(ratio) + PENALTY_PARAMETERS * Math.log(best.weeks) < 0,
  };
}

/** Squared error of the plain trend (the one-cycle moving average of y) alone. */
function candidateNone(y: Float64Array, m: number): number {
  const trend = cycleTrend(y, m);
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - trend[t];
    if (e === e) sse += e * e;
  }
  return sse;
}

/** The series with the season taken out (missing weeks stay missing). */
export function adjust(y: Float64Array, season: Season): Float64Array {
  const n = y.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = adjustWeek(y[t], season.kind, season.index[positionOf(t, n, season.period)]);
  return out;
}

/** The season's effect on week t of a history of n weeks (0-based). */
export function seasonOfWeek(season: Season, t: number, n: number): number {
  return season.index[positionOf(t, n, season.period)];
}

/** The season's effect on future week h (1-based): added, or the factor. */
export function seasonAt(season: Season, h: number): number {
  return season.index[(h - 1) % season.period];
}
