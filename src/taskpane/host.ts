import type { Day } from "../core/dates";
import type { WorkbookInput } from "../core/input";
import type { Refusal, WorkbookEdit } from "../core/edit";
import type { Writes } from "../core/orders/writes";
import type { SheetSpec } from "../core/sheetSpec";

/** What the pane asks a workbook to write: the orders core's own shape, so its actions apply as they are. */
export type { Writes } from "../core/orders/writes";

/** Where a batch's appended rows landed: zero-based worksheet rows, in the order of `writes.append`. */
export interface Applied {
  appendedRows: number[];
}

/** What a change tells the user when it is done: a sentence, or a notice with its own intent. */
export type Told = string | { intent: "success" | "warning" | "error" | "info"; title: string; text: string };

/** A change to make to the workbook (the core's edit, then what the pane does next), or the reason it is refused (nothing is written then). */
export type Change =
  | (Extract<WorkbookEdit, { ok: true }> & {
      /** Runs after the writes (an order's workflow, say); answers what to tell the user, if it differs. */
      then?: (applied: Applied) => Promise<Told | undefined>;
    })
  | Refusal;

/** Progress of a long write, from 0 to `total`. */
export type Progress = (done: number, total: number) => void;

/** The add-in's own storage on this machine (never the workbook): integration keys. */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string | null): void;
}

/** A file the user takes away: CSV, X12, a workbook. */
export interface Download {
  name: string;
  mime: string;
  content: string | Uint8Array;
}

/**
 * What the pane does to the workbook it runs on. Excel implements it over Office.js
 * (the runtime's adapter); the demo page and the tests over a workbook held in memory.
 * What the pane shows comes from the live model of the same workbook, not from here.
 */
export interface WorkbookHost {
  /** Cell values of every sheet and table as they are now (read back after a write: co-authors' rows). */
  read(): Promise<WorkbookInput>;
  /** Applies writes in one batch; nothing is written when it throws. */
  apply(writes: Writes): Promise<Applied>;
  /** Writes (or replaces) whole sheets, reporting progress for long ones. */
  writeSheets(sheets: SheetSpec[], progress?: Progress): Promise<void>;
  /** Selects a cell or range such as `SKUs!E7` or `'PO Lines'!C4`. */
  select(address: string): Promise<void>;
  /** A new workbook holding these sheets (Excel.createWorkbook in Excel, a download elsewhere). */
  createWorkbook(name: string, sheets: SheetSpec[]): Promise<void>;
  /** Hands a file to the user. */
  download(file: Download): void;
  /** The user's today as a day number. */
  today(): Day;
  secrets: SecretStore;
  /** How long co-authors' changes may take to reach this copy: orders are read back after it (ORDERS.md). None in memory. */
  readonly coauthorSettleMs?: number;
}
