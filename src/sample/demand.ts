/**
 * Believable weekly demand for the sample, history and future from one process per
 * item-location, in the families a forecaster meets (docs/forecasting.md): smooth,
 * trend, seasonal, intermittent, lumpy, level shift, short, inactive, and censored
 * by stockouts (weeks whose sales fell short of demand because the shelf was empty).
 */
import type { Dice } from "./dice";

export const FAMILIES = ["smooth", "trend", "seasonal", "intermittent", "lumpy", "level shift", "short", "inactive", "censored"] as const;
export type Family = (typeof FAMILIES)[number];

export interface DemandPath {
  /** Units sold per history week, oldest first (the last is week −1); 0 before the item was first sold. */
  sales: number[];
  /** History weeks with a stockout (the sales are short of the demand). */
  stockouts: boolean[];
  /** Demand per plan week 1..H (index 0 is week 1). */
  future: number[];
}

/**
 * One item-location's demand at `rate` units a week around the plan start; `lift(t)`
 * is the season's multiplier of the week t weeks after the plan start (t < 0: history).
 */
export function demandPath(dice: Dice, family: Family, rate: number, lift: (t: number) => number, historyWeeks: number, horizon: number): DemandPath {
  const mean = meanOf(dice, family, rate, lift, historyWeeks);
  const sales: number[] = [];
  const stockouts: boolean[] = [];
  const future: number[] = [];
  let outFor = 0;
  for (let t = -historyWeeks; t < horizon; t++) {
    const demand = dice.count(mean(t));
    if (t >= 0) {
      future.push(demand);
      continue;
    }
    if (family === "censored" && outFor === 0 && dice.chance(0.06)) outFor = dice.int(1, 3);
    const out = outFor > 0;
    if (out) outFor--;
    stockouts.push(out);
    // An empty shelf sells what was left at the start of the week: part of the demand.
    sales.push(out ? Math.floor(demand * dice.float(0, 0.5)) : demand);
  }
  // A new item has sold at least once: that is what makes it new rather than not yet launched.
  if (family === "short" && sales.length > 0 && !sales.some((units) => units > 0)) sales[sales.length - 1] = Math.max(1, Math.round(rate));
  return { sales, stockouts, future };
}

/** The family's expected demand of week t. */
function meanOf(dice: Dice, family: Family, rate: number, lift: (t: number) => number, historyWeeks: number): (t: number) => number {
  switch (family) {
    case "smooth":
    case "censored":
      return () => rate;
    case "trend": {
      // Growing (or fading) by 20–60 % a year; `rate` is the level at the plan start.
      const growth = (dice.chance(0.7) ? 1 : -1) * dice.float(0.2, 0.6);
      return (t) => rate * Math.exp((growth * t) / 52);
    }
    case "seasonal":
      return (t) => rate * lift(t);
    case "intermittent": {
      const p = dice.float(0.2, 0.5);
      const size = Math.max(1, Math.min(rate, 4));
      return () => (dice.chance(p) ? size : 0);
    }
    case "lumpy": {
      const p = dice.float(0.08, 0.25);
      return () => (dice.chance(p) ? (rate / p) * Math.exp(dice.normal() * 0.7 - 0.25) : 0);
    }
    case "level shift": {
      const at = -dice.int(15, Math.max(16, Math.min(70, historyWeeks - 10)));
      const before = rate * (dice.chance(0.5) ? 0.5 : 1.8);
      return (t) => (t < at ? before : rate);
    }
    case "short": {
      const launched = -dice.int(1, 7);
      return (t) => (t < launched ? 0 : rate);
    }
    case "inactive": {
      const stopped = -dice.int(30, Math.max(31, Math.min(90, historyWeeks - 4)));
      return (t) => (t < stopped ? rate : 0);
    }
  }
}
