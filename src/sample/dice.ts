import { seededRandom } from "../core/forecasting/random";

/** The sample's seeded dice: the same seed throws the same numbers, whatever the date. */
export class Dice {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  float(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** A whole number from `lo` to `hi`, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  shuffled<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A price with whole cents. */
  price(lo: number, hi: number): number {
    return Math.round(this.float(lo, hi) * 100) / 100;
  }

  /** A standard normal number (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** Whole units sold in a week of this expected demand: spread a little more than Poisson, as retail sales are. */
  count(mean: number): number {
    if (!(mean > 0)) return 0;
    return Math.max(0, Math.round(mean + 1.2 * Math.sqrt(mean) * this.normal()));
  }
}
