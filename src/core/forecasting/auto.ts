/**
 * Which method forecasts a history. `auto`, on the history alone:
 * 1. no sale at all, or none in the last 26 weeks after earlier sales: `inactive`;
 * 2. fewer than 8 weeks: `mean`;
 * 3. otherwise the best smoothing method: a season is used when leave-one-cycle-out
 *    cross-validation says it helps (seasonal.ts), then AICc picks among the
 *    smoothing methods fitted on the same (adjusted or plain) series;
 * 4. when more than 1 − 1/1.32 of the observed weeks have no demand (Syntetos &
 *    Boylan's intermittency cut-off), a rolling-origin backtest (13-week forecasts
 *    from up to three origins, 13 weeks apart, ending at the last week) compares
 *    that smoothing method with the intermittent-demand methods by squared error.
 * A named method that cannot be fitted (too short, no demand) falls back to auto;
 * the result names the method actually used.
 */
import { FitContext } from "./context";
import { headOf, type History } from "./history";
import { METHOD_NAMES, methodOf, type MethodName } from "./methods";
import type { Model } from "./model";

export const INACTIVE_WEEKS = 26;
export const SHORT_WEEKS = 8;
/** Share of weeks with a demand below which demand is intermittent (1 / 1.32). */
export const INTERMITTENT_DEMAND_SHARE = 1 / 1.32;
const BACKTEST_HORIZON = 13;
const BACKTEST_ORIGINS = 3;

export interface Chosen {
  method: MethodName;
  model: Model;
}

export function isIntermittent(history: History): boolean {
  return history.observed > 0 && (history.observed - history.zeros) / history.observed < INTERMITTENT_DEMAND_SHARE;
}

/** No sale above 0 in the last 26 weeks of a longer history (which starts with a sale), at least one of them observed. */
export function isInactive(history: History): boolean {
  const { y } = history;
  if (y.length <= INACTIVE_WEEKS) return false;
  let seen = false;
  for (let t = y.length - INACTIVE_WEEKS; t < y.length; t++) {
    if (y[t] > 0) return false;
    if (y[t] === 0) seen = true;
  }
  return seen;
}

export function choose(context: FitContext, method: MethodName | "auto"): Chosen {
  if (method !== "auto" && context.history.observed > 0) {
    const model = methodOf(method).fit(context);
    if (model) return { method, model };
  }
  return auto(context);
}

function fitted(context: FitContext, method: MethodName): Chosen | undefined {
  const model = methodOf(method).fit(context);
  return model && { method, model };
}

function auto(context: FitContext): Chosen {
  const { history } = context;
  const inactive = (): Chosen => ({ method: "inactive", model: methodOf("inactive").fit(context)! });
  if (history.observed === 0 || history.observed === history.zeros || isInactive(history)) return inactive();
  if (history.y.length < SHORT_WEEKS) return fitted(context, "mean") ?? inactive();
  const smooth = bestSmoothing(context);
  if (!smooth) return fitted(context, "mean") ?? inactive();
  if (!isIntermittent(history)) return smooth;
  const intermittent = METHOD_NAMES.filter((name) => methodOf(name).family === "intermittent");
  const winner = backtest(context, [smooth.method, ...intermittent]) ?? intermittent[0];
  return winner === smooth.method ? smooth : (fitted(context, winner) ?? smooth);
}

/** The smoothing methods that fit this series' seasonality, the lowest AICc of them. */
function bestSmoothing(context: FitContext): Chosen | undefined {
  const score = context.season();
  const seasonKind = score?.helps ? score.season.kind : undefined;
  let best: Chosen | undefined;
  for (const name of METHOD_NAMES) {
    const definition = methodOf(name);
    if (definition.family !== "smoothing" || definition.season !== seasonKind) continue;
    const model = definition.fit(context);
    if (model && (!best || (model.aicc ?? Infinity) < (best.model.aicc ?? Infinity))) best = { method: name, model };
  }
  return best;
}

/**
 * Squared error of 13-week forecasts from origins 13, 26 and 39 weeks before the
 * end (those that leave at least half the history to fit, and at which every
 * candidate can be fitted). The first candidate wins ties; undefined without an origin.
 */
function backtest(context: FitContext, candidates: MethodName[]): MethodName | undefined {
  const { history } = context;
  const n = history.y.length;
  const errors = new Float64Array(candidates.length);
  let origins = 0;
  for (let k = 1; k <= BACKTEST_ORIGINS; k++) {
    const origin = n - k * BACKTEST_HORIZON;
    if (origin < Math.max(SHORT_WEEKS, n / 2)) break;
    const sub = new FitContext(headOf(history, origin), context.period);
    const means: Float64Array[] = [];
    for (const name of candidates) {
      const model = methodOf(name).fit(sub);
      if (!model) break;
      means.push(model.means(BACKTEST_HORIZON));
    }
    if (means.length < candidates.length) continue;
    origins++;
    for (let c = 0; c < candidates.length; c++) {
      for (let j = 0; j < BACKTEST_HORIZON; j++) {
        const actual = history.y[origin + j];
        if (actual === actual) errors[c] += (actual - means[c][j]) ** 2;
      }
    }
  }
  if (origins === 0) return undefined;
  let best = 0;
  for (let c = 1; c < candidates.length; c++) if (errors[c] < errors[best]) best = c;
  return candidates[best];
}
