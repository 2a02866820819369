import { inverseNormal } from "../../../src/core/forecasting";
import { inverseStudentT, studentTCdf } from "../../../src/core/forecasting/normal";

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

  it("has Student's t beside it for means of a few weeks (values from t tables)", () => {
    expect(inverseStudentT(0.9, 3)).toBeCloseTo(1.637744, 6);
    expect(inverseStudentT(0.975, 5)).toBeCloseTo(2.570582, 6);
    expect(inverseStudentT(0.95, 10)).toBeCloseTo(1.812461, 6);
    expect(inverseStudentT(0.98, 2)).toBeCloseTo(4.848732, 6);
    expect(inverseStudentT(0.75, 1)).toBeCloseTo(1, 12);
    expect(inverseStudentT(0.95, Infinity)).toBeCloseTo(1.644854, 6);
    // ν = 1 is the Cauchy: P(T ≤ 1) = 1/2 + atan(1)/π = 0.75; ν = 2: P(T ≤ √2) = 1/2 + 1/(2√2)·… = 0.5 + 0.5·(√2/√(2+2)) = 0.853553
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(Math.SQRT2, 2)).toBeCloseTo(0.5 + 0.5 * Math.SQRT1_2, 12);
  });

  it("answers ±Infinity at 0 and 1 and NaN outside, never throwing", () => {
    expect(inverseNormal(0)).toBe(-Infinity);
    expect(inverseNormal(1)).toBe(Infinity);
    expect(inverseNormal(-0.1)).toBeNaN();
    expect(inverseNormal(1.5)).toBeNaN();
    expect(inverseNormal(NaN)).toBeNaN();
  });
});
