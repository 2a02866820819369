/** A workbook file could not be opened, read or written; the message is one sentence for the user. */
export class WorkbookFileError extends Error {}

/**
 * What the .xlsx reader accepts at most, so that a hostile file (a zip that unpacks
 * to gigabytes, millions of cells) is refused in bounded time and memory. Each is
 * several times what the biggest workbook Planster plans needs (20,000 SKUs × 2
 * warehouses × 52 forecast weeks: 87 MB of sheet XML, 2.5 million cells).
 */
export interface ReadLimits {
  /** Bytes the parts read may unpack to, all together. */
  unpackedBytes: number;
  /** Filled cells in the sheets read. */
  cells: number;
  /** Characters of text (shared strings and inline strings). */
  textCharacters: number;
}

export const READ_LIMITS: ReadLimits = {
  unpackedBytes: 2_000_000_000,
  cells: 12_000_000,
  textCharacters: 150_000_000,
};
