import { type FileHandle, open } from "node:fs/promises";
import { createInflateRaw, crc32 } from "node:zlib";
import { through } from "./through";

/** The package cannot be read; the message is the end of a sentence about the file ("is …"). */
export class PackageError extends Error {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The central directory record as found, to write it again unchanged but for its offset. */
  central: Buffer;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** An .xlsx has tens of parts; Excel's biggest have a few thousand. */
const MOST_ENTRIES = 100_000;
const READ_CHUNK = 1 << 20;

/**
 * A zip file read from its central directory, so that any part can be read in any
 * order, unpacked (with its size bounded and its CRC checked) or copied as stored.
 */
export class ZipFile {
  readonly entries = new Map<string, ZipEntry>();

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<ZipFile> {
    const handle = await open(path, "r");
    try {
      const zip = new ZipFile(handle, (await handle.stat()).size);
      await zip.readDirectory();
      return zip;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private async bytes(at: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, at);
    if (bytesRead < length) throw new PackageError("cut short (its end is missing)");
    return buffer;
  }

  private async readDirectory(): Promise<void> {
    if (this.size < 22) throw new PackageError(this.size === 0 ? "empty" : "not a zip package");
    const tailLength = Math.min(this.size, 22 + MAX16);
    const tail = await this.bytes(this.size - tailLength, tailLength);
    let end = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      const head = await this.bytes(0, Math.min(8, this.size));
      if (head.readUInt32LE(0) === 0xe011cfd0) throw new PackageError("an encrypted workbook or an old .xls file, not an .xlsx package");
      throw new PackageError(head.readUInt32LE(0) === LOCAL ? "cut short (its table of contents is missing)" : "not a zip package");
    }
    let count = tail.readUInt16LE(end + 10);
    let dirSize = tail.readUInt32LE(end + 12);
    let dirOffset = tail.readUInt32LE(end + 16);
    if (count === MAX16 || dirSize === MAX32 || dirOffset === MAX32) {
      const locatorAt = end - 20;
      if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== EOCD64_LOCATOR) throw new PackageError("a damaged zip package (its zip64 directory is missing)");
      const at = Number(tail.readBigUInt64LE(locatorAt + 8));
      const record = await this.bytes(at, 56);
      if (record.readUInt32LE(0) !== EOCD64) throw new PackageError("a damaged zip package (its zip64 directory is missing)");
      count = Number(record.readBigUInt64LE(32));
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > MOST_ENTRIES) throw new PackageError(`a zip package of ${count} parts, more than a workbook has`);
    if (dirOffset + dirSize > this.size) throw new PackageError("cut short (part of its contents is missing)");
    const dir = await this.bytes(dirOffset, dirSize);
    let at = 0;
    for (let k = 0; k < count; k++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw new PackageError("a damaged zip package (its table of contents is broken)");
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const next = at + 46 + nameLength + extraLength + commentLength;
      if (next > dir.length) throw new PackageError("a damaged zip package (its table of contents is broken)");
      const entry: ZipEntry = {
        name: dir.toString("utf8", at + 46, at + 46 + nameLength),
        flags: dir.readUInt16LE(at + 8),
        method: dir.readUInt16LE(at + 10),
        crc: dir.readUInt32LE(at + 16),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
        central: dir.subarray(at, next),
      };
      readZip64(entry, dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      // Part names compare case-insensitively (OPC); a backslash is a damaged name some tools write.
      const key = entry.name.replace(/\\/g, "/").toLowerCase();
      if (this.entries.has(key)) throw new PackageError(`a damaged zip package (the part ${entry.name} appears twice)`);
      this.entries.set(key, entry);
      at = next;
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  /** Where the entry's stored bytes start (after its local header). */
  private async dataStart(entry: ZipEntry): Promise<number> {
    if (entry.localOffset + 30 > this.size) throw new PackageError(`cut short (the part ${entry.name} is missing)`);
    const header = await this.bytes(entry.localOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL) throw new PackageError(`a damaged zip package (the part ${entry.name} is not where its table of contents says)`);
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.size) throw new PackageError(`cut short (the part ${entry.name} is incomplete)`);
    return start;
  }

  /** The entry's bytes as stored (compressed), in pieces. */
  async *stored(entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = await this.dataStart(entry);
    for (let at = 0; at < entry.compressedSize; at += READ_CHUNK) {
      yield await this.bytes(start + at, Math.min(READ_CHUNK, entry.compressedSize - at));
    }
  }

  /**
   * The entry unpacked, in pieces. Throws PackageError when it unpacks to more than
   * `limit` bytes (checked as it goes: a declared size can lie), is damaged, or its CRC
   * does not match.
   */
  async *unpacked(entry: ZipEntry, limit: number): AsyncGenerator<Buffer> {
    if (entry.flags & 1) throw new PackageError(`encrypted (the part ${entry.name} needs a password)`);
    if (entry.method !== 0 && entry.method !== 8) throw new PackageError(`packed in a way Excel does not use (method ${entry.method} in ${entry.name})`);
    if (entry.size > limit) throw new UnpackLimit(entry.name, limit);
    let crc = 0;
    let size = 0;
    const check = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) throw new UnpackLimit(entry.name, limit);
      crc = crc32(chunk, crc);
    };
    if (entry.method === 0) {
      for await (const chunk of this.stored(entry)) {
        check(chunk);
        yield chunk;
      }
    } else {
      try {
        for await (const chunk of through(createInflateRaw({ chunkSize: 256 * 1024 }), this.stored(entry))) {
          check(chunk);
          yield chunk;
        }
      } catch (error) {
        if (error instanceof PackageError) throw error;
        if ((error as { code?: string }).code?.startsWith("Z_")) throw new PackageError(`damaged (the part ${entry.name} cannot be unpacked)`);
        throw error;
      }
    }
    if (size !== entry.size || crc !== entry.crc) throw new PackageError(`damaged (the part ${entry.name} does not unpack to what its checksum says)`);
  }

  /** A small part as text. */
  async text(entry: ZipEntry, limit: number): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.unpacked(entry, limit)) chunks.push(chunk);
    return Buffer.concat(chunks).toString("utf8");
  }
}

/** A part unpacks to more than the reader allows. */
export class UnpackLimit extends PackageError {
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`a part (${part}) that unpacks to more than ${Math.round(limit / 1_000_000).toLocaleString("en-US")} MB`);
  }
}

/** Sizes and offset beyond 4 GB live in the zip64 extra field, in this order, for those set to 0xFFFFFFFF. */
function readZip64(entry: ZipEntry, extra: Buffer): void {
  if (entry.size !== MAX32 && entry.compressedSize !== MAX32 && entry.localOffset !== MAX32) return;
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const take = () => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length) throw new PackageError("a damaged zip package (a zip64 field is short)");
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = take();
      if (entry.compressedSize === MAX32) entry.compressedSize = take();
      if (entry.localOffset === MAX32) entry.localOffset = take();
      return;
    }
    at += 4 + length;
  }
  throw new PackageError(`a damaged zip package (the size of ${entry.name} is missing)`);
}
