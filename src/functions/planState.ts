import type { SkuRow } from "../core/catalog";
import { itemKey } from "../core/catalog";
import type { Day } from "../core/dates";
import type { WorkbookInput } from "../core/input";
import { type PlanningModel, readModel } from "../core/model";
import { type ItemPlan, orderNow, type OrderNowLine, planAll } from "../core/plan";
import { unreadableWorkbook } from "./errors";

/** One workbook state, planned once, with the look-ups every function cell needs. */
export interface PlanState {
  model: PlanningModel;
  date1904: boolean;
  plans: ItemPlan[];
  /** A SKU's plans at each of its warehouses, in SKUs-sheet order. */
  bySku: Map<string, ItemPlan[]>;
  byKey: Map<string, ItemPlan>;
  /** The first SKUs row of each SKU: where its product-level status comes from. */
  firstRow: Map<string, SkuRow>;
  /** The Order-now lines, computed on first use and kept with the state. */
  orderNow(): OrderNowLine[];
  /**
   * A value computed once per workbook state: thousands of cells often ask the same
   * question (every SPEND of a supplier), or need the same index.
   */
  memo<T>(key: string, compute: () => T): T;
}

/** Reads and plans a workbook; a workbook without a usable SKUs sheet is a `#REF!` error. */
export function planState(input: WorkbookInput, today: Day): PlanState {
  const result = readModel(input, { today });
  if (!result.ok) throw unreadableWorkbook(result.error);
  const { model } = result;
  const plans = planAll(model);
  const bySku = new Map<string, ItemPlan[]>();
  const byKey = new Map<string, ItemPlan>();
  for (const plan of plans) {
    const list = bySku.get(plan.item.sku);
    if (list) list.push(plan);
    else bySku.set(plan.item.sku, [plan]);
    byKey.set(itemKey(plan.item.sku, plan.item.warehouse), plan);
  }
  const firstRow = new Map<string, SkuRow>();
  for (const row of model.skuRows) if (!firstRow.has(row.sku)) firstRow.set(row.sku, row);
  let lines: OrderNowLine[] | undefined;
  const memos = new Map<string, unknown>();
  return {
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
