import { accuracy, measures } from "../../../src/core/forecasting";

describe("RMSSE, WAPE and bias", () => {
  // Training 2, 4, 3, 5: one-step changes 2, −1, 2 → squares 4, 1, 4 → scale 3.
  const train = [2, 4, 3, 5];

  it("on a tiny series worked by hand", () => {
    // actual 4, 6; forecast 5, 5: errors 1, −1 → MSE 1 → RMSSE √(1/3) = 0.577350
    // WAPE (1 + 1)/(4 + 6) = 0.2; bias (10 − 10)/10 = 0
    const m = measures(train, [4, 6], [5, 5]);
    expect(m.rmsse).toBeCloseTo(0.57735, 5);
    expect(m.wape).toBeCloseTo(0.2, 12);
    expect(m.bias).toBeCloseTo(0, 12);
    // forecast 6, 6: errors 2, 0 → MSE 2 → RMSSE √(2/3) = 0.816497; WAPE 2/10; bias (12 − 10)/10 = 0.2
    const high = measures(train, [4, 6], [6, 6]);
    expect(high.rmsse).toBeCloseTo(0.816497, 5);
    expect(high.wape).toBeCloseTo(0.2, 12);
    expect(high.bias).toBeCloseTo(0.2, 12);
  });

  it("leaves censored weeks out of the errors and the scale", () => {
    // Training 2, NaN, 3, 5: only the change 3 → 5 counts: scale 4.
    // actual NaN, 6; forecast 5, 5: only week 2: error −1 → RMSSE √(1/4) = 0.5, WAPE 1/6, bias −1/6
    const m = measures([2, NaN, 3, 5], [NaN, 6], [5, 5]);
    expect(m.rmsse).toBeCloseTo(0.5, 12);
    expect(m.wape).toBeCloseTo(1 / 6, 12);
    expect(m.bias).toBeCloseTo(-1 / 6, 12);
  });

  it("is null where a measure has no meaning, never Infinity or NaN", () => {
    expect(measures(train, [0, 0], [1, 1])).toEqual({ rmsse: expect.any(Number), wape: null, bias: null });
    expect(measures([3, 3, 3], [3, 4], [3, 3]).rmsse).toBeNull();
    expect(measures(train, [NaN, NaN], [1, 1])).toEqual({ rmsse: null, wape: null, bias: null });
  });
});

describe("accuracy of a history's own forecast", () => {
  it("forecasts the last 13 weeks from the weeks before them", () => {
    // 2 leading zeros (not history), then 30 weeks of 10: 17 weeks train, 13 held out.
    // The training part never changes, so RMSSE has no scale; the forecast is exactly 10.
    const a = accuracy([0, 0, ...new Array(30).fill(10)]);
    expect(a).toEqual({ method: "ses", historyWeeks: 30, rmsse: null, wape: 0, bias: 0 });
  });

  it("makes the method choice on the shorter history", () => {
    // 20 weeks: 7 of 5, then 13 of 0. The training part is the 7 weeks of 5, shorter
    // than 8: the trailing mean (5), though the whole history would not be.
    // Actual 13 × 0: WAPE and bias have no Σ actual; the training part never changes: no RMSSE.
    const a = accuracy([5, 5, 5, 5, 5, 5, 5, ...new Array(13).fill(0)]);
    expect(a).toEqual({ method: "mean", historyWeeks: 20, rmsse: null, wape: null, bias: null });
  });

  it("has nothing to measure in a history no longer than the holdout", () => {
    expect(accuracy([1, 2, 3])).toEqual({ method: null, historyWeeks: 3, rmsse: null, wape: null, bias: null });
    expect(accuracy([])).toEqual({ method: null, historyWeeks: 0, rmsse: null, wape: null, bias: null });
  });
});
