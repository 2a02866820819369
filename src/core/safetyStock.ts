import type { SkuRow } from "./catalog";
import type { Settings } from "./settings";

/** What a safety-stock method may look at for one item-location. */
export interface SafetyStockInput {
  row: SkuRow;
  settings: Settings;
  /** d[w] by week 1..H (index 0 unused). */
  demand: Float64Array;
  leadWeeks: number;
  /** The item-location's Service Level (its own, else the setting's); undefined when neither is set. */
  serviceLevel?: ServiceLevelStock;
  /** Problems are reported at the SKUs row's cells; not when an item-location is worked out again. */
  reportProblems: boolean;
}

/** The service-level safety stock of docs/forecasting.md for one item-location. */
export interface ServiceLevelStock {
  /** As a fraction (0.95). */
  level: number;
  /** Why it cannot apply (the demand of weeks 1..P does not all come from the statistical forecast); undefined when it can. */
  notStatistical?: string;
  /** SS in units; undefined while the forecast is still being computed. */
  units(): number | undefined;
}

/**
 * One way of setting an item-location's safety stock SS. docs/planning.md's order
 * is the order of this list: the first method that applies sets it. A new method
 * is one more entry here.
 */
export interface SafetyStockMethod {
  id: SafetyStockRule;
  /** SS in units, or undefined when the method does not apply to this item-location. */
  units(input: SafetyStockInput): number | undefined;
}

export type SafetyStockRule = "units" | "days-of-cover" | "service-level" | "setting-days-of-cover";

export const SAFETY_STOCK_METHODS: readonly SafetyStockMethod[] = [
  { id: "units", units: ({ row }) => row.safetyStock },
  { id: "days-of-cover", units: ({ row, demand }) => (row.safetyDays === undefined ? undefined : daysOfCover(row.safetyDays, demand)) },
  { id: "service-level", units: serviceLevelUnits },
  { id: "setting-days-of-cover", units: ({ settings, demand }) => daysOfCover(settings.safetyDays, demand) },
];

export function safetyStock(input: SafetyStockInput): { rule: SafetyStockRule; units: number } {
  for (const method of SAFETY_STOCK_METHODS) {
    const units = method.units(input);
    if (units !== undefined) return { rule: method.id, units };
  }
  return { rule: "setting-days-of-cover", units: 0 };
}

/** `days / 7 × mean(d[1..H])`. */
function daysOfCover(days: number, demand: Float64Array): number {
  let sum = 0;
  for (let w = 1; w < demand.length; w++) sum += demand[w];
  return (days / 7) * (demand.length > 1 ? sum / (demand.length - 1) : 0);
}

/**
 * The cycle service level's stock when the demand of weeks 1..P comes from the
 * statistical forecast. A Service Level of the item's own that cannot apply is a
 * problem (the setting's is a default for the items it fits, and says nothing of the others).
 */
function serviceLevelUnits({ row, serviceLevel, reportProblems }: SafetyStockInput): number | undefined {
  if (!serviceLevel) return undefined;
  if (serviceLevel.notStatistical === undefined) return serviceLevel.units();
  if (row.serviceLevel !== undefined && reportProblems) {
    row.report(
      "serviceLevel",
      `Service Level ${percent(serviceLevel.level)} of SKU "${row.sku}" at "${row.warehouse}" is not used: ${serviceLevel.notStatistical}. Its safety stock comes from the next rule (Safety Days).`,
    );
  }
  return undefined;
}

const percent = (level: number): string => `${Math.round(level * 1e6) / 1e4}%`;
