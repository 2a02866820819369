import { cycleTrend, scoreSeason } from "../../../src/core/forecasting/seasonal";

describe("seasonal index from a two-year series", () => {
  it("is each week's share of the year's average (multiplicative)", () => {
    // 104 weeks of 100 except 200 in week 10 of each year. The year's average week is
    // (51·100 + 200)/52 = 100·53/52, so the index of week 10 is 200/(100·53/52) = 104/53
    // = 1.962264 and of every other week 100/(100·53/52) = 52/53 = 0.981132.
    const y = Float64Array.from({ length: 104 }, (_, t) => (t % 52 === 10 ? 200 : 100));
    const score = scoreSeason(y, 52, "multiplicative")!;
    // Index by position from the end: week 10 of a year is (10 − 104) mod 52 = 10.
    expect(score.season.index[10]).toBeCloseTo(104 / 53, 6);
    for (const k of [0, 9, 11, 51]) expect(score.season.index[k]).toBeCloseTo(52 / 53, 6);
    expect(score.helps).toBe(true);
  });

  it("is each week's difference from the year's average (additive), under a trend", () => {
    // 60 + 0.5·t + 20·sin(2πt/52) over three years: the index of position k is
    // 20·sin(2π(k + 156)/52) = 20·sin(2πk/52), whatever the trend does at the ends.
    const y = Float64Array.from({ length: 156 }, (_, t) => 60 + 0.5 * t + 20 * Math.sin((2 * Math.PI * t) / 52));
    const score = scoreSeason(y, 52, "additive")!;
    for (const k of [0, 13, 26, 40]) expect(score.season.index[k]).toBeCloseTo(20 * Math.sin((2 * Math.PI * k) / 52), 4);
  });

  it("is not used when the weeks do not repeat from year to year", () => {
    // A pseudo-random series with no yearly pattern.
    let state = 7;
    const y = Float64Array.from({ length: 156 }, () => {
      state = (state * 48271) % 2147483647;
      return 50 + (state % 21) - 10;
    });
    expect(scoreSeason(y, 52)?.helps).toBe(false);
  });

  it("needs two full cycles", () => {
    expect(scoreSeason(new Float64Array(103).fill(1), 52)).toBeUndefined();
  });
});

describe("cycle trend", () => {
  it("is the centred 2×52 moving average inside, a local line at the ends", () => {
    // A straight line is its own trend everywhere, ends included.
    const line = Float64Array.from({ length: 120 }, (_, t) => 3 + 0.25 * t);
    const trend = cycleTrend(line, 52);
    for (const t of [0, 10, 60, 119]) expect(trend[t]).toBeCloseTo(3 + 0.25 * t, 9);
    // Inside, one week of 52 lifts the 2×52 average by 52/52 = 1 while it is within 25
    // weeks, by half that at 26 (the window's end weights are ½), not at all beyond.
    const bump = Float64Array.from({ length: 120 }, (_, t) => (t === 60 ? 52 : 0));
    const bumped = cycleTrend(bump, 52);
    expect(bumped[60]).toBeCloseTo(1, 9);
    expect(bumped[35]).toBeCloseTo(1, 9);
    expect(bumped[34]).toBeCloseTo(0.5, 9);
    expect(bumped[33]).toBeCloseTo(0, 9);
  });
});
