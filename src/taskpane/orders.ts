import type { ActionResult } from "../core/orders/create";
import { settleNumber } from "../core/orders/numbering";
import type { Change, WorkbookHost } from "./host";

/**
 * A new order's writes as a pane change: after writing, its number is settled
 * against co-authors' orders (ORDERS.md), and the message names the number the
 * order ends with.
 */
export function newOrderChange(host: WorkbookHost, result: ActionResult, prefix: string, message: (number: string) => string): Change {
  if (!result.ok) return result;
  const { order, writes } = result;
  return {
    ok: true,
    writes,
    then: async (applied) => {
      // The create action appends the header first, then its lines.
      const [headerRow, ...lineRows] = applied.appendedRows;
      const store = { read: () => host.read(), writeCells: async (cells: typeof writes.cells) => void (await host.apply({ append: [], cells })) };
      return message(await settleNumber(store, { number: order.number, headerRow, lineRows }, prefix));
    },
  };
}
