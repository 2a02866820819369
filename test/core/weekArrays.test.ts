import { WeekArrays } from "../../src/core/weekArrays";

// The planning core carves its week arrays out of shared 256 KB buffers (for speed, see
// bench/plan.bench.js); every array must still be its own, zeroed, of the right length.
describe("WeekArrays", () => {
  it("hands out separate zeroed arrays across buffer boundaries, and beyond the count it was given", () => {
    // 53 numbers = 424 bytes: 618 arrays fill a 256 KB buffer, so 2,000 arrays span four buffers;
    // the last 10 are more than the 1,990 announced.
    const arrays = new WeekArrays(53, 1_990);
    const taken = Array.from({ length: 2_000 }, () => arrays.take());
    expect(taken.every((a) => a.length === 53 && a.every((v) => v === 0))).toBe(true);
    taken.forEach((a, i) => a.fill(i));
    taken.forEach((a, i) => expect(a.every((v) => v === i)).toBe(true));
  });
});
