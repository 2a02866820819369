/**
 * One CSV cell, quoted when needed. Text that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`;
 * numbers the program computed are left as they are.
 */
export function csvCell(text: string, isNumber = false): string {
  const safe = !isNumber && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 lines (CRLF), each cell escaped. */
export function csvLine(cells: { text: string; isNumber?: boolean }[]): string {
  return `${cells.map((c) => csvCell(c.text, c.isNumber)).join(",")}\r\n`;
}
