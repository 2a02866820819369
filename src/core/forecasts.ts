/**
 * The statistical forecasts of a workbook's item-locations, each computed once per
 * state of what it depends on. Fitting costs a millisecond or more a series, so a
 * workbook of 40,000 histories is most of a minute of work: a re-read after an edit
 * elsewhere, or of the same file, must find them made (docs/forecasting.md, "Speed").
 */
import { type Forecast, forecast, type MethodName } from "./forecasting";

export interface ForecastRequest {
  /** Weekly demand, oldest first, NaN = censored (an `ItemHistory`'s weeks). */
  history: Float64Array;
  method: MethodName | "auto";
  /** Weeks 1..horizon are forecast. */
  horizon: number;
}

/** The safety stock asked of a forecast: P = L + R weeks at a service level, with the lead time's spread. */
export interface SafetyRequest {
  weeks: number;
  /** As a fraction (0.95). */
  serviceLevel: number;
  leadTimeSdWeeks: number;
}

/** What the plan keeps of a statistical forecast (the fitted model itself is left behind: it weighs kilobytes). */
export interface ItemForecast {
  method: MethodName;
  distribution: "normal" | "intermittent";
  /** Expected demand, the 10 % and the 90 % quantile of plan week w at index w − 1. */
  point: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

/** Where the model takes its forecasts from: a store that computes what it lacks, or one that only says what it has. */
export interface ForecastSource {
  /** The forecast, or undefined when it is not ready (the caller computes it later: `ForecastStore.compute`). */
  forecast(request: ForecastRequest): ItemForecast | undefined;
  /** The safety stock of that forecast (undefined when not ready), ≥ 0. */
  safetyStock(request: ForecastRequest, safety: SafetyRequest): number | undefined;
}

interface Entry {
  forecast: ItemForecast;
  /** Safety stock by `P/σL/level`. */
  safety: Map<string, number>;
  /** The last generation (`sweep`) that used it. */
  used: number;
}

/**
 * Forecasts by a 64-bit hash of the history (a 32-bit FNV-1a and a multiply–shift hash of
 * its numbers' bits), the method and the horizon. Keeping the histories themselves to
 * compare would double the store's memory; two distinct histories of one workbook
 * meeting on 64 bits is a chance of about n²/2⁶⁵ (10⁻¹⁰ for 40,000 item-locations).
 */
export class ForecastStore implements ForecastSource {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  /** The last model fitted: an item's safety stock is asked right after its forecast, and needs the same fit. */
  private recent?: { key: string; fit: Forecast };
  /** Series fitted so far (for tests and the benchmark). */
  fitted = 0;

  get size(): number {
    return this.entries.size;
  }

  forecast(request: ForecastRequest): ItemForecast {
    return this.entry(request, undefined).forecast;
  }

  safetyStock(request: ForecastRequest, safety: SafetyRequest): number {
    const key = safetyKey(safety);
    return this.entry(request, key, safety).safety.get(key)!;
  }

  /** Computes what `request` (and `safety`) needs unless it is kept already. */
  compute(request: ForecastRequest, safety?: SafetyRequest): void {
    if (safety) this.safetyStock(request, safety);
    else this.forecast(request);
  }

  /** A source that answers only what is kept, for a read that computes the rest afterwards, in slices. */
  kept(): ForecastSource {
    return {
      forecast: (request) => this.find(request)?.forecast,
      safetyStock: (request, safety) => this.find(request)?.safety.get(safetyKey(safety)),
    };
  }

  /** Starts a generation: forecasts not used since the previous call are dropped (histories that are gone). */
  sweep(): void {
    const keep = this.generation;
    this.entries.forEach((entry, key) => {
      if (entry.used < keep) this.entries.delete(key);
    });
    this.generation++;
  }

  private find(request: ForecastRequest): Entry | undefined {
    const entry = this.entries.get(keyOf(request));
    if (entry) entry.used = this.generation;
    return entry;
  }

  private entry(request: ForecastRequest, safetyKey: string | undefined, safety?: SafetyRequest): Entry {
    const key = keyOf(request);
    let entry = this.entries.get(key);
    if (entry && (safetyKey === undefined || entry.safety.has(safetyKey))) {
      entry.used = this.generation;
      return entry;
    }
    // A safety stock not asked before needs the fitted model again: only the last one is kept.
    let fit = this.recent?.key === key ? this.recent.fit : undefined;
    if (!fit) {
      fit = forecast(request.history, { horizon: request.horizon, method: request.method });
      this.fitted++;
      this.recent = { key, fit };
    }
    if (!entry) {
      entry = { forecast: kept(fit), safety: new Map(), used: this.generation };
      this.entries.set(key, entry);
    }
    entry.used = this.generation;
    if (safety && safetyKey !== undefined) entry.safety.set(safetyKey, fit.safetyStock(safety));
    return entry;
  }
}

function kept(fit: Forecast): ItemForecast {
  return { method: fit.method, distribution: fit.distribution, point: Float64Array.from(fit.point), low: Float64Array.from(fit.low), high: Float64Array.from(fit.high) };
}

const safetyKey = (safety: SafetyRequest): string => `${safety.weeks}/${safety.leadTimeSdWeeks}/${safety.serviceLevel}`;

function keyOf(request: ForecastRequest): string {
  const { history } = request;
  const words = new Uint32Array(history.buffer, history.byteOffset, history.length * 2);
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${history.length}.${request.method}.${request.horizon}`;
}
