import type { ActionResult } from "../core/orders/create";
import { destination, type StoredEndpoint } from "../core/orders/endpoint";
import { orderFromBook } from "../core/orders/order";
import { readOrderBook } from "../core/orders/purchaseOrders";
import { sendOrder, syncWrites } from "../core/orders/sync";
import { commitEdit, commitNewOrder, type Committed, type Integration, type OrderStore } from "../core/orders/workflow";
import type { Settings } from "../core/settings";
import { fetchTransport, wait, webCryptoSigner } from "../integration/http";
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
