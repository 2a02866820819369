import type { WorkbookInput } from "../input";
import type { Settings } from "../settings";
import { claimed, newNonce } from "./claims";
import { type OrderStore, type OwnRow, overlay, placeRows, rowState, rowWrites, settledNumber, settleLines, withNumber } from "./coauthoring";
import { destination, type Destination, type StoredEndpoint } from "./endpoint";
import { type Order, orderFromBook } from "./order";
import { LINE_FIELDS, PO_FIELDS, readOrderBook } from "./purchaseOrders";
import { orderPayload, PENDING, type SendOptions, sendOrder, type SyncOutcome, syncWrites } from "./sync";
import { type CellWrite, rowCells, sheetLayout, type Writes } from "./writes";

export type { OrderStore } from "./coauthoring";

/**
 * The order of steps once an action is accepted, for any adapter: write (rows
 * claimed, read back after co-authors' changes, written again where another's
 * took them), settle the number, re-read the order and its Revision, and only
 * then send, recording the outcome. The order is in the workbook before the
 * network is touched, so an outage cannot lose it.
 */

/** Sending: the network, and the endpoint with its key as stored on this machine (none: nothing is sent). */
export type Integration = Omit<SendOptions, "url" | "key"> & { endpoint?: StoredEndpoint };

export interface CommitOptions {
  settings: Settings;
  integration?: Integration;
  /** For the claims' nonces (and the send's jitter when the integration has none). */
  random?: () => number;
}

export interface Committed {
  /** The order as the workbook holds it once settled: its number and revision are the ones sent. */
  order: Order;
  outcome?: SyncOutcome;
  /** Meant to be sent, not sent from here: why (no endpoint stored, or the workbook names another one). */
  notSent?: Exclude<Destination, { kind: "none" } | { kind: "send" }>;
  /** Nothing was written: why. */
  refused?: string;
}

type Accepted = { order: Order; writes: Writes };

export async function commitNewOrder(store: OrderStore, accepted: Accepted, options: CommitOptions): Promise<Committed> {
  if (!store.settle) return writeAndSend(store, accepted, options);
  const base = await store.read();
  const rows = claimRows(base, accepted, options);
  if (typeof rows === "string") return { order: accepted.order, refused: rows };
  const placed = await placeRows(store, rows, accepted.writes.cells);
  return settleAndSend(store, { base, ...placed, cells: [], number: accepted.order.number, isNew: true, fallback: accepted.order }, options);
}

export async function commitEdit(store: OrderStore, accepted: Accepted, options: CommitOptions): Promise<Committed> {
  const { number, revision } = accepted.order;
  const base = await store.read();
  const now = readOrderBook(base, options.settings, []).byNumber.get(number);
  if (!now || now.revision !== revision - 1) {
    return {
      order: accepted.order,
      refused: `Purchase order ${number} was changed meanwhile${now ? ` (it is now revision ${now.revision})` : ""}, perhaps by a co-author: look at it again, then save your change.`,
    };
  }
  if (!store.settle) return writeAndSend(store, accepted, options);
  const rows = claimRows(base, accepted, options);
  if (typeof rows === "string") return { order: accepted.order, refused: rows };
  // Added lines are placed first, under their claim; the header's cells go with their numbers, so the edit shows at once.
  const placed = rows.length > 0 ? await placeRows(store, rows) : { own: [], input: base };
  return settleAndSend(store, { base, ...placed, cells: accepted.writes.cells, number, isNew: false, fallback: accepted.order }, options);
}

/** Nobody else writes the workbook: the action's rows go in as they are, and the order is sent as accepted. */
async function writeAndSend(store: OrderStore, accepted: Accepted, options: CommitOptions): Promise<Committed> {
  await store.apply(accepted.writes);
  return send(store, accepted.order, await store.read(), options.settings, options.integration);
}

/** The appended rows of an accepted action, each with the claim in its PO Number cell. */
function claimRows(base: WorkbookInput, accepted: Accepted, options: CommitOptions): Omit<OwnRow, "row">[] | string {
  const claim = claimed(accepted.order.number, newNonce(options.random ?? Math.random));
  const layouts = [sheetLayout(base, "Purchase Orders", { number: PO_FIELDS.number }), sheetLayout(base, "PO Lines", { number: LINE_FIELDS.number, line: LINE_FIELDS.line })];
  const rows: Omit<OwnRow, "row">[] = [];
  for (const append of accepted.writes.append) {
    const layout = layouts.find((l) => l?.sheet === append.sheet && l.table === append.table);
    const at = (field: "number" | "line") => {
      const col = (layout?.columns as Map<string, number> | undefined)?.get(field);
      return col === undefined ? undefined : col - append.col;
    };
    const numberAt = at("number") ?? -1;
    if (append.values[numberAt] !== accepted.order.number) {
      return "The Purchase Orders or PO Lines sheet changed while the order was prepared (its columns moved): open it again and retry.";
    }
    const lineAt = layout === layouts[1] ? at("line") : undefined;
    rows.push({ ...append, numberAt, lineAt, values: append.values.map((v, i) => (i === numberAt ? claim : v)) });
  }
  return rows;
}

/** The cells that make a placed row final: its PO Number (the claim gone) and its Line. */
const finalCells = (own: OwnRow): CellWrite[] =>
  [own.numberAt, ...(own.lineAt === undefined ? [] : [own.lineAt])].map((i) => ({ sheet: own.sheet, row: own.row, col: own.col + i, value: own.values[i] }));

interface Placed {
  /** The workbook before the write: with our cells laid over it, it is what the order should read as. */
  base: WorkbookInput;
  /** Our appended rows, placed, and the workbook as read when they were. */
  own: OwnRow[];
  input: WorkbookInput;
  /** Cells of existing rows the action changes (an edit's). */
  cells: CellWrite[];
  number: string;
  /** A new order's number may be another's too; an edit keeps its number. */
  isNew: boolean;
  /** The order as accepted, for the answer when the workbook's cannot be read back. */
  fallback: Order;
}

const MAX_ROUNDS = 12;

/** Our rows with a number nobody else holds, and added lines with a line number of their own. */
function settled(input: WorkbookInput, own: OwnRow[], number: string, isNew: boolean, prefix: string): { own: OwnRow[]; number: string } {
  const settledNo = isNew && own.length > 0 ? settledNumber(input, own[0].row, number, prefix) : number;
  return { number: settledNo, own: settleLines(input, withNumber(own, settledNo), settledNo) };
}

/**
 * Makes the placed rows final (number settled, the claim gone, the edit's cells)
 * in one write, then reads the order back after co-authors' changes have arrived,
 * until it reads as written: rows put right, a number or line number another took
 * moved on, and a co-author's concurrent edit of the same order made a revision of
 * its own (two edits must not both become one Revision with different contents).
 * Then sends it.
 */
async function settleAndSend(store: OrderStore, placed: Placed, options: CommitOptions): Promise<Committed> {
  const { settings } = options;
  let { own, number } = settled(placed.input, placed.own, placed.number, placed.isNew, settings.poPrefix);
  await store.apply({ append: [], cells: [...placed.cells, ...own.flatMap(finalCells)] });
  // What the order should read as: the workbook it was written over (or, after a new revision, the one adopted) with our cells.
  let reference = { input: placed.base, cells: placed.cells };
  const expectation = () => expectedOrder(overlay(reference.input, [...reference.cells, ...own.flatMap(rowWrites)]), number, settings);
  let expected = expectation();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await store.settle?.();
    const input = await store.read();
    const broken = own.filter((o) => rowState(input, o) !== "ours");
    if (broken.length > 0) {
      // A co-author's stale write landed on a row after it was placed: put it right, and look again.
      await store.apply({ append: [], cells: broken.flatMap(rowWrites) });
      continue;
    }
    const again = settled(input, own, number, placed.isNew, settings.poPrefix);
    const moved = again.own.filter((o, i) => o.values.some((v, j) => v !== own[i].values[j]));
    if (moved.length > 0) {
      ({ own, number } = again);
      await store.apply({ append: [], cells: moved.flatMap(finalCells) });
      expected = expectation();
      continue;
    }
    const po = readOrderBook(input, settings, []).byNumber.get(number);
    if (!po) throw new Error(`Purchase order ${number} is no longer on the Purchase Orders sheet.`);
    const now = orderFromBook(po);
    if (!now.ok) return { order: { ...placed.fallback, number }, notSent: { kind: "unsent", reason: now.reason } };
    // As written; or the same contents under a higher Revision, which a co-author gave this very state and sends the same.
    if (expected && sameContents(now.order, expected) && now.order.revision >= expected.revision) return send(store, now.order, input, settings, options.integration);
    // Someone else's edit merged into this one: what the workbook holds now is a revision of its own.
    const bump = rowCells(sheetLayout(input, "Purchase Orders", PO_FIELDS)!, po.row, {
      revision: Math.max(po.revision, expected?.revision ?? 0) + 1,
      ...(settings.integrationUrl ? { syncStatus: PENDING } : {}),
    });
    if (bump.length === 0) return send(store, now.order, input, settings, options.integration); // no Revision column: nothing to tell revisions apart by
    await store.apply({ append: [], cells: bump });
    reference = { input, cells: bump };
    expected = expectation();
  }
  throw new Error(`Purchase order ${number} kept being changed by co-authors while it was saved: it is in the workbook, not sent; send it again from Logistics.`);
}

/** Everything sent but the revision. */
const sameContents = (a: Order, b: Order) => orderPayload({ ...a, revision: 0 }) === orderPayload({ ...b, revision: 0 });

function expectedOrder(input: WorkbookInput, number: string, settings: Settings): Order | undefined {
  const po = readOrderBook(input, settings, []).byNumber.get(number);
  const read = po && orderFromBook(po);
  return read?.ok ? read.order : undefined;
}

async function send(store: OrderStore, order: Order, input: WorkbookInput, settings: Settings, integration?: Integration): Promise<Committed> {
  const where = destination(settings.integrationUrl, integration?.endpoint);
  if (where.kind === "none") return { order };
  if (where.kind !== "send") return { order, notSent: where };
  const outcome = await sendOrder(order, { random: Math.random, ...integration!, url: where.url, key: where.key });
  await store.apply(syncWrites(input, order.number, outcome));
  return { order: { ...order, externalId: outcome.externalId, syncStatus: outcome.syncStatus, lastSynced: outcome.lastSynced }, outcome };
}
