import { inverseNormal } from "../../../src/core/forecasting";

describe("inverse normal distribution function", () => {
  it("gives the familiar z values (to 1e-6, from printed normal tables)", () => {
    expect(inverseNormal(0.95)).toBeCloseTo(1.644854, 6);
    expect(inverseNormal(0.9)).toBeCloseTo(1.281552, 6);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 6);
    expect(inverseNormal(0.98)).toBeCloseTo(2.053749, 6);
    expect(inverseNormal(0.999)).toBeCloseTo(3.090232, 6);
    expect(inverseNormal(0.5)).toBe(0);
  });

  it("is symmetric and reaches the far tails (third region of AS 241)", () => {
    for (const p of [0.001, 0.1, 0.3, 0.42]) expect(inverseNormal(p)).toBeCloseTo(-inverseNormal(1 - p), 9);
    // z for 1e-20: 9.262340 (Φ(−9.26234) ≈ 1e-20)
    expect(inverseNormal(1e-20)).toBeCloseTo(-9.26234, 5);
  });

  it("answers ±Infinity at 0 and 1 and NaN outside, never throwing", () => {
    expect(inverseNormal(0)).toBe(-Infinity);
    expect(inverseNormal(1)).toBe(Infinity);
    expect(inverseNormal(-0.1)).toBeNaN();
    expect(inverseNormal(1.5)).toBeNaN();
    expect(inverseNormal(NaN)).toBeNaN();
  });
});
