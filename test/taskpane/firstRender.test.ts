/** @jest-environment jsdom */
import "./shims";
import { render, screen } from "@testing-library/react";
import { act, createElement } from "react";
import { LiveModel } from "../../src/runtime/liveModel";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/taskpane/memoryHost";
import { TODAY } from "../helpers";
import { orderNowBook } from "./orderNowBook";

jest.setTimeout(30_000);

function liveOn() {
  const host = new MemoryHost(orderNowBook(), { today: TODAY });
  return { host, live: new LiveModel(host, { today: () => host.today(), refreshDelayMs: 0 }) };
}

test("a pane opened on a model read already shows its plan in the first render, no 'Reading' spinner first", async () => {
  const { host, live } = liveOn();
  await live.latest();
  // A render that could not wait for effects or promises: what it draws is the first frame.
  act(() => {
    render(createElement(App, { host, live }));
  });
  expect(screen.queryByText("Reading the workbook…")).toBeNull();
  expect(screen.getByRole("tabpanel", { name: "Home" }).textContent).toContain("5 lines to order this week.");
  // The rest of the list follows in a transition.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
});

test("a pane opened before the first read has answered says it is reading, then shows the plan", async () => {
  const { host, live } = liveOn();
  act(() => {
    render(createElement(App, { host, live }));
  });
  expect(screen.getByText("Reading the workbook…")).toBeTruthy();
  expect((await screen.findByRole("tabpanel", { name: "Home" })).textContent).toContain("5 lines to order this week.");
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
});

test("the model known now: none before a read, none once a change waits, the new one once read", async () => {
  const { live } = liveOn();
  expect(live.known()).toBeUndefined();
  const first = await live.latest();
  expect(live.known()).toBe(first);
  live.invalidate();
  expect(live.known()).toBeUndefined();
  const second = await live.latest();
  expect(second).not.toBe(first);
  expect(live.known()).toBe(second);
});
