import type { WorkbookInput } from "../input";
import type { Settings } from "../settings";
import { claimed, newNonce } from "./claims";
import { type OrderStore, type OwnRow, overlay, placeRows, rowState, rowWrites, settledNumber, withNumber } from "./coauthoring";
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
  const base = await store.read();
  const rows = claimRows(base, accepted, options);
  if (typeof rows === "string") return { order: accepted.order, refused: rows };
  const placed = await placeRows(store, rows, accepted.writes.cells);
  const number = settledNumber(placed.input, placed.own[0].row, accepted.order.number, options.settings.poPrefix);
  const own = withNumber(placed.own, number);
  await store.apply({ append: [], cells: own.map(numberCell) });
  return confirmAndSend(store, { base, own, cells: [], number, renumber: true, fallback: { ...accepted.order, number } }, options);
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
  let own: OwnRow[] = [];
  if (accepted.writes.append.length > 0) {
    const rows = claimRows(base, accepted, options);
    if (typeof rows === "string") return { order: accepted.order, refused: rows };
    const placed = await placeRows(store, rows, accepted.writes.cells);
    own = withNumber(placed.own, number);
    await store.apply({ append: [], cells: own.map(numberCell) });
  } else {
    await store.apply(accepted.writes);
  }
  return confirmAndSend(store, { base, own, cells: accepted.writes.cells, number, renumber: false, fallback: accepted.order }, options);
}

/** The appended rows of an accepted action, each with the claim in its PO Number cell. */
function claimRows(base: WorkbookInput, accepted: Accepted, options: CommitOptions): Omit<OwnRow, "row">[] | string {
  const claim = claimed(accepted.order.number, newNonce(options.random ?? Math.random));
  const layouts = [sheetLayout(base, "Purchase Orders", { number: PO_FIELDS.number }), sheetLayout(base, "PO Lines", { number: LINE_FIELDS.number })];
  const rows: Omit<OwnRow, "row">[] = [];
  for (const append of accepted.writes.append) {
    const col = layouts.find((l) => l?.sheet === append.sheet && l.table === append.table)?.columns.get("number");
    const numberAt = col === undefined ? -1 : col - append.col;
    if (append.values[numberAt] !== accepted.order.number)
      return "The Purchase Orders or PO Lines sheet changed while the order was prepared (its columns moved): open it again and retry.";
    rows.push({ ...append, numberAt, values: append.values.map((v, i) => (i === numberAt ? claim : v)) });
  }
  return rows;
}

const numberCell = (own: OwnRow): CellWrite => ({ sheet: own.sheet, row: own.row, col: own.col + own.numberAt, value: own.values[own.numberAt] });

interface Written {
  /** The workbook before the write: with our cells laid over it, it is what the order should read as. */
  base: WorkbookInput;
  own: OwnRow[];
  cells: CellWrite[];
  number: string;
  /** A new order's number may still be taken by another's; an edit keeps its number. */
  renumber: boolean;
  /** The order as accepted, for the answer when the workbook's cannot be read back. */
  fallback: Order;
}

const MAX_ROUNDS = 12;

/**
 * Reads the order back after co-authors' changes have arrived, until it reads as
 * this add-in wrote it: rows put right, a number another header took moved on,
 * and a co-author's concurrent edit of the same order made a revision of its own
 * (two edits must not both become one Revision with different contents). Then sends it.
 */
async function confirmAndSend(store: OrderStore, written: Written, options: CommitOptions): Promise<Committed> {
  const { settings } = options;
  let { own, number } = written;
  let expected = expectedOrder(overlay(written.base, [...written.cells, ...own.flatMap(rowWrites)]), number, settings);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await store.settle();
    const input = await store.read();
    const broken = own.filter((o) => rowState(input, o) !== "ours");
    if (broken.length > 0) {
      // A co-author's stale write landed on a row after it was settled: put it right, and look again.
      await store.apply({ append: [], cells: broken.flatMap(rowWrites) });
      continue;
    }
    if (written.renumber && own.length > 0) {
      const moved = settledNumber(input, own[0].row, number, settings.poPrefix);
      if (moved !== number) {
        number = moved;
        own = withNumber(own, number);
        await store.apply({ append: [], cells: own.map(numberCell) });
        expected = expectedOrder(overlay(input, own.flatMap(rowWrites)), number, settings);
        continue;
      }
    }
    const po = readOrderBook(input, settings, []).byNumber.get(number);
    if (!po) throw new Error(`Purchase order ${number} is no longer on the Purchase Orders sheet.`);
    const now = orderFromBook(po);
    if (!now.ok) return { order: { ...written.fallback, number }, notSent: { kind: "unsent", reason: now.reason } };
    if (expected && orderPayload(now.order) === orderPayload(expected)) return send(store, now.order, input, settings, options.integration);
    // Someone else's edit merged into this one: what the workbook holds now is a revision of its own.
    const bump = rowCells(sheetLayout(input, "Purchase Orders", PO_FIELDS)!, po.row, {
      revision: Math.max(po.revision, expected?.revision ?? 0) + 1,
      ...(settings.integrationUrl ? { syncStatus: PENDING } : {}),
    });
    if (bump.length === 0) return send(store, now.order, input, settings, options.integration); // no Revision column: nothing to tell revisions apart by
    await store.apply({ append: [], cells: bump });
    expected = expectedOrder(overlay(input, bump), number, settings);
  }
  throw new Error(`Purchase order ${number} kept being changed by co-authors while it was saved: it is in the workbook, not sent; send it again from Logistics.`);
}

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
