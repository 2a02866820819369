/** Something in the workbook that a planner should fix, with the cell it came from. */
export interface Problem {
  /** Sheet (or table) name as found in the workbook. */
  sheet: string;
  /** A1 reference inside the sheet, e.g. `E7`; the header row's first cell for sheet-wide problems. */
  cell: string;
  /** Excel reference, e.g. `SKUs!E7` or `'PO Lines'!C4`. */
  address: string;
  message: string;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Zero-based row and column to `E7`. */
export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function sheetReference(sheet: string, cell: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** A cell of a worksheet, zero-based. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

const ADDRESS = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d+)(?::.*)?$/;

/** Reads back what `sheetReference` writes: `SKUs!E7`, `'PO Lines'!C4` (a range gives its first cell); undefined when it is not an address. */
export function parseAddress(address: string): CellRef | undefined {
  const m = ADDRESS.exec(address.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, row: Number(m[4]) - 1, col: columnOf(m[3]) };
}

/** `A` → 0, `AA` → 26: what `columnLetters` writes. */
export function columnOf(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export function problemAt(sheet: string, row: number, col: number, message: string): Problem {
  const cell = cellName(row, col);
  return { sheet, cell, address: sheetReference(sheet, cell), message };
}
