import { createDeflateRaw, crc32 } from "node:zlib";
import type { Crc32, Deflate } from "../zip";
import { through } from "./through";

/**
 * zlib's deflate for the zip writer. It runs on libuv's threads, so a sheet is
 * compressed while the next rows are rendered. Level 2: sheet XML is very regular,
 * and higher levels cost much more time than they save bytes.
 */
export function nodeDeflate(level = 2): Deflate {
  return (bytes) => through(createDeflateRaw({ level, chunkSize: 256 * 1024 }), bytes);
}

export const nodeCrc32: Crc32 = (bytes, previous) => crc32(bytes, previous);
