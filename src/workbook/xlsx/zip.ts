/**
 * Writing a zip package, part by part, without holding it: each part's bytes go to
 * a sink as they are made, followed by a data descriptor; parts of an existing
 * package are copied as stored. Pure TypeScript (the browser makes new workbooks
 * with it); compression and the CRC are handed in, so Node uses zlib and the
 * browser its own CompressionStream.
 */

/** Turns a part's bytes into deflate-raw bytes (method 8). */
export type Deflate = (bytes: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;
export type Crc32 = (bytes: Uint8Array, previous: number) => number;

let table: Uint32Array | undefined;

/** CRC-32 (the zip polynomial) in plain TypeScript, for where the platform has none. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** An entry of an existing package, to copy as stored. */
export interface StoredEntry {
  /** Its central directory record, as found. */
  central: Uint8Array;
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

const MAX32 = 0xffffffff;
const encoder = new TextEncoder();

/** MS-DOS date and time of a moment (UTC: the same file whatever the machine's zone). */
function dosTime(moment: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, moment.getUTCFullYear()));
  return {
    time: (moment.getUTCHours() << 11) | (moment.getUTCMinutes() << 5) | (moment.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((moment.getUTCMonth() + 1) << 5) | moment.getUTCDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly central: Uint8Array[] = [];
  private count = 0;

  constructor(
    private readonly sink: (bytes: Uint8Array) => Promise<void> | void,
    private readonly checksum: Crc32 = crc32,
    private readonly moment = new Date(),
  ) {}

  private async emit(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    if (this.offset > MAX32) throw new Error("The workbook would be bigger than 4 GB, more than a zip package holds without zip64.");
    await this.sink(bytes);
  }

  /** Adds a part made as it is written; `deflate` undefined stores it (for tiny parts or platforms without compression). */
  async add(name: string, bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, deflate?: Deflate): Promise<void> {
    const nameBytes = encoder.encode(name);
    const method = deflate ? 8 : 0;
    const { time, date } = dosTime(this.moment);
    const at = this.offset;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    // Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
    lv.setUint16(6, 0x0808, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    await this.emit(local);
    let crc = 0;
    let size = 0;
    const checksum = this.checksum;
    async function* measured(): AsyncGenerator<Uint8Array> {
      for await (const chunk of bytes) {
        crc = checksum(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    }
    let compressedSize = 0;
    for await (const chunk of deflate ? deflate(measured()) : measured()) {
      compressedSize += chunk.length;
      await this.emit(chunk);
    }
    if (size > MAX32) throw new Error(`The part ${name} would be bigger than 4 GB, more than a zip package holds without zip64.`);
    const descriptor = new Uint8Array(16);
    const dv = new DataView(descriptor.buffer);
    dv.setUint32(0, 0x08074b50, true);
    dv.setUint32(4, crc, true);
    dv.setUint32(8, compressedSize, true);
    dv.setUint32(12, size, true);
    await this.emit(descriptor);
    const record = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0808, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressedSize, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, at, true);
    record.set(nameBytes, 46);
    this.central.push(record);
    this.count++;
  }

  /**
   * Copies a part of another package as it was stored: a fresh local header (no data
   * descriptor, so the sizes are up front) and its central record with the new offset.
   */
  async copy(entry: StoredEntry, stored: AsyncIterable<Uint8Array>): Promise<void> {
    if (entry.size >= MAX32 || entry.compressedSize >= MAX32) throw new Error(`The part ${entry.name} is bigger than 4 GB, more than a zip package holds without zip64.`);
    const source = new DataView(entry.central.buffer, entry.central.byteOffset, entry.central.byteLength);
    const nameLength = source.getUint16(28, true);
    const flags = source.getUint16(8, true) & ~0x0008;
    const at = this.offset;
    const local = new Uint8Array(30 + nameLength);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, source.getUint16(6, true), true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint16(10, source.getUint16(12, true), true);
    lv.setUint16(12, source.getUint16(14, true), true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.compressedSize, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, nameLength, true);
    local.set(entry.central.subarray(46, 46 + nameLength), 30);
    await this.emit(local);
    let copied = 0;
    for await (const chunk of stored) {
      copied += chunk.length;
      await this.emit(chunk);
    }
    if (copied !== entry.compressedSize) throw new Error(`The part ${entry.name} could not be copied whole.`);
    // The central record, without zip64 extras (sizes fit in 32 bits), at its new offset.
    const extraLength = source.getUint16(30, true);
    const commentLength = source.getUint16(32, true);
    const record = new Uint8Array(46 + nameLength + commentLength);
    record.set(entry.central.subarray(0, 46 + nameLength), 0);
    record.set(entry.central.subarray(46 + nameLength + extraLength, 46 + nameLength + extraLength + commentLength), 46 + nameLength);
    const cv = new DataView(record.buffer);
    cv.setUint16(8, flags, true);
    cv.setUint32(20, entry.compressedSize, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(30, 0, true);
    cv.setUint32(42, at, true);
    this.central.push(record);
    this.count++;
  }

  /** The central directory and its end record. */
  async finish(): Promise<void> {
    if (this.count > 0xffff) throw new Error("The workbook would have more than 65,535 parts.");
    const start = this.offset;
    for (const record of this.central) await this.emit(record);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, this.count, true);
    ev.setUint16(10, this.count, true);
    ev.setUint32(12, this.offset - start, true);
    ev.setUint32(16, start, true);
    await this.emit(end);
  }
}

/** A text part as UTF-8 pieces. */
export async function* utf8(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  for await (const piece of pieces) yield encoder.encode(piece);
}
