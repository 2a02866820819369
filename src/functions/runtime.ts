import { localDay } from "../core/dates";
import { OfficeWorkbook } from "../workbook/office";
import { LiveModel, type WorkbookSource } from "./liveModel";

/**
 * The one live model of the add-in's shared runtime: the functions and the task
 * pane answer from it, so the workbook is read once per change for both.
 */
let shared: { workbook?: OfficeWorkbook; model: LiveModel } | undefined;

export function liveModel(): LiveModel {
  if (!shared) {
    const workbook = new OfficeWorkbook();
    shared = { workbook, model: new LiveModel(afterOfficeIsReady(workbook), { today: () => localDay(new Date()), dayCheckMs: 60_000 }) };
  }
  return shared.model;
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

/** The Office adapter behind the live model (undefined when a test or the demo page set another source). */
export function officeWorkbook(): OfficeWorkbook | undefined {
  liveModel();
  return shared?.workbook;
}

/** Replaces the live model: tests, the benchmark and the standalone demo use a workbook of their own. */
export function setLiveModel(model: LiveModel): void {
  shared = { model };
}
