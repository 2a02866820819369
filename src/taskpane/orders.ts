import type { Day } from "../core/dates";
import { readModel } from "../core/model";
import type { ActionResult } from "../core/orders/create";
import type { CreateOrdersResult } from "../core/orders/createOrders";
import { receive, type Receipt } from "../core/orders/receiving";
import { destination, type StoredEndpoint } from "../core/orders/endpoint";
import { orderFromBook } from "../core/orders/order";
import { readOrderBook } from "../core/orders/purchaseOrders";
import { sendOrder, syncWrites } from "../core/orders/sync";
import { commitEdit, commitNewOrder, commitNewOrders, type Committed, type Integration, type OrderStore } from "../core/orders/workflow";
import type { Settings } from "../core/settings";
import { fetchTransport, wait, webCryptoSigner } from "../integration/http";
import { money, plural } from "./format";
import type { Change, SecretStore, Told, WorkbookHost } from "./host";

/** Where the integration (its URL and key, kept together) lives in the add-in's storage on this machine, never in the workbook. */
export const INTEGRATION_STORE = "planster.integration";

export function storedEndpoint(secrets: SecretStore): StoredEndpoint | undefined {
  try {
    const stored = JSON.parse(secrets.get(INTEGRATION_STORE) ?? "null") as Partial<StoredEndpoint> | null;
    return typeof stored?.url === "string" && typeof stored.key === "string" && stored.url && stored.key ? { url: stored.url, key: stored.key } : undefined;
  } catch {
    return undefined;
  }
}

export function storeEndpoint(secrets: SecretStore, endpoint: StoredEndpoint | null): void {
  secrets.set(INTEGRATION_STORE, endpoint === null ? null : JSON.stringify(endpoint));
}

/** The orders workflow's store over the pane's host; co-authors' changes reach Excel within the host's settle time (none in memory). */
export function orderStore(host: WorkbookHost): OrderStore {
  const settleMs = host.coauthorSettleMs;
  return {
    read: () => host.read(),
    apply: async (writes) => (await host.apply(writes)).appendedRows,
    settle: settleMs === undefined ? undefined : () => wait(settleMs),
  };
}

/** The network, and the endpoint stored on this machine (if any). */
export function integration(host: WorkbookHost): Integration {
  return { endpoint: storedEndpoint(host.secrets), transport: fetchTransport(), sign: webCryptoSigner(), now: () => new Date(), sleep: wait };
}

/** What the user reads after an order is written and, with an integration, sent. */
function outcomeNotice(done: Committed, what: string): Told {
  const { order, outcome, notSent, refused } = done;
  if (refused) return { intent: "error", title: "Not saved", text: refused };
  if (outcome?.sent) {
    const id = order.externalId ? ` (External ID ${order.externalId})` : "";
    return { intent: "success", title: "Saved and sent", text: `${what} Sent to the integration${id}.${outcome.note ? ` ${outcome.note}` : ""}` };
  }
  if (outcome) {
    return { intent: "warning", title: "Saved, not sent", text: `${what} Sending ${outcome.syncStatus}; the order is safe in the workbook and can be sent again from Logistics.` };
  }
  if (notSent?.kind === "mismatch") return mismatchNotice(notSent.reason, what);
  if (notSent) return { intent: "warning", title: "Saved, not sent", text: `${what} ${notSent.reason} Store the integration's URL and key in Settings.` };
  return { intent: "success", title: "Saved", text: what };
}

/** Asks the buyer: a workbook naming another endpoint may be one shared by someone who wants the signed orders. */
function mismatchNotice(reason: string, what: string): Told {
  return {
    intent: "warning",
    title: "Not sent: is this where your orders go?",
    text: `${what} ${reason} If that address is your company's integration, store it with its key in Settings; otherwise correct the workbook's Integration URL. The order stays pending until then.`,
  };
}

/** A new order (written safely against co-authors', its number settled, then sent when there is an integration). */
export function newOrderChange(host: WorkbookHost, result: ActionResult, settings: Settings, what: (number: string) => string): Change {
  if (!result.ok) return result;
  return {
    ok: true,
    then: async () => {
      const done = await commitNewOrder(orderStore(host), result, { settings, integration: integration(host) });
      return outcomeNotice(done, what(done.order.number));
    },
  };
}

/** An edit of an order (one more revision, re-read before it is sent), then sent when there is an integration. */
export function editChange(host: WorkbookHost, result: ActionResult, settings: Settings, what: string): Change {
  if (!result.ok) return result;
  return {
    ok: true,
    then: async () => outcomeNotice(await commitEdit(orderStore(host), result, { settings, integration: integration(host) }), what),
  };
}

/** Sends (or resends) an order as the workbook holds it now, and records the outcome on its row. */
export function sendChange(host: WorkbookHost, number: string, settings: Settings): Change {
  const options = integration(host);
  const where = destination(settings.integrationUrl, options.endpoint);
  if (where.kind === "none") return { ok: false, reason: "The workbook has no Integration URL (Settings sheet), so there is nowhere to send the order." };
  if (where.kind === "mismatch") return { ok: false, reason: `${where.reason} If that address is your company's integration, store it with its key in Settings.` };
  if (where.kind === "unsent") return { ok: false, reason: `${where.reason} Add it in Settings, then send again.` };
  return {
    ok: true,
    then: async () => {
      // Re-read: the Revision sent must be the one the workbook holds (a co-author may have edited it since).
      const input = await host.read();
      const po = readOrderBook(input, settings, []).byNumber.get(number);
      const read = po ? orderFromBook(po) : { ok: false as const, reason: `Purchase order ${number} is no longer on the Purchase Orders sheet.` };
      if (!read.ok) return { intent: "error", title: "Not sent", text: read.reason };
      const outcome = await sendOrder(read.order, { ...options, url: where.url, key: where.key });
      await host.apply(syncWrites(input, number, outcome));
      return outcomeNotice({ order: { ...read.order, externalId: outcome.externalId }, outcome }, `Purchase order ${number}, revision ${read.order.revision}.`);
    },
  };
}

/** "Create orders" on Home: the accepted orders written in one write (settled against co-authors), then each sent when there is an integration. */
export function createOrdersChange(host: WorkbookHost, result: CreateOrdersResult, settings: Settings): Change {
  if (!result.ok) return result;
  const { orders, writes, leftOut, belowMinimum } = result;
  if (orders.length === 0) {
    const why = [...belowMinimum.map((b) => `${b.message}.`), ...leftOut.map((l) => l.reason)];
    return { ok: false, reason: `No order can be made from these lines. ${why.join(" ")}` };
  }
  return {
    ok: true,
    then: async () => {
      // Drafts are not sent: the buyer sends each once it is looked over.
      const done = await commitNewOrders(orderStore(host), { orders, writes }, { settings });
      const refused = done.find((d) => d.refused);
      if (refused) return outcomeNotice(refused, "");
      const made = done.map((d) => `${d.order.number} (${d.order.supplier} at ${d.order.warehouse}, ${money(d.order.total, d.order.currency)})`);
      const left = [...belowMinimum.map((b) => `Not created, below the supplier's minimum: ${b.message}.`), ...leftOut.map((l) => `Left out: ${l.reason}`)];
      const what = `Created ${made.join(", ")} as Drafts; the week's recommendations are now inbound supply.`;
      return { intent: left.length > 0 ? "warning" : "success", title: `${plural(done.length, "order")} created`, text: [what, ...left].join(" ") };
    },
  };
}

/** What "Receive" on an order asks: quantities per line on one day, and the delivery note if the buyer has one. */
export interface ReceiptRequest {
  poNumber: string;
  /** The order's Revision as the buyer saw it: a co-author's change meanwhile is not received over. */
  revision: number;
  lines: { line: number; quantity: number }[];
  date?: Day;
  deliveryNote?: string;
}

/** The pane's receipts as the core takes them; a delivery note becomes each line's Receipt ID (per line when there are several). */
export function receiptRows(request: ReceiptRequest): Receipt[] {
  const note = request.deliveryNote?.trim();
  return request.lines
    .filter((l) => l.quantity !== 0)
    .map((l, _i, all) => ({
      at: `line ${l.line}`,
      poNumber: request.poNumber,
      line: l.line,
      quantity: l.quantity,
      date: request.date,
      receiptId: note ? (all.length > 1 ? `${note}/${l.line}` : note) : undefined,
    }));
}

/**
 * "Receive" in Logistics: read the workbook again, so that what is received over is
 * what it holds now (refused when the order changed since the buyer opened it), add
 * the Receipts sheet if it is missing, then the receipts in one write.
 */
export function receiveChange(host: WorkbookHost, request: ReceiptRequest): Change {
  const rows = receiptRows(request);
  if (rows.length === 0) return { ok: false, reason: `Give the quantity received on at least one line of ${request.poNumber}.` };
  return {
    ok: true,
    then: async () => {
      const input = await host.read();
      const read = readModel(input, { today: host.today() });
      if (!read.ok) return { intent: "error", title: "Not received", text: read.error };
      const now = read.model.orderBook.byNumber.get(request.poNumber);
      if (now && now.revision !== request.revision) {
        return {
          intent: "error",
          title: "Not received",
          text: `Purchase order ${request.poNumber} was changed meanwhile (it is now revision ${now.revision}), perhaps by a co-author: look at it again, then receive.`,
        };
      }
      const result = receive({ model: read.model, input }, rows, host.today());
      if (!result.ok) return { intent: "error", title: "Not received", text: result.reason };
      const applied = result.outcomes.filter((o) => o.kind === "applied");
      if (applied.length > 0) {
        if (result.newSheets.length > 0) await host.writeSheets(result.newSheets);
        await host.apply(result.writes);
      }
      const status = result.orders.map((o) => `${o.number} is now ${o.status}.`);
      const text = [...result.outcomes.map((o) => o.message), ...status, ...result.notes].join(" ");
      const intent = applied.length === result.outcomes.length ? "success" : applied.length > 0 ? "warning" : "error";
      return { intent, title: applied.length > 0 ? "Received" : "Nothing received", text };
    },
  };
}
