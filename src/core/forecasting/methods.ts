/**
 * The forecasting methods, by name: what `method` may be set to and what `auto`
 * chooses among. Adding a method is adding an entry here.
 *
 * `family` tells `auto` how to compare it: "smoothing" methods by AICc on the same
 * (seasonally adjusted or not) data, "intermittent" ones by a rolling-origin
 * backtest against the best smoothing method; "rule" methods are chosen by the
 * rules for inactive and short histories only.
 */
import type { FitContext } from "./context";
import { type EtsFit, type EtsKind, etsSigma2On, fitEts } from "./ets";
import { fitSba, fitTsb, type IntermittentFit } from "./intermittent";
import { constantModel, type Model, smoothingModel } from "./model";
import { adjust, type SeasonKind } from "./seasonal";

export interface MethodDefinition {
  label: string;
  description: string;
  family: "rule" | "smoothing" | "intermittent";
  /** A smoothing method for seasonal series: `auto` considers it only when this kind of season helps. */
  season?: SeasonKind;
  /** Undefined when the history cannot carry the method (too short, no demand). */
  fit(context: FitContext): Model | undefined;
}

/** Weeks the trailing mean averages (all of them when the history is shorter). */
export const MEAN_WEEKS = 13;
const PRIOR_WEEKS = 2;

function trailingMean(context: FitContext): Model | undefined {
  const { y, scale } = context.history;
  let sum = 0;
  let count = 0;
  for (let t = y.length - 1; t >= 0 && count < MEAN_WEEKS; t--) {
    if (y[t] !== y[t]) continue;
    sum += y[t];
    count++;
  }
  if (count === 0) return undefined;
  const mean = sum / count;
  let squares = 0;
  for (let t = y.length - 1, seen = 0; t >= 0 && seen < count; t--) {
    if (y[t] !== y[t]) continue;
    squares += (y[t] - mean) ** 2;
    seen++;
  }
  // Pseudo-weeks of Poisson variance (mean demand in units, here mean/scale; no more
  // than a coefficient of variation of 1 for quantities in small fractions of a unit)
  // keep a history of one or two weeks from claiming it knows its spread.
  const prior = Math.min(mean / scale, mean * mean);
  const sigma2 = (squares + PRIOR_WEEKS * prior) / (count - 1 + PRIOR_WEEKS);
  // The error of a mean of a few weeks is Student's t on those degrees of freedom.
  return constantModel(mean, sigma2, sigma2 / count, { degreesOfFreedom: count - 1 + PRIOR_WEEKS });
}

function intermittentModel(fit: IntermittentFit | undefined): Model | undefined {
  if (!fit) return undefined;
  const sigma2 = fit.sse / fit.observed;
  // Exponential smoothing with constant a estimates the level with variance a/(2 − a)·σ².
  const a = Math.max(fit.alpha, fit.beta);
  return constantModel(fit.rate, sigma2, (a / (2 - a)) * sigma2, { probability: fit.probability });
}

function smoothing(context: FitContext, kind: EtsKind): Model | undefined {
  const fit = fitEts(context.history.y, kind);
  return fit && smoothingModel(fit, undefined, context.history.y);
}

/** Exponential smoothing (level, linear or damped trend, by AICc) on the series with its season taken out. */
function seasonalModel(context: FitContext, kind: SeasonKind): Model | undefined {
  const score = context.season(kind);
  if (!score) return undefined;
  const adjusted = adjust(context.history.y, score.season);
  let best: EtsFit | undefined;
  for (const trend of ["level", "linear", "damped"] as const) {
    const fit = fitEts(adjusted, trend);
    if (fit && (!best || fit.aicc < best.aicc)) best = fit;
  }
  const cross = score.season.crossAdjusted;
  return best && smoothingModel(best, score.season, cross, etsSigma2On(cross, best));
}

export const METHODS = {
  inactive: {
    label: "Inactive",
    description: "No sale in the last 26 weeks after earlier sales (or no sale at all): demand 0.",
    family: "rule",
    fit: () => constantModel(0, 0, 0),
  },
  mean: {
    label: "Trailing mean",
    description: `The mean of the last ${MEAN_WEEKS} observed weeks (all of them in a shorter history).`,
    family: "rule",
    fit: trailingMean,
  },
  ses: {
    label: "Exponential smoothing (level)",
    description: "Simple exponential smoothing, ETS(A,N,N), α and the initial level fitted by maximum likelihood.",
    family: "smoothing",
    fit: (context) => smoothing(context, "level"),
  },
  holt: {
    label: "Exponential smoothing (linear trend)",
    description: "Holt's linear trend, ETS(A,A,N), α, β and the initial state fitted by maximum likelihood.",
    family: "smoothing",
    fit: (context) => smoothing(context, "linear"),
  },
  damped: {
    label: "Exponential smoothing (damped trend)",
    description: "Damped additive trend, ETS(A,Ad,N), α, β, φ and the initial state fitted by maximum likelihood.",
    family: "smoothing",
    fit: (context) => smoothing(context, "damped"),
  },
  "seasonal-additive": {
    label: "Exponential smoothing with additive season",
    description: "Additive seasonal indices from a decomposition, then level, linear or damped-trend smoothing of the adjusted series.",
    family: "smoothing",
    season: "additive",
    fit: (context) => seasonalModel(context, "additive"),
  },
  "seasonal-multiplicative": {
    label: "Exponential smoothing with multiplicative season",
    description: "Seasonal factors from a decomposition, then level, linear or damped-trend smoothing of the adjusted series.",
    family: "smoothing",
    season: "multiplicative",
    fit: (context) => seasonalModel(context, "multiplicative"),
  },
  sba: {
    label: "Croston (SBA)",
    description: "Croston's method with the Syntetos–Boylan bias correction, for intermittent demand; α fitted by least squares.",
    family: "intermittent",
    fit: (context) => intermittentModel(fitSba(context.observed)),
  },
  tsb: {
    label: "Croston (TSB)",
    description: "Teunter–Syntetos–Babai: demand probability smoothed every week, for intermittent demand that may fade out.",
    family: "intermittent",
    fit: (context) => intermittentModel(fitTsb(context.observed)),
  },
} satisfies Record<string, MethodDefinition>;

export type MethodName = keyof typeof METHODS;

export function methodOf(name: MethodName): MethodDefinition {
  return METHODS[name];
}

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(METHODS, name);
}
