import { isoFromDay } from "../dates";
import type { WorkbookInput } from "../input";
import { isIntegrationUrl } from "../settings";
import type { Order } from "./order";
import { numbersInWorkbook } from "./numbering";
import { PO_FIELDS } from "./purchaseOrders";
import { noWrites, rowCells, sheetLayout, type Writes } from "./writes";

/**
 * Sending an order to a WMS or ERP (ORDERS.md). The core builds the body, the
 * signature, the retries and the cells to write; the network and the HMAC come
 * in as functions, so that the same code runs in Excel (browser fetch and
 * WebCrypto) and in Node, and tests can use a real local server.
 */

export interface HttpRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The whole exchange, answer included: a server that drips its answer is cut off too. */
  timeoutMs: number;
  /** Bytes of the answer read at most; the rest is not downloaded. */
  maxAnswerBytes: number;
}

export interface HttpAnswer {
  status: number;
  /** The answer's text, its first `maxAnswerBytes` at most. */
  body: string;
  /** The answer was longer than `maxAnswerBytes`. */
  truncated: boolean;
  /** The `Retry-After` header, when there is one. */
  retryAfter?: string;
  /** A redirect the platform would not show (a browser's opaque redirect, status 0). */
  redirect?: boolean;
}

/** Resolves with any HTTP answer, never following a redirect; rejects (with a sentence) when there is none: unreachable, timed out. */
export type Transport = (request: HttpRequest) => Promise<HttpAnswer>;

/** HMAC-SHA256 of the message under the key, as lowercase hex. */
export type Signer = (key: string, message: string) => Promise<string>;

export interface SendOptions {
  /** The endpoint stored on this machine with the key (see `destination`), never the workbook's own setting. */
  url: string;
  /** The integration key from the add-in's storage; it goes into the signature only, never into the workbook. */
  key: string;
  transport: Transport;
  sign: Signer;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ random() < 1, for the jitter of the waits. */
  random?: () => number;
  /** Per try. */
  timeoutMs?: number;
  /** Tries in all, the first included. */
  attempts?: number;
  /** Wait before the second try (with jitter: half of it to all of it); doubled before each next one. */
  backoffMs?: number;
  /** The longest wait a `Retry-After` may ask for. */
  maxRetryAfterMs?: number;
  /** Tries and waits together stop within this. */
  totalMs?: number;
}

export interface SyncOutcome {
  sent: boolean;
  /** The answer's id, or the order's previous External ID when the answer had none to take. */
  externalId: string;
  /** `sent`, `failed: <reason>` or `pending`. */
  syncStatus: string;
  /** ISO time of the successful send; the previous value otherwise. */
  lastSynced: string;
  attempts: number;
  /** Something the buyer should know about a send that counts: why the answer's id was not taken. */
  note?: string;
}

export const SIGNATURE_HEADER = "X-Planster-Signature";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** The answer read at most (ORDERS.md). */
export const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_ID_LENGTH = 255;

export const SEND_DEFAULTS = { timeoutMs: 10_000, attempts: 4, backoffMs: 500, maxRetryAfterMs: 30_000, totalMs: 60_000 };

/** Same order, same revision, same key: the receiving system recognises a resend. */
export function idempotencyKey(order: Pick<Order, "number" | "revision">): string {
  return `${order.number}:${order.revision}`;
}

/**
 * What is signed: the time, the idempotency key and the body, so that a receiver
 * can refuse an old request replayed (the time) and a body moved under another
 * key. `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<key>.<body>">`.
 */
export async function signature(sign: Signer, key: string, unixSeconds: number, idempotency: string, body: string): Promise<string> {
  return `t=${unixSeconds},v1=${await sign(key, `${unixSeconds}.${idempotency}.${body}`)}`;
}

const isoOrNull = (day: number | undefined) => (day === undefined ? null : isoFromDay(day));

/**
 * The JSON body: the header's fields, `revision` and `lines`; amounts as exact
 * decimal strings. External ID, Sync Status and Last Synced are the send's own
 * bookkeeping, not the order: a resend of a revision is the same body.
 */
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

/** Milliseconds a `Retry-After` asks for (seconds, or an HTTP date), or undefined when it says nothing usable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * Sends once per try until an answer is final: 2xx is sent; a redirect is never
 * followed and is a failure (the order would go where the buyer did not mean);
 * network errors, timeouts, 408, 429 and 5xx are tried again after a wait
 * (backoff with jitter, or what `Retry-After` asks, capped), within a number of
 * tries and a total time. Key and body are the same on every try; the signature
 * is made anew with each try's time. Never throws: a failure is an outcome, and
 * the order stays as it is.
 */
export async function sendOrder(order: Order, options: SendOptions): Promise<SyncOutcome> {
  const { transport, sign, sleep, now } = options;
  const random = options.random ?? Math.random;
  const attempts = Math.max(1, options.attempts ?? SEND_DEFAULTS.attempts);
  const timeoutMs = options.timeoutMs ?? SEND_DEFAULTS.timeoutMs;
  const totalMs = options.totalMs ?? SEND_DEFAULTS.totalMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? SEND_DEFAULTS.maxRetryAfterMs;
  const failed = (reason: string, tries: number): SyncOutcome => ({
    sent: false,
    externalId: order.externalId,
    syncStatus: `failed: ${reason}`,
    lastSynced: order.lastSynced,
    attempts: tries,
  });
  if (!isIntegrationUrl(options.url)) return failed("the integration URL must be https: (or http: to this machine)", 0);
  const body = orderPayload(order);
  const key = idempotencyKey(order);
  const started = now().getTime();
  let reason = "not sent";
  let backoff = options.backoffMs ?? SEND_DEFAULTS.backoffMs;
  for (let tries = 1; tries <= attempts; tries++) {
    let answer: HttpAnswer | undefined;
    try {
      const at = now();
      const headers = {
        "Content-Type": "application/json",
        [IDEMPOTENCY_HEADER]: key,
        [SIGNATURE_HEADER]: await signature(sign, options.key, Math.floor(at.getTime() / 1000), key, body),
      };
      const left = totalMs - (at.getTime() - started);
      answer = await transport({ url: options.url, body, headers, timeoutMs: Math.max(1, Math.min(timeoutMs, left)), maxAnswerBytes: MAX_ANSWER_BYTES });
    } catch (error) {
      reason = (error as Error).message || "no answer";
    }
    if (answer) {
      if (answer.status >= 200 && answer.status < 300) return sentOutcome(order, answer, now(), tries);
      if (answer.redirect || (answer.status >= 300 && answer.status < 400)) {
        return failed(
          `the integration answered with a redirect${answer.status ? ` (HTTP ${answer.status})` : ""}, which is never followed: check the URL stored in Settings`,
          tries,
        );
      }
      reason = `HTTP ${answer.status}${shortText(answer.body)}`;
      if (!retryable(answer.status)) return failed(reason, tries);
    }
    if (tries === attempts) break;
    const asked = retryAfterMs(answer?.retryAfter, now());
    const wait = asked !== undefined ? Math.min(asked, maxRetryAfterMs) : backoff * (0.5 + random() / 2);
    backoff *= 2;
    const elapsed = now().getTime() - started;
    if (elapsed + wait >= totalMs)
      return failed(`${reason} (gave up after ${tries} ${tries === 1 ? "try" : "tries"} in ${seconds(elapsed)}: the next was due after the ${seconds(totalMs)} allowed)`, tries);
    await sleep(wait);
  }
  return failed(`${reason} (after ${attempts} ${attempts === 1 ? "try" : "tries"})`, attempts);
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

function sentOutcome(order: Order, answer: HttpAnswer, at: Date, tries: number): SyncOutcome {
  const id = answerId(answer);
  const outcome: SyncOutcome = { sent: true, externalId: order.externalId, syncStatus: "sent", lastSynced: at.toISOString(), attempts: tries };
  if (typeof id === "string" && id !== "") outcome.externalId = id;
  else if (typeof id === "object") outcome.note = id.note;
  return outcome;
}

/** The answer's `id` as text; a note when there is one that cannot be taken; undefined when the answer has none. */
function answerId(answer: HttpAnswer): string | { note: string } | undefined {
  if (answer.truncated) return { note: `The answer was longer than ${MAX_ANSWER_BYTES / 1024} KB, so no External ID was taken from it.` };
  let id: unknown;
  try {
    id = (JSON.parse(answer.body) as { id?: unknown } | null)?.id;
  } catch {
    return undefined;
  }
  if (id === undefined || id === null) return undefined;
  const text = typeof id === "number" && Number.isFinite(id) ? String(id) : id;
  if (typeof text !== "string") return { note: "The answer's id is not text or a number, so it was not taken as External ID." };
  if (text.length > MAX_ID_LENGTH) return { note: `The answer's id is longer than ${MAX_ID_LENGTH} characters, so it was not taken as External ID.` };
  if (!PRINTABLE.test(text)) return { note: "The answer's id holds characters that are not printable, so it was not taken as External ID." };
  return text;
}

/** Letters, digits, punctuation and spaces: no control or formatting characters (a right-to-left override would disguise the id). */
const PRINTABLE = /^[^\p{C}]*$/u;

/** The start of a refusal's text, on one line and without control characters, for Sync Status. */
function shortText(body: string): string {
  const text = body
    .replace(/[\p{C}\s]+/gu, " ")
    .trim()
    .slice(0, 120);
  return text ? `: ${text}` : "";
}

/** `pending` before the send: a PO whose send never completed shows so and can be sent again. */
export const PENDING = "pending";

/** The External ID, Sync Status and Last Synced cells of the order's header row after a send. */
export function syncWrites(input: WorkbookInput, number: string, outcome: SyncOutcome): Writes {
  const layout = sheetLayout(input, "Purchase Orders", PO_FIELDS);
  const row = numbersInWorkbook(input).headers.find((h) => h.number === number)?.row;
  if (!layout || row === undefined) return noWrites();
  // Nothing known stays a blank cell, not an empty text.
  return { append: [], cells: rowCells(layout, row, { externalId: outcome.externalId || null, syncStatus: outcome.syncStatus, lastSynced: outcome.lastSynced || null }) };
}
