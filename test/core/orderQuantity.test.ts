import { quantityWarning } from "../../src/core/orderQuantity";

describe("a planner's quantity against the supplier's MOQ and case pack", () => {
  test.each([
    // Fits: whole packs of 12 at or above the MOQ 50; 0 is no order at all.
    [60, 50, 12, undefined],
    [72, 50, 12, undefined],
    [0, 50, 12, undefined],
    // 45 < 50 and 45 / 12 = 3.75: the packs nearest are 36 (below the MOQ, so not offered) and 60 (5 packs, ≥ 50).
    [45, 50, 12, "45 is below the MOQ of 50 and not a multiple of the case pack of 12: the supplier takes 60. It is saved as typed."],
    // 65 / 12 = 5.42: 60 (5 packs, ≥ 50) below it, 72 (6 packs) above it.
    [65, 50, 12, "65 is not a multiple of the case pack of 12: the supplier takes 60 or 72. It is saved as typed."],
    // 48 is 4 whole packs but below the MOQ: the first whole pack count at 50 or more is 5 × 12 = 60.
    [48, 50, 12, "48 is below the MOQ of 50: the supplier takes 60. It is saved as typed."],
    // Case pack 1 and no MOQ: any whole number fits, 2.5 is between 2 and 3.
    [2.5, 0, 1, "2.5 is not a multiple of the case pack of 1: the supplier takes 2 or 3. It is saved as typed."],
    // Fractional packs: 0.75 = 3 × 0.25 fits despite binary noise.
    [0.75, 0, 0.25, undefined],
    [1200, 0, 1000, "1,200 is not a multiple of the case pack of 1,000: the supplier takes 1,000 or 2,000. It is saved as typed."],
  ])("%p with MOQ %p and multiple %p", (quantity, moq, multiple, warning) => {
    expect(quantityWarning(quantity, moq, multiple)).toBe(warning);
  });
});
