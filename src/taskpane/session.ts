import { itemKey } from "../core/catalog";
import type { WorkbookInput } from "../core/input";
import { type PlanningModel, readModel } from "../core/model";
import { type ItemPlan, type OrderNowLine, orderNow, planAll } from "../core/plan";
import type { Problem } from "../core/problems";
import type { WorkbookHost } from "./host";

export type PaneState = { kind: "loading" } | { kind: "failed"; error: string; problems: Problem[] } | Ready;

export interface Ready {
  kind: "ready";
  input: WorkbookInput;
  model: PlanningModel;
  plans: ItemPlan[];
  plansByKey: Map<string, ItemPlan>;
  orderNow: OrderNowLine[];
  /** Grows with each read, so views can tell a new plan from the last one. */
  version: number;
}

/**
 * The pane's view of the workbook: read, planned, and read again whenever the
 * workbook changes. Reads never overlap: a change during a read schedules one more.
 */
export class Session {
  private state: PaneState = { kind: "loading" };
  private readonly listeners = new Set<() => void>();
  private reading: Promise<void> | undefined;
  private again = false;
  private version = 0;
  private readonly stop: () => void;

  constructor(readonly host: WorkbookHost) {
    this.stop = host.onChange(() => void this.refresh());
  }

  get current(): PaneState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): PaneState => this.state;

  /** Reads and plans the workbook; resolves when the state reflects every change so far. */
  refresh(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        this.set(await this.load());
      } while (this.again);
      this.reading = undefined;
    })();
    return this.reading;
  }

  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  private async load(): Promise<PaneState> {
    let input: WorkbookInput;
    try {
      input = await this.host.read();
    } catch (error) {
      return { kind: "failed", error: `The workbook could not be read: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
    }
    const read = readModel(input, { today: this.host.today() });
    if (!read.ok) return { kind: "failed", error: read.error, problems: read.problems };
    const { model } = read;
    const plans = planAll(model);
    const plansByKey = new Map(plans.map((plan) => [itemKey(plan.item.sku, plan.item.warehouse), plan]));
    return { kind: "ready", input, model, plans, plansByKey, orderNow: orderNow(plans, model.settings), version: ++this.version };
  }

  private set(state: PaneState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}
