import { X12Interchange, X12Parser } from "node-x12";
import { parseCsv as readCsv } from "../../../src/core/csv";
import { orderCsv } from "../../../src/core/orders/exportCsv";
import { poSheet, poSheetName, sharedOrder, type SharedOrder } from "../../../src/core/orders/share";
import { orderX12, x12Refusal } from "../../../src/core/orders/x12";
import { context, shop } from "./fixture";

/** PO-0007 plus a second line with its own date, and another supplier's order that must not leak. */
function twoLineOrder(): SharedOrder {
  const book = shop();
  book.sheet("SKUs")![4][5] = null; // GADGET priced by its supplier item only
  book.append("PO Lines", [["PO-0007", 2, "GADGET", 3, 19.995, null, 0, "2026-12-21"]]);
  book.append("Purchase Orders", [["PO-0008", "Purchase Order", "BOLT", "MAIN", "Draft", "2026-11-20", "2026-12-14", "EUR", 999, "secret note", 1]]);
  book.append("PO Lines", [["PO-0008", 1, "WIDGET", 5, 1.11, 5.55, 0]]);
  const shared = sharedOrder(context(book).model, "PO-0007");
  if (typeof shared === "string") throw new Error(shared);
  return shared;
}

describe("the PO sheet", () => {
  const spec = poSheet(twoLineOrder());

  it("holds the supplier, ship-to, dates, terms, lines and total, and nothing of other orders", () => {
    // Serials: 2026-11-02 = 46328, 2026-12-14 = 46370, 2026-12-21 = 46377.
    // Lines: 10 × 2.5 = 25.00; 3 × 19.995 = 59.985 → 59.99; total 84.99.
    expect(spec.name).toBe("PO PO-0007");
    expect(spec.rows).toEqual([
      ["Purchase Order PO-0007"],
      [],
      ["Supplier", "Acme Corp", null, null, "PO Number", "PO-0007"],
      ["Address", "1 Road Runner Way, Phoenix AZ", null, null, "Order Date", 46328],
      ["Payment Terms", "Net 30", null, null, "Expected Delivery", 46370],
      ["Ship To", "Main DC (MAIN)", null, null, "Currency", "USD"],
      [null, null, null, null, "Revision", 1],
      [],
      ["Line", "SKU", "Description", "Quantity", "Unit Price", "Line Total", "Delivery"],
      [1, "WIDGET", "Blue widget", 10, 2.5, 25, 46370],
      [2, "GADGET", "Gadget", 3, 19.995, 59.99, 46377],
      [null, null, null, null, "Total USD", 84.99],
    ]);
    const text = JSON.stringify(spec);
    for (const leak of ["BOLT", "Bolt", "secret", "1.11", "5.55", "999"]) expect(text).not.toContain(leak);
  });

  it("is formatted for print: dates, money, bold headings, one page wide", () => {
    expect(spec.print).toEqual({ fitToWidth: true, title: "Purchase Order PO-0007" });
    expect(spec.styles).toContainEqual({ fromRow: 9, toRow: 10, fromCol: 5, toCol: 5, style: { numberFormat: "#,##0.00" } });
    expect(spec.styles).toContainEqual({ fromRow: 9, toRow: 10, fromCol: 6, toCol: 6, style: { numberFormat: "yyyy-mm-dd" } });
  });

  it("has a name Excel accepts", () => {
    expect(poSheetName("A/B:C*D?[E]\\F-0001-very-long-number")).toBe("PO A_B_C_D__E__F-0001-very-long");
  });

  // Issue 10: sharing PO "Lines" named its sheet "PO Lines" and cleared the input sheet.
  it.each([
    ["Lines", "PO Lines (2)"],
    ["_lines", "PO _lines (2)"],
    ["-Summary", "PO -Summary (2)"],
    ["0007", "PO 0007"],
  ])("never takes an input or output sheet's name, compared loosely: PO %s → %s", (number, name) => {
    expect(poSheetName(number)).toBe(name);
  });
});

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1", "-2", "@SUM(A1:A2)", "\tTAB", "\rCR"];

/** RFC 4180 reader (core's, for WMS files), independent of the writer. */
const parseCsv = (text: string): string[][] => readCsv(text).rows;

describe("CSV", () => {
  it("is one row per line with exact amounts", () => {
    const rows = parseCsv(orderCsv(twoLineOrder()));
    expect(rows).toEqual([
      [
        "PO Number",
        "Order Date",
        "Supplier",
        "Supplier Name",
        "Payment Terms",
        "Ship To",
        "Ship To Name",
        "Currency",
        "Line",
        "SKU",
        "Description",
        "Quantity",
        "Unit Price",
        "Line Total",
        "Expected Delivery",
        "Order Total",
      ],
      // The total on every row: 25.00 + 59.99 = 84.99, as on the PO sheet.
      ["PO-0007", "2026-11-02", "ACME", "Acme Corp", "Net 30", "MAIN", "Main DC", "USD", "1", "WIDGET", "Blue widget", "10", "2.5", "25.00", "2026-12-14", "84.99"],
      ["PO-0007", "2026-11-02", "ACME", "Acme Corp", "Net 30", "MAIN", "Main DC", "USD", "2", "GADGET", "Gadget", "3", "19.995", "59.99", "2026-12-21", "84.99"],
    ]);
  });

  it.each(HOSTILE)("escapes %j in every text field", (evil) => {
    const shared = twoLineOrder();
    const order = { ...shared.order, number: evil, currency: evil, lines: shared.order.lines.map((l) => ({ ...l, sku: evil })) };
    const hostile: SharedOrder = {
      order,
      supplier: { code: evil, name: evil, address: evil, email: evil, paymentTerms: evil },
      shipTo: { code: evil, name: evil },
      descriptions: new Map([[evil, evil]]),
    };
    const rows = parseCsv(orderCsv(hostile));
    const textColumns = [0, 2, 3, 4, 5, 6, 7, 9, 10];
    for (const row of rows.slice(1)) {
      for (const c of textColumns) expect(row[c]).toBe(`'${evil}`);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe("EDI X12 850", () => {
  const shared = twoLineOrder();
  const edi = orderX12(shared, { now: new Date("2026-11-23T14:05:00Z"), controlNumber: 4711 });
  const interchange = new X12Parser(true).parse(edi) as X12Interchange;
  const group = interchange.functionalGroups[0];
  const transaction = group.transactions[0];
  const values = (segment: { elements: { value: string }[] }) => segment.elements.map((e) => e.value);

  it("parses strictly with an independent X12 library: counts and control numbers agree", () => {
    expect(interchange.functionalGroups).toHaveLength(1);
    expect(group.transactions).toHaveLength(1);
    // The library reads ISA13 as a number; the raw segment shows the fixed width (106 characters with its terminator).
    expect(values(interchange.header)).toEqual([
      "00",
      "          ",
      "00",
      "          ",
      "ZZ",
      "PLANSTER       ",
      "ZZ",
      "ACME           ",
      "261123",
      "1405",
      "U",
      "00401",
      "4711",
      "0",
      "P",
      ">",
    ]);
    const isa = edi.split("\n")[0];
    expect(isa).toBe("ISA*00*          *00*          *ZZ*PLANSTER       *ZZ*ACME           *261123*1405*U*00401*000004711*0*P*>~");
    expect(isa).toHaveLength(106);
    expect(values(group.header)).toEqual(["PO", "PLANSTER", "ACME", "20261123", "1405", "4711", "X", "004010"]);
    expect(values(transaction.header)).toEqual(["850", "0001"]);
    // ST + 9 segments (BEG CUR DTM N1 N1 PO1 PO1 DTM CTT) + SE = 11.
    expect(values(transaction.trailer)).toEqual(["11", "0001"]);
    expect(values(group.trailer)).toEqual(["1", "4711"]);
    expect(values(interchange.trailer)).toEqual(["1", "4711"]);
    expect(edi.trimEnd().split("\n").pop()).toBe("IEA*1*000004711~");
  });

  it("carries every field of the order", () => {
    expect(transaction.segments.map((s) => [s.tag, ...values(s)])).toEqual([
      ["BEG", "00", "SA", "PO-0007", "", "20261102"],
      ["CUR", "BY", "USD"],
      ["DTM", "002", "20261214"],
      ["N1", "SE", "Acme Corp", "92", "ACME"],
      ["N1", "ST", "Main DC", "92", "MAIN"],
      ["PO1", "1", "10", "EA", "2.5", "", "BP", "WIDGET"],
      ["PO1", "2", "3", "EA", "19.995", "", "BP", "GADGET"],
      ["DTM", "002", "20261221"],
      // 2 lines; hash total of quantities 10 + 3 = 13.
      ["CTT", "2", "13"],
    ]);
  });

  it.each([
    [{ revision: 2 }, "05"],
    [{ status: "Cancelled" as const }, "01"],
  ])("says a revision replaces, a cancellation cancels: %j → BEG01 %s", (change, code) => {
    const parsed = new X12Parser(true).parse(orderX12({ ...shared, order: { ...shared.order, ...change } }, { now: new Date("2026-11-23T00:00:00Z") })) as X12Interchange;
    expect(parsed.functionalGroups[0].transactions[0].segments[0].valueOf(1)).toBe(code);
  });

  // Issue 10: a separator was silently replaced by a space, so the supplier got another SKU than the workbook's. Now it is refused, naming the field.
  it.each([
    [
      "SKU holds the element separator",
      { lines: [shared.order.lines[0], { ...shared.order.lines[1], sku: "GAD*GET" }] },
      {},
      'the SKU of line 2 "GAD*GET" holds "*", the X12 element separator',
    ],
    [
      "supplier name holds the segment terminator",
      {},
      { supplier: { ...shared.supplier, name: "Acme~Tools" } },
      'the supplier\'s Name "Acme~Tools" holds "~", the X12 segment terminator',
    ],
    ["warehouse code holds the sub-element separator", {}, { shipTo: { ...shared.shipTo, code: "M>N" } }, 'the Warehouse code "M>N" holds ">", the X12 sub-element separator'],
    ["PO number holds the element separator", { number: "PO*7" }, {}, 'the PO Number "PO*7" holds "*"'],
  ])("refuses an order whose %s, naming the field", (_what, order, rest, reason) => {
    const hostile = { ...shared, ...rest, order: { ...shared.order, ...order } } as SharedOrder;
    expect(x12Refusal(hostile)).toContain(reason);
    expect(() => orderX12(hostile, { now: new Date("2026-11-23T00:00:00Z") })).toThrow(reason);
  });

  it("refuses a receiver id longer than ISA's 15 characters instead of cutting it (another party's id)", () => {
    const long = { ...shared, supplier: { ...shared.supplier, code: "SUPPLIER-0000001" } };
    expect(x12Refusal(long)).toContain('receiver id (the Supplier code) "SUPPLIER-0000001" is longer than the 15 characters');
  });

  it("carries a name typed on two lines as one line, and other punctuation as it is", () => {
    const named: SharedOrder = { ...shared, supplier: { ...shared.supplier, name: "Acme ^ Tools\r\nLtd." } };
    expect(x12Refusal(named)).toBeUndefined();
    const parsed = new X12Parser(true).parse(orderX12(named, { now: new Date("2026-11-23T00:00:00Z") })) as X12Interchange;
    const n1 = parsed.functionalGroups[0].transactions[0].segments.find((s) => s.tag === "N1")!;
    expect(n1.valueOf(2)).toBe("Acme ^ Tools Ltd.");
  });
});
