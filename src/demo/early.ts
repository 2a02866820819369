import { dayFromIso, localDay } from "../core/dates";
import demo from "../../samples/demo.xlsx";
import { LiveModel } from "../runtime/liveModel";
import { localSecrets, saveDownload } from "../taskpane/browser";
import { MemoryWorkbook } from "../workbook/memory";
import type { DemoBook } from "./book";
import { DemoHost } from "./demoHost";
import { mayBeKept } from "./keep";

/**
 * What the demo page knows before React and Fluent UI have loaded: its address's
 * parameters, and how to open a workbook in memory (a host and its live model). The
 * page's first script (boot.ts) opens the sample with it at once, so that its read and
 * plan run while the browser is still compiling the libraries' script.
 */
export const params = new URLSearchParams(location.search);
export const today = dayFromIso(params.get("today") ?? "") ?? localDay(new Date());
export const SAMPLE_NAME = "demo.xlsx";

/** A workbook the page has opened: its host in memory, and the live model reading it. */
export interface Opened {
  name: string;
  host: DemoHost;
  live: LiveModel;
}

/** Opens a workbook in memory and begins its first read and plan. */
export function openBook(book: DemoBook): Opened {
  // The benchmark measures the pane from here: the workbook is in memory and has not been read yet.
  performance.mark("planster-pane-start");
  const host = new DemoHost(MemoryWorkbook.taking(book.sheets, book.date1904), { today, secrets: localSecrets, onDownload: saveDownload });
  // The live model of Excel's runtime, over the workbook in memory: the pane reads and plans through it.
  const live = new LiveModel(host, { today: () => host.today(), refreshDelayMs: 0 });
  // Home's Order-now list too: the views' first render, after the libraries' script has run, finds it made.
  void live.current().then((outcome) => outcome.ok && outcome.orderNow());
  return { name: book.name, host, live };
}

let early: Opened | undefined;

/** Opens the sample before the page's views load, when it is the workbook the page will show first (no `?book=`, nothing kept in this browser). */
export function openSampleEarly(): void {
  if (!params.has("book") && (params.has("reset") || !mayBeKept())) early = openSample();
}

/** The sample as it was made (the page changes the one it shows, in place): the one opened early, the first time. */
export function openSample(): Opened {
  const opened = early ?? openBook({ name: SAMPLE_NAME, ...demo() });
  early = undefined;
  return opened;
}
