/**
 * Week arrays (index 0..H) for many item-locations, carved out of shared buffers:
 * allocating tens of thousands of small typed arrays one by one costs more than
 * planning them. Buffers stay small enough for the allocator to reuse freed memory
 * (fresh pages are slow to touch) and for one kept plan not to pin everybody's.
 */
const CHUNK_BYTES = 256 * 1024;

export class WeekArrays {
  private buffer = new ArrayBuffer(0);
  private used = 0;
  private capacity = 0;
  private zeros?: Float64Array;

  /** Arrays of `length` numbers, all 0; `remaining` is how many will be taken (more still work). */
  constructor(
    private readonly length: number,
    private remaining: number,
  ) {}

  take(): Float64Array {
    if (this.used === this.capacity) this.refill();
    return new Float64Array(this.buffer, this.used++ * this.length * Float64Array.BYTES_PER_ELEMENT, this.length);
  }

  /** One array of zeros shared by everyone who only reads it. */
  shared(): Float64Array {
    return (this.zeros ??= new Float64Array(this.length));
  }

  private refill(): void {
    const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / (this.length * Float64Array.BYTES_PER_ELEMENT)));
    this.capacity = Math.max(1, Math.min(perChunk, this.remaining));
    this.remaining = Math.max(0, this.remaining - this.capacity);
    this.buffer = new ArrayBuffer(this.capacity * this.length * Float64Array.BYTES_PER_ELEMENT);
    this.used = 0;
  }
}
