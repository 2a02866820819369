import type { SkuRow } from "./catalog";
import type { Day } from "./dates";
import { resolveDemand } from "./demand";
import type { ForecastStore } from "./forecasts";
import type { WorkbookInput } from "./input";
import { type PlanningModel, readModel } from "./model";
import { type ItemPlan, orderNow, type OrderNowLine, planAll } from "./plan";
import type { Problem } from "./problems";

/**
 * One workbook state, read and planned once, with the look-ups its readers need:
 * the task pane, every function cell and the command line answer from it. It is
 * made of per-item pieces (one `ItemPlan` per item-location, indexed by key and by
 * SKU) and totals derived from them on first use, so that a change to one item can
 * re-plan that item alone and drop only the totals (docs/runtime.md).
 */
export interface PlannedWorkbook {
  ok: true;
  /** The cell values it was read from (order actions find rows and layouts in them). */
  input: WorkbookInput;
  model: PlanningModel;
  date1904: boolean;
  /** In SKUs-sheet order. */
  plans: ItemPlan[];
  byKey: Map<string, ItemPlan>;
  /** A SKU's plans at each of its warehouses, in SKUs-sheet order. */
  bySku: Map<string, ItemPlan[]>;
  /** The first SKUs row of each SKU: where its product-level status comes from. */
  firstRow: Map<string, SkuRow>;
  /** The Order-now lines, computed on first use. */
  orderNow(): OrderNowLine[];
  /**
   * A value computed once per workbook state: thousands of cells often ask the same
   * question (every SPEND of a supplier), or need the same index.
   */
  memo<T>(key: string, compute: () => T): T;
}

/** A workbook that cannot be planned (no usable SKUs sheet), or could not be read or planned just now. */
export interface Unplanned {
  ok: false;
  /** `unreadable`: the sheets say what to fix; `read-failed`: the workbook refused the read for a moment; `failed`: planning itself broke. */
  kind: "unreadable" | "read-failed" | "failed";
  error: string;
  problems: Problem[];
}

export type Planned = PlannedWorkbook | Unplanned;

/** Reads and plans a workbook. */
export function planWorkbook(input: WorkbookInput, today: Day): Planned {
  const result = readModel(input, { today });
  if (!result.ok) return { ok: false, kind: "unreadable", error: result.error, problems: result.problems };
  return plannedFrom(input, result.model, planAll(result.model));
}

/** The planned workbook of a model and its items' plans (in the model's item order). */
export function plannedFrom(input: WorkbookInput, model: PlanningModel, plans: ItemPlan[]): PlannedWorkbook {
  const bySku = new Map<string, ItemPlan[]>();
  const byKey = new Map<string, ItemPlan>();
  for (const plan of plans) {
    const list = bySku.get(plan.item.sku);
    if (list) list.push(plan);
    else bySku.set(plan.item.sku, [plan]);
    byKey.set(plan.item.key, plan);
  }
  const firstRow = new Map<string, SkuRow>();
  for (const row of model.skuRows) if (!firstRow.has(row.sku)) firstRow.set(row.sku, row);
  let lines: OrderNowLine[] | undefined;
  const memos = new Map<string, unknown>();
  return {
    ok: true,
    input,
    model,
    date1904: input.date1904 ?? false,
    plans,
    bySku,
    byKey,
    firstRow,
    orderNow: () => (lines ??= orderNow(plans, model.settings)),
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

/** How a read computes the forecasts it lacks: in slices, letting the host breathe between them. */
export interface SliceOptions {
  /** Forecasts kept from read to read. */
  store: ForecastStore;
  /** Resolves when the host has had its turn (a timer in the add-in). */
  pause: () => Promise<void>;
  /** Forecasts computed so far out of those the read lacked, after each slice. */
  onProgress?: (done: number, total: number) => void;
  /** Set when the workbook has changed meanwhile: the rest is not computed. */
  cancelled?: () => boolean;
  /** Work done between pauses; default 40 ms. */
  sliceMs?: number;
  now?: () => number;
}

/**
 * Reads and plans a workbook like `planWorkbook`, with the forecasts the store lacks
 * computed in slices: the add-in stays responsive while a workbook of many histories
 * is forecast the first time, and later reads find them in the store.
 * Undefined when cancelled.
 */
export async function planWorkbookInSlices(input: WorkbookInput, today: Day, options: SliceOptions): Promise<Planned | undefined> {
  options.store.sweep();
  const result = readModel(input, { today, forecasts: options.store.kept() });
  if (!result.ok) return { ok: false, kind: "unreadable", error: result.error, problems: result.problems };
  if (!(await completeForecasts(result.model, options))) return undefined;
  return plannedFrom(input, result.model, planAll(result.model));
}

/** Computes the model's pending forecasts in slices and works those items' demand out again; false when cancelled. */
export async function completeForecasts(model: PlanningModel, options: SliceOptions): Promise<boolean> {
  const pending = model.pendingForecasts;
  if (pending.length === 0) return true;
  const now = options.now ?? Date.now;
  const sliceMs = options.sliceMs ?? 40;
  const context = model.demandContext.completing(options.store);
  let started = now();
  for (let i = 0; i < pending.length; i++) {
    resolveDemand(pending[i], context);
    if (now() - started < sliceMs && i < pending.length - 1) continue;
    options.onProgress?.(i + 1, pending.length);
    await options.pause();
    if (options.cancelled?.()) return false;
    started = now();
  }
  model.pendingForecasts = [];
  return true;
}
