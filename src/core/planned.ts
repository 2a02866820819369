import type { SkuRow } from "./catalog";
import type { Day } from "./dates";
import { resolveDemand } from "./demand";
import type { ForecastStore } from "./forecasts";
import type { WorkbookInput } from "./input";
import { type ModelSources, type PlanningModel, readModel } from "./model";
import type { PurchaseOrder } from "./orders/purchaseOrders";
import { compareOrderNow, type ItemPlan, orderNow, type OrderNowLine, orderNowLine, planAll } from "./plan";
import type { Problem } from "./problems";

/**
 * One workbook state, read and planned once, with the look-ups its readers need:
 * the task pane, every function cell and the command line answer from it. It is
 * made of per-item pieces (one `ItemPlan` per item-location, indexed by key and by
 * SKU) and totals derived from them, so that an edit can re-plan the items it
 * touches and bring the totals up to date by difference (docs/runtime.md).
 *
 * States made from one another by edits share their indexes, which always describe
 * the newest: hold on to the newest state only.
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
   * question (every SPEND of a supplier), or need the same index. With `update`, an
   * edit brings it up to date from what changed (by difference) instead of dropping it.
   */
  memo<T>(key: string, compute: () => T, update?: (value: T, change: PlanChange) => T): T;
  /** What the model was read from: an edit makes the item-locations it touches again from it (cellEdits.ts). */
  sources: ModelSources;
  /** What changed since the state an edit made this one from (`TOUCHED` keys); undefined after a full read. */
  touched?: ReadonlySet<string>;
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

/** What an edit changed: the item-locations it re-planned and the orders it read again, before and after. */
export interface PlanChange {
  /** By position in the SKUs rows. */
  items: { at: number; before: ItemPlan; after: ItemPlan }[];
  /** By position in the order book. */
  orders: { at: number; before: PurchaseOrder; after: PurchaseOrder }[];
  /** The Order-now lines that changed (a line that went, came, or both), filled in by `nextPlanned`. */
  lines?: { before?: OrderNowLine; after?: OrderNowLine }[];
}

/**
 * What an answer can depend on, as keys of `PlannedWorkbook.touched`: a function cell
 * listens to the keys of its arguments and answers again only when one is touched.
 */
export const TOUCHED = {
  /** Any of the SKU's item-locations (its plan, status, inbound, demand). */
  sku: (sku: string) => `sku\u0000${sku}`,
  /** One purchase order (its lines, amounts, status). */
  po: (number: string) => `po\u0000${number}`,
  /** Any purchase order: totals over orders (SPEND). */
  orders: "orders",
  /** The Order-now list. */
  orderNow: "order-now",
  /** Any item-location's status: the list of every status. */
  statuses: "statuses",
} as const;

/** Reads and plans a workbook. */
export function planWorkbook(input: WorkbookInput, today: Day): Planned {
  const result = readModel(input, { today });
  if (!result.ok) return { ok: false, kind: "unreadable", error: result.error, problems: result.problems };
  return plannedFrom(input, result.model, result.sources, planAll(result.model));
}

interface Memo {
  value: unknown;
  update?: (value: unknown, change: PlanChange) => unknown;
}

/** The planned workbook of a model and its items' plans (in the model's item order). */
export function plannedFrom(input: WorkbookInput, model: PlanningModel, sources: ModelSources, plans: ItemPlan[]): PlannedWorkbook {
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
  return new State(input, model, sources, plans, byKey, bySku, firstRow, undefined, new Map());
}

class State implements PlannedWorkbook {
  readonly ok = true;
  readonly date1904: boolean;

  constructor(
    readonly input: WorkbookInput,
    readonly model: PlanningModel,
    readonly sources: ModelSources,
    readonly plans: ItemPlan[],
    readonly byKey: Map<string, ItemPlan>,
    readonly bySku: Map<string, ItemPlan[]>,
    readonly firstRow: Map<string, SkuRow>,
    /** The Order-now lines, once asked for. */
    public lines: OrderNowLine[] | undefined,
    readonly memos: Map<string, Memo>,
    readonly touched?: ReadonlySet<string>,
  ) {
    this.date1904 = input.date1904 ?? false;
  }

  orderNow(): OrderNowLine[] {
    return (this.lines ??= orderNow(this.plans, this.model.settings));
  }

  memo<T>(key: string, compute: () => T, update?: (value: T, change: PlanChange) => T): T {
    let entry = this.memos.get(key);
    if (!entry) this.memos.set(key, (entry = { value: compute(), update: update as Memo["update"] }));
    return entry.value as T;
  }
}

/**
 * The state after an edit re-planned some item-locations and read some orders again
 * (the model and its order book already hold them): the plans' indexes take the new
 * plans, the Order-now list its new lines in their places, and memos with an update
 * follow by difference; the others are dropped. The containers are the previous
 * state's, brought up to date; the model is a new object (its order book too, when
 * orders changed), so that what a view made from the old one is made again.
 */
export function nextPlanned(previous: PlannedWorkbook, change: PlanChange): PlannedWorkbook {
  const before = previous as State;
  const { sources, plans, byKey, bySku, firstRow, lines } = before;
  const model: PlanningModel = { ...before.model };
  if (change.orders.length > 0) model.orderBook = { ...model.orderBook };
  const settings = model.settings;
  const touched = new Set<string>();
  const changedLines: NonNullable<PlanChange["lines"]> = [];
  for (const { at, before: was, after } of change.items) {
    const { item } = after;
    plans[at] = after;
    model.items[at] = item;
    model.itemsByKey.set(item.key, item);
    byKey.set(item.key, after);
    bySku.set(
      item.sku,
      bySku.get(item.sku)!.map((plan) => (plan.item.key === item.key ? after : plan)),
    );
    firstRow.set(item.sku, model.skuRows[sources.index.first(item.sku)]);
    touched.add(TOUCHED.sku(item.sku));
    if (was.item.status !== item.status) touched.add(TOUCHED.statuses);
    const old = orderNowLine(was, settings);
    const line = orderNowLine(after, settings);
    if (sameLine(old, line)) continue;
    touched.add(TOUCHED.orderNow);
    changedLines.push({ before: old, after: line });
    if (lines) replaceLine(lines, old, line);
  }
  for (const { before: was, after } of change.orders) {
    touched.add(TOUCHED.po(was.number));
    touched.add(TOUCHED.po(after.number));
    touched.add(TOUCHED.orders);
  }
  const memos = new Map<string, Memo>();
  const changed = { ...change, lines: changedLines };
  for (const [key, entry] of before.memos) if (entry.update) memos.set(key, { value: entry.update(entry.value, changed), update: entry.update });
  return new State(before.input, model, sources, plans, byKey, bySku, firstRow, lines, memos, touched);
}

/**
 * An item-location's Order-now line in a sorted list of lines (and `also`, a list kept
 * beside it, one entry per line after `offset` others), replaced in place: the old one
 * taken out, the new one put where sorting every line would put it.
 */
export function replaceLine<T>(
  lines: OrderNowLine[],
  old: OrderNowLine | undefined,
  line: OrderNowLine | undefined,
  also?: { list: T[]; offset: number; entry: (line: OrderNowLine) => T },
): void {
  if (old) {
    const at = insertionPoint(lines, old);
    if (at < lines.length && compareOrderNow(lines[at], old) === 0) {
      lines.splice(at, 1);
      also?.list.splice(also.offset + at, 1);
    }
  }
  if (line) {
    const at = insertionPoint(lines, line);
    lines.splice(at, 0, line);
    also?.list.splice(also.offset + at, 0, also.entry(line));
  }
}

/** The first position whose line sorts at or after `line`. */
function insertionPoint(lines: OrderNowLine[], line: OrderNowLine): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareOrderNow(lines[mid], line) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lines that show the same: the list and RECOMMEND() need no new answer. */
function sameLine(a: OrderNowLine | undefined, b: OrderNowLine | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.supplier === b.supplier &&
    a.quantity === b.quantity &&
    a.unitPrice.eq(b.unitPrice) &&
    a.value.eq(b.value) &&
    a.currency === b.currency &&
    a.arrivalWeek === b.arrivalWeek &&
    a.shortWeek === b.shortWeek
  );
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
  if (!(await completeForecasts(result.model, result.sources, options))) return undefined;
  // An edit that needs a forecast the store lacks (a Forecast Method typed) computes that one at once.
  result.sources.demand = result.sources.demand.completing(options.store, true);
  return plannedFrom(input, result.model, result.sources, planAll(result.model));
}

/** Computes the model's pending forecasts in slices and works those items' demand out again; false when cancelled. */
export async function completeForecasts(model: PlanningModel, sources: ModelSources, options: SliceOptions): Promise<boolean> {
  const pending = model.pendingForecasts;
  if (pending.length === 0) return true;
  const now = options.now ?? Date.now;
  const sliceMs = options.sliceMs ?? 40;
  const context = sources.demand.completing(options.store);
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
