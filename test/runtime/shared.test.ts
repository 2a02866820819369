/** @jest-environment jsdom */
import "../taskpane/shims";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import * as functions from "../../src/functions/functions";
import { setRuntime } from "../../src/runtime/excel";
import { LiveModel } from "../../src/runtime/liveModel";
import { App } from "../../src/taskpane/App";
import { memorySecrets } from "../../src/taskpane/memoryHost";
import { OfficeHost } from "../../src/taskpane/officeHost";
import { OfficeWorkbook } from "../../src/workbook/office";
import { Cell } from "../functions/cell";
import { sheets } from "../functions/fixture";
import { TODAY } from "../helpers";
import { openItem, projectedOf, weekLine } from "../taskpane/pane";
import { FakeExcel } from "../workbook/fakeExcel";

jest.setTimeout(30_000);

/*
 * The functions' fixture, WIDGET at MAIN: on hand 100, demand 30, SS 20, L = 2, MOQ 50,
 * multiple 12 (the worked example): PROJECTED week 1 = 70, week 3 = 100 − 90 + 60 = 70.
 */
test("in Excel the pane and the function cells answer from one read and one plan per change", async () => {
  const excel = new FakeExcel(sheets());
  const workbook = new OfficeWorkbook(() => excel);
  const live = new LiveModel(workbook, { today: () => TODAY, refreshDelayMs: 5 });
  setRuntime({ workbook, live });
  const week1 = new Cell();
  const week3 = new Cell();
  functions.projected("WIDGET", 1, "MAIN", week1 as never);
  functions.projected("WIDGET", 3, "MAIN", week3 as never);
  render(createElement(App, { host: new OfficeHost(workbook, memorySecrets()), live }));
  await screen.findByRole("tab", { name: "Home" });
  await live.settled();
  expect([week1.value, week3.value, live.reads]).toEqual([70, 70, 1]);

  // The planner types a new On Hand in Excel: the cell is read back, not the workbook, and both move (100 → 130: week 1 = 100).
  await openItem("WIDGET", "MAIN");
  await act(() => excel.edit("SKUs", 1, 3, 130));
  await waitFor(() => expect(projectedOf(1)).toBe("100"));
  await act(() => live.settled());
  expect([week1.value, live.reads, live.cellReads]).toEqual([100, 1, 1]);

  // The pane writes the planner's 0 for week 1 through the same adapter: the cells hear of it. The
  // workbook has no Order Overrides sheet yet, so the pane adds one: a new sheet is a full read.
  // Week 3 without an order: 130 − 90 = 40.
  const box = within(weekLine(1)).getByRole("textbox", { name: "Planner's quantity, week 1" });
  fireEvent.change(box, { target: { value: "0" } });
  fireEvent.keyDown(box, { key: "Enter" });
  await waitFor(() => expect(projectedOf(3)).toBe("40"));
  await act(() => live.settled());
  expect([week3.value, live.reads]).toEqual([40, 2]);

  // Now the planner's 12 replaces that 0 in its row: a cell written in place, read back by itself.
  // Week 1 orders 12 arriving in week 3: 130 − 90 + 12 = 52.
  const again = within(weekLine(1)).getByRole("textbox", { name: "Planner's quantity, week 1" });
  fireEvent.change(again, { target: { value: "12" } });
  fireEvent.keyDown(again, { key: "Enter" });
  await waitFor(() => expect(projectedOf(3)).toBe("52"));
  await act(() => live.settled());
  expect([week3.value, live.reads, live.cellReads]).toEqual([52, 2, 2]);
  live.stop();
});
