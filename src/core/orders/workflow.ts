import type { WorkbookInput } from "../input";
import type { Settings } from "../settings";
import { claimed, newNonce, numberPart } from "./claims";
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

/** Several new orders accepted together ("Create orders"): their rows and cells go in one write. */
export type AcceptedOrders = { orders: Order[]; writes: Writes };

export async function commitNewOrder(store: OrderStore, accepted: Accepted, options: CommitOptions): Promise<Committed> {
  const [done] = await commitNewOrders(store, { orders: [accepted.order], writes: accepted.writes }, options);
  return done;
}

/**
 * New orders written in one write and settled together: one read-back serves them
 * all (a co-author's rows or numbers move ours as they would move one order's), then
 * each is sent. Answers one outcome per order, in the order given.
 */
export async function commitNewOrders(store: OrderStore, accepted: AcceptedOrders, options: CommitOptions): Promise<Committed[]> {
  if (accepted.orders.length === 0) return [];
  if (!store.settle) return writeAndSend(store, accepted, options);
  const base = await store.read();
  const rows = claimRows(base, accepted, options);
  if (typeof rows === "string") return accepted.orders.map((order) => ({ order, refused: rows }));
  const placed = await placeRows(store, rows, accepted.writes.cells);
  const pieces = accepted.orders.map((order) => ({ number: order.number, fallback: order, own: placed.own.filter((o) => ownerOf(o) === order.number) }));
  return settleAndSend(store, { base, input: placed.input, pieces, cells: [], isNew: true }, options);
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
  const one = { orders: [accepted.order], writes: accepted.writes };
  if (!store.settle) return (await writeAndSend(store, one, options))[0];
  const rows = claimRows(base, one, options);
  if (typeof rows === "string") return { order: accepted.order, refused: rows };
  // Added lines are placed first, under their claim; the header's cells go with their numbers, so the edit shows at once.
  const placed = rows.length > 0 ? await placeRows(store, rows) : { own: [], input: base };
  const pieces = [{ number, fallback: accepted.order, own: placed.own }];
  return (await settleAndSend(store, { base, input: placed.input, pieces, cells: accepted.writes.cells, isNew: false }, options))[0];
}

/** Nobody else writes the workbook: the action's rows go in as they are, and the orders are sent as accepted. */
async function writeAndSend(store: OrderStore, accepted: AcceptedOrders, options: CommitOptions): Promise<Committed[]> {
  await store.apply(accepted.writes);
  const input = await store.read();
  const done: Committed[] = [];
  for (const order of accepted.orders) done.push(await send(store, order, input, options.settings, options.integration));
  return done;
}

/** The order a placed row belongs to: the number its claim stands for. */
const ownerOf = (own: OwnRow): string => numberPart(String(own.values[own.numberAt]));

/** The appended rows of an accepted action, each with its order's claim in its PO Number cell. */
function claimRows(base: WorkbookInput, accepted: AcceptedOrders, options: CommitOptions): Omit<OwnRow, "row">[] | string {
  const nonce = newNonce(options.random ?? Math.random);
  const numbers = new Set(accepted.orders.map((o) => o.number));
  const layouts = [sheetLayout(base, "Purchase Orders", { number: PO_FIELDS.number }), sheetLayout(base, "PO Lines", { number: LINE_FIELDS.number, line: LINE_FIELDS.line })];
  const rows: Omit<OwnRow, "row">[] = [];
  for (const append of accepted.writes.append) {
    const layout = layouts.find((l) => l?.sheet === append.sheet && l.table === append.table);
    const at = (field: "number" | "line") => {
      const col = (layout?.columns as Map<string, number> | undefined)?.get(field);
      return col === undefined ? undefined : col - append.col;
    };
    const numberAt = at("number") ?? -1;
    const number = append.values[numberAt];
    if (typeof number !== "string" || !numbers.has(number)) {
      return "The Purchase Orders or PO Lines sheet changed while the order was prepared (its columns moved): open it again and retry.";
    }
    const lineAt = layout === layouts[1] ? at("line") : undefined;
    const claim = claimed(number, nonce);
    rows.push({ ...append, numberAt, lineAt, values: append.values.map((v, i) => (i === numberAt ? claim : v)) });
  }
  return rows;
}

/** The cells that make a placed row final: its PO Number (the claim gone) and its Line. */
const finalCells = (own: OwnRow): CellWrite[] =>
  [own.numberAt, ...(own.lineAt === undefined ? [] : [own.lineAt])].map((i) => ({ sheet: own.sheet, row: own.row, col: own.col + i, value: own.values[i] }));

/** One order being settled: its number (as settled so far), its placed rows, and the order as accepted. */
interface Piece {
  number: string;
  own: OwnRow[];
  /** The order as accepted, for the answer when the workbook's cannot be read back. */
  fallback: Order;
}

interface Placed {
  /** The workbook before the write: with our cells laid over it, it is what the orders should read as. */
  base: WorkbookInput;
  /** The workbook as read when our rows were placed. */
  input: WorkbookInput;
  pieces: Piece[];
  /** Cells of existing rows the action changes (an edit's). */
  cells: CellWrite[];
  /** A new order's number may be another's too; an edit keeps its number. */
  isNew: boolean;
}

const MAX_ROUNDS = 12;

const allOwn = (pieces: Piece[]): OwnRow[] => pieces.flatMap((p) => p.own);

/**
 * Our rows with numbers nobody else holds, and added lines with a line number of
 * their own. Orders are settled one after the other over the workbook as the
 * earlier ones leave it, so that two of ours never move onto one number.
 */
function settled(input: WorkbookInput, pieces: Piece[], isNew: boolean, prefix: string): Piece[] {
  let view = input;
  return pieces.map((piece) => {
    const number = isNew && piece.own.length > 0 ? settledNumber(view, piece.own[0].row, piece.number, prefix) : piece.number;
    const own = settleLines(view, withNumber(piece.own, number), number);
    view = overlay(view, own.flatMap(finalCells));
    return { ...piece, number, own };
  });
}

/**
 * Makes the placed rows final (numbers settled, the claims gone, the edit's cells)
 * in one write, then reads the orders back after co-authors' changes have arrived,
 * until they read as written: rows put right, a number or line number another took
 * moved on, and a co-author's concurrent edit of the same order made a revision of
 * its own (two edits must not both become one Revision with different contents).
 * Then sends them.
 */
async function settleAndSend(store: OrderStore, placed: Placed, options: CommitOptions): Promise<Committed[]> {
  const { settings } = options;
  let pieces = settled(placed.input, placed.pieces, placed.isNew, settings.poPrefix);
  await store.apply({ append: [], cells: [...placed.cells, ...allOwn(pieces).flatMap(finalCells)] });
  // What the orders should read as: the workbook they were written over (or, after a new revision, the one adopted) with our cells.
  let reference = { input: placed.base, cells: placed.cells };
  const expectation = () => {
    const view = overlay(reference.input, [...reference.cells, ...allOwn(pieces).flatMap(rowWrites)]);
    return pieces.map((p) => expectedOrder(view, p.number, settings));
  };
  let expected = expectation();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await store.settle?.();
    const input = await store.read();
    const broken = allOwn(pieces).filter((o) => rowState(input, o) !== "ours");
    if (broken.length > 0) {
      // A co-author's stale write landed on a row after it was placed: put it right, and look again.
      await store.apply({ append: [], cells: broken.flatMap(rowWrites) });
      continue;
    }
    const again = settled(input, pieces, placed.isNew, settings.poPrefix);
    const before = allOwn(pieces);
    const moved = allOwn(again).filter((o, i) => o.values.some((v, j) => v !== before[i].values[j]));
    if (moved.length > 0) {
      pieces = again;
      await store.apply({ append: [], cells: moved.flatMap(finalCells) });
      expected = expectation();
      continue;
    }
    const book = readOrderBook(input, settings, []);
    const layout = sheetLayout(input, "Purchase Orders", PO_FIELDS)!;
    const answers: (Order | Committed)[] = [];
    const bumps: CellWrite[] = [];
    for (const [i, piece] of pieces.entries()) {
      const po = book.byNumber.get(piece.number);
      if (!po) throw new Error(`Purchase order ${piece.number} is no longer on the Purchase Orders sheet.`);
      const now = orderFromBook(po);
      const want = expected[i];
      if (!now.ok) answers.push({ order: { ...piece.fallback, number: piece.number }, notSent: { kind: "unsent", reason: now.reason } });
      // As written; or the same contents under a higher Revision, which a co-author gave this very state and sends the same.
      else if (want && sameContents(now.order, want) && now.order.revision >= want.revision) answers.push(now.order);
      else {
        // Someone else's edit merged into this one: what the workbook holds now is a revision of its own.
        const bump = rowCells(layout, po.row, { revision: Math.max(po.revision, want?.revision ?? 0) + 1, ...(settings.integrationUrl ? { syncStatus: PENDING } : {}) });
        // No Revision column: nothing to tell revisions apart by, so it is sent as it is.
        if (bump.length === 0) answers.push(now.order);
        bumps.push(...bump);
      }
    }
    if (bumps.length > 0) {
      await store.apply({ append: [], cells: bumps });
      reference = { input, cells: bumps };
      expected = expectation();
      continue;
    }
    const done: Committed[] = [];
    for (const answer of answers) done.push("lines" in answer ? await send(store, answer, input, settings, options.integration) : answer);
    return done;
  }
  if (pieces.length === 1) {
    throw new Error(`Purchase order ${pieces[0].number} kept being changed by co-authors while it was saved: it is in the workbook, not sent; send it again from Logistics.`);
  }
  const numbers = pieces.map((p) => p.number).join(", ");
  throw new Error(`Purchase orders ${numbers} kept being changed by co-authors while they were saved: they are in the workbook, not sent; send them again from Logistics.`);
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
