import type { WorkbookInput } from "../input";
import type { Settings } from "../settings";
import { settleNumber } from "./numbering";
import type { Order } from "./order";
import { type SendOptions, sendOrder, type SyncOutcome, syncWrites } from "./sync";
import type { Writes } from "./writes";

/**
 * The order of steps once an action is accepted, for any adapter: write, settle the
 * number (co-authoring), and only then send, recording the outcome. The order is in
 * the workbook before the network is touched, so an outage cannot lose it.
 */
export interface OrderStore {
  read(): Promise<WorkbookInput>;
  /** Applies writes; answers the worksheet rows it appended, per worksheet, in order. */
  apply(writes: Writes): Promise<Map<string, number[]>>;
}

/** Sending needs the key from the add-in's storage; without one the order stays `pending`. */
export type Integration = Omit<SendOptions, "url">;

export interface Committed {
  order: Order;
  outcome?: SyncOutcome;
}

export async function commitNewOrder(store: OrderStore, accepted: { order: Order; writes: Writes }, settings: Settings, integration?: Integration): Promise<Committed> {
  const [header, ...lines] = accepted.writes.append;
  const appended = await store.apply(accepted.writes);
  const ours = { number: accepted.order.number, headerRow: appended.get(header.sheet)![0], lineRows: lines.length ? appended.get(lines[0].sheet)! : [] };
  const number = await settleNumber({ read: () => store.read(), writeCells: async (cells) => void (await store.apply({ append: [], cells })) }, ours, settings.poPrefix);
  return send(store, { ...accepted.order, number }, settings, integration);
}

export async function commitEdit(store: OrderStore, accepted: { order: Order; writes: Writes }, settings: Settings, integration?: Integration): Promise<Committed> {
  await store.apply(accepted.writes);
  return send(store, accepted.order, settings, integration);
}

async function send(store: OrderStore, order: Order, settings: Settings, integration?: Integration): Promise<Committed> {
  if (!settings.integrationUrl || !integration) return { order };
  const outcome = await sendOrder(order, { ...integration, url: settings.integrationUrl });
  await store.apply(syncWrites(await store.read(), order.number, outcome));
  return { order: { ...order, externalId: outcome.externalId, syncStatus: outcome.syncStatus, lastSynced: outcome.lastSynced }, outcome };
}
