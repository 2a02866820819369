import type { Planned, Unplanned } from "../core/planned";
import type { LiveModel } from "../runtime/liveModel";

/** Before the first read has answered. */
export const LOADING = { ok: false, kind: "loading" } as const;

export type PaneState = typeof LOADING | Planned;

/**
 * The pane's view of the live model, for React's `useSyncExternalStore`: the
 * planned workbook the functions answer from too, never a second read or plan.
 */
export class PlanStore {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private stop?: () => void;

  constructor(private readonly live: LiveModel) {
    this.state = live.known() ?? LOADING;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.stop ??= this.live.subscribe((outcome) => this.set(outcome));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stop?.();
      this.stop = undefined;
    };
  };

  snapshot = (): PaneState => this.state;

  /** Resolves once the state reflects every change so far (the pane's own writes included). */
  async refresh(): Promise<void> {
    this.set(await this.live.latest());
  }

  private set(state: PaneState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}

/** What the pane says when there is no plan to show. */
export function unplannedMessage(state: Unplanned): string {
  if (state.kind === "read-failed") return `The workbook could not be read: ${state.error}`;
  if (state.kind === "failed") return `The workbook could not be planned: ${state.error}`;
  return state.error;
}
