/**
 * Week arrays (index 0..H) for many item-locations carved out of one buffer:
 * allocating tens of thousands of small typed arrays one by one costs more than
 * planning them, and their many backing stores keep the garbage collector busy.
 */
export class WeekArrays {
  private readonly buffer: ArrayBuffer;
  private used = 0;

  /** Room for `count` arrays of `length` numbers, all 0. */
  constructor(
    private readonly length: number,
    private readonly count: number,
  ) {
    this.buffer = new ArrayBuffer(length * count * Float64Array.BYTES_PER_ELEMENT);
  }

  /** A fresh zeroed array; once the room is used up, a separately allocated one. */
  take(): Float64Array {
    if (this.used >= this.count) return new Float64Array(this.length);
    return new Float64Array(this.buffer, this.used++ * this.length * Float64Array.BYTES_PER_ELEMENT, this.length);
  }
}
