/**
 * Croston-family methods for intermittent demand, on the observed weeks only (a
 * censored week tells nothing of whether demand came).
 *
 * SBA (Syntetos & Boylan 2005): Croston's smoothing of the demand size z and of
 * the interval x between demands, both updated only in weeks with a demand, and
 * the forecast (1 − α/2)·z/x, which removes Croston's upward bias.
 *
 * TSB (Teunter, Syntetos & Babai 2011): the size z smoothed in demand weeks, the
 * probability p of a demand smoothed every week, forecast p·z; p decays through a
 * run of empty weeks, so an item fading out is forecast lower and lower.
 *
 * The smoothing constants are least squares on the one-step forecasts (bounded, a
 * coarse grid then Nelder–Mead); the initial size and interval are the series'
 * own means, so a stable series is free to choose a long memory.
 */
import { type Bounds, fromUnbounded, nelderMead, toUnbounded } from "./optimize";

export interface CrostonState {
  /** Smoothed demand size. */
  size: number;
  /** Smoothed interval between demands, in weeks. */
  interval: number;
  /** Weeks since the last demand (the current one included once it is counted). */
  since: number;
}

/** Croston's update for one observed week with smoothing constant α. */
export function crostonStep(state: CrostonState, demand: number, alpha: number): CrostonState {
  const since = state.since + 1;
  if (!(demand > 0)) return { size: state.size, interval: state.interval, since };
  return {
    size: state.size + alpha * (demand - state.size),
    interval: state.interval + alpha * (since - state.interval),
    since: 0,
  };
}

/** The SBA forecast of weekly demand from Croston's state. */
export function sbaForecast(state: CrostonState, alpha: number): number {
  return (1 - alpha / 2) * (state.size / state.interval);
}

export interface TsbState {
  size: number;
  /** Probability of a demand in a week. */
  probability: number;
}

/** TSB's update for one observed week: α for the size, β for the probability. */
export function tsbStep(state: TsbState, demand: number, alpha: number, beta: number): TsbState {
  const hit = demand > 0;
  return {
    size: hit ? state.size + alpha * (demand - state.size) : state.size,
    probability: state.probability + beta * ((hit ? 1 : 0) - state.probability),
  };
}

export interface IntermittentFit {
  kind: "sba" | "tsb";
  alpha: number;
  beta: number;
  /** Forecast of every future week. */
  rate: number;
  /** Probability of a demand in a future week, and the size it would have (rate = p·size). */
  probability: number;
  sse: number;
  observed: number;
}

const SMOOTHING: Bounds = { lo: 0.01, hi: 0.6 };
const STARTS = [0.03, 0.1, 0.25, 0.5];

interface Start {
  size: number;
  interval: number;
}

function startOf(x: Float64Array): Start | undefined {
  let demands = 0;
  let total = 0;
  for (let t = 0; t < x.length; t++) {
    if (x[t] > 0) {
      demands++;
      total += x[t];
    }
  }
  return demands === 0 ? undefined : { size: total / demands, interval: x.length / demands };
}

/** SBA's one-step squared errors over the weeks, and the state after them. */
function runSba(x: Float64Array, start: Start, alpha: number): { sse: number; state: CrostonState } {
  let state: CrostonState = { ...start, since: 0 };
  let sse = 0;
  for (let t = 0; t < x.length; t++) {
    const e = x[t] - sbaForecast(state, alpha);
    sse += e * e;
    state = crostonStep(state, x[t], alpha);
  }
  return { sse, state };
}

function runTsb(x: Float64Array, start: Start, alpha: number, beta: number): { sse: number; state: TsbState } {
  let state: TsbState = { size: start.size, probability: 1 / start.interval };
  let sse = 0;
  for (let t = 0; t < x.length; t++) {
    const e = x[t] - state.probability * state.size;
    sse += e * e;
    state = tsbStep(state, x[t], alpha, beta);
  }
  return { sse, state };
}

/** `x`: the observed weeks only. Undefined when there is no demand at all. */
export function fitSba(x: Float64Array): IntermittentFit | undefined {
  const start = startOf(x);
  if (!start) return undefined;
  let bestStart = STARTS[0];
  let bestSse = Infinity;
  for (const a of STARTS) {
    const sse = runSba(x, start, a).sse;
    if (sse < bestSse) {
      bestSse = sse;
      bestStart = a;
    }
  }
  const found = nelderMead((u) => runSba(x, start, fromUnbounded(u[0], SMOOTHING)).sse, [toUnbounded(bestStart, SMOOTHING)], { maxEvaluations: 40 });
  const alpha = fromUnbounded(found.x[0], SMOOTHING);
  const end = runSba(x, start, alpha);
  return {
    kind: "sba",
    alpha,
    beta: alpha,
    rate: sbaForecast(end.state, alpha),
    probability: Math.min(1, 1 / end.state.interval),
    sse: end.sse,
    observed: x.length,
  };
}

export function fitTsb(x: Float64Array): IntermittentFit | undefined {
  const start = startOf(x);
  if (!start) return undefined;
  let best = [STARTS[0], STARTS[0]];
  let bestSse = Infinity;
  for (const a of STARTS) {
    for (const b of STARTS) {
      const sse = runTsb(x, start, a, b).sse;
      if (sse < bestSse) {
        bestSse = sse;
        best = [a, b];
      }
    }
  }
  const found = nelderMead(
    (u) => runTsb(x, start, fromUnbounded(u[0], SMOOTHING), fromUnbounded(u[1], SMOOTHING)).sse,
    [toUnbounded(best[0], SMOOTHING), toUnbounded(best[1], SMOOTHING)],
    { maxEvaluations: 120 },
  );
  const alpha = fromUnbounded(found.x[0], SMOOTHING);
  const beta = fromUnbounded(found.x[1], SMOOTHING);
  const end = runTsb(x, start, alpha, beta);
  return { kind: "tsb", alpha, beta, rate: end.state.probability * end.state.size, probability: end.state.probability, sse: end.sse, observed: x.length };
}
