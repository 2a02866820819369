/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { dayFromIso, serialFromDay } from "../../src/core/dates";
import { orderNowBook } from "./orderNowBook";
import { renderPane } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

/** The Order-now workbook whose Plan Start is 2026-11-09, two weeks before today (Monday 2026-11-23). */
function staleBook() {
  const book = orderNowBook();
  book.sheet("Settings")![1][1] = "2026-11-09";
  return book;
}

test("a plan whose week 1 is over says so on Home and on the Supply Plan, not 'to order this week'", async () => {
  await renderPane(staleBook());
  const home = screen.getByRole("tabpanel", { name: "Home" });
  const bar = within(home).getByTestId("stale-plan");
  expect(bar.textContent).toContain("Week 1 is over");
  expect(bar.textContent).toContain("The plan starts on 9 Nov 2026, 2 weeks before this week: its week 1 has passed.");
  expect(bar.textContent).toContain("set Plan Start on the Settings sheet to this Monday, 23 Nov 2026, or clear it");
  expect(home.textContent).toMatch(/lines? to order in week 1 \(9 Nov 2026\), which is over\./);
  expect(home.textContent).not.toContain("to order this week");

  fireEvent.click(screen.getByRole("tab", { name: "Supply Plan" }));
  expect(within(screen.getByRole("tabpanel", { name: "Supply Plan" })).getByTestId("stale-plan").textContent).toContain("Week 1 is over");
});

test("'Plan from this Monday' writes Plan Start and the plan starts this week", async () => {
  const { host } = await renderPane(staleBook());
  fireEvent.click(within(screen.getByTestId("stale-plan")).getByRole("button", { name: "Plan from 23 Nov 2026" }));
  await screen.findByText("Plan Start is 23 Nov 2026: week 1 is this week.");
  // Settings!B2 holds Plan Start: now the serial of Monday 2026-11-23.
  expect(host.book.sheet("Settings")![1]).toEqual(["Plan Start", serialFromDay(dayFromIso("2026-11-23")!)]);
  expect(screen.queryByTestId("stale-plan")).toBeNull();
  // orderNowBook's own numbers again: five lines this week.
  expect(screen.getByRole("tabpanel", { name: "Home" }).textContent).toContain("5 lines to order this week.");
});

test("a plan that starts next week names its week 1 by date", async () => {
  const book = orderNowBook();
  book.sheet("Settings")![1][1] = "2026-11-30";
  await renderPane(book);
  expect(screen.queryByTestId("stale-plan")).toBeNull();
  expect(screen.getByRole("tabpanel", { name: "Home" }).textContent).toMatch(/lines? to order in week 1 \(from 30 Nov 2026\)\./);
});
