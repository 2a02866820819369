import "./shims";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { App } from "../../src/taskpane/App";
import { LiveModel } from "../../src/runtime/liveModel";
import { MemoryHost } from "../../src/taskpane/memoryHost";
import type { SheetSpec } from "../../src/core/sheetSpec";
import type { MemoryWorkbook } from "../../src/workbook/memory";
import { TODAY } from "../helpers";

/** The pane on a workbook in memory, today 2026-11-23, as it starts (reading the workbook). */
export function mountPane(book: MemoryWorkbook, downloads: unknown[] = []) {
  const host = new MemoryHost(book, { today: TODAY, onDownload: (file) => downloads.push(file) });
  // The live model over the same workbook, as Excel's runtime has it: the pane reads and plans through it.
  const live = new LiveModel(host, { today: () => host.today(), refreshDelayMs: 0 });
  const view = render(createElement(App, { host, live }));
  return { host, live, view };
}

/** The pane on a workbook in memory, today 2026-11-23; resolves once the plan is shown. */
export async function renderPane(book: MemoryWorkbook, downloads: unknown[] = []) {
  const pane = mountPane(book, downloads);
  await screen.findByRole("tab", { name: "Home" });
  return pane;
}

/** The cells of one week line of the Supply Plan table. */
export function weekLine(week: number): HTMLElement {
  return screen.getByTestId(`week-${week}`);
}

/** Opens the Supply Plan view on one item-location, found through the search box. */
export async function openItem(sku: string, warehouse: string): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name: "Supply Plan" }));
  const picker = await screen.findByRole("combobox", { name: /Item-location/ });
  fireEvent.click(picker);
  fireEvent.change(picker, { target: { value: `${sku} ${warehouse}` } });
  fireEvent.click(await screen.findByRole("option", { name: new RegExp(`^${sku} @ ${warehouse}( —|$)`) }));
  await screen.findByRole("table", { name: `Week lines of ${sku} at ${warehouse}` });
}

/** Chooses an action of a week line's menu: "New order…", "Why this quantity?". */
export async function weekAction(week: number, action: string): Promise<void> {
  fireEvent.click(within(weekLine(week)).getByRole("button", { name: `Actions for week ${week}` }));
  fireEvent.click(await screen.findByRole("menuitem", { name: action }));
}

/** A week line's details (the plan's other columns), opened when they are not. */
export function weekDetails(week: number): HTMLElement {
  const open = screen.queryByTestId(`week-${week}-details`);
  if (open) return open;
  fireEvent.click(within(weekLine(week)).getByRole("button", { name: new RegExp(`^Week ${week}, .*: details$`) }));
  return screen.getByTestId(`week-${week}-details`);
}

export const projectedOf = (week: number) => within(weekLine(week)).getByTestId("projected").textContent;
/** The engine's quantity of a week, next to the planner's: in the week line's details. */
export const recommendedOf = (week: number) => within(weekDetails(week)).getByTestId("recommended").textContent;
export { waitFor };

/** The texts of an element's innermost elements, in order: a table row's cells and their lines. */
export function leafTexts(element: HTMLElement): string[] {
  return [...element.querySelectorAll("*")].filter((e) => e.children.length === 0 && e.textContent!.trim() !== "").map((e) => e.textContent!.trim());
}

/**
 * Watches the host's sheet writes, which still happen: the sheets asked for, by name, and
 * each progress report; with `hold`, each write stays open until it settles (to read the
 * pane while it is writing).
 */
export function watchSheetWrites(host: MemoryHost, hold?: Promise<void>) {
  const sheets = new Map<string, SheetSpec>();
  const progress: [number, number][] = [];
  const spy = jest.spyOn(host, "writeSheets").mockImplementation(async function (this: MemoryHost, specs, report) {
    specs.forEach((spec) => sheets.set(spec.name, spec));
    await MemoryHost.prototype.writeSheets.call(this, specs, (done, total) => {
      progress.push([done, total]);
      report?.(done, total);
    });
    await hold;
  });
  return { sheets, progress, spy };
}

/** A snapshot of every sheet's cells, to compare with `changedCells`. */
export const snapshot = (book: MemoryWorkbook) => new Map([...book.sheets].map(([name, rows]) => [name, rows.map((row) => [...row])]));

/** The cells that differ between a snapshot and the workbook now, by address (`Sheet!G2`), as [before, after]; blank is null. */
export function changedCells(before: ReturnType<typeof snapshot>, book: MemoryWorkbook): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const name of new Set([...before.keys(), ...book.sheets.keys()])) {
    const was = before.get(name) ?? [];
    const now = book.sheet(name) ?? [];
    for (let r = 0; r < Math.max(was.length, now.length); r++) {
      for (let c = 0; c < Math.max(was[r]?.length ?? 0, now[r]?.length ?? 0); c++) {
        const [a, b] = [was[r]?.[c] ?? null, now[r]?.[c] ?? null];
        if (a !== b) changes[`${name}!${String.fromCharCode(65 + c)}${r + 1}`] = [a, b];
      }
    }
  }
  return changes;
}
