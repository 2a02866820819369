import { localDay } from "../core/dates";
import { OfficeWorkbook } from "../workbook/office";
import { LiveModel, type WorkbookSource } from "./liveModel";

/**
 * The add-in's composition root in Excel: one Office adapter and one live model
 * over it, for the whole shared runtime. The functions and the task pane both
 * answer from this model, so the workbook is read and planned once per change;
 * the pane writes through the same adapter, so its writes reach the function cells.
 */
export interface Runtime {
  /** Undefined when a test, the benchmark or the demo page set a model over another source. */
  workbook?: OfficeWorkbook;
  live: LiveModel;
}

let shared: Runtime | undefined;

export function runtime(): Runtime {
  if (!shared) {
    const workbook = new OfficeWorkbook();
    shared = { workbook, live: new LiveModel(afterOfficeIsReady(workbook), { today: () => localDay(new Date()), dayCheckMs: 60_000 }) };
  }
  return shared;
}

/** The live model every function cell answers from. */
export function liveModel(): LiveModel {
  return runtime().live;
}

/** Replaces the runtime: tests, the benchmark and the standalone demo use a workbook of their own. */
export function setRuntime(next: Runtime): void {
  shared = next;
}

/** Excel may call a function while office.js is still starting: reads wait for it. */
function afterOfficeIsReady(workbook: OfficeWorkbook): WorkbookSource {
  let ready: Promise<unknown> | undefined;
  const officeReady = () => (ready ??= Office.onReady());
  return {
    read: async () => {
      await officeReady();
      return workbook.read();
    },
    watch: async (listener) => {
      await officeReady();
      return workbook.watch(listener);
    },
  };
}
