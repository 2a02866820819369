/**
 * A demand history made safe for fitting: any input becomes weeks of demand ≥ 0 or
 * NaN (missing), starting at the first week with a sale, divided by the mean of its
 * observed weeks so every model works in units near 1 (huge quantities cannot
 * overflow a sum of squares, and tolerances mean the same for every item).
 */
export interface History {
  /** Demand per week in units of `scale`, oldest first; NaN = censored or missing. */
  y: Float64Array;
  /** What one unit of `y` is in the caller's units (1 when there is no sale). */
  scale: number;
  observed: number;
  /** Observed weeks with no demand. */
  zeros: number;
}

/** Longer inputs (possible in FORECASTSERIES) keep their most recent weeks. */
export const MAX_WEEKS = 1040;

/**
 * NaN, ±Infinity and anything not a number are missing; a negative week (net
 * returns) is 0; leading weeks up to the first sale above 0 are not history.
 */
export function prepareHistory(values: ArrayLike<unknown>): History {
  const raw: number[] = [];
  let started = false;
  const from = Math.max(0, values.length - MAX_WEEKS);
  for (let i = from; i < values.length; i++) {
    const v = values[i];
    const x = typeof v === "number" && Number.isFinite(v) ? Math.max(0, v) : NaN;
    if (!started && !(x > 0)) continue;
    started = true;
    raw.push(x);
  }
  let max = 0;
  for (const x of raw) if (x > max) max = x;
  let observed = 0;
  let zeros = 0;
  let meanOfShares = 0;
  for (const x of raw) {
    if (x !== x) continue;
    observed++;
    if (x === 0) zeros++;
    meanOfShares += x / max;
  }
  const mean = (meanOfShares / observed) * max;
  // The mean of subnormal quantities can round to 0: the largest one is a unit too.
  const scale = !(max > 0) ? 1 : mean > 0 ? mean : max;
  const y = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) y[i] = raw[i] / scale;
  return { y, scale, observed, zeros };
}

/** The history's first `weeks` weeks, with its own counts (same scale). */
export function headOf(history: History, weeks: number): History {
  const y = history.y.subarray(0, Math.max(0, weeks));
  let observed = 0;
  let zeros = 0;
  for (let t = 0; t < y.length; t++) {
    if (y[t] !== y[t]) continue;
    observed++;
    if (y[t] === 0) zeros++;
  }
  return { y, scale: history.scale, observed, zeros };
}

/** The observed weeks only, in order (what the intermittent-demand methods fit). */
export function observedWeeks(y: Float64Array): Float64Array {
  let count = 0;
  for (let t = 0; t < y.length; t++) if (y[t] === y[t]) count++;
  const out = new Float64Array(count);
  let i = 0;
  for (let t = 0; t < y.length; t++) if (y[t] === y[t]) out[i++] = y[t];
  return out;
}
