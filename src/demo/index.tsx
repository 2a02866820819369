import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { startTransition } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { localDay } from "../core/dates";
import { whenIdle } from "../runtime/idle";
import { saveDownload } from "../taskpane/browser";
import { date } from "../taskpane/format";
import { renderPane } from "../taskpane/render";
import { type BarState, DemoBar } from "./DemoBar";
import type { DemoHost } from "./demoHost";
import { workbookDownload } from "./download";
import { type Opened, openBook, openSample, params, SAMPLE_NAME } from "./early";
import { Grid } from "./Grid";
import { forgetBook, type Kept, keepBook, keptBook, mayBeKept } from "./keep";
import { readXlsx } from "./readXlsx";

/**
 * The standalone demo: the same pane as in Excel, on a workbook held in memory, with
 * a grid of its sheets beside it. The workbook is samples/demo.xlsx, or one the user
 * opens (the "Open workbook…" button, or `?book=URL`); changes are kept in the
 * browser across a reload. `?today=YYYY-MM-DD` fixes the date and `?paneWidth=N`
 * the pane's width (tests, screenshots); `?reset` forgets the kept workbook first.
 */
const paneWidth = Number(params.get("paneWidth"));
if (params.has("paneWidth") && Number.isInteger(paneWidth) && paneWidth >= 200 && paneWidth <= 2000) {
  document.documentElement.style.setProperty("--pane-width", `${paneWidth}px`);
}

const KEPT = "Changes are kept in this browser (IndexedDB) across a reload; Download workbook saves them to a file.";

const useStyles = makeStyles({ grid: { display: "flex", flexDirection: "column", height: "100%" } });

function GridFrame({ host }: { host: DemoHost }) {
  return (
    <FluentProvider theme={webLightTheme} className={useStyles().grid}>
      <Grid host={host} />
    </FluentProvider>
  );
}

const bar = createRoot(document.getElementById("bar")!);
const grid = createRoot(document.getElementById("grid")!);
let closePane: (() => void) | undefined;
let host: DemoHost | undefined;
let shown: BarState = { name: SAMPLE_NAME, status: "" };
let session = 0;

function say(next: Partial<BarState>): void {
  shown = { ...shown, ...next };
  bar.render(
    <FluentProvider theme={webLightTheme}>
      <DemoBar state={shown} actions={{ open: (file) => void openFile(file), download: () => void download(), startOver: () => void startOver() }} />
    </FluentProvider>,
  );
}

/** Shows a workbook opened in memory: the pane and the grid on its host and live model. */
function show({ name, host: shownHost, live }: Opened, status: string): Keeper {
  closePane?.();
  // The bar is drawn first: drawn after the pane's first render, it would push the pane's Order-now list down under the user's pointer.
  flushSync(() => say({ name, status, error: false }));
  host = shownHost;
  const keeper = new Keeper(shownHost, name);
  void shownHost.watch(() => keeper.changed());
  closePane = renderPane(document.getElementById("pane")!, shownHost, live);
  // The grid stands in for Excel's: it waits until the pane has shown its plan, and draws in a transition the user's clicks in the pane interrupt, so that the pane is usable first.
  const shownSession = ++session;
  void live.latest().then(() =>
    setTimeout(() => {
      if (session === shownSession) startTransition(() => grid.render(<GridFrame key={shownSession} host={shownHost} />));
    }, 0),
  );
  (window as unknown as { planster: unknown }).planster = { host: shownHost };
  return keeper;
}

/**
 * Keeps a workbook in the browser after each change, one save at a time (a burst of
 * writes makes one more save, not one each); says so when the browser refuses
 * (a private window, a full disk). A save waits until the page is idle: IndexedDB
 * copies the whole workbook on the page's thread, tens of milliseconds on thousands
 * of SKUs, which must not come between a planner's edit and its re-planned view.
 */
class Keeper {
  private saving?: Promise<void>;
  /** Whether the save under way has begun copying (a change before that is in it). */
  private begun = false;
  private again = false;

  constructor(
    private readonly from: DemoHost,
    private readonly name: string,
  ) {}

  /** Whether the workbook has changed since it was shown. */
  changedYet = false;

  changed(): Promise<void> {
    this.changedYet = true;
    if (this.saving) {
      if (this.begun) this.again = true;
      return this.saving;
    }
    this.begun = false;
    this.saving = new Promise<void>((resolve) => whenIdle(resolve))
      .then(() => {
        this.begun = true;
        return this.save();
      })
      .finally(() => {
        this.saving = undefined;
        if (this.again) {
          this.again = false;
          void this.changed();
        }
      });
    return this.saving;
  }

  private async save(): Promise<void> {
    // Another workbook shown meanwhile (opened, or Start over) is the one to keep, not this one.
    if (this.from !== host) return;
    const { book } = this.from;
    try {
      await keepBook({ name: this.name, date1904: book.date1904, sheets: Object.fromEntries(book.sheets) });
      // What the page said stands (the workbook just opened, say), unless it was that keeping failed.
      if (this.from === host) say({ status: shown.error ? KEPT : shown.status, error: false, keptAt: new Date().toISOString() });
    } catch (error) {
      if (this.from !== host) return;
      say({ status: `Changes are not kept across a reload: this browser refused to store them (${reason(error)}). Download workbook saves them to a file.`, error: true });
    }
  }
}

/** Opens an .xlsx file in place of the workbook shown, and keeps it; when it cannot be read, says why and changes nothing. */
async function openBytes(name: string, bytes: () => Promise<ArrayBuffer>): Promise<boolean> {
  const before = host ? shown.name : SAMPLE_NAME;
  say({ name, status: `Reading ${name}…`, error: false });
  try {
    const book = await readXlsx(await bytes(), name);
    await show(openBook(book), `${name} is open. ${KEPT}`).changed();
    return true;
  } catch (error) {
    say({ name: before, status: `${name} could not be opened: ${reason(error)}`, error: true });
    return false;
  }
}

const openFile = (file: File) => openBytes(file.name, () => file.arrayBuffer());

async function download(): Promise<void> {
  if (!host) return;
  try {
    saveDownload(await workbookDownload(host.book, shown.name.replace(/(\.xlsx)?$/i, ".xlsx")));
  } catch (error) {
    say({ status: `The workbook could not be written: ${reason(error)}`, error: true });
  }
}

async function startOver(): Promise<void> {
  // The sample first: a save the workbook shown still had waiting for an idle moment then finds it is no longer shown, and cannot keep it after it is forgotten.
  show(openSample(), `The sample workbook is open again. ${KEPT}`);
  await forgetBook().catch(() => undefined);
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function start(): Promise<void> {
  const url = params.get("book");
  if (params.has("reset")) await forgetBook().catch(() => undefined);
  if (url) {
    const name = decodeURIComponent(new URL(url, location.href).pathname.split("/").pop() || "workbook.xlsx");
    const opened = await openBytes(name, async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}.`);
      return response.arrayBuffer();
    });
    if (!opened) {
      const status = shown.status;
      show(openSample(), `${status} The sample workbook is open instead.`);
      say({ error: true });
    }
    return;
  }
  const showKept = (kept: Kept) =>
    show(openBook(kept), `${kept.name} as you left it on ${date(localDay(new Date(kept.savedAt)))}, kept in this browser. Start over opens the sample again.`);
  if (mayBeKept()) {
    const kept = await keptBook().catch(() => undefined);
    if (kept) showKept(kept);
    else show(openSample(), KEPT);
    return;
  }
  // Nothing kept, as far as this browser says: the sample at once. A workbook kept before the browser said so is shown when found, unless the sample has been changed meanwhile.
  const shownSample = show(openSample(), KEPT);
  const sampleHost = host;
  const kept = await keptBook().catch(() => undefined);
  if (kept && !shownSample.changedYet && host === sampleHost) showKept(kept);
}

void start();
