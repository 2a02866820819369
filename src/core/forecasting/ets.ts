/**
 * Exponential smoothing as linear innovations state-space models with additive
 * errors (Hyndman, Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing",
 * 2008): ETS(A,N,N) "level", ETS(A,A,N) "linear" trend (Holt) and ETS(A,Ad,N)
 * "damped" trend.
 *
 *   forecast  ŷ[t] = ℓ + φ·b              error  e = y[t] − ŷ[t]
 *   level     ℓ ← ℓ + φ·b + α·e           trend  b ← φ·b + β·e
 *
 * (the level model is the same with b = 0). Parameters are maximum likelihood:
 * with Gaussian errors that is least squares on the one-step errors. The
 * one-step errors are linear in the initial state, so for each (α, β, φ) the
 * best initial state is a small least-squares solve made in the same pass
 * (Hyndman et al. §5.2), and the Nelder–Mead search covers only (α, β, φ).
 * A missing week (NaN) has no error: the state moves on without a correction,
 * so a trend keeps its course through a stockout.
 */
import { type Bounds, fromUnbounded, nelderMead, toUnbounded } from "./optimize";

export type EtsKind = "level" | "linear" | "damped";

export interface EtsFit {
  kind: EtsKind;
  alpha: number;
  beta: number;
  phi: number;
  /** The state after the last week. */
  level: number;
  trend: number;
  /** Sum of squared one-step errors, and how many weeks had one. */
  sse: number;
  observed: number;
  /** Smoothing parameters + initial states + the error variance. */
  parameters: number;
  aicc: number;
  /** One-step error variance, unbiased for the parameters used. */
  sigma2: number;
}

const ALPHA: Bounds = { lo: 1e-4, hi: 0.9999 };
/** β as a share of α (β < α keeps the model forecastable), φ in the usual damping range. */
const BETA_SHARE: Bounds = { lo: 1e-4, hi: 0.9999 };
const PHI: Bounds = { lo: 0.8, hi: 0.98 };
const ALPHA_STARTS = [0.02, 0.08, 0.2, 0.4, 0.7, 0.95];
/** Relative ridge on the initial state's normal equations, for when the trend is barely identified. */
const RIDGE = 1e-12;

interface Pass {
  sse: number;
  observed: number;
  level: number;
  trend: number;
  /** The best initial state. */
  level0: number;
  trend0: number;
}

/**
 * One filtering pass with the best initial state for these parameters. The state is
 * run from 0 while A tracks how it depends on the initial state x0 (A ← D·A on an
 * observed week, D = F − g·w′; A ← F·A on a missing one), and the errors' regression
 * on x0 is accumulated; x0 = (Σ r·r′)⁻¹ Σ r·e₀ then gives the SSE and final state.
 */
function pass(y: Float64Array, trended: boolean, alpha: number, beta: number, phi: number): Pass {
  let l = 0;
  let b = 0;
  let a00 = 1;
  let a01 = 0;
  let a10 = 0;
  let a11 = trended ? 1 : 0;
  let see = 0;
  let s0 = 0;
  let s1 = 0;
  let r00 = 0;
  let r01 = 0;
  let r11 = 0;
  let observed = 0;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const f = l + phi * b;
    const v = y[t];
    if (v === v) {
      const e = v - f;
      const ra = a00 + phi * a10;
      const rb = a01 + phi * a11;
      see += e * e;
      s0 += ra * e;
      s1 += rb * e;
      r00 += ra * ra;
      r01 += ra * rb;
      r11 += rb * rb;
      observed++;
      l = f + alpha * e;
      b = phi * b + beta * e;
      // A ← D·A with D = [[1−α, φ(1−α)], [−β, φ(1−β)]]
      const n00 = (1 - alpha) * a00 + phi * (1 - alpha) * a10;
      const n01 = (1 - alpha) * a01 + phi * (1 - alpha) * a11;
      const n10 = -beta * a00 + phi * (1 - beta) * a10;
      const n11 = -beta * a01 + phi * (1 - beta) * a11;
      a00 = n00;
      a01 = n01;
      a10 = n10;
      a11 = n11;
    } else {
      l = f;
      b = phi * b;
      const n00 = a00 + phi * a10;
      const n01 = a01 + phi * a11;
      a00 = n00;
      a01 = n01;
      a10 *= phi;
      a11 *= phi;
    }
  }
  let x0: number;
  let x1 = 0;
  let sse: number;
  if (trended) {
    const ridge = RIDGE * (r00 + r11);
    const p00 = r00 + ridge;
    const p11 = r11 + ridge;
    const det = p00 * p11 - r01 * r01;
    x0 = (p11 * s0 - r01 * s1) / det;
    x1 = (p00 * s1 - r01 * s0) / det;
    sse = see - (x0 * s0 + x1 * s1);
  } else {
    x0 = s0 / r00;
    sse = see - x0 * s0;
  }
  return {
    sse: Math.max(sse, 0),
    observed,
    level: l + a00 * x0 + a01 * x1,
    trend: trended ? b + a10 * x0 + a11 * x1 : 0,
    level0: x0,
    trend0: x1,
  };
}

interface Params {
  alpha: number;
  beta: number;
  phi: number;
}

function params(kind: EtsKind, u: Float64Array): Params {
  const alpha = fromUnbounded(u[0], ALPHA);
  if (kind === "level") return { alpha, beta: 0, phi: 1 };
  const beta = alpha * fromUnbounded(u[1], BETA_SHARE);
  return { alpha, beta, phi: kind === "damped" ? fromUnbounded(u[2], PHI) : 1 };
}

/** How many smoothing parameters each kind searches: α; α, β; α, β, φ. */
const SMOOTHING_PARAMETERS: Record<EtsKind, number> = { level: 1, linear: 2, damped: 3 };

function run(y: Float64Array, kind: EtsKind, p: Params): Pass {
  return pass(y, kind !== "level", p.alpha, p.beta, p.phi);
}

/** The best α on a coarse grid, where the level model's search starts. */
function bestAlphaStart(y: Float64Array): number {
  let best = ALPHA_STARTS[0];
  let bestSse = Infinity;
  for (const alpha of ALPHA_STARTS) {
    const sse = pass(y, false, alpha, 0, 1).sse;
    if (sse < bestSse) {
      bestSse = sse;
      best = alpha;
    }
  }
  return best;
}

/** Fits one model; undefined when the series has too few observed weeks for its parameters. */
export function fitEts(y: Float64Array, kind: EtsKind, alphaStart = bestAlphaStart(y)): EtsFit | undefined {
  const states = kind === "level" ? 1 : 2;
  const smoothing = SMOOTHING_PARAMETERS[kind];
  const parameters = smoothing + states + 1;
  let observed = 0;
  for (let t = 0; t < y.length; t++) if (y[t] === y[t]) observed++;
  if (observed < parameters + 2) return undefined;
  const start = [toUnbounded(alphaStart, ALPHA), toUnbounded(0.1, BETA_SHARE), toUnbounded(0.95, PHI)].slice(0, smoothing);
  const found = nelderMead((u) => run(y, kind, params(kind, u)).sse, start, {
    step: 1,
    maxEvaluations: 100 * smoothing,
    tolerance: 1e-7,
  });
  const p = params(kind, found.x);
  const final = run(y, kind, p);
  // In units where the series' mean is 1 (series.ts), a zero SSE means a constant series.
  const sse = Math.max(final.sse, 1e-12 * observed);
  const aic = observed * Math.log(sse / observed) + 2 * parameters;
  const aicc = observed - parameters - 1 > 0 ? aic + (2 * parameters * (parameters + 1)) / (observed - parameters - 1) : Infinity;
  return {
    kind,
    ...p,
    level: final.level,
    trend: final.trend,
    sse: final.sse,
    observed,
    parameters,
    aicc,
    sigma2: final.sse / Math.max(1, observed - parameters + 1),
  };
}

/** The one-step error variance of a fitted model's parameters on another series (its initial state refitted). */
export function etsSigma2On(y: Float64Array, fit: EtsFit): number {
  const p = run(y, fit.kind, fit);
  return p.sse / Math.max(1, p.observed - fit.parameters + 1);
}

/**
 * The state after each week of y (its initial state refitted for y), for the
 * model's own errors of totals over its history.
 */
export function etsStatesOn(y: Float64Array, fit: EtsFit): { level: Float64Array; trend: Float64Array } {
  const start = run(y, fit.kind, fit);
  const level = new Float64Array(y.length);
  const trend = new Float64Array(y.length);
  let l = start.level0;
  let b = start.trend0;
  for (let t = 0; t < y.length; t++) {
    const f = l + fit.phi * b;
    const e = y[t] === y[t] ? y[t] - f : 0;
    l = f + fit.alpha * e;
    b = fit.phi * b + fit.beta * e;
    level[t] = l;
    trend[t] = b;
  }
  return { level, trend };
}

/** φ + φ² + … + φᵏ at index k − 1, for k = 1..h (k itself when φ = 1). */
export function dampedSums(phi: number, h: number): Float64Array {
  const out = new Float64Array(h);
  let damping = 0;
  let power = 1;
  for (let i = 0; i < h; i++) {
    power *= phi;
    damping += power;
    out[i] = damping;
  }
  return out;
}

/** Point forecasts of weeks 1..h: ℓ + (φ + … + φʰ)·b. */
export function etsMeans(fit: EtsFit, h: number): Float64Array {
  const out = dampedSums(fit.phi, h);
  for (let i = 0; i < h; i++) out[i] = fit.level + out[i] * fit.trend;
  return out;
}

/**
 * The model's ψ-weights c[j] = w′F^(j−1)g for j = 1..h−1 (index j): how much a
 * one-step error moves the forecast j weeks on. Level: α. Damped: α + β(φ + … + φʲ);
 * linear: the same with φ = 1.
 */
export function etsPsi(fit: EtsFit, h: number): Float64Array {
  const c = new Float64Array(h);
  const sums = dampedSums(fit.phi, h);
  for (let j = 1; j < h; j++) c[j] = fit.alpha + fit.beta * sums[j - 1];
  return c;
}
