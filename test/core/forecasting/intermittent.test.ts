import { crostonStep, sbaForecast, tsbStep } from "../../../src/core/forecasting/intermittent";

describe("Croston / SBA update", () => {
  it("updates size and interval only in weeks with a demand (α = 0.2)", () => {
    // Start: size 4, interval 2, 0 weeks since the last demand; demands 0, 3, 0, 0, 5.
    // week 1: 0 → since 1
    // week 2: 3 → since 2: size 4 + 0.2(3 − 4) = 3.8; interval 2 + 0.2(2 − 2) = 2; since 0
    // weeks 3, 4: 0 → since 2
    // week 5: 5 → since 3: size 3.8 + 0.2(5 − 3.8) = 4.04; interval 2 + 0.2(3 − 2) = 2.2
    let state = { size: 4, interval: 2, since: 0 };
    state = crostonStep(state, 0, 0.2);
    expect(state).toEqual({ size: 4, interval: 2, since: 1 });
    state = crostonStep(state, 3, 0.2);
    expect(state.size).toBeCloseTo(3.8, 12);
    expect(state.interval).toBeCloseTo(2, 12);
    expect(state.since).toBe(0);
    for (const demand of [0, 0, 5]) state = crostonStep(state, demand, 0.2);
    expect(state.size).toBeCloseTo(4.04, 12);
    expect(state.interval).toBeCloseTo(2.2, 12);
    // SBA: (1 − α/2)·size/interval = 0.9 · 4.04 / 2.2 = 1.652727…
    expect(sbaForecast(state, 0.2)).toBeCloseTo(1.6527273, 6);
  });
});

describe("TSB update", () => {
  it("moves the probability every week and the size in demand weeks (α = 0.2, β = 0.1)", () => {
    // Start: size 4, probability 0.5.
    // week 1: 0 → p = 0.5 + 0.1(0 − 0.5) = 0.45, size 4
    // week 2: 3 → p = 0.45 + 0.1(1 − 0.45) = 0.505, size 4 + 0.2(3 − 4) = 3.8; forecast 0.505·3.8 = 1.919
    let state = tsbStep({ size: 4, probability: 0.5 }, 0, 0.2, 0.1);
    expect(state.probability).toBeCloseTo(0.45, 12);
    expect(state.size).toBe(4);
    state = tsbStep(state, 3, 0.2, 0.1);
    expect(state.probability).toBeCloseTo(0.505, 12);
    expect(state.size).toBeCloseTo(3.8, 12);
    expect(state.probability * state.size).toBeCloseTo(1.919, 12);
  });
});
