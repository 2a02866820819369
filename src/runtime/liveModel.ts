import type { Day } from "../core/dates";
import type { WorkbookInput } from "../core/input";
import { ForecastStore } from "../core/forecasts";
import { type Planned, planWorkbookInSlices, type Unplanned } from "../core/planned";

/** Where the model's input comes from (the Office adapter in Excel, the workbook in memory in the demo and tests). */
export interface WorkbookSource {
  read(): Promise<WorkbookInput>;
  /** Starts calling `listener` with the names of input sheets that changed. */
  watch(listener: (sheets: string[]) => void): Promise<void>;
}

export type Outcome = Planned;

export interface LiveModelOptions {
  /** The user's today: the default Plan Start moves with it. */
  today: () => Day;
  /** How long to wait after a change before reading, so that a burst of edits costs one read. */
  refreshDelayMs?: number;
  /**
   * How often to look whether the day has changed; off when undefined. Without a
   * Plan Start setting week 1 is the current week, so at midnight on Sunday every
   * cell must move on by itself.
   */
  dayCheckMs?: number;
  /** How long to wait before reading again after a failed read, when cells are waiting. */
  retryDelayMs?: number;
  /** Work between pauses while forecasts are computed (default 40 ms): the pane and the cells breathe in between. */
  forecastSliceMs?: number;
}

type Listener = (outcome: Outcome) => void;

/** Statistical forecasts being computed for a read: how many of how many; undefined when none are. */
export type ForecastProgress = { done: number; total: number } | undefined;

/** A read that failed for a passing reason (the user is editing a cell…): never kept. */
const isReadFailure = (outcome: Outcome): outcome is Unplanned => !outcome.ok && outcome.kind === "read-failed";

/**
 * One planned workbook per workbook state, shared by every function cell and the
 * task pane. Readers asking at once share one read; a change to an input sheet
 * drops the model and, when anyone is listening, reads once and hands the new
 * model to all of them.
 */
export class LiveModel {
  /** Bumped by every change to an input sheet: the key of the cached model. */
  private version = 0;
  private cached?: { version: number; today: Day; outcome: Promise<Outcome> };
  private readonly listeners = new Set<Listener>();
  private watching?: Promise<void>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private refreshing?: Promise<void>;
  private dayTimer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  /** Workbook reads so far (for tests and the benchmark). */
  reads = 0;
  /** Forecasts kept from read to read: each history is forecast once per state of what it depends on. */
  readonly forecasts = new ForecastStore();
  private progress: ForecastProgress;
  private readonly progressListeners = new Set<(progress: ForecastProgress) => void>();

  constructor(
    private readonly source: WorkbookSource,
    private readonly options: LiveModelOptions,
  ) {}

  /** The model of the workbook as it is now, read at most once per state. */
  current(): Promise<Outcome> {
    const today = this.options.today();
    const cached = this.cached;
    if (cached && cached.version === this.version && cached.today === today) return cached.outcome;
    const outcome = this.load(today, this.version);
    const entry = { version: this.version, today, outcome };
    this.cached = entry;
    void outcome.then((result) => {
      if (!isReadFailure(result) || this.cached !== entry) return;
      this.cached = undefined;
      // Excel refuses reads while a cell is being edited: the waiting cells try again shortly.
      if (this.listeners.size > 0)
        this.retryTimer ??= setTimeout(() => {
          this.retryTimer = undefined;
          this.invalidate();
        }, this.options.retryDelayMs ?? 2_000);
    });
    return outcome;
  }

  /** The model of the workbook as it is after every change so far, waiting out changes that arrive meanwhile. */
  async latest(): Promise<Outcome> {
    for (;;) {
      const version = this.version;
      const outcome = await this.current();
      if (version === this.version) return outcome;
    }
  }

  /** Calls `listener` with the current model now and with every later one, until unsubscribed. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    const version = this.version;
    void this.current().then((outcome) => {
      // A change since then has scheduled a refresh that hands this listener the newer model.
      if (this.listeners.has(listener) && this.version === version) listener(outcome);
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Calls `listener` whenever the forecasts a read lacks are being computed (the
   * first read of many histories takes a while: the pane shows how far it is), and
   * with undefined when they are done.
   */
  onForecastProgress(listener: (progress: ForecastProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => {
      this.progressListeners.delete(listener);
    };
  }

  /** How far the forecasts of the read under way are; undefined when none are being computed. */
  get forecastProgress(): ForecastProgress {
    return this.progress;
  }

  get listening(): number {
    return this.listeners.size;
  }

  /** An input sheet changed (an event, or the add-in's own write): drop the model and refresh listeners. */
  invalidate(): void {
    this.version++;
    this.cached = undefined;
    if (this.listeners.size > 0 && this.refreshTimer === undefined) {
      this.refreshTimer = setTimeout(() => this.refresh(), this.options.refreshDelayMs ?? 50);
    }
  }

  /** Resolves once no read or refresh is waiting or running (for tests and the benchmark). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.refreshTimer !== undefined || this.retryTimer !== undefined)
        await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.refreshDelayMs ?? 50, this.options.retryDelayMs ?? 2_000) + 1));
      else if (this.refreshing) await this.refreshing;
      else {
        const outcome = this.cached?.outcome;
        const watching = this.watching;
        await Promise.all([outcome, watching]);
        // Let the listeners' own continuations run before looking again.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.refreshTimer === undefined && this.retryTimer === undefined && !this.refreshing && this.cached?.outcome === outcome && this.watching === watching) return;
      }
    }
  }

  /** Stops the day check and any waiting refresh (the runtime lives as long as the workbook; tests do not). */
  stop(): void {
    clearInterval(this.dayTimer);
    clearTimeout(this.refreshTimer);
    clearTimeout(this.retryTimer);
    this.dayTimer = undefined;
    this.refreshTimer = undefined;
    this.retryTimer = undefined;
  }

  private refresh(): void {
    this.refreshTimer = undefined;
    const version = this.version;
    const running = this.current().then((outcome) => {
      if (this.version === version) for (const listener of [...this.listeners]) listener(outcome);
    });
    this.refreshing = running;
    void running.finally(() => {
      if (this.refreshing === running) this.refreshing = undefined;
    });
  }

  private async load(today: Day, version: number): Promise<Outcome> {
    this.startWatching();
    let input: WorkbookInput;
    try {
      this.reads++;
      input = await this.source.read();
    } catch (error) {
      return { ok: false, kind: "read-failed", error: messageOf(error), problems: [] };
    }
    try {
      const planned = await planWorkbookInSlices(input, today, {
        store: this.forecasts,
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        sliceMs: this.options.forecastSliceMs,
        onProgress: (done, total) => this.setProgress(done < total ? { done, total } : undefined),
        // A read the workbook has moved past stops computing: the next read takes over what it made.
        cancelled: () => this.version !== version,
      });
      return planned ?? { ok: false, kind: "read-failed", error: "The workbook changed while its forecasts were being computed.", problems: [] };
    } catch (error) {
      return { ok: false, kind: "failed", error: messageOf(error), problems: [] };
    } finally {
      if (this.progress) this.setProgress(undefined);
    }
  }

  private setProgress(progress: ForecastProgress): void {
    this.progress = progress;
    for (const listener of [...this.progressListeners]) listener(progress);
  }

  private startWatching(): void {
    if (this.options.dayCheckMs !== undefined && this.dayTimer === undefined) {
      let day = this.options.today();
      this.dayTimer = setInterval(() => {
        const today = this.options.today();
        if (today === day) return;
        day = today;
        this.invalidate();
      }, this.options.dayCheckMs);
    }
    this.watching ??= this.source
      .watch(() => this.invalidate())
      .catch(() => {
        // Without change events the cells still answer; the next read tries again.
        this.watching = undefined;
      });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
