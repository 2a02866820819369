import { forecast, normalSafetyStock, textbookSafetyStock } from "../../../src/core/forecasting";
import type { EtsFit } from "../../../src/core/forecasting/ets";
import { smoothingModel } from "../../../src/core/forecasting/model";

describe("textbook safety stock z·√(P·σ² + d̄²·σL²)", () => {
  it("works a hand case: 95 %, P = 4, σ = 10, d̄ = 50, σL = 0.5 week", () => {
    // P·σ² = 4·100 = 400; d̄²·σL² = 2500·0.25 = 625; √1025 = 32.015621; × 1.644854 = 52.661011
    expect(textbookSafetyStock({ serviceLevel: 0.95, weeks: 4, sigma: 10, meanDemand: 50, leadTimeSdWeeks: 0.5 })).toBeCloseTo(52.661011, 5);
  });

  it("without lead-time variability is z·σ·√P", () => {
    // 1.281552 · 3 · √9 = 11.533966
    expect(textbookSafetyStock({ serviceLevel: 0.9, weeks: 9, sigma: 3, meanDemand: 20, leadTimeSdWeeks: 0 })).toBeCloseTo(11.533966, 5);
  });

  it("is never negative: 50 % or less needs none", () => {
    expect(normalSafetyStock(0.5, 100, 10, 1)).toBe(0);
    expect(normalSafetyStock(0.3, 100, 10, 1)).toBe(0);
  });
});

describe("model-based variance of a P-week total", () => {
  const fit = (alpha: number, sigma2: number): EtsFit => ({
    kind: "level",
    alpha,
    beta: 0,
    phi: 1,
    level: 10,
    trend: 0,
    sse: 0,
    observed: 100,
    parameters: 3,
    aicc: 0,
    sigma2,
  });

  it("for simple smoothing is σ²·Σ_{j=1..P}(1 + α(P−j))²", () => {
    // α = 0.5, σ² = 4, P = 3: (1 + 1)² + (1 + 0.5)² + 1² = 4 + 2.25 + 1 = 7.25; × 4 = 29
    expect(smoothingModel(fit(0.5, 4)).totalVariance(3)).toBeCloseTo(29, 10);
  });

  it("reduces to P·σ² when the level does not move (α → 0), the textbook case", () => {
    expect(smoothingModel(fit(0, 4)).totalVariance(6)).toBeCloseTo(24, 10);
  });

  it("for one week h is σ²·(1 + (h−1)·α²)", () => {
    // α = 0.5, σ² = 4, h = 3: 4·(1 + 2·0.25) = 6
    expect(smoothingModel(fit(0.5, 4)).weekVariance(3)).toBeCloseTo(6, 10);
  });
});

describe("safety stock from a forecast", () => {
  const level = new Array(30).fill(20);

  it("of a constant series is z·d̄·σL: its errors are 0, only the lead time varies", () => {
    const f = forecast(level, { horizon: 4 });
    expect(f.safetyStock({ weeks: 3, serviceLevel: 0.95 })).toBeCloseTo(0, 9);
    // 1.644854 · 20 · 0.5 = 16.448536
    expect(f.safetyStock({ weeks: 3, serviceLevel: 0.95, leadTimeSdWeeks: 0.5 })).toBeCloseTo(16.448536, 5);
  });

  it("grows with the service level and the protection interval", () => {
    const noisy = Array.from({ length: 104 }, (_, t) => 50 + ((t * 37) % 11) - 5);
    const f = forecast(noisy, { horizon: 13 });
    const at = (weeks: number, serviceLevel: number) => f.safetyStock({ weeks, serviceLevel });
    expect(at(4, 0.9)).toBeGreaterThan(0);
    expect(at(4, 0.95)).toBeGreaterThan(at(4, 0.9));
    expect(at(4, 0.98)).toBeGreaterThan(at(4, 0.95));
    expect(at(6, 0.95)).toBeGreaterThan(at(3, 0.95));
  });

  it("of intermittent demand comes from its compound distribution, not a normal", () => {
    // A demand of 6 in every fourth week: a quarter of the weeks, so the forecast is
    // about 1.5 a week and a 4-week total is a multiple of 6.
    const lumpy = Array.from({ length: 104 }, (_, t) => (t % 4 === 0 ? 6 : 0));
    const f = forecast(lumpy, { horizon: 4 });
    expect(f.distribution).toBe("intermittent");
    const total = f.point.reduce((a, b) => a + b, 0);
    // Binomial(4, ¼) demands of 6 (distribution.test.ts): the 90 % total is 12 and the
    // 98 % total 18, a little more for the forecast's own uncertainty.
    const covered = [0.9, 0.98].map((serviceLevel) => total + f.safetyStock({ weeks: 4, serviceLevel }));
    expect(covered[0]).toBeGreaterThanOrEqual(12);
    expect(covered[0]).toBeLessThan(18);
    expect(covered[1]).toBeGreaterThanOrEqual(18);
    expect(covered[1]).toBeLessThan(24);
  });

  it("is 0 for an inactive item and for junk service levels", () => {
    const f = forecast([5, 3, ...new Array(30).fill(0)], { horizon: 3 });
    expect(f.method).toBe("inactive");
    expect(f.safetyStock({ weeks: 4, serviceLevel: 0.98, leadTimeSdWeeks: 2 })).toBe(0);
    const g = forecast(level, { horizon: 3 });
    for (const serviceLevel of [NaN, -1, 0, 1, 7]) expect(g.safetyStock({ weeks: 3, serviceLevel, leadTimeSdWeeks: 1 })).toBe(0);
  });
});
