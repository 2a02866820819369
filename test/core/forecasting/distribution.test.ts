import { intermittentTotal, intermittentWeek, sizesOf } from "../../../src/core/forecasting/distribution";

describe("compound distribution of intermittent demand", () => {
  // A demand in a quarter of the weeks, always of 6: the mean is 1.5 a week.
  const sizes = sizesOf(Float64Array.of(6, 0, 0, 0, 6, 0, 0, 0))!;
  const means = new Float64Array(13).fill(1.5);

  it("gives the binomial quantiles of a 4-week total", () => {
    // Demands in 4 weeks ~ Binomial(4, 0.25): P(N ≤ 0) = 0.75⁴ = 0.3164, P(N ≤ 1) = 0.3164 + 4·0.25·0.75³ = 0.7383,
    // P(N ≤ 2) = 0.7383 + 6·0.25²·0.75² = 0.9492, P(N ≤ 3) = 0.9961.
    // So the 50 % total is 1·6, the 90 % total 2·6 and the 98 % total 3·6.
    const total = intermittentTotal(means, 0.25, sizes, 4, 0, 0);
    expect(total.quantile(0.5)).toBe(6);
    expect(total.quantile(0.9)).toBe(12);
    expect(total.quantile(0.98)).toBe(18);
  });

  it("gives one week's quantiles: 0 below 1 − p, then the sizes", () => {
    const week = intermittentWeek(1.5, 0.25, sizes);
    expect(week.quantile(0.1)).toBe(0);
    expect(week.quantile(0.74)).toBe(0);
    expect(week.quantile(0.9)).toBe(6);
  });

  it("widens with the lead time's variability and the forecast's own uncertainty", () => {
    const plain = intermittentTotal(means, 0.25, sizes, 4, 0, 0).quantile(0.98);
    expect(intermittentTotal(means, 0.25, sizes, 4, 2, 0).quantile(0.98)).toBeGreaterThan(plain);
    expect(intermittentTotal(means, 0.25, sizes, 4, 0, 0.5).quantile(0.98)).toBeGreaterThan(plain);
  });
});
