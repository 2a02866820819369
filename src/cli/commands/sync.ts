import type { WorkbookInput } from "../../core/input";
import { readModel } from "../../core/model";
import { destination } from "../../core/orders/endpoint";
import { orderFromBook } from "../../core/orders/order";
import type { PurchaseOrder } from "../../core/orders/purchaseOrders";
import { PENDING, sendOrder, type SyncOutcome, syncWrites } from "../../core/orders/sync";
import type { Writes } from "../../core/orders/writes";
import { fetchTransport, wait, webCryptoSigner } from "../../integration/http";
import { isInputName } from "../../workbook/officeSheet";
import { XlsxBook } from "../../workbook/xlsx";
import type { Command } from "../command";
import { CommandError, EXIT } from "../io";
import { reportProblems } from "../load";

/**
 * What `sync` needs of a workbook file: its values, the orders core's Writes, and
 * a save into OUT that keeps every other cell (XlsxBook: only the sheets the core
 * reads are read, and every part the writes do not touch is copied as it is).
 */
export interface SyncBook {
  input(): WorkbookInput;
  apply(writes: Writes): void;
  save(out: string): Promise<unknown>;
}

const openBook = (path: string): Promise<SyncBook> => XlsxBook.open(path, { sheets: isInputName });

/** Where the endpoint and its key come from for the command line: the user's environment, never the workbook. */
export const ENV = { url: "PLANSTER_INTEGRATION_URL", key: "PLANSTER_INTEGRATION_KEY", timeoutMs: "PLANSTER_SYNC_TIMEOUT_MS", tries: "PLANSTER_SYNC_TRIES" };

/** Orders still to send: never sent (`pending`) or sent and failed. */
function toSend(po: PurchaseOrder): boolean {
  const status = po.syncStatus.trim().toLowerCase();
  return status === PENDING || status.startsWith("failed:");
}

function positiveWhole(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CommandError(`${name} must be a whole number above 0, not "${text}".`);
  return Number(text);
}

export const sync: Command = {
  usage: "FILE [--out OUT]",
  summary: `sends every order whose Sync Status is pending or failed to the integration (${ENV.url} and ${ENV.key} from the environment); writes External ID, Sync Status and Last Synced into OUT (default FILE.synced.xlsx); exit 1 when some failed`,
  positionals: 1,
  options: { out: { type: "string" } },
  async run([file], options, io) {
    const url = process.env[ENV.url]?.trim() ?? "";
    const key = process.env[ENV.key] ?? "";
    if (!url || !key) throw new CommandError(`no integration on this machine: set ${ENV.url} and ${ENV.key} (the key is never read from the workbook).`);
    const timeoutMs = positiveWhole(ENV.timeoutMs);
    const attempts = positiveWhole(ENV.tries);
    const book = await openBook(file);
    const input = book.input();
    const read = readModel(input, { today: io.today });
    if (!read.ok) throw new CommandError(`${file}: ${read.error}`);
    const { model } = read;
    const where = destination(model.settings.integrationUrl, { url, key });
    if (where.kind === "none") throw new CommandError(`${file} has no Integration URL setting, so its orders are not meant to be sent anywhere.`);
    if (where.kind !== "send") throw new CommandError(`${file}: ${where.reason}`);
    const out = typeof options.out === "string" ? options.out : file.replace(/\.xlsx$/i, "") + ".synced.xlsx";
    const due = model.orderBook.orders.filter(toSend);
    const failed: string[] = [];
    for (const po of due) {
      const order = orderFromBook(po);
      const outcome: SyncOutcome = order.ok
        ? await sendOrder(order.order, {
            url: where.url,
            key: where.key,
            transport: fetchTransport(),
            sign: webCryptoSigner(),
            now: () => new Date(),
            sleep: wait,
            timeoutMs,
            attempts,
          })
        : { sent: false, externalId: po.externalId, syncStatus: `failed: ${order.reason}`, lastSynced: po.lastSynced, attempts: 0 };
      book.apply(syncWrites(input, po.number, outcome));
      const what = `${po.number} revision ${po.revision}`;
      if (outcome.sent) io.out(`${what}: sent${outcome.externalId ? ` (External ID ${outcome.externalId})` : ""}${outcome.note ? `. ${outcome.note}` : ""}\n`);
      else {
        failed.push(po.number);
        io.err(`planster sync: ${what}: ${outcome.syncStatus}\n`);
      }
    }
    await book.save(out);
    io.out(`${due.length === 0 ? "Nothing to send. " : ""}Wrote ${out}: ${due.length - failed.length} sent, ${failed.length} failed.\n`);
    reportProblems(model, io);
    return failed.length > 0 ? EXIT.problems : EXIT.done;
  },
};
