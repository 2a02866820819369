/**
 * An item-location's demand d[w] and safety stock SS (docs/forecasting.md): one
 * function of the item and what its demand is made from, so that a read, the
 * completion of forecasts computed in slices, and an incremental update of one item
 * all work it out the same way.
 */
import type { SkuRow } from "./catalog";
import type { ForecastRequest, ForecastSource, ItemForecast, SafetyRequest } from "./forecasts";
import type { MethodName } from "./forecasting";
import type { ItemHistory } from "./salesHistory";
import { safetyStock, type SafetyStockRule, type ServiceLevelStock } from "./safetyStock";
import type { Settings } from "./settings";
import { WeekArrays } from "./weekArrays";
import type { WeekOverride } from "./weekOverrides";

/** Where a week's demand comes from, in the order of precedence. */
export type DemandSource = "forecast-override" | "forecast-sheet" | "sales-history" | "weekly-forecast" | "none";

/** What an item-location's demand is made from, besides its SKUs row (kept with it, so that it can be made again). */
export interface DemandInputs {
  /** Its Forecast sheet row, by plan week 1..H. */
  forecastRow?: Float64Array;
  /** Its Forecast Overrides rows, by plan week. */
  forecastOverrides?: Map<number, WeekOverride>;
  history?: ItemHistory;
}

/** The demand and safety-stock fields of an item-location (`ItemLocation`), which `resolveDemand` sets. */
export interface ItemDemand {
  readonly sku: string;
  readonly warehouse: string;
  /** The SKUs row it was read from. */
  readonly row: SkuRow;
  readonly inputs: DemandInputs;
  /** Lead time in whole weeks; P = leadWeeks + Review Weeks. */
  readonly leadWeeks: number;
  /** Lead Time SD Days of the preferred supplier's item, the SKU or the supplier (0 when none gives it). */
  readonly leadTimeSdDays: number;
  /** d[w] by week 1..H (index 0 unused). Read-only: items on one flat Weekly Forecast, or one Forecast row, share it. */
  demand: Float64Array;
  /** Where d[w] comes from in the weeks without a Forecast Override. */
  demandSource: DemandSource;
  /** The planner's demand per plan week (Forecast Overrides); NaN when none. Read-only, shared by items without any. */
  forecastOverrides: Float64Array;
  /** `auto`, `none` or a method name: the SKU's Forecast Method, else the setting's. */
  forecastMethod: string;
  /** The statistical forecast, when the demand comes from Sales History and it is ready. */
  forecast?: ItemForecast;
  /** The forecast (or its safety stock) is not computed yet: `pendingForecasts` lists what to compute before the item is planned. */
  forecastPending: boolean;
  /** The SKU's Service Level, else the setting's (a fraction); undefined when neither is set. */
  serviceLevel?: number;
  safetyStock: number;
  /** The rule of docs/forecasting.md that set `safetyStock`. */
  safetyStockRule: SafetyStockRule;
}

/** What working out demand needs besides the item: shared by every item of one read. */
export class DemandContext {
  readonly flat: FlatDemand;
  /** Demand arrays of items whose demand is their own (forecast, overrides). */
  readonly arrays: WeekArrays;
  /** Forecast Overrides of the items without any. */
  readonly noOverrides: Float64Array;

  constructor(
    readonly settings: Settings,
    readonly forecasts: ForecastSource,
    items: number,
    /** Problems are reported by the first working-out of an item, not again when its forecast is completed. */
    readonly report = true,
    shared?: DemandContext,
  ) {
    const length = settings.horizonWeeks + 1;
    this.flat = shared?.flat ?? new FlatDemand(length);
    this.arrays = shared?.arrays ?? new WeekArrays(length, items);
    this.noOverrides = shared?.noOverrides ?? new Float64Array(length).fill(NaN);
  }

  /** The same working-out with forecasts from `forecasts` (a store that computes them), by default reporting no problem again. */
  completing(forecasts: ForecastSource, report = false): DemandContext {
    return new DemandContext(this.settings, forecasts, 0, report, this);
  }
}

/** The forecast an item-location's demand asks for; undefined when its demand does not come from Sales History. */
export function forecastRequest(item: ItemDemand, settings: Settings): ForecastRequest | undefined {
  const { history, forecastRow } = item.inputs;
  if (forecastRow || !history || item.forecastMethod === "none") return undefined;
  return { history: history.weeks, method: item.forecastMethod as MethodName | "auto", horizon: settings.horizonWeeks };
}

/** The safety stock an item-location's service level asks of its forecast. */
export function safetyRequest(item: ItemDemand, settings: Settings, level: number): SafetyRequest {
  return { weeks: item.leadWeeks + settings.reviewWeeks, serviceLevel: level, leadTimeSdWeeks: item.leadTimeSdDays / 7 };
}

/**
 * Sets an item-location's demand, its source, its forecast and its safety stock from
 * its SKUs row and `inputs`. d[w] is the first of: its Forecast Overrides row for the
 * week, its Forecast sheet row, the statistical forecast (a history and a method other
 * than `none`), its Weekly Forecast, 0.
 */
export function resolveDemand(item: ItemDemand, context: DemandContext): void {
  const { row, inputs } = item;
  const { settings, forecasts } = context;
  item.forecastMethod = row.forecastMethod ?? settings.forecastMethod;
  item.serviceLevel = row.serviceLevel ?? settings.serviceLevel;
  item.forecastPending = false;
  item.forecast = undefined;
  const request = forecastRequest(item, settings);
  let base: Float64Array;
  if (inputs.forecastRow) {
    item.demandSource = "forecast-sheet";
    base = inputs.forecastRow;
  } else if (request) {
    item.demandSource = "sales-history";
    item.forecast = forecasts.forecast(request);
    if (item.forecast) {
      base = context.arrays.take();
      base.set(item.forecast.point.subarray(0, base.length - 1), 1);
    } else {
      item.forecastPending = true;
      base = context.flat.of(0);
    }
  } else if (row.weeklyForecast !== undefined) {
    item.demandSource = "weekly-forecast";
    base = context.flat.of(row.weeklyForecast);
  } else {
    item.demandSource = "none";
    base = context.flat.of(0);
  }
  item.forecastOverrides = context.noOverrides;
  item.demand = base;
  if (inputs.forecastOverrides) {
    const overrides = (item.forecastOverrides = context.arrays.take().fill(NaN));
    // Forecast rows and flat arrays are shared; a forecast's array is the item's own.
    const demand = item.demandSource === "sales-history" && item.forecast ? base : copy(base, context);
    inputs.forecastOverrides.forEach((override) => (overrides[override.week] = demand[override.week] = override.quantity));
    item.demand = demand;
  }
  const level = item.serviceLevel;
  const { rule, units } = safetyStock({
    row,
    settings,
    demand: item.demand,
    leadWeeks: item.leadWeeks,
    serviceLevel: level === undefined ? undefined : serviceLevelStock(item, level, request, context),
    reportProblems: context.report,
  });
  item.safetyStock = units;
  item.safetyStockRule = rule;
}

function copy(base: Float64Array, context: DemandContext): Float64Array {
  const out = context.arrays.take();
  out.set(base);
  return out;
}

function serviceLevelStock(item: ItemDemand, level: number, request: ForecastRequest | undefined, context: DemandContext): ServiceLevelStock {
  const { settings } = context;
  const P = item.leadWeeks + settings.reviewWeeks;
  const notStatistical = whyNotStatistical(item, P, settings.horizonWeeks);
  return {
    level,
    notStatistical,
    units: () => {
      if (!request) return undefined;
      const units = context.forecasts.safetyStock(request, safetyRequest(item, settings, level));
      if (units === undefined) item.forecastPending = true;
      return units;
    },
  };
}

/** Why the demand of weeks 1..P does not all come from the statistical forecast; undefined when it does. */
function whyNotStatistical(item: ItemDemand, P: number, H: number): string | undefined {
  const { inputs } = item;
  if (inputs.forecastRow) return "its demand comes from the Forecast sheet, not from Sales History";
  if (!inputs.history) return "it has no Sales History (no week that sold above 0), so its demand does not come from it";
  if (item.forecastMethod === "none") return "its Forecast Method is none, so its demand does not come from Sales History";
  const overrides = inputs.forecastOverrides;
  if (overrides) {
    for (let w = 1; w <= Math.min(P, H); w++) {
      if (overrides.has(w)) return `its demand in week ${w} is a Forecast Override, so the demand of weeks 1..${P} does not all come from Sales History`;
    }
  }
  return undefined;
}

/** The same demand every week: items with the same Weekly Forecast share one read-only array. */
export class FlatDemand {
  private readonly byValue = new Map<number, Float64Array>();

  constructor(private readonly length: number) {}

  of(perWeek: number): Float64Array {
    let d = this.byValue.get(perWeek);
    if (!d) {
      this.byValue.set(perWeek, (d = new Float64Array(this.length).fill(perWeek)));
      d[0] = 0;
    }
    return d;
  }
}

/** The source of one week's demand. */
export function demandSourceOf(item: Pick<ItemDemand, "demandSource" | "forecastOverrides">, week: number): DemandSource {
  const q = item.forecastOverrides[week];
  return q === q ? "forecast-override" : item.demandSource;
}

/** A week's demand from the item's own source, without its Forecast Override (what clearing the override gives back). */
export function baseDemandOf(item: Pick<ItemDemand, "demandSource" | "inputs" | "forecast" | "row">, week: number): number {
  switch (item.demandSource) {
    case "forecast-sheet":
      return item.inputs.forecastRow![week];
    case "sales-history":
      return item.forecast?.point[week - 1] ?? 0;
    case "weekly-forecast":
      return item.row.weeklyForecast ?? 0;
    default:
      return 0;
  }
}
