import * as answer from "../../src/functions/answers";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { planned } from "../helpers";
import { fails, SERIAL, sheets } from "./fixture";

/*
 * fixture.ts: WIDGET plans on a Weekly Forecast of 30 at MAIN and 5 at EAST. Here a
 * Forecast Overrides row sets MAIN's week 3 (the week of 2026-12-09) to 12.
 */
const state = planned(
  new MemoryWorkbook({
    ...sheets(),
    "Forecast Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["WIDGET", "MAIN", "2026-12-09", 12],
    ],
  }).input(),
);

describe("FORECAST", () => {
  it("answers the week's d[w], week 1 by default", () => {
    expect(answer.forecast(state, "WIDGET", null, "MAIN")).toBe(30);
    expect(answer.forecast(state, "WIDGET", 3, "MAIN")).toBe(12);
    expect(answer.forecast(state, "WIDGET", SERIAL.dec9, "MAIN")).toBe(12);
  });

  it("sums over the SKU's warehouses when warehouse is omitted (12 + 5 in week 3)", () => {
    expect(answer.forecast(state, "WIDGET", 3, null)).toBe(17);
    expect(answer.forecast(state, "WIDGET", null, null)).toBe(35);
  });

  it("answers #N/A for an unknown SKU and #VALUE! for a week outside the plan", () => {
    expect(fails(() => answer.forecast(state, "NOPE", 1, null))).toMatchObject({ code: "#N/A", message: "Unknown SKU 'NOPE'" });
    expect(fails(() => answer.forecast(state, "WIDGET", 9, null))).toMatchObject({
      code: "#VALUE!",
      message: "week 9 is outside the plan: use a week number 1..8 or a date inside the plan.",
    });
  });
});

describe("FORECASTSERIES", () => {
  const column = (values: unknown[]) => values.map((v) => [v]);
  const twenty = new Array(20).fill(10);

  it("spills 13 weeks of the statistical forecast of a column: 20 weeks of 10 forecast 10", () => {
    const spill = answer.forecastSeries(column(twenty), null, null);
    expect(spill).toHaveLength(13);
    spill.forEach(([value]) => expect(value).toBeCloseTo(10, 9));
  });

  it("takes a row as well, a horizon, a season, and blank cells as missing weeks", () => {
    const gappy = [...twenty.slice(0, 10), "", null, ...twenty.slice(12)];
    expect(answer.forecastSeries([twenty], 4, 0)).toHaveLength(4);
    answer.forecastSeries(column(gappy), "5", 52).forEach(([value]) => expect(value).toBeCloseTo(10, 9));
    // No sale at all: the inactive forecast, 0.
    expect(answer.forecastSeries(column(["", ""]), 2, null)).toEqual([[0], [0]]);
  });

  it("refuses what is not a column of numbers, and a horizon or season that is not a whole number in range", () => {
    expect(fails(() => answer.forecastSeries(column([1, "lots", 3]), null, null))).toMatchObject({ code: "#VALUE!", message: 'values: "lots" (number 2 of 3) is not a number.' });
    expect(
      fails(() =>
        answer.forecastSeries(
          [
            [1, 2],
            [3, 4],
          ],
          null,
          null,
        ),
      ),
    ).toMatchObject({ code: "#VALUE!", message: "values must be one column or one row of numbers, not 2 rows by 2 columns." });
    expect(fails(() => answer.forecastSeries(column(twenty), 0, null)).message).toBe("horizon must be a whole number from 1 to 1040, not 0.");
    expect(fails(() => answer.forecastSeries(column(twenty), 2.5, null)).message).toBe("horizon must be a whole number from 1 to 1040, not 2.5.");
    expect(fails(() => answer.forecastSeries(column(twenty), null, "weekly")).message).toBe('season must be a whole number from 0 to 1040, not "weekly".');
  });
});
