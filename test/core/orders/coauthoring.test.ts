import { claimed, isClaim, numberPart } from "../../../src/core/orders/claims";
import { type OrderStore, placeRows, rowState, settledNumber } from "../../../src/core/orders/coauthoring";
import type { MemoryWorkbook } from "../../../src/workbook/memory";
import { shop } from "./fixture";

const claim = claimed("PO-0008", "abc123");
const header = (number: string, supplier: string, notes: string | null) =>
  ["PO Number", "Type", "Supplier", "Warehouse", "Status", "Order Date", "Expected Delivery", "Currency", "Total", "Notes"].map(
    (_, i) => [number, "Purchase Order", supplier, "MAIN", "Draft", 46349, 46370, "USD", 10, notes][i] ?? null,
  );

/** The workbook, and what a co-author's copy does to it while this one waits: merged last writer wins per cell. */
function store(book: MemoryWorkbook, meanwhile: (() => void)[]): OrderStore {
  return { read: async () => book.input(), apply: async (writes) => book.apply(writes), settle: async () => meanwhile.shift()?.() };
}

describe("rows written under a claim", () => {
  it("reads the number of a claim, and tells a claim from a number", () => {
    expect([claim, numberPart(claim), numberPart("PO-0008"), isClaim(claim), isClaim("PO-0008 (saving)")]).toEqual(["PO-0008 (saving abc123)", "PO-0008", "PO-0008", true, false]);
  });

  it("are written again below when a co-author's row took theirs, and put right when half of it is another's", async () => {
    const book = shop();
    const orders = book.sheet("Purchase Orders")!;
    const mine = { sheet: "Purchase Orders", col: 0, numberAt: 0, values: header(claim, "ACME", null) };
    const line = { sheet: "PO Lines", col: 0, numberAt: 0, values: [claim, 1, "WIDGET", 4, 2.5, 10, 0, null] };
    const done = await placeRows(
      store(book, [
        // While this copy waits, a co-author's header lands on row 2 over ours (its claim wins the PO Number cell),
        // and a co-author's cell lands in our line's row (an Expected Delivery where ours is blank).
        () => {
          orders[2] = header(claimed("PO-0008", "zzz999"), "BOLT", null);
          book.sheet("PO Lines")![2][7] = 46377;
        },
      ]),
      [mine, line],
    );
    // Our header went again below theirs (row 3); our line stayed on row 2, its stray cell put back to blank.
    expect(done.own.map((o) => o.row)).toEqual([3, 2]);
    expect(orders[2][2]).toBe("BOLT");
    expect(orders[3].slice(0, 3)).toEqual([claim, "Purchase Order", "ACME"]);
    expect(book.sheet("PO Lines")![2]).toEqual([claim, 1, "WIDGET", 4, 2.5, 10, 0, null]);
    expect(done.own.map((o) => rowState(done.input, o))).toEqual(["ours", "ours"]);
  });

  it("settle their number: the lowest header keeps it, the next below takes the highest in use + 1", () => {
    const book = shop();
    book.append("Purchase Orders", [header(claimed("PO-0008", "zzz999"), "BOLT", null), header(claim, "ACME", null)]);
    book.append("PO Lines", [["PO-0009", 1, "WIDGET", 1, 1, 1, 0]]); // a line of an order being typed by hand counts as used
    expect(settledNumber(book.input(), 2, "PO-0008", "PO-")).toBe("PO-0008");
    expect(settledNumber(book.input(), 3, "PO-0008", "PO-")).toBe("PO-0010");
  });
});
