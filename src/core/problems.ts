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

export function problemAt(sheet: string, row: number, col: number, message: string): Problem {
  const cell = cellName(row, col);
  return { sheet, cell, address: sheetReference(sheet, cell), message };
}
