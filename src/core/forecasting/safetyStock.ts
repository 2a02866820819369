/**
 * Cycle-service-level safety stock under normally distributed demand over the
 * protection interval. Textbook form (e.g. Silver, Pyke & Thomas):
 *   SS = z·√(P·σ² + d̄²·σL²)
 * with z the service level's normal quantile, P the protection interval in weeks,
 * σ the standard deviation of one week's forecast error, d̄ the mean weekly forecast
 * and σL the lead time's standard deviation in weeks. The engine uses the same with
 * P·σ² replaced by its model's variance of the P-week total (model.ts), which is
 * P·σ² for a level known exactly.
 */
import { inverseStudentT } from "./normal";

export interface TextbookSafetyStock {
  serviceLevel: number;
  weeks: number;
  /** Standard deviation of one week's forecast error. */
  sigma: number;
  meanDemand: number;
  leadTimeSdWeeks: number;
}

export function textbookSafetyStock({ serviceLevel, weeks, sigma, meanDemand, leadTimeSdWeeks }: TextbookSafetyStock): number {
  return normalSafetyStock(serviceLevel, weeks * sigma * sigma, meanDemand, leadTimeSdWeeks);
}

/**
 * z·√(variance + d̄²·σL²), never negative (0 for a service level at or below 50 %);
 * with `degreesOfFreedom`, Student's t quantile instead of z.
 */
export function normalSafetyStock(serviceLevel: number, totalVariance: number, meanDemand: number, leadTimeSdWeeks: number, degreesOfFreedom = Infinity): number {
  const z = inverseStudentT(serviceLevel, degreesOfFreedom);
  const spread = Math.sqrt(Math.max(0, totalVariance) + meanDemand * meanDemand * leadTimeSdWeeks * leadTimeSdWeeks);
  const ss = z * spread;
  return ss > 0 && Number.isFinite(ss) ? ss : ss > 0 ? Number.MAX_VALUE : 0;
}
