import { spend } from "../../../src/functions/answers";
import { orderCsv } from "../../../src/core/orders/exportCsv";
import { sharedOrder } from "../../../src/core/orders/share";
import { orderSummary } from "../../../src/core/orders/summary";
import { orderX12 } from "../../../src/core/orders/x12";
import { planned } from "../../helpers";
import { context, shop } from "./fixture";

/** PO-0007 (ACME, 10 × 2.50 = 25.00) with its Currency typed in lower case. */
function lowerCaseOrder() {
  const book = shop();
  book.sheet("Purchase Orders")![1][7] = "usd";
  return book;
}

describe("a PO's currency, one rule everywhere: its cell, else its supplier's, else the settings', in upper case", () => {
  it("the exports say USD, as PO Summary and SPEND count it", () => {
    const book = lowerCaseOrder();
    const { model } = context(book);
    const shared = sharedOrder(model, "PO-0007");
    if (typeof shared === "string") throw new Error(shared);
    expect(shared.order.currency).toBe("USD");
    expect(orderCsv(shared).split("\r\n")[1].split(",")[7]).toBe("USD");
    expect(orderX12(shared, { now: new Date(Date.UTC(2026, 10, 23)) })).toContain("CUR*BY*USD~");
    expect(orderSummary(model).totals.map((t) => [t.currency, t.committed.toFixed(2)])).toEqual([["USD", "25.00"]]);
    expect(spend(planned(book.input()), null, null, null, "USD")).toBe(25);
  });

  it("a blank Currency cell takes the supplier's (BOLT: EUR)", () => {
    const book = shop();
    book.append("Purchase Orders", [["PO-0009", "Purchase Order", "BOLT", "MAIN", "Submitted", "2026-11-20", "2026-12-14", null, null, "", 1]]);
    book.append("PO Lines", [["PO-0009", 1, "WIDGET", 4, 2.2, 8.8, 0]]);
    const shared = sharedOrder(context(book).model, "PO-0009");
    if (typeof shared === "string") throw new Error(shared);
    expect(shared.order.currency).toBe("EUR");
  });
});
