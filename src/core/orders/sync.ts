import { isoFromDay } from "../dates";
import type { WorkbookInput } from "../input";
import type { Order } from "./order";
import { numbersInWorkbook } from "./numbering";
import { PO_FIELDS } from "./purchaseOrders";
import { noWrites, rowCells, sheetLayout, type Writes } from "./writes";

/**
 * Sending an order to a WMS or ERP (ORDERS.md). The core builds the body, the
 * signature input, the retries and the cells to write; the network and the HMAC
 * come in as functions, so that the same code runs in Excel (browser fetch and
 * WebCrypto) and in Node, and tests can use a real local server.
 */

export interface HttpRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** Resolves with any HTTP answer; rejects (with a sentence) when there is none: unreachable, timed out. */
export type Transport = (request: HttpRequest) => Promise<HttpAnswer>;

/** HMAC-SHA256 of the body under the key, as lowercase hex. */
export type Signer = (key: string, body: string) => Promise<string>;

export interface SendOptions {
  url: string;
  /** The integration key from the add-in's storage; it goes into the signature only, never into the workbook. */
  key: string;
  transport: Transport;
  sign: Signer;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** Tries in all, the first included. */
  attempts?: number;
  /** Wait before the second try; doubled before each next one. */
  backoffMs?: number;
}

export interface SyncOutcome {
  sent: boolean;
  /** The answer's id, or the order's previous External ID when the answer had none. */
  externalId: string;
  /** `sent` or `failed: <reason>`. */
  syncStatus: string;
  /** ISO time of the successful send; the previous value after a failure. */
  lastSynced: string;
  attempts: number;
}

export const SIGNATURE_HEADER = "X-Planster-Signature";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** Same order, same revision, same key: the receiving system recognises a resend. */
export function idempotencyKey(order: Pick<Order, "number" | "revision">): string {
  return `${order.number}:${order.revision}`;
}

const isoOrNull = (day: number | undefined) => (day === undefined ? null : isoFromDay(day));

/** The JSON body: header, lines and revision; amounts as exact decimal strings. */
export function orderPayload(order: Order): string {
  return JSON.stringify({
    poNumber: order.number,
    revision: order.revision,
    type: order.type,
    supplier: order.supplier,
    warehouse: order.warehouse,
    status: order.status,
    orderDate: isoOrNull(order.orderDate),
    expectedDelivery: isoOrNull(order.expectedDelivery),
    currency: order.currency,
    total: order.total.toFixed(2),
    notes: order.notes,
    lines: order.lines.map((line) => ({
      line: line.line,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice.toFixed(),
      lineTotal: line.lineTotal.toFixed(2),
      receivedQty: line.receivedQty,
      expectedDelivery: isoOrNull(line.expectedDelivery ?? order.expectedDelivery),
    })),
  });
}

/** Server errors and throttling may pass; other refusals will not, so they are not retried. */
const retryable = (status: number) => status >= 500 || status === 429 || status === 408;

/** Sends once per try until an answer is final. Never throws: a failure is an outcome, and the order stays as it is. */
export async function sendOrder(order: Order, options: SendOptions): Promise<SyncOutcome> {
  const { transport, sign, sleep, now } = options;
  const attempts = Math.max(1, options.attempts ?? 4);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const failed = (reason: string, tries: number): SyncOutcome => ({
    sent: false,
    externalId: order.externalId,
    syncStatus: `failed: ${reason}`,
    lastSynced: order.lastSynced,
    attempts: tries,
  });
  let body: string;
  let headers: Record<string, string>;
  try {
    body = orderPayload(order);
    headers = { "Content-Type": "application/json", [SIGNATURE_HEADER]: `sha256=${await sign(options.key, body)}`, [IDEMPOTENCY_HEADER]: idempotencyKey(order) };
  } catch (error) {
    return failed(`could not sign the order (${(error as Error).message})`, 0);
  }
  let reason = "not sent";
  let wait = options.backoffMs ?? 500;
  for (let tries = 1; tries <= attempts; tries++) {
    try {
      const answer = await transport({ url: options.url, body, headers, timeoutMs });
      if (answer.status >= 200 && answer.status < 300) {
        return { sent: true, externalId: answerId(answer.body) ?? order.externalId, syncStatus: "sent", lastSynced: now().toISOString(), attempts: tries };
      }
      reason = `HTTP ${answer.status}${shortText(answer.body)}`;
      if (!retryable(answer.status)) return failed(reason, tries);
    } catch (error) {
      reason = (error as Error).message || "no answer";
    }
    if (tries < attempts) {
      await sleep(wait);
      wait *= 2;
    }
  }
  return failed(`${reason} (after ${attempts} ${attempts === 1 ? "try" : "tries"})`, attempts);
}

/** The answer's `id` (or `externalId`), as text; undefined when the body is not such JSON. */
function answerId(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { id?: unknown; externalId?: unknown };
    const id = json.id ?? json.externalId;
    return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

function shortText(body: string): string {
  const text = body.replace(/\s+/g, " ").trim().slice(0, 120);
  return text ? `: ${text}` : "";
}

/** `pending` before the send: a PO whose send never completed shows so and can be sent again. */
export const PENDING = "pending";

/** The External ID, Sync Status and Last Synced cells of the order's header row after a send. */
export function syncWrites(input: WorkbookInput, number: string, outcome: SyncOutcome): Writes {
  const layout = sheetLayout(input, "Purchase Orders", PO_FIELDS);
  const row = numbersInWorkbook(input).headers.find((h) => h.number === number)?.row;
  if (!layout || row === undefined) return noWrites();
  return { append: [], cells: rowCells(layout, row, { externalId: outcome.externalId, syncStatus: outcome.syncStatus, lastSynced: outcome.lastSynced }) };
}
