import { isBlank } from "../cells";
import type { CellValue, Grid, WorkbookInput } from "../input";
import type { OutValue } from "../sheetSpec";
import { numberPart } from "./claims";
import { formatNumber, highestSequence, numbersInWorkbook } from "./numbering";
import { LINE_FIELDS } from "./purchaseOrders";
import { type CellWrite, type RowAppend, sheetLayout, type Writes } from "./writes";

/**
 * Writing orders into a workbook that co-authors change at the same moment
 * (ORDERS.md, "Writing orders safely"). Excel merges co-authors' edits cell by
 * cell, the last writer winning: two buyers appending "under the last row" at
 * once write the same rows, and a row may end up half one buyer's, half the
 * other's. So every row the add-in appends carries, until it is settled, a claim
 * in its PO Number cell (`PO-0008 (saving k3x9q2)`) that no other buyer writes;
 * after co-authors' changes have arrived, the add-in reads its rows back: a row
 * whose claim is another's was taken, and is written again below; a row whose
 * claim is ours but whose other cells are not is put right. Only then is the
 * number settled and written, and only then is anything shared or sent.
 */

/** What the protocol needs from a workbook: read it, apply writes (answering appended rows in order), and wait for co-authors. */
export interface OrderStore {
  read(): Promise<WorkbookInput>;
  apply(writes: Writes): Promise<number[]>;
  /**
   * Resolves once co-authors' changes made before the call have reached this copy
   * (Excel: a few seconds). Absent where nobody else can write (a workbook in
   * memory, a file): then rows are written as they are, without claims.
   */
  settle?(): Promise<void>;
}

/** A row the add-in appended: where it went and what it holds; `numberAt` (`lineAt`) is the index of its PO Number (Line) cell in `values`. */
export interface OwnRow extends RowAppend {
  row: number;
  numberAt: number;
  lineAt?: number;
}

export type RowState = "ours" | "taken" | "mixed";

/** The grid a cell is read from: the table's, or the sheet's (a table holding the cell wins). */
function gridFor(input: WorkbookInput, sheet: string, table: string | undefined, row: number, col: number): Grid | undefined {
  if (table !== undefined) return input.grids.find((g) => g.table && g.name === table && g.sheet === sheet);
  const inside = (g: Grid) => row >= (g.originRow ?? 0) && row < (g.originRow ?? 0) + g.values.length && col >= (g.originCol ?? 0);
  return input.grids.find((g) => g.table && g.sheet === sheet && inside(g)) ?? input.grids.find((g) => !g.table && g.sheet === sheet);
}

function cellAt(input: WorkbookInput, sheet: string, table: string | undefined, row: number, col: number): CellValue {
  const grid = gridFor(input, sheet, table, row, col);
  return grid?.values[row - (grid.originRow ?? 0)]?.[col - (grid.originCol ?? 0)];
}

/** A cell holds what was written there (a blank for a blank; text is compared trimmed, as the readers take codes). */
function holds(cell: CellValue, value: OutValue): boolean {
  if (value === null || value === "") return isBlank(cell);
  if (typeof value === "string") return typeof cell === "string" && cell.trim() === value.trim();
  return cell === value;
}

/** Is the row still ours as written, another's (its PO Number cell holds another claim or order), or ours with others' cells in it? */
export function rowState(input: WorkbookInput, own: OwnRow): RowState {
  const at = (i: number) => cellAt(input, own.sheet, own.table, own.row, own.col + i);
  if (!holds(at(own.numberAt), own.values[own.numberAt])) return "taken";
  return own.values.every((value, i) => holds(at(i), value)) ? "ours" : "mixed";
}

/** The row's cells as single writes: to put a mixed row right, or to see the workbook as it will be. */
export function rowWrites(own: OwnRow): CellWrite[] {
  return own.values.map((value, i) => ({ sheet: own.sheet, row: own.row, col: own.col + i, value }));
}

/** The workbook as it reads once `cells` are written: what the readers will see of an order the add-in wrote. */
export function overlay(input: WorkbookInput, cells: (CellWrite & { table?: string })[]): WorkbookInput {
  const grids = input.grids.map((g) => ({ ...g, values: g.values.slice() }));
  const copied = new Set<string>();
  const out = { ...input, grids };
  for (const { sheet, table, row, col, value } of cells) {
    const grid = gridFor(out, sheet, table, row, col);
    if (!grid) continue;
    const r = row - (grid.originRow ?? 0);
    const c = col - (grid.originCol ?? 0);
    if (r < 0 || c < 0) continue;
    while (grid.values.length <= r) grid.values.push([]);
    const key = `${grids.indexOf(grid)}:${r}`;
    if (!copied.has(key)) {
      grid.values[r] = [...(grid.values[r] ?? [])];
      copied.add(key);
    }
    grid.values[r][c] = value;
  }
  return out;
}

const MAX_ROUNDS = 12;

export class CoauthoringError extends Error {}

/**
 * Appends the rows (each with its claim), then reads back after co-authors'
 * changes have arrived: taken rows are appended again below, mixed rows put
 * right, until every row is in the workbook as written. `cells` go with the first
 * write (an override cleared, say). Answers the rows and the workbook read last.
 */
export async function placeRows(store: OrderStore, rows: Omit<OwnRow, "row">[], cells: CellWrite[] = []): Promise<{ own: OwnRow[]; input: WorkbookInput }> {
  const first = await store.apply({ append: rows.map(appendOf), cells });
  const own: OwnRow[] = rows.map((r, i) => ({ ...r, row: first[i] }));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await store.settle?.();
    const input = await store.read();
    const states = own.map((o) => rowState(input, o));
    const taken = own.flatMap((_, i) => (states[i] === "taken" ? [i] : []));
    const mixed = own.flatMap((o, i) => (states[i] === "mixed" ? [o] : []));
    if (taken.length === 0 && mixed.length === 0) return { own, input };
    const again = await store.apply({ append: taken.map((i) => appendOf(own[i])), cells: mixed.flatMap(rowWrites) });
    taken.forEach((i, k) => (own[i] = { ...own[i], row: again[k] }));
  }
  throw new CoauthoringError(`The order's rows kept being taken by co-authors' rows after ${MAX_ROUNDS} tries; check the Purchase Orders and PO Lines sheets, then try again.`);
}

const appendOf = ({ sheet, table, col, values }: Omit<OwnRow, "row">): RowAppend => ({ sheet, table, col, values });

/**
 * The number an order whose header is on `headerRow` ends with. The lowest header
 * holding a number keeps it; the k-th below takes the highest number in use + k,
 * so that buyers who read the same workbook do not collide again.
 */
export function settledNumber(input: WorkbookInput, headerRow: number, number: string, prefix: string): string {
  const { headers, lines } = numbersInWorkbook(input);
  const holders = headers
    .filter((h) => numberPart(h.number) === number)
    .map((h) => h.row)
    .sort((a, b) => a - b);
  const place = holders.indexOf(headerRow);
  if (place <= 0) return number;
  const highest = highestSequence(
    [...headers, ...lines].map((n) => numberPart(n.number)),
    prefix,
  );
  return formatNumber(prefix, highest + place);
}

/**
 * Added lines whose Line another line of the order already has (two buyers adding
 * a line at once): the lowest row keeps it, the k-th below takes the order's
 * highest line + k. No line is dropped as a duplicate.
 */
export function settleLines(input: WorkbookInput, own: OwnRow[], number: string): OwnRow[] {
  const layout = sheetLayout(input, "PO Lines", { number: LINE_FIELDS.number, line: LINE_FIELDS.line });
  const numberCol = layout?.columns.get("number");
  const lineCol = layout?.columns.get("line");
  if (!layout || numberCol === undefined || lineCol === undefined) return own;
  const lines: { row: number; line: unknown }[] = [];
  for (let row = layout.headerRow + 1; row < layout.headerRow + 1 + rowsOf(input, layout); row++) {
    const code = cellAt(input, layout.sheet, layout.table, row, numberCol);
    if (typeof code === "string" ? code.trim() === number : String(code) === number) lines.push({ row, line: cellAt(input, layout.sheet, layout.table, row, lineCol) });
  }
  const highest = lines.reduce((n, l) => (typeof l.line === "number" && l.line > n ? l.line : n), 0);
  return own.map((o) => {
    if (o.lineAt === undefined) return o;
    const line = o.values[o.lineAt];
    const holders = lines.filter((l) => l.line === line).map((l) => l.row);
    const place = holders.indexOf(o.row);
    return place <= 0 ? o : { ...o, values: o.values.map((v, i) => (i === o.lineAt ? highest + place : v)) };
  });
}

/** Rows below the header of the sheet or table a layout describes. */
function rowsOf(input: WorkbookInput, layout: { sheet: string; table?: string; headerRow: number; firstCol: number }): number {
  const grid = gridFor(input, layout.sheet, layout.table, layout.headerRow, layout.firstCol);
  return grid ? (grid.originRow ?? 0) + grid.values.length - layout.headerRow - 1 : 0;
}

/** The rows with another number in their PO Number cells. */
export function withNumber(own: OwnRow[], number: string): OwnRow[] {
  return own.map((o) => ({ ...o, values: o.values.map((v, i) => (i === o.numberAt ? number : v)) }));
}
