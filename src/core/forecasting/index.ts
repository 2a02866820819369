/**
 * The statistical forecasting engine: pure functions of one item-location's weekly
 * demand history (oldest first; NaN = a censored week). See docs/forecasting.md.
 */
export { forecast, DEFAULT_SEASON, MAX_WEEKS_AHEAD } from "./forecast";
export type { Forecast, ForecastOptions, SafetyStockOptions } from "./forecast";
export { accuracy, measures, DEFAULT_HOLDOUT } from "./accuracy";
export type { Accuracy, AccuracyOptions, Measures } from "./accuracy";
export { METHODS, METHOD_NAMES, isMethodName } from "./methods";
export type { MethodDefinition, MethodName } from "./methods";
export { INACTIVE_WEEKS, SHORT_WEEKS } from "./auto";
export { inverseNormal } from "./normal";
export { normalSafetyStock, textbookSafetyStock } from "./safetyStock";
export type { TextbookSafetyStock } from "./safetyStock";
