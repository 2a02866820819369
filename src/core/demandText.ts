/**
 * Where an item-location's demand and safety stock come from, in sentences for a
 * planner (docs/forecasting.md): the pane shows them next to the forecast.
 */
import { baseDemandOf, demandSourceOf } from "./demand";
import { displayQuantity as qty } from "./format";
import type { AccuracyRow } from "./forecastRows";
import { METHODS, type MethodName } from "./forecasting";
import type { ItemLocation } from "./model";
import type { Settings } from "./settings";

const percent = (fraction: number): string => `${qty(Math.round(fraction * 1e3) / 10)}%`;
const weeks = (n: number): string => `${qty(n)} week${n === 1 ? "" : "s"}`;

export function methodLabel(method: MethodName): string {
  return METHODS[method].label;
}

/** Where the demand comes from in the weeks without a Forecast Override. */
export function demandSentence(item: ItemLocation): string {
  const history = item.inputs.history;
  switch (item.demandSource) {
    case "forecast-sheet":
      return "Demand from the Forecast sheet (the planner's forecast row).";
    case "sales-history":
      if (!item.forecast) return `Demand forecast from ${weeks(history!.weeks.length)} of Sales History: still being computed.`;
      return `Demand forecast from ${weeks(history!.weeks.length)} of Sales History: ${methodLabel(item.forecast.method)}.`;
    case "weekly-forecast":
      return `Demand from the Weekly Forecast, ${qty(item.row.weeklyForecast ?? 0)} a week${history && item.forecastMethod === "none" ? " (Forecast Method none: Sales History is not used)" : ""}.`;
    case "none":
      return history && item.forecastMethod === "none"
        ? "No demand: the Forecast Method is none and there is no Forecast row nor Weekly Forecast."
        : "No demand: no Forecast row, no Sales History that sold, no Weekly Forecast.";
    default:
      return "";
  }
}

/** Where one week's demand comes from, with the forecast's 10–90 % band when it is the statistical one. */
export function weekDemandSentence(item: ItemLocation, week: number): string {
  const d = qty(item.demand[week]);
  switch (demandSourceOf(item, week)) {
    case "forecast-override":
      return `Demand ${d}: set by the planner (Forecast Overrides); without it ${qty(baseDemandOf(item, week))}.`;
    case "forecast-sheet":
      return `Demand ${d}: from the Forecast sheet.`;
    case "sales-history": {
      const f = item.forecast;
      return f
        ? `Demand ${d}: forecast from Sales History (${methodLabel(f.method)}); 10–90 %: ${qty(f.low[week - 1])} to ${qty(f.high[week - 1])}.`
        : `Demand ${d}: from Sales History.`;
    }
    case "weekly-forecast":
      return `Demand ${d}: the Weekly Forecast.`;
    default:
      return `Demand ${d}: nothing gives this item a demand.`;
  }
}

/** The weeks the planner set (Forecast Overrides), when there are any. */
export function overriddenSentence(item: ItemLocation, settings: Settings): string | undefined {
  const set: number[] = [];
  for (let w = 1; w <= settings.horizonWeeks; w++) if (demandSourceOf(item, w) === "forecast-override") set.push(w);
  if (set.length === 0) return undefined;
  return `The planner set the demand of ${set.length === 1 ? `week ${set[0]}` : `weeks ${set.join(", ")}`} (Forecast Overrides).`;
}

/** Which rule of docs/forecasting.md's order set the safety stock, with its numbers. */
export function safetyStockSentence(item: ItemLocation, settings: Settings): string {
  const ss = qty(item.safetyStock);
  switch (item.safetyStockRule) {
    case "units":
      return `Safety stock ${ss}: the SKU's Safety Stock.`;
    case "days-of-cover":
      return `Safety stock ${ss}: the SKU's ${qty(item.row.safetyDays ?? 0)} Safety Days of mean demand.`;
    case "service-level": {
      const P = item.leadWeeks + settings.reviewWeeks;
      const spread = item.leadTimeSdDays > 0 ? `, and a lead time that varies by ${qty(item.leadTimeSdDays)} days` : "";
      return `Safety stock ${ss}: a ${percent(item.serviceLevel ?? 0)} service level over ${weeks(P)} (lead time ${weeks(item.leadWeeks)} + review ${weeks(settings.reviewWeeks)}), from the forecast's own errors${spread}.`;
    }
    case "setting-days-of-cover":
      return `Safety stock ${ss}: the workbook's ${qty(settings.safetyDays)} Safety Days of mean demand.`;
  }
}

/** The backtest of the last 13 history weeks, as a planner reads it. */
export function accuracySentence(row: AccuracyRow): string {
  if (row.method === null) return `Not enough history to test the forecast (${weeks(row.historyWeeks)}; the test holds out 13).`;
  const parts = [
    row.rmsse === null ? undefined : `RMSSE ${qty(Math.round(row.rmsse * 100) / 100)}`,
    row.wape === null ? undefined : `WAPE ${percent(row.wape)}`,
    row.bias === null ? undefined : `bias ${row.bias > 0 ? "+" : ""}${percent(row.bias)}`,
  ].filter((part) => part !== undefined);
  const measured = parts.length > 0 ? parts.join(" · ") : "no sale in the weeks held out";
  return `Backtest of the last 13 history weeks (${methodLabel(row.method)}): ${measured}.`;
}
