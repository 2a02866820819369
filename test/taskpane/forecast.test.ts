/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { dayFromIso, isoFromDay, serialFromDay } from "../../src/core/dates";
import type { CellValue } from "../../src/core/input";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { records } from "../core/orders/fixture";
import { settings } from "../helpers";
import { openItem, recommendedOf, renderPane, weekAction, weekLine } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

/*
 * HIST sold 10 in each of the 20 weeks before the plan (2026-11-23, 4 weeks): forecast
 * 10 a week, no error. ACME: lead time 14 days (L = 2), spread 7 days (σL = 1 week);
 * Service Level 95 %: SS = z·d̄·σL = 1.644854 · 10 · 1 = 16.45. On hand 50:
 *   proj1 = 40, proj2 = 30, a=3 (o=1): base 20 ≥ 16.45 → 20;
 *   a=4 (o=2): base 10, need 6.45 → rec[2] = 7 → 17.
 * ROW plans on its Forecast row.
 */
const sales: CellValue[][] = Array.from({ length: 20 }, (_, k) => ["HIST", isoFromDay(dayFromIso("2026-11-16")! - 7 * k), 10]);
function book() {
  return new MemoryWorkbook({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 4, "Service Level": "95%" }),
    Suppliers: [
      ["Supplier", "Lead Time Days", "Lead Time SD Days"],
      ["ACME", 14, 7],
    ],
    SKUs: [
      ["SKU", "Supplier", "On Hand", "Unit Cost"],
      ["HIST", "ACME", 50, 1],
      ["ROW", "ACME", 50, 1],
    ],
    Forecast: [
      ["SKU", "2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"],
      ["ROW", 1, 2, 3, 4],
    ],
    "Sales History": [["SKU", "Date", "Quantity"], ...sales],
  });
}

test("the Supply Plan shows where demand comes from, the history next to the forecast and its band, the accuracy and the safety stock's rule", async () => {
  await renderPane(book());
  await openItem("HIST", "MAIN");
  const panel = screen.getByTestId("forecast-panel");
  expect(within(panel).getByTestId("demand-source").textContent).toMatch(/^Demand forecast from 20 weeks of Sales History: .+\.$/);
  const chart = within(panel).getByTestId("forecast-chart");
  expect(chart.querySelectorAll("[data-testid=chart-history]")).toHaveLength(1);
  expect(chart.querySelectorAll("[data-testid=chart-demand]")).toHaveLength(1);
  expect(chart.querySelectorAll("[data-testid=chart-band]")).toHaveLength(1);
  expect(chart.getAttribute("aria-label")).toBe(
    "Demand: sales of the last 20 weeks (10 a week on average), and the demand of weeks 1 to 4 the plan uses (10 a week on average), with the forecast's 10–90 % band.",
  );
  // Seven weeks of 10 forecast thirteen weeks of 10 exactly: no error, and no change to scale RMSSE by.
  expect(within(panel).getByTestId("forecast-accuracy").textContent).toBe("Backtest of the last 13 history weeks (Trailing mean): WAPE 0% · bias 0%.");
  expect(within(panel).getByTestId("safety-stock-rule").textContent).toBe(
    "Safety stock 16.45: a 95% service level over 3 weeks (lead time 2 weeks + review 1 week), from the forecast's own errors, and a lead time that varies by 7 days.",
  );
  expect(recommendedOf(2)).toBe("7");
});

test("setting a week's demand writes a Forecast Overrides row and the plan re-flows", async () => {
  const { host } = await renderPane(book());
  await openItem("HIST", "MAIN");
  await weekAction(4, "Set this week's demand…");
  const box = await screen.findByRole("textbox", { name: "Demand, week 4" });
  fireEvent.change(box, { target: { value: "25" } });
  fireEvent.keyDown(box, { key: "Enter" });
  // Week 4 after P = 3, so the service level still sizes SS: a=4 (o=2): base 20 − 25 = −5, need 21.45 → 22, proj4 = 17.
  await waitFor(() => expect(within(weekLine(4)).getAllByRole("cell")[1].textContent).toBe("25"));
  expect(recommendedOf(2)).toBe("22");
  expect(records(host.book, "Forecast Overrides")).toEqual([{ SKU: "HIST", Warehouse: "MAIN", Week: serialFromDay(dayFromIso("2026-12-14")!), Quantity: 25 }]);
  expect(screen.getByTestId("notice").textContent).toContain("Week 4's demand is 25");
  expect(screen.getByTestId("forecast-panel").textContent).toContain("The planner set the demand of week 4 (Forecast Overrides).");
  expect(screen.getByTestId("week-demand").textContent).toContain("Demand 25: set by the planner (Forecast Overrides); without it 10.");

  // Blank goes back to the forecast.
  const again = screen.getByRole("textbox", { name: "Demand, week 4" });
  fireEvent.change(again, { target: { value: "" } });
  fireEvent.blur(again);
  await waitFor(() => expect(within(weekLine(4)).getAllByRole("cell")[1].textContent).toBe("10"));
  expect(records(host.book, "Forecast Overrides")).toEqual([]);
});

test("an item on its Forecast row says so, and a refused demand writes nothing", async () => {
  const { host } = await renderPane(book());
  await openItem("ROW", "MAIN");
  expect(screen.getByTestId("demand-source").textContent).toBe("Demand from the Forecast sheet (the planner's forecast row).");
  expect(screen.queryByTestId("forecast-accuracy")).toBeNull();
  await weekAction(1, "Set this week's demand…");
  const box = await screen.findByRole("textbox", { name: "Demand, week 1" });
  fireEvent.change(box, { target: { value: "-3" } });
  fireEvent.keyDown(box, { key: "Enter" });
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("must be a number of 0 or more"));
  expect(host.book.sheet("Forecast Overrides")).toBeUndefined();
});
