import { applyCellEdits, prepareEdits } from "../core/cellEdits";
import type { Day } from "../core/dates";
import { ForecastStore } from "../core/forecasts";
import type { CellEdit, CellRange, WorkbookChange, WorkbookInput } from "../core/input";
import { type Planned, planWorkbookInSlices, type Unplanned } from "../core/planned";
import { whenIdle } from "./idle";

/** Where the model's input comes from (the Office adapter in Excel, the workbook in memory in the demo and tests). */
export interface WorkbookSource {
  read(): Promise<WorkbookInput>;
  /** Starts calling `listener` with every change to an input sheet. */
  watch(listener: (change: WorkbookChange) => void): Promise<void>;
  /**
   * Reads the values of edited ranges as they are now, in one round trip, with any other
   * cell of an input sheet their edit may have changed (formula cells); undefined when it
   * cannot tell which those are. Without it every change is a full read.
   */
  readCells?(ranges: CellRange[]): Promise<CellEdit[] | undefined>;
}

export type Outcome = Planned;

export interface LiveModelOptions {
  /** The user's today: the default Plan Start moves with it. */
  today: () => Day;
  /** How long to wait after a change that needs a full read, so that a burst of them costs one read. */
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

/** An edit this large is a full read's work (a paste over a sheet): no point reading it back first. */
const MOST_EDITED_CELLS = 20_000;

interface Cached {
  version: number;
  today: Day;
  outcome: Promise<Outcome>;
  /** `outcome` once it has resolved. */
  settled?: Outcome;
}

/**
 * One planned workbook per workbook state, shared by every function cell and the
 * task pane. Readers asking at once share one read. Values edited in place are read
 * back and applied to the model by themselves (core/cellEdits.ts): only the listeners
 * whose keys the edit touched hear of it. Any other change drops the model and, when
 * anyone is listening, reads once and hands the new model to all of them.
 */
export class LiveModel {
  /** Bumped by every change that needs a full read: the key of the cached model. */
  private version = 0;
  private cached?: Cached;
  /** Listener → the keys it listens to (planned.ts `TOUCHED`); undefined: every change. */
  private readonly listeners = new Map<Listener, readonly string[] | undefined>();
  private readonly byKey = new Map<string, Set<Listener>>();
  /** The listeners of every change (the pane). */
  private readonly everyChange = new Set<Listener>();
  private watching?: Promise<void>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private refreshing?: Promise<void>;
  private dayTimer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private pendingEdits: CellRange[] = [];
  private editing?: Promise<void>;
  /** Full workbook reads so far (for tests and the benchmark). */
  reads = 0;
  /** Edited ranges read back, and edits applied to the model without a full read. */
  cellReads = 0;
  edits = 0;
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
    if (this.editing) return this.editing.then(() => this.current());
    const today = this.options.today();
    const cached = this.cached;
    if (cached && cached.version === this.version && cached.today === today) return cached.outcome;
    const outcome = this.load(today, this.version);
    const entry: Cached = { version: this.version, today, outcome };
    this.cached = entry;
    void outcome.then((result) => {
      entry.settled = result;
      if (result.ok && this.source.readCells && this.cached === entry) {
        // Once the listeners have shown the model, while idle: what edits need to find rows quickly, so that the first edit does not wait for it.
        whenIdle(() => {
          if (this.cached === entry) prepareEdits(result);
        });
      }
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

  /**
   * The model of the workbook as it is now, when it has been read already and no change
   * is waiting; undefined otherwise. A pane opened on it shows it in its first render,
   * not a "Reading" spinner first (which costs a render and a frame of its own).
   */
  known(): Outcome | undefined {
    const cached = this.cached;
    if (!cached || cached.version !== this.version || cached.today !== this.options.today() || this.editing || this.pendingEdits.length > 0) return undefined;
    return cached.settled;
  }

  /** The model of the workbook as it is after every change so far, waiting out changes that arrive meanwhile. */
  async latest(): Promise<Outcome> {
    for (;;) {
      const version = this.version;
      const outcome = await this.current();
      if (version === this.version && !this.editing && this.pendingEdits.length === 0) return outcome;
    }
  }

  /**
   * Calls `listener` with the current model now and with every later one, until
   * unsubscribed. With `keys`, only with those an edit made by touching one of them
   * (and every model a full read makes): its answer cannot have changed otherwise.
   */
  subscribe(listener: Listener, keys?: readonly string[]): () => void {
    this.listeners.set(listener, keys);
    if (!keys) this.everyChange.add(listener);
    for (const key of keys ?? []) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(listener);
    }
    const version = this.version;
    void this.current().then((outcome) => {
      // A change since then has scheduled a refresh that hands this listener the newer model.
      if (this.listeners.has(listener) && this.version === version) listener(outcome);
    });
    return () => {
      this.listeners.delete(listener);
      this.everyChange.delete(listener);
      for (const key of keys ?? []) {
        const set = this.byKey.get(key);
        set?.delete(listener);
        if (set?.size === 0) this.byKey.delete(key);
      }
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

  /** A change reported by the source: values edited in place are applied by themselves, anything else is a full read. */
  changed(change: WorkbookChange): void {
    if (change.cells && this.source.readCells && this.cached && change.cells.rows * change.cells.cols <= MOST_EDITED_CELLS) {
      this.pendingEdits.push(change.cells);
      this.editing ??= this.applyEdits();
    } else this.invalidate();
  }

  /** An input sheet changed in a way only a full read follows (or the day did): drop the model and refresh listeners. */
  invalidate(): void {
    this.version++;
    this.cached = undefined;
    if (this.listeners.size > 0 && this.refreshTimer === undefined) {
      this.refreshTimer = setTimeout(() => this.refresh(), this.options.refreshDelayMs ?? 50);
    }
  }

  /** Resolves once no read, edit or refresh is waiting or running (for tests and the benchmark). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.refreshTimer !== undefined || this.retryTimer !== undefined)
        await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.refreshDelayMs ?? 50, this.options.retryDelayMs ?? 2_000) + 1));
      else if (this.editing) await this.editing;
      else if (this.refreshing) await this.refreshing;
      else {
        const outcome = this.cached?.outcome;
        const watching = this.watching;
        await Promise.all([outcome, watching]);
        // Let the listeners' own continuations run before looking again.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const idle = this.refreshTimer === undefined && this.retryTimer === undefined && !this.refreshing && !this.editing;
        if (idle && this.cached?.outcome === outcome && this.watching === watching) return;
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

  /**
   * Reads back the edited ranges and applies them to the model, batch after batch as
   * they arrive. A model replaced meanwhile (a full read) was read after these edits were
   * made, so it holds them already.
   */
  private async applyEdits(): Promise<void> {
    try {
      while (this.pendingEdits.length > 0) {
        const entry = this.cached;
        if (!entry) break;
        const before = await entry.outcome;
        if (this.cached !== entry) continue;
        if (!before.ok) {
          this.invalidate();
          break;
        }
        const ranges = this.pendingEdits.splice(0);
        let edits: CellEdit[] | undefined;
        try {
          this.cellReads++;
          edits = await this.source.readCells!(ranges);
        } catch {
          edits = undefined;
        }
        if (this.cached !== entry) continue;
        if (!edits) {
          this.invalidate();
          break;
        }
        let after: Outcome | undefined;
        try {
          after = applyCellEdits(before, edits);
        } catch {
          // Planning the edit broke: a full read says why, as the first read would have.
          after = undefined;
        }
        if (!after) {
          this.invalidate();
          break;
        }
        if (after === before) continue;
        this.edits++;
        this.cached = { ...entry, outcome: Promise.resolve(after), settled: after };
        this.deliver(after, after.touched);
      }
    } finally {
      this.pendingEdits = [];
      this.editing = undefined;
    }
  }

  /** Hands a model to every listener, or (for an edit's) to those listening to a key it touched. */
  private deliver(outcome: Outcome, touched?: ReadonlySet<string>): void {
    if (!touched) {
      for (const listener of [...this.listeners.keys()]) listener(outcome);
      return;
    }
    const to = new Set<Listener>();
    for (const key of touched) for (const listener of this.byKey.get(key) ?? []) to.add(listener);
    for (const listener of this.everyChange) to.add(listener);
    for (const listener of to) listener(outcome);
  }

  private refresh(): void {
    this.refreshTimer = undefined;
    const version = this.version;
    const running = this.current().then((outcome) => {
      if (this.version === version) this.deliver(outcome);
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
      .watch((change) => this.changed(change))
      .catch(() => {
        // Without change events the cells still answer; the next read tries again.
        this.watching = undefined;
      });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
