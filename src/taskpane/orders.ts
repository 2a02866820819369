import type { ActionResult } from "../core/orders/create";
import type { Order } from "../core/orders/order";
import { sendOrder, syncWrites } from "../core/orders/sync";
import { commitEdit, commitNewOrder, type Committed, type Integration, type OrderStore } from "../core/orders/workflow";
import type { Settings } from "../core/settings";
import { fetchTransport, wait, webCryptoSigner } from "../integration/http";
import type { Change, WorkbookHost } from "./host";
import type { Notice } from "./pane";

/** Where the integration key lives in the add-in's storage (never in the workbook). */
export const INTEGRATION_KEY = "planster.integrationKey";

/** The orders workflow's store over the pane's host: appended rows per worksheet, in order. */
export function orderStore(host: WorkbookHost): OrderStore {
  return {
    read: () => host.read(),
    apply: async (writes) => {
      const { appendedRows } = await host.apply(writes);
      const bySheet = new Map<string, number[]>();
      writes.append.forEach((a, i) => bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), appendedRows[i]]));
      return bySheet;
    },
  };
}

/** Sending needs the key kept on this machine; without it an integrated order stays `pending`. */
export function integration(host: WorkbookHost): Integration | undefined {
  const key = host.secrets.get(INTEGRATION_KEY);
  if (!key) return undefined;
  return { key, transport: fetchTransport(), sign: webCryptoSigner(), now: () => new Date(), sleep: wait };
}

/** What the user reads after an order is written and, with an integration, sent. */
function outcomeNotice(done: Committed, what: string, settings: Settings, keyStored: boolean): Notice {
  const { order, outcome } = done;
  if (outcome?.sent) return { intent: "success", title: "Saved and sent", text: `${what} Sent to the integration${order.externalId ? ` (External ID ${order.externalId})` : ""}.` };
  if (outcome)
    return { intent: "warning", title: "Saved, not sent", text: `${what} Sending ${outcome.syncStatus}; the order is safe in the workbook and can be sent again from Logistics.` };
  if (settings.integrationUrl && !keyStored) {
    return { intent: "warning", title: "Saved, not sent", text: `${what} No integration key is stored on this machine (Settings), so it is marked pending.` };
  }
  return { intent: "success", title: "Saved", text: what };
}

/** A new order (its number settled against co-authors', then sent when there is an integration). */
export function newOrderChange(host: WorkbookHost, result: ActionResult, settings: Settings, what: (number: string) => string): Change {
  if (!result.ok) return result;
  return {
    ok: true,
    then: async () => {
      const done = await commitNewOrder(orderStore(host), result, settings, integration(host));
      return outcomeNotice(done, what(done.order.number), settings, integration(host) !== undefined);
    },
  };
}

/** An edit of an order (one more revision), then sent when there is an integration. */
export function editChange(host: WorkbookHost, result: ActionResult, settings: Settings, what: string): Change {
  if (!result.ok) return result;
  return {
    ok: true,
    then: async () => outcomeNotice(await commitEdit(orderStore(host), result, settings, integration(host)), what, settings, integration(host) !== undefined),
  };
}

/** Sends (or resends) an order as it stands, and records the outcome on its row. */
export function sendChange(host: WorkbookHost, order: Order, settings: Settings): Change {
  if (!settings.integrationUrl) return { ok: false, reason: "The workbook has no Integration URL (Settings sheet), so there is nowhere to send the order." };
  const options = integration(host);
  if (!options) return { ok: false, reason: "No integration key is stored on this machine: add it in Settings, then send again." };
  return {
    ok: true,
    then: async () => {
      const outcome = await sendOrder(order, { ...options, url: settings.integrationUrl });
      await host.apply(syncWrites(await host.read(), order.number, outcome));
      return outcomeNotice({ order: { ...order, externalId: outcome.externalId }, outcome }, `Purchase order ${order.number}, revision ${order.revision}.`, settings, true);
    },
  };
}
