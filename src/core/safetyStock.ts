import type { SkuRow } from "./catalog";
import type { Settings } from "./settings";

/** What a safety-stock method may look at for one item-location. */
export interface SafetyStockInput {
  row: SkuRow;
  settings: Settings;
  /** d[w] by week 1..H (index 0 unused). */
  demand: Float64Array;
  leadWeeks: number;
}

/**
 * One way of setting an item-location's safety stock SS. docs/planning.md's order
 * is the order of this list: the first method that applies sets it. A new method
 * (the service level of docs/forecasting.md goes before the setting's days of
 * cover) is one more entry here.
 */
export interface SafetyStockMethod {
  id: string;
  /** SS in units, or undefined when the method does not apply to this item-location. */
  units(input: SafetyStockInput): number | undefined;
}

export const SAFETY_STOCK_METHODS: readonly SafetyStockMethod[] = [
  { id: "units", units: ({ row }) => row.safetyStock },
  { id: "days-of-cover", units: ({ row, demand }) => (row.safetyDays === undefined ? undefined : daysOfCover(row.safetyDays, demand)) },
  { id: "setting-days-of-cover", units: ({ settings, demand }) => daysOfCover(settings.safetyDays, demand) },
];

export function safetyStock(input: SafetyStockInput): number {
  for (const method of SAFETY_STOCK_METHODS) {
    const units = method.units(input);
    if (units !== undefined) return units;
  }
  return 0;
}

/** `days / 7 × mean(d[1..H])`. */
function daysOfCover(days: number, demand: Float64Array): number {
  let sum = 0;
  for (let w = 1; w < demand.length; w++) sum += demand[w];
  return (days / 7) * (demand.length > 1 ? sum / (demand.length - 1) : 0);
}
