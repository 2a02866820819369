import { readCode } from "../cells";
import { findGrid, type WorkbookInput } from "../input";
import { LINE_FIELDS, PO_FIELDS } from "./purchaseOrders";
import { sheetLayout } from "./writes";

const MIN_DIGITS = 4;

/** A PO number found in the workbook, with the worksheet row it sits on. */
export interface NumberAt {
  number: string;
  row: number;
}

/** The PO numbers of the `Purchase Orders` and `PO Lines` sheets, read straight from the cells. */
export function numbersInWorkbook(input: WorkbookInput): { headers: NumberAt[]; lines: NumberAt[] } {
  return { headers: columnCodes(input, "Purchase Orders", PO_FIELDS), lines: columnCodes(input, "PO Lines", LINE_FIELDS) };
}

function columnCodes(input: WorkbookInput, name: string, fields: { number: string }): NumberAt[] {
  const layout = sheetLayout(input, name, { number: fields.number });
  const grid = findGrid(input, name);
  const col = layout?.columns.get("number");
  if (!layout || !grid || col === undefined) return [];
  const originRow = grid.originRow ?? 0;
  const out: NumberAt[] = [];
  grid.values.forEach((cells, r) => {
    const row = originRow + r;
    if (row <= layout.headerRow) return;
    const code = readCode(cells?.[col - (grid.originCol ?? 0)]);
    if (typeof code === "string") out.push({ number: code, row });
  });
  return out;
}

/** The sequence number of a PO number made with this prefix, or undefined when it was not. */
export function sequenceOf(number: string, prefix: string): number | undefined {
  if (!number.startsWith(prefix)) return undefined;
  const digits = number.slice(prefix.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

export function formatNumber(prefix: string, sequence: number): string {
  return prefix + String(sequence).padStart(MIN_DIGITS, "0");
}

/** Highest sequence already used with the prefix (on either sheet), 0 when none. */
export function highestSequence(numbers: Iterable<string>, prefix: string): number {
  let highest = 0;
  for (const number of numbers) {
    const seq = sequenceOf(number, prefix);
    if (seq !== undefined && seq > highest) highest = seq;
  }
  return highest;
}

export function nextNumber(numbers: Iterable<string>, prefix: string): string {
  return formatNumber(prefix, highestSequence(numbers, prefix) + 1);
}
