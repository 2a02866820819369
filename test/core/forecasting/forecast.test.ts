import { forecast, METHOD_NAMES, METHODS } from "../../../src/core/forecasting";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("forecast", () => {
  it("of a level series is that level, with no spread", () => {
    const f = forecast(new Array(40).fill(12), { horizon: 5 });
    expect(f.method).toBe("ses");
    expect(f.point).toEqual([12, 12, 12, 12, 12]);
    expect(f.low).toEqual(f.point);
    expect(f.high).toEqual(f.point);
  });

  it("treats a censored week (NaN) as missing, never as 0 or as its sales", () => {
    // Every other week censored; the observed weeks are all 10.
    const f = forecast(
      Array.from({ length: 40 }, (_, t) => (t % 2 ? NaN : 10)),
      { horizon: 3 },
    );
    for (const p of f.point) expect(p).toBeCloseTo(10, 9);
  });

  it("starts the history at the first sale: leading zeros are not demand", () => {
    // 4, 6 after 50 empty weeks: a 2-week history, the trailing mean 5.
    const f = forecast([...new Array(50).fill(0), 4, 6], { horizon: 2 });
    expect(f.method).toBe("mean");
    expect(f.point).toEqual([5, 5]);
  });

  it("gives the 10 % and 90 % quantiles of a short history from its mean's t error", () => {
    // History 4, 6: mean 5. Spread: Σ(y − ȳ)² = 2 plus two pseudo-weeks of Poisson
    // variance 5 each, over 1 + 2 degrees of freedom: σ² = (2 + 10)/3 = 4; a week's
    // error also carries the mean's own: 4·(1 + 1/2) = 6, sd 2.449490.
    // t(0.9, 3 df) = 1.637744 (tables): 90 % = 5 + 1.637744·2.449490 = 9.011638; 10 % = 0.988362.
    const f = forecast([4, 6], { horizon: 1 });
    expect(f.high[0]).toBeCloseTo(9.011638, 5);
    expect(f.low[0]).toBeCloseTo(0.988362, 5);
  });

  it("calls an item inactive after 26 weeks without a sale, and forecasts 0", () => {
    const f = forecast([3, 4, 2, 5, ...new Array(26).fill(0)], { horizon: 4 });
    expect(f.method).toBe("inactive");
    expect(f.point).toEqual([0, 0, 0, 0]);
    // 25 empty weeks is not yet inactive.
    expect(forecast([3, 4, 2, 5, ...new Array(25).fill(0)], { horizon: 1 }).method).not.toBe("inactive");
    // Nor is a run of stockouts: censored weeks say nothing of demand.
    expect(forecast([3, 4, 2, 5, ...new Array(26).fill(NaN)], { horizon: 1 }).method).not.toBe("inactive");
  });

  it("forecasts nothing from a history without a sale", () => {
    for (const history of [[], [0, 0, 0], [NaN, NaN], [-3, -1]]) {
      const f = forecast(history, { horizon: 2 });
      expect(f.method).toBe("inactive");
      expect(f.point).toEqual([0, 0]);
    }
  });

  it("uses a trailing mean for fewer than 8 weeks", () => {
    const f = forecast([3, 5, 4, 6, 2, 4, 4], { horizon: 2 });
    expect(f.method).toBe("mean");
    // (3 + 5 + 4 + 6 + 2 + 4 + 4)/7 = 4
    expect(f.point[0]).toBeCloseTo(4, 12);
  });

  it("chooses a Croston-family method or smoothing for intermittent demand, by backtest", () => {
    const history = Array.from({ length: 120 }, (_, t) => ((t * 7) % 5 === 0 ? 2 + (t % 3) : 0));
    const f = forecast(history, { horizon: 4 });
    expect(f.distribution).toBe("intermittent");
    // About a fifth of the weeks have a demand of 2–4 (mean 3): about 0.6 a week.
    expect(f.point[0]).toBeGreaterThan(0.4);
    expect(f.point[0]).toBeLessThan(0.8);
  });

  it("follows a 52-week season from two years of history", () => {
    // 100 a week, 200 in one week of the year (weeks 10 and 62): next year's is week 114 = future week 11.
    const history = Array.from({ length: 104 }, (_, t) => (t % 52 === 10 ? 200 : 100));
    const f = forecast(history, { horizon: 13 });
    expect(f.method).toMatch(/^seasonal-/);
    expect(f.point[10]).toBeCloseTo(200, 0);
    expect(f.point[9]).toBeCloseTo(100, 0);
    // season 1: no season.
    expect(forecast(history, { horizon: 13, season: 1 }).method).not.toMatch(/^seasonal-/);
  });

  it("follows a trend", () => {
    const history = Array.from({ length: 60 }, (_, t) => 20 + 2 * t + (t % 2 ? 1 : -1));
    const f = forecast(history, { horizon: 3 });
    // Next weeks near 20 + 2·60 = 140, 142, 144.
    expect(f.point[0]).toBeGreaterThan(135);
    expect(f.point[2]).toBeGreaterThan(f.point[0]);
  });

  it("uses the method asked for, and falls back to auto when it cannot be fitted", () => {
    const history = Array.from({ length: 60 }, (_, t) => 30 + ((t * 13) % 7));
    for (const method of METHOD_NAMES.filter((m) => !m.startsWith("seasonal-"))) {
      expect(forecast(history, { horizon: 2, method }).method).toBe(method);
    }
    // 60 weeks are too few for a 52-week season; 5 weeks too few for a damped trend.
    expect(forecast(history, { horizon: 2, method: "seasonal-additive" }).method).not.toBe("seasonal-additive");
    expect(forecast([5, 6, 5, 7, 6], { horizon: 2, method: "damped" }).method).toBe("mean");
  });

  it("describes every method in the registry", () => {
    for (const name of METHOD_NAMES) {
      expect(METHODS[name].label.length).toBeGreaterThan(0);
      expect(METHODS[name].description.length).toBeGreaterThan(0);
    }
  });

  it("is deterministic", () => {
    const history = Array.from({ length: 156 }, (_, t) => ((t * 7919) % 13 === 0 ? 9 : (t * 31) % 4));
    const a = forecast(history, { horizon: 13 });
    const b = forecast(history, { horizon: 13 });
    expect(b.point).toEqual(a.point);
    expect(b.high).toEqual(a.high);
    expect(b.safetyStock({ weeks: 5, serviceLevel: 0.95, leadTimeSdWeeks: 1 })).toBe(a.safetyStock({ weeks: 5, serviceLevel: 0.95, leadTimeSdWeeks: 1 }));
    expect(sum(a.point)).toBeGreaterThan(0);
  });
});
