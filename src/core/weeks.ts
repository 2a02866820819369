import type { Day } from "./dates";

/** Week index of a day: 1 for the week starting at `planStart`; ≤ 0 before it. */
export function weekOf(day: Day, planStart: Day): number {
  return Math.floor((day - planStart) / 7) + 1;
}

export function weekStart(week: number, planStart: Day): Day {
  return planStart + 7 * (week - 1);
}

/** A lead time in whole weeks, as the plan counts it: an order placed in week o arrives in o + L. */
export function leadWeeks(leadDays: number): number {
  return Math.ceil(leadDays / 7);
}
