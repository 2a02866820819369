import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { dayFromIso, localDay } from "../core/dates";
import demo from "../../samples/demo.xlsx";
import type { Download, SecretStore } from "../taskpane/host";
import { MemoryHost } from "../taskpane/memoryHost";
import { renderPane } from "../taskpane/render";
import { MemoryWorkbook } from "../workbook/memory";
import { Grid } from "./Grid";

/**
 * The standalone demo: the same pane as in Excel, on samples/demo.xlsx held in
 * memory, with a grid of its sheets beside it. `?today=YYYY-MM-DD` fixes the date
 * (for tests and screenshots).
 */
const params = new URLSearchParams(location.search);
const today = dayFromIso(params.get("today") ?? "") ?? localDay(new Date());

/** The add-in's own storage in a browser: this page's localStorage. */
const secrets: SecretStore = {
  get: (name) => localStorage.getItem(name),
  set: (name, value) => (value === null ? localStorage.removeItem(name) : localStorage.setItem(name, value)),
};

function save(file: Download): void {
  const url = URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.mime }));
  const link = Object.assign(document.createElement("a"), { href: url, download: file.name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The benchmark measures the pane from here: the workbook is in memory, the pane not yet read it.
performance.mark("planster-pane-start");
const host = new MemoryHost(new MemoryWorkbook(demo.sheets, demo.date1904), { today, secrets, onDownload: save });
renderPane(document.getElementById("pane")!, host);
createRoot(document.getElementById("grid")!).render(
  <FluentProvider theme={webLightTheme} style={{ display: "flex", flexDirection: "column", height: "100%" }}>
    <Grid host={host} />
  </FluentProvider>,
);
(window as unknown as { planster: unknown }).planster = { host };
