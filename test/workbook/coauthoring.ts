/**
 * Co-authoring, simulated: copies of one workbook, each a fake Excel host, whose
 * edits reach the other copies the way Excel's co-authoring merges them — cell by
 * cell, the last writer winning — after a delay. Time is virtual: a sync takes a
 * few milliseconds, an edit reaches another copy within `latencyMs`, and the
 * buyers' add-ins wait on the same clock, so that every interleaving a seed gives
 * is reproducible.
 *
 * The model: a sync of a copy sends the cells it changed since its last sync (one
 * batch, ordered after every batch sent before it), then shows that copy every
 * batch it has received, in order, each cell holding the value of the last batch
 * that wrote it. A table's extent merges as the largest either copy gave it. A
 * blank written over a blank is no change and travels nowhere, so a row can end
 * up half one buyer's and half the other's.
 */
import { FakeExcel, type FakeTableData } from "./fakeExcel";

type Value = string | number | boolean;

/** Timers on a virtual clock, run in time order once every flow is waiting. */
export class VirtualClock {
  now = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, resolve });
    });

  /** Runs the flows until they all end; throws when they wait on nothing. */
  async run<T>(flows: Promise<T>): Promise<T> {
    let done = false;
    let failure: unknown;
    const watched = flows.then(
      (value) => ((done = true), value),
      (error) => {
        done = true;
        failure = error;
        return undefined as T;
      },
    );
    for (let steps = 0; !done; steps++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done) break;
      if (this.timers.length === 0) throw new Error("The simulated add-ins wait on nothing: a deadlock.");
      if (steps > 1_000_000) throw new Error("The simulation does not end.");
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.now = next.at;
      next.resolve();
    }
    const value = await watched;
    if (failure !== undefined) throw failure;
    return value;
  }
}

interface Batch {
  seq: number;
  from: number;
  cells: { sheet: string; row: number; col: number; value: Value }[];
  tables: { name: string; rows: number }[];
  /** When each copy receives it (its sender at once). */
  arrives: number[];
}

interface Snapshot {
  cells: Map<string, Value[][]>;
  tables: Map<string, number>;
}

export interface SessionOptions {
  clock: VirtualClock;
  random: () => number;
  /** An edit reaches another copy within this. */
  latencyMs: number;
  /** A sync takes between 1 ms and this. */
  syncMs?: number;
}

export class CoauthoringSession {
  readonly copies: FakeExcel[] = [];
  private readonly batches: Batch[] = [];
  private readonly last: Snapshot[] = [];

  constructor(
    private readonly base: Record<string, Value[][]>,
    private readonly baseTables: FakeTableData[],
    private readonly options: SessionOptions,
  ) {}

  /** A new copy of the workbook as it started (a buyer opening it). */
  open(): FakeExcel {
    const index = this.copies.length;
    const copy = new FakeExcel(this.base);
    copy.tables = this.baseTables.map((t) => ({ ...t }));
    copy.onSync = () => this.sync(index);
    this.copies.push(copy);
    this.last.push(snapshot(copy));
    return copy;
  }

  /** A sync of one copy: time passes, its changes go out, what has reached it comes in. */
  private async sync(index: number): Promise<void> {
    const { clock, random, latencyMs } = this.options;
    await clock.sleep(1 + Math.floor(random() * (this.options.syncMs ?? 20)));
    const copy = this.copies[index];
    const changed = changes(this.last[index], copy);
    if (changed.cells.length > 0 || changed.tables.length > 0) {
      this.batches.push({
        seq: this.batches.length,
        from: index,
        ...changed,
        arrives: this.copies.map((_, i) => (i === index ? clock.now : clock.now + Math.floor(random() * (latencyMs + 1)))),
      });
    }
    this.show(index);
  }

  /** Lays every batch the copy has received, in order, over the starting workbook. */
  private show(index: number): void {
    const copy = this.copies[index];
    const now = this.options.clock.now;
    const fresh = new FakeExcel(this.base);
    const tables = new Map(this.baseTables.map((t) => [t.name, t.rows]));
    for (const batch of this.batches) {
      if (batch.arrives[index] > now) continue;
      for (const { sheet, row, col, value } of batch.cells) {
        const cells = fresh.sheet(sheet).cells;
        while (cells.length <= row) cells.push([]);
        cells[row][col] = value;
      }
      for (const { name, rows } of batch.tables) tables.set(name, Math.max(tables.get(name) ?? 0, rows));
    }
    for (const sheet of copy.sheets) sheet.cells = fresh.sheet(sheet.name).cells;
    for (const table of copy.tables) table.rows = tables.get(table.name) ?? table.rows;
    this.last[index] = snapshot(copy);
  }

  /** Waits until every edit has reached every copy, and shows each copy all of them. */
  async converge(): Promise<void> {
    await this.options.clock.sleep(this.options.latencyMs + 1);
    this.copies.forEach((_, i) => this.show(i));
  }
}

function snapshot(copy: FakeExcel): Snapshot {
  return {
    cells: new Map(copy.sheets.map((s) => [s.name, s.cells.map((row) => [...row])])),
    tables: new Map(copy.tables.map((t) => [t.name, t.rows])),
  };
}

const blank = (v: Value | undefined) => v === undefined || v === "";

/** The cells and table extents a copy changed since its last sync: what Excel would send. */
function changes(before: Snapshot, copy: FakeExcel): Pick<Batch, "cells" | "tables"> {
  const cells: Batch["cells"] = [];
  for (const sheet of copy.sheets) {
    const old = before.cells.get(sheet.name) ?? [];
    const rows = Math.max(old.length, sheet.cells.length);
    for (let r = 0; r < rows; r++) {
      const now = sheet.cells[r] ?? [];
      const was = old[r] ?? [];
      for (let c = 0; c < Math.max(now.length, was.length); c++) {
        const value = now[c];
        if (blank(value) ? !blank(was[c]) : value !== was[c]) cells.push({ sheet: sheet.name, row: r, col: c, value: value ?? "" });
      }
    }
  }
  const tables = copy.tables.filter((t) => before.tables.get(t.name) !== t.rows).map((t) => ({ name: t.name, rows: t.rows }));
  return { cells, tables };
}
