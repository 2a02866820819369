import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { dayFromIso, localDay } from "../core/dates";
import demo from "../../samples/demo.xlsx";
import { LiveModel } from "../runtime/liveModel";
import { localSecrets, saveDownload } from "../taskpane/browser";
import { renderPane } from "../taskpane/render";
import { MemoryWorkbook } from "../workbook/memory";
import { DemoHost } from "./demoHost";
import { Grid } from "./Grid";

/**
 * The standalone demo: the same pane as in Excel, on samples/demo.xlsx held in
 * memory, with a grid of its sheets beside it. `?today=YYYY-MM-DD` fixes the date
 * (for tests and screenshots).
 */
const params = new URLSearchParams(location.search);
const today = dayFromIso(params.get("today") ?? "") ?? localDay(new Date());

// The benchmark measures the pane from here: the workbook is in memory and the pane has not read it yet.
performance.mark("planster-pane-start");
const host = new DemoHost(new MemoryWorkbook(demo.sheets, demo.date1904), { today, secrets: localSecrets, onDownload: saveDownload });
// The live model of Excel's runtime, over the workbook in memory: the pane reads and plans through it.
const live = new LiveModel(host, { today: () => host.today(), refreshDelayMs: 0 });
renderPane(document.getElementById("pane")!, host, live);
createRoot(document.getElementById("grid")!).render(
  <FluentProvider theme={webLightTheme} style={{ display: "flex", flexDirection: "column", height: "100%" }}>
    <Grid host={host} />
  </FluentProvider>,
);
(window as unknown as { planster: unknown }).planster = { host };
