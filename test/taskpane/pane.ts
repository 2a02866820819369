import "./shims";
import { render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/taskpane/memoryHost";
import type { MemoryWorkbook } from "../../src/workbook/memory";
import { TODAY } from "../helpers";

/** The pane on a workbook in memory, today 2026-11-23; resolves once the plan is shown. */
export async function renderPane(book: MemoryWorkbook, downloads: unknown[] = []) {
  const host = new MemoryHost(book, { today: TODAY, onDownload: (file) => downloads.push(file) });
  const view = render(createElement(App, { host }));
  await screen.findByRole("tab", { name: "Home" });
  return { host, view };
}

/** The cells of one week line of the Supply Plan table. */
export function weekLine(week: number): HTMLElement {
  return screen.getByTestId(`week-${week}`);
}

export const projectedOf = (week: number) => within(weekLine(week)).getByTestId("projected").textContent;
export const recommendedOf = (week: number) => within(weekLine(week)).getByTestId("recommended").textContent;
export { waitFor };
