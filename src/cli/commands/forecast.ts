import { isoFromDay } from "../../core/dates";
import { type AccuracyRow, accuracyRows, type ForecastRow, forecastRows } from "../../core/forecastRows";
import type { ItemLocation } from "../../core/model";
import { quantityText } from "../../core/planColumns";
import type { Command } from "../command";
import { EXIT } from "../io";
import { checkFilters, loadModel, reportProblems, withoutForecasts } from "../load";
import { type Column, parseFormat, printRows } from "../output";

const quantity = (n: number | null): string => (n === null ? "" : quantityText(n));

const measure = (n: number | null): string => (n === null ? "" : n.toFixed(3));

/** docs/forecasting.md's keys, in its order. */
const FORECAST_OUTPUT: Column<ForecastRow>[] = [
  { header: "SKU", key: "sku", json: (r) => r.sku },
  { header: "Warehouse", key: "warehouse", json: (r) => r.warehouse },
  { header: "Week", key: "week", json: (r) => r.week, numeric: true },
  { header: "Week Start", key: "weekStart", json: (r) => isoFromDay(r.weekStart) },
  { header: "Forecast", key: "forecast", json: (r) => r.forecast, text: (r) => quantity(r.forecast), numeric: true },
  { header: "Source", key: "source", json: (r) => r.source },
  { header: "Method", key: "method", json: (r) => r.method },
  { header: "Low", key: "low", json: (r) => r.low, text: (r) => quantity(r.low), numeric: true },
  { header: "High", key: "high", json: (r) => r.high, text: (r) => quantity(r.high), numeric: true },
];

const ACCURACY_OUTPUT: Column<AccuracyRow>[] = [
  { header: "SKU", key: "sku", json: (r) => r.sku },
  { header: "Warehouse", key: "warehouse", json: (r) => r.warehouse },
  { header: "Method", key: "method", json: (r) => r.method },
  { header: "History Weeks", key: "historyWeeks", json: (r) => r.historyWeeks, numeric: true },
  { header: "RMSSE", key: "rmsse", json: (r) => r.rmsse, text: (r) => measure(r.rmsse), numeric: true },
  { header: "WAPE", key: "wape", json: (r) => r.wape, text: (r) => measure(r.wape), numeric: true },
  { header: "Bias", key: "bias", json: (r) => r.bias, text: (r) => measure(r.bias), numeric: true },
];

export const forecast: Command = {
  usage: "FILE [--sku S] [--warehouse W] [--accuracy] [--format table|json|csv]",
  summary:
    "prints the demand forecast per item-location and week (what the plan uses, its source, method and 10–90 % band), or with --accuracy its backtest over the last 13 history weeks",
  positionals: 1,
  options: { sku: { type: "string" }, warehouse: { type: "string" }, accuracy: { type: "boolean" }, format: { type: "string" } },
  async run([file], options, io) {
    const format = parseFormat(options.format);
    // The backtest forecasts each history anew: the plan's forecasts are not needed for it.
    const { model } = await loadModel(file, io, options.accuracy ? withoutForecasts() : {});
    const sku = typeof options.sku === "string" ? options.sku : undefined;
    const warehouse = typeof options.warehouse === "string" ? options.warehouse : undefined;
    checkFilters(model, { sku, warehouse });
    const items = model.items.filter((item: ItemLocation) => (sku === undefined || item.sku === sku) && (warehouse === undefined || item.warehouse === warehouse));
    if (options.accuracy) await printRows(accuracyRows(items), ACCURACY_OUTPUT, format, io);
    else await printRows(forecastRows(items, model.settings), FORECAST_OUTPUT, format, io);
    reportProblems(model, io);
    return EXIT.done;
  },
};
