import { runtime } from "../runtime/excel";
import { OfficeHost } from "./officeHost";
import { renderPane } from "./render";

/**
 * Mounts the task pane into `#root` once Office is ready (src/addin.ts calls it
 * from `Office.onReady`). Outside Excel the page says where the demo is.
 */
export function mountTaskpane(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const inExcel = typeof Office !== "undefined" && Office.context?.host === Office.HostType.Excel;
  if (inExcel) {
    // The functions' adapter and live model: one read and one plan per change, and the pane's writes reach the function cells.
    const { workbook, live } = runtime();
    renderPane(root, new OfficeHost(workbook), live);
    return;
  }
  root.innerHTML =
    '<p style="font-family: Segoe UI, sans-serif; padding: 12px">Planster runs inside Excel. Without Excel, open the <a href="demo.html">demo page</a>: the same pane on a sample workbook held in memory.</p>';
}
