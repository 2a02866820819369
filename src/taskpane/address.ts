/** A cell of a worksheet, zero-based. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

const ADDRESS = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d+)(?::.*)?$/;

/** Reads `SKUs!E7` or `'PO Lines'!C4` (the first cell of a range); undefined when it is not an address. */
export function parseAddress(address: string): CellRef | undefined {
  const m = ADDRESS.exec(address.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  let col = 0;
  for (const ch of m[3]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[4]) - 1, col: col - 1 };
}
