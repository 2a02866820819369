import fc from "fast-check";
import { accuracy, forecast, METHOD_NAMES } from "../../../src/core/forecasting";

/** Weekly values as a caller might pass them: demand, censored weeks, and junk. */
const week = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constant(NaN) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, -5, 1e300, Number.MAX_VALUE, 5e-324, 0.37) },
  { weight: 1, arbitrary: fc.double() },
);
const history = fc.array(week, { maxLength: 170 });
const method = fc.constantFrom("auto" as const, ...METHOD_NAMES);
const season = fc.oneof(fc.constantFrom(undefined, 0, 1, 52, 4, 7, 12), fc.double(), fc.integer({ min: -3, max: 200 }));
const horizon = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(NaN, -4, 2.5, Infinity));

const valid = (x: number) => Number.isFinite(x) && x >= 0;

describe("forecast properties", () => {
  it("never throws, never negative, 0 ≤ low ≤ point ≤ high, finite", () => {
    fc.assert(
      fc.property(history, horizon, method, season, (h, weeks, m, s) => {
        const f = forecast(h, { horizon: weeks, method: m, season: s });
        const expected = Number.isFinite(weeks) ? Math.max(0, Math.floor(weeks)) : 0;
        expect(f.point).toHaveLength(expected);
        expect(f.low).toHaveLength(expected);
        expect(f.high).toHaveLength(expected);
        f.point.forEach((p, i) => {
          expect(valid(p) && valid(f.low[i]) && valid(f.high[i])).toBe(true);
          expect(f.low[i]).toBeLessThanOrEqual(p);
          expect(p).toBeLessThanOrEqual(f.high[i]);
        });
        expect(METHOD_NAMES).toContain(f.method);
      }),
      { numRuns: 150 },
    );
  });

  it("gives a safety stock ≥ 0 and finite for any options", () => {
    const level = fc.oneof(fc.constantFrom(0.5, 0.9, 0.95, 0.98, 0.999), fc.double());
    // Realistic intervals mostly, junk sometimes (a 1e9-week interval is cut to MAX_WEEKS_AHEAD, slow to simulate).
    const junk = fc.constantFrom(NaN, -1, 2.5, Infinity, -Infinity, 1e9);
    const leadSd = fc.oneof({ weight: 8, arbitrary: fc.oneof(fc.constant(undefined), fc.double({ min: 0, max: 10, noNaN: true })) }, { weight: 1, arbitrary: junk });
    const weeks = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: junk });
    fc.assert(
      fc.property(history, level, leadSd, weeks, (h, serviceLevel, leadTimeSdWeeks, w) => {
        const ss = forecast(h, { horizon: 4 }).safetyStock({ weeks: w, serviceLevel, leadTimeSdWeeks });
        expect(valid(ss)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic: the same history gives the same answer", () => {
    fc.assert(
      fc.property(history, method, (h, m) => {
        const a = forecast(h, { horizon: 6, method: m });
        const b = forecast([...h], { horizon: 6, method: m });
        expect(b.method).toBe(a.method);
        expect(b.point).toEqual(a.point);
        expect(b.low).toEqual(a.low);
        expect(b.high).toEqual(a.high);
        const options = { weeks: 4, serviceLevel: 0.95, leadTimeSdWeeks: 1 };
        expect(b.safetyStock(options)).toBe(a.safetyStock(options));
      }),
      { numRuns: 60 },
    );
  });

  it("accuracy never throws and reports finite numbers or null", () => {
    fc.assert(
      fc.property(history, method, (h, m) => {
        const a = accuracy(h, { method: m });
        for (const x of [a.rmsse, a.wape, a.bias]) expect(x === null || Number.isFinite(x)).toBe(true);
        expect(a.historyWeeks).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 80 },
    );
  });

  it("handles huge quantities without overflowing", () => {
    const huge = Array.from({ length: 120 }, (_, t) => (t % 3 ? 1e307 : 5e306));
    const f = forecast(huge, { horizon: 3 });
    for (const p of f.point) expect(p).toBeGreaterThan(1e306);
    expect(Number.isFinite(f.safetyStock({ weeks: 3, serviceLevel: 0.98, leadTimeSdWeeks: 3 }))).toBe(true);
  });
});
