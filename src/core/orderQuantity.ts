import { displayQuantity as qty } from "./format";
import { EPS } from "./plan";

/**
 * What a planner's quantity misses of the supplier's terms: below the MOQ, or not a
 * whole number of case packs (Order Multiple). A warning, not a refusal: the planner
 * may know better (a one-off deal), so the quantity is still saved as typed.
 * Undefined when the quantity fits, or is 0 (no order).
 */
export function quantityWarning(quantity: number, moq: number, multiple: number): string | undefined {
  if (!(quantity > EPS)) return undefined;
  const belowMoq = quantity < moq - EPS;
  const packs = quantity / multiple;
  const offPack = Math.abs(packs - Math.round(packs)) > EPS;
  if (!belowMoq && !offPack) return undefined;
  const misses = [belowMoq && `below the MOQ of ${qty(moq)}`, offPack && `not a multiple of the case pack of ${qty(multiple)}`].filter(Boolean).join(" and ");
  // The quantities the supplier takes nearest to it: whole packs, at least the MOQ.
  const up = multiple * Math.ceil(Math.max(quantity, moq) / multiple - EPS);
  const down = multiple * Math.floor(quantity / multiple + EPS);
  const near = down > EPS && down >= moq - EPS && down !== up ? `${qty(down)} or ${qty(up)}` : qty(up);
  return `${qty(quantity)} is ${misses}: the supplier takes ${near}. It is saved as typed.`;
}
