/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata maps a spill only from `any[][]` (a union or alias inside the array is a build error) */
import * as answer from "./answers";
import { liveModel } from "../runtime/excel";
import { answerOnce, streamAnswer } from "./streaming";

/*
 * The PLANSTER.* custom functions. Every one is a streaming function: it answers
 * from the shared live model and answers again by itself whenever an input sheet
 * changes, so no cell needs a manual recalculation. The JSDoc below is what
 * custom-functions-metadata-plugin turns into functions.json; arguments are
 * declared `any` so that a bad one gets a #VALUE! that names it instead of
 * Excel's bare #VALUE!.
 */

/**
 * The engine's recommended order quantity for an order week. With no SKU: the Order-now table (header row first).
 * @customfunction RECOMMEND
 * @param [sku] SKU code. Leave blank for the Order-now table.
 * @param [week] Order week: a week number 1..H or a date inside the plan. Default: week 1.
 * @param [warehouse] Warehouse. Blank: summed over the SKU's warehouses.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function recommend(sku: unknown, week: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.recommend(state, sku, week, warehouse), answer.dependsOn.recommend(sku));
}

/**
 * The effective purchase status code. With no SKU: SKU, Warehouse, Code, Type, Source, Orderable of every item-location.
 * @customfunction STATUS
 * @param [sku] SKU code. Leave blank for every item-location.
 * @param [warehouse] Warehouse. Blank with several warehouses: the product-level status.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function status(sku: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.status(state, sku, warehouse), answer.dependsOn.status(sku));
}

/**
 * TRUE when a PO line may be created for the SKU (its purchase status is of type A, M, D or O).
 * @customfunction CANORDER
 * @param sku SKU code.
 * @param [warehouse] Warehouse. Blank with several warehouses: the product-level status.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function canOrder(sku: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<boolean>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.canOrder(state, sku, warehouse), answer.dependsOn.sku(sku));
}

/**
 * The weekly plan rows of an item-location, header row first.
 * @customfunction PLAN
 * @param sku SKU code.
 * @param [warehouse] Warehouse. Blank: the rows of every warehouse holding the SKU.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function plan(sku: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.plan(state, sku, warehouse), answer.dependsOn.sku(sku));
}

/**
 * Projected on hand at the end of a week.
 * @customfunction PROJECTED
 * @param sku SKU code.
 * @param week A week number 1..H or a date inside the plan.
 * @param [warehouse] Warehouse. Blank: summed over the SKU's warehouses.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function projected(sku: unknown, week: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.projected(state, sku, week, warehouse), answer.dependsOn.sku(sku));
}

/**
 * Scheduled receipts in a week; with no week, all open inbound quantity.
 * @customfunction INBOUND
 * @param sku SKU code.
 * @param [week] A week number 1..H or a date inside the plan. Blank: every open quantity still to come.
 * @param [warehouse] Warehouse. Blank: summed over the SKU's warehouses.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function inbound(sku: unknown, week: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.inbound(state, sku, week, warehouse), answer.dependsOn.sku(sku));
}

/**
 * The start date of the first week projected below zero; #N/A when there is none.
 * @customfunction STOCKOUT
 * @param sku SKU code.
 * @param [warehouse] Warehouse. Blank: the earliest over the SKU's warehouses.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function stockout(sku: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.stockout(state, sku, warehouse), answer.dependsOn.sku(sku));
}

/**
 * The week's demand d[w]: the planner's Forecast Override, the Forecast sheet, the forecast from Sales History, or the Weekly Forecast.
 * @customfunction FORECAST
 * @param sku SKU code.
 * @param [week] A week number 1..H or a date inside the plan. Default: week 1.
 * @param [warehouse] Warehouse. Blank: summed over the SKU's warehouses.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function forecast(sku: unknown, week: unknown, warehouse: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.forecast(state, sku, week, warehouse), answer.dependsOn.sku(sku));
}

/**
 * The statistical forecast of a column of weekly numbers (oldest first; blank cells are missing weeks), spilled as a column.
 * @customfunction FORECASTSERIES
 * @param values One column (or row) of weekly quantities.
 * @param [horizon] Weeks to forecast. Default: 13.
 * @param [season] Season length in weeks: 52 by default, 0 to choose, 1 for none.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function forecastSeries(values: any[][], horizon: unknown, season: unknown, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  // A function of its arguments alone: Excel calls it again when they change; no workbook change moves it.
  answerOnce(invocation, () => answer.forecastSeries(values, horizon, season));
}

/**
 * The total of a purchase order (the sum of its Line Totals).
 * @customfunction POTOTAL
 * @param po PO number.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function poTotal(po: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.poTotal(state, po), answer.dependsOn.po(po));
}

/**
 * The sum of Line Totals of orders not Cancelled, with Order Date in [from, to], in one currency.
 * @customfunction SPEND
 * @param [supplier] Supplier code. Blank: all suppliers.
 * @param [from] First Order Date counted. Blank: no lower bound.
 * @param [to] Last Order Date counted. Blank: no upper bound.
 * @param [currency] ISO currency code. Blank: the workbook's Currency setting.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function spend(supplier: unknown, from: unknown, to: unknown, currency: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamAnswer(liveModel(), invocation, (state) => answer.spend(state, supplier, from, to, currency), answer.dependsOn.orders());
}
