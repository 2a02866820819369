import { readCode } from "../cells";
import { findGrid, type WorkbookInput } from "../input";
import { LINE_FIELDS, PO_FIELDS } from "./purchaseOrders";
import { type CellWrite, rowCells, sheetLayout } from "./writes";

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

/** Where an order we wrote sits: its number and the rows its adapter appended. */
export interface WrittenOrder {
  number: string;
  headerRow: number;
  lineRows: number[];
}

/**
 * Co-authoring: after writing, the add-in reads the workbook back. When a header
 * row above ours carries our number, another buyer took it first and ours moves to
 * a new number. The k-th late comer takes highest + k, so that buyers who read the
 * same state do not collide again; the caller applies the writes and asks again
 * until the answer is `undefined`, and only then shares or sends the order.
 */
export function renumberIfTaken(ours: WrittenOrder, now: WorkbookInput, prefix: string): { number: string; cells: CellWrite[] } | undefined {
  const { headers, lines } = numbersInWorkbook(now);
  const holders = headers
    .filter((h) => h.number === ours.number)
    .map((h) => h.row)
    .sort((a, b) => a - b);
  const place = holders.indexOf(ours.headerRow);
  if (place <= 0) return undefined;
  const number = formatNumber(
    prefix,
    highestSequence(
      [...headers, ...lines].map((n) => n.number),
      prefix,
    ) + place,
  );
  const headerLayout = sheetLayout(now, "Purchase Orders", { number: PO_FIELDS.number })!;
  const lineLayout = sheetLayout(now, "PO Lines", { number: LINE_FIELDS.number })!;
  return {
    number,
    cells: [...rowCells(headerLayout, ours.headerRow, { number }), ...ours.lineRows.flatMap((row) => rowCells(lineLayout, row, { number }))],
  };
}

/** What the add-in needs from a workbook to settle a number: read it back, write cells. */
export interface NumberStore {
  read(): Promise<WorkbookInput>;
  writeCells(cells: CellWrite[]): Promise<void>;
}

const MAX_ROUNDS = 10;

/**
 * Reads back and renumbers until no other order holds our number; answers the
 * number the order ends with. Run it after the create writes and before sharing or
 * sending: the number a supplier sees is settled.
 */
export async function settleNumber(store: NumberStore, ours: WrittenOrder, prefix: string): Promise<string> {
  let current = ours;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const change = renumberIfTaken(current, await store.read(), prefix);
    if (!change) return current.number;
    await store.writeCells(change.cells);
    current = { ...current, number: change.number };
  }
  throw new Error(`Purchase order ${ours.number} could not get a number of its own after ${MAX_ROUNDS} tries; check the Purchase Orders sheet for duplicates.`);
}
