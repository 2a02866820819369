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

/**
 * Parses CSV text (RFC 4180: quoted cells may hold the separator, quotes and line
 * breaks) into rows of cells. The separator is the header line's: a comma, else a
 * semicolon or tab when the first line holds one of those and no comma (spreadsheets
 * in many locales save `;`). A byte-order mark and a last empty line are dropped.
 * Answers the rows and, for each, the text line it starts on (for messages).
 */
export function parseCsv(text: string): { rows: string[][]; lines: number[] } {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = firstLine.includes(",") ? "," : firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      lines.push(rowLine);
      row = [];
      cell = "";
      rowLine = ++line;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
    lines.push(rowLine);
  }
  return { rows, lines };
}
