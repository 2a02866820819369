import { displayQuantity as qty } from "./format";
import { EPS, type ItemPlan, plannedReceipt } from "./plan";
import type { Settings } from "./settings";
import { describeStatus } from "./statuses";

/**
 * Why the engine recommends what it does in one order week, in the words of
 * the plan's recurrence (docs/planning.md): arrival week, lowest stock without the order, need,
 * MOQ, multiple. Sentences, for a planner.
 */
export function explain(plan: ItemPlan, week: number, settings: Settings): string[] {
  const { item } = plan;
  const H = settings.horizonWeeks;
  const R = settings.reviewWeeks;
  const L = item.leadWeeks;
  const arrival = week + L;
  const override = item.overrides[week];
  const planner = override === override ? [`The planner's quantity ${qty(override)} replaces the recommendation and is what the plan orders.`] : [];
  if (!item.status.recommended) {
    return [`No recommendation: purchase status ${describeStatus(item.status)}, is not replenished automatically.`, ...planner];
  }
  if (!item.supplier) return ["No recommendation: the SKU has no supplier to order from."];
  if ((week - 1) % R !== 0) {
    return [`Week ${week} is not an order week: orders are reviewed every ${R} weeks (weeks 1, ${1 + R}, ${1 + 2 * R}, …).`, ...planner];
  }
  const leadTime = `lead time ${qty(item.leadDays)} days = ${L} week${L === 1 ? "" : "s"}`;
  if (arrival > H) {
    return [`Ordered in week ${week} it would arrive in week ${arrival} (${leadTime}), after the plan's ${H} weeks: no recommendation.`, ...planner];
  }
  // Stock without this week's order: the projection less what this order brings at its arrival.
  let low = Infinity;
  let lowWeek = arrival;
  for (let t = arrival; t <= Math.min(H, arrival + R - 1); t++) {
    const without = plan.projected[t] - plannedReceipt(plan, arrival);
    if (without < low) [low, lowWeek] = [without, t];
  }
  const SS = item.safetyStock;
  const need = SS - low;
  const lines = [`Ordered in week ${week}, it arrives in week ${arrival} (${leadTime}).`, `Without it, stock would be ${qty(low)} in week ${lowWeek}; safety stock is ${qty(SS)}.`];
  if (need <= EPS) return [...lines, "That is not below safety stock, so nothing is needed.", ...planner];
  // A negative stock is bracketed, so the sum does not read "20 − -20".
  lines.push(`Need: ${qty(SS)} − ${low < 0 ? `(${qty(low)})` : qty(low)} = ${qty(need)}.`);
  const lifted = Math.max(need, item.moq);
  if (item.moq > need) lines.push(`The minimum order quantity ${qty(item.moq)} lifts it to ${qty(item.moq)}.`);
  const rec = plan.recommended[week];
  if (Math.abs(rec - lifted) > EPS) lines.push(`Rounded up to a multiple of ${qty(item.multiple)}: ${qty(rec)}.`);
  lines.push(`Recommended: ${qty(rec)}.`);
  return [...lines, ...planner];
}
