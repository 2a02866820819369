import { dayFromIso } from "../../../src/core/dates";
import { readReceiptFile } from "../../../src/core/orders/receiptFile";
import { receive, type ReceiptRow } from "../../../src/core/orders/receiving";
import { foldIntoNewSheets } from "../../../src/core/orders/writes";
import type { MemoryWorkbook } from "../../../src/workbook/memory";
import { planned, TODAY } from "../../helpers";
import { context, receivingShop, records, shop } from "./fixture";

const day = (iso: string) => dayFromIso(iso)!;

const FILE = [
  "PO Number,SKU,Line,Quantity,Date,Receipt ID",
  "PO-0007,WIDGET,,10,2026-11-23,R-1", // row 2: 10 of 10 → PO-0007 in full
  "PO-0008,,1,75,2026-11-24T08:15:00Z,R-2", // row 3: 20 + 75 = 95 of 100
  "PO-0008,,1,10,2026-11-24,R-3", // row 4: 105 of 100: the 5 % allow 105
  "PO-0008,GADGET,,3,2026-11-25,", // row 5: GADGET 3 of 50, no Receipt ID
  "PO-0008,,1,1,2026-11-25,R-4", // row 6: 106 > 105: refused
  "PO-0008,,2,3,2026-11-25,", // row 7: PO-0008 + line 2 + 2026-11-25 + 3 is row 5's key: skipped
  "PO-0009,WIDGET,,1,,R-5", // row 8: Received is read-only
  "PO-0099,WIDGET,,1,,R-6", // row 9: no such order
  "PO-0007,GADGET,,1,,R-7", // row 10: no GADGET line on PO-0007
  "PO-0008,,3,1,,R-8", // row 11: no line 3
  "PO-0007,WIDGET,,0,,R-9", // row 12: quantity 0
  'PO-0007,WIDGET,,"1,200",,', // row 13: not a number the add-in guesses
  "PO-0008,,1,5,2026-11-24,R-2", // row 14: Receipt ID R-2 again: skipped
  "",
].join("\r\n");

function rows(text: string): ReceiptRow[] {
  const read = readReceiptFile(text);
  if (!read.ok) throw new Error(read.reason);
  return read.rows;
}

function receiveInto(book: MemoryWorkbook, receipts: ReceiptRow[]) {
  const result = receive(context(book), receipts, TODAY);
  if (!result.ok) throw new Error(result.reason);
  // What an adapter does: add the new sheets, then apply the write.
  for (const sheet of result.newSheets) book.write(sheet.name, sheet.rows);
  book.apply(result.writes);
  return result;
}

describe("receiving a WMS file", () => {
  const book = receivingShop();
  const result = receiveInto(book, rows(FILE));

  it("applies, skips and refuses row by row, each with its reason", () => {
    expect(result.outcomes.map((o) => o.message)).toEqual([
      "row 2: PO-0007 line 1 (WIDGET): 10 on 2026-11-23 (Receipt ID R-1) received.",
      "row 3: PO-0008 line 1 (WIDGET): 75 on 2026-11-24 (Receipt ID R-2) received.",
      "row 4: PO-0008 line 1 (WIDGET): 10 on 2026-11-24 (Receipt ID R-3) received.",
      "row 5: PO-0008 line 2 (GADGET): 3 on 2026-11-25 received.",
      "row 6: PO-0008 line 1 (WIDGET): 1 on 2026-11-25 (Receipt ID R-4) would make 106 received of 100 ordered; at most 105 with the 5% Receipt Tolerance.",
      "row 7: PO-0008 line 2 (GADGET): 3 on 2026-11-25 is already logged (earlier in this import, row 5); skipped.",
      "row 8: PO-0009 is Received: received, closed and cancelled orders take no receipts.",
      "row 9: purchase order PO-0099 is not on the Purchase Orders sheet.",
      'row 10: PO-0007 has no line for SKU "GADGET".',
      "row 11: PO-0008 has no line 3.",
      "row 12: PO-0007 line 1 (WIDGET): the quantity is 0; a receipt needs more than 0.",
      'row 13: its Quantity "1,200" is not a number (write 1200, not 1,200).',
      "row 14: PO-0008 line 1 (WIDGET): 5 on 2026-11-24 (Receipt ID R-2) is already logged (earlier in this import, row 3); skipped.",
    ]);
    expect(result.outcomes.map((o) => o.kind)).toEqual([
      "applied",
      "applied",
      "applied",
      "applied",
      "refused",
      "skipped",
      "refused",
      "refused",
      "refused",
      "refused",
      "refused",
      "refused",
      "skipped",
    ]);
  });

  it("adds to Received Qty and sets Last Received on each line (adding the column the sheet lacked)", () => {
    // Serials: 2026-11-23 = 46349, 2026-11-24 = 46350, 2026-11-25 = 46351.
    expect(records(book, "PO Lines").map((r) => [r["PO Number"], r.Line, r["Received Qty"], r["Last Received"]])).toEqual([
      ["PO-0007", 1, 10, 46349],
      ["PO-0008", 1, 105, 46350],
      ["PO-0008", 2, 3, 46351],
      ["PO-0009", 1, 5, null],
    ]);
    expect(result.notes).toEqual([]);
  });

  it("moves each changed order to Received or Partially Received, its Revision up once", () => {
    expect(result.orders.map((o) => [o.number, o.status, o.revision])).toEqual([
      ["PO-0007", "Received", 2],
      ["PO-0008", "Partially Received", 4],
    ]);
    expect(records(book, "Purchase Orders").map((r) => [r["PO Number"], r.Status, r.Revision])).toEqual([
      ["PO-0007", "Received", 2],
      ["PO-0008", "Partially Received", 4],
      ["PO-0009", "Received", 2],
    ]);
  });

  it("logs every applied receipt on a new Receipts sheet", () => {
    expect(records(book, "Receipts")).toEqual([
      { "Receipt ID": "R-1", "PO Number": "PO-0007", Line: 1, SKU: "WIDGET", Quantity: 10, Date: 46349 },
      { "Receipt ID": "R-2", "PO Number": "PO-0008", Line: 1, SKU: "WIDGET", Quantity: 75, Date: 46350 },
      { "Receipt ID": "R-3", "PO Number": "PO-0008", Line: 1, SKU: "WIDGET", Quantity: 10, Date: 46350 },
      { "Receipt ID": null, "PO Number": "PO-0008", Line: 2, SKU: "GADGET", Quantity: 3, Date: 46351 },
    ]);
  });

  it("leaves the plan only what is still to come", () => {
    const { model } = planned(book.input());
    expect(model.problems.filter((p) => p.sheet !== "SKUs")).toEqual([]);
    // Before: WIDGET@MAIN had PO-0008's 100 − 20 = 80 in week 2 (2026-11-30) and PO-0007's 10 in week 4.
    // After: PO-0007 is Received (not open); PO-0008's WIDGET has 105 of 100: max(0, −5) = 0. GADGET: 50 − 3 = 47.
    const widget = model.itemsByKey.get("WIDGET\u0000MAIN")!;
    expect([widget.scheduled[2], widget.scheduled[4]]).toEqual([0, 0]);
    expect(model.itemsByKey.get("GADGET\u0000MAIN")!.scheduled[2]).toBe(47);
  });

  it("importing the same file twice changes nothing", () => {
    const before = JSON.stringify([...book.sheets]);
    const again = receiveInto(book, rows(FILE));
    expect(again.writes).toEqual({ append: [], cells: [] });
    expect(again.newSheets).toEqual([]);
    expect(JSON.stringify([...book.sheets])).toBe(before);
    expect(again.outcomes.filter((o) => o.kind === "applied")).toEqual([]);
    // Rows 2–5 and 14 are skipped as logged (each names its row on Receipts); row 7 too.
    expect(again.outcomes.filter((o) => o.kind === "skipped").map((o) => o.message)).toEqual([
      "row 2: PO-0007 line 1 (WIDGET): 10 on 2026-11-23 (Receipt ID R-1) is already logged (on the Receipts sheet at Receipts!A2); skipped.",
      "row 3: PO-0008 line 1 (WIDGET): 75 on 2026-11-24 (Receipt ID R-2) is already logged (on the Receipts sheet at Receipts!A3); skipped.",
      "row 4: PO-0008 line 1 (WIDGET): 10 on 2026-11-24 (Receipt ID R-3) is already logged (on the Receipts sheet at Receipts!A4); skipped.",
      "row 5: PO-0008 line 2 (GADGET): 3 on 2026-11-25 is already logged (on the Receipts sheet at Receipts!A5); skipped.",
      "row 7: PO-0008 line 2 (GADGET): 3 on 2026-11-25 is already logged (on the Receipts sheet at Receipts!A5); skipped.",
      "row 14: PO-0008 line 1 (WIDGET): 5 on 2026-11-24 (Receipt ID R-2) is already logged (on the Receipts sheet at Receipts!A3); skipped.",
    ]);
  });
});

describe("Received Qty typed on PO Lines", () => {
  it("is a problem only beyond the Receipt Tolerance", () => {
    const book = receivingShop();
    book.sheet("PO Lines")![2][6] = 105; // PO-0008 line 1: 105 of 100 is within 5 %
    book.sheet("PO Lines")![3][6] = 53; // line 2: 53 of 50 is not: 50 × 1.05 = 52.5 at most
    expect(
      context(book)
        .model.problems.filter((p) => p.sheet === "PO Lines")
        .map((p) => `${p.address}: ${p.message}`),
    ).toEqual(["'PO Lines'!G4: Received Qty 53 is more than the ordered 50 on PO-0008, beyond the 5% Receipt Tolerance."]);
  });
});

describe("receiving by hand", () => {
  it("a partial receipt, then the rest: Partially Received, then Received; Revision once per receiving", () => {
    const book = receivingShop();
    const first = receiveInto(book, [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 4, date: day("2026-11-24") }]);
    expect(first.orders).toEqual([{ number: "PO-0007", status: "Partially Received", revision: 2, lines: [{ line: 1, sku: "WIDGET", quantity: 10, receivedQty: 4 }] }]);
    // Partially Received stays so: only Received Qty, Last Received and the Revision change.
    const second = receiveInto(book, [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 2, date: day("2026-11-25") }]);
    expect(second.writes.cells.map((c) => [c.sheet, c.row, c.col, c.value])).toEqual([
      ["Purchase Orders", 1, 10, 3],
      ["PO Lines", 1, 6, 6],
      ["PO Lines", 1, 8, 46351],
    ]);
    receiveInto(book, [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 4 }]);
    expect(records(book, "Purchase Orders")[0]).toMatchObject({ Status: "Received", Revision: 4 });
    // No date given: today, 2026-11-23; Last Received stays the latest receipt's day, 2026-11-25.
    expect(records(book, "PO Lines")[0]).toMatchObject({ "Received Qty": 10, "Last Received": 46351 });
    expect(records(book, "Receipts").map((r) => [r.Quantity, r.Date])).toEqual([
      [4, 46350],
      [2, 46351],
      [4, 46349],
    ]);
  });

  it("without tolerance, refuses anything above the ordered quantity and writes nothing", () => {
    const book = shop();
    const result = receive(context(book), [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 10.5 }], TODAY);
    expect(result).toMatchObject({
      ok: true,
      writes: { append: [], cells: [] },
      newSheets: [],
      outcomes: [
        {
          kind: "refused",
          message: "line 1: PO-0007 line 1 (WIDGET): 10.5 on 2026-11-23 would make 10.5 received of 10 ordered; no more than ordered (Receipt Tolerance % is 0).",
        },
      ],
    });
  });

  it("marks a changed order pending when the workbook is meant to be sent", () => {
    const book = shop({}, { "Integration URL": "https://erp.example.com/po" });
    receiveInto(book, [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 10 }]);
    expect(records(book, "Purchase Orders")[0]).toMatchObject({ Status: "Received", Revision: 2, "Sync Status": "pending" });
  });
});

describe("where receipts are written", () => {
  it("a PO Lines table without Last Received: quantities received, dates on Receipts only, and the buyer told", () => {
    const book = shop();
    const input = book.input();
    const lines = input.grids.find((g) => g.name === "PO Lines")!;
    input.grids.push({ ...lines, name: "POLines", table: true });
    const result = receive({ ...context(book), input }, [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 3 }], TODAY);
    if (!result.ok) throw new Error(result.reason);
    expect(result.writes.cells.filter((c) => c.sheet === "PO Lines")).toEqual([{ sheet: "PO Lines", row: 1, col: 6, value: 3 }]);
    expect(result.notes).toEqual([
      'The PO Lines table has no "Last Received" column, so the lines carry no date of receipt (the Receipts sheet has them): add the column to see them on the lines.',
    ]);
  });

  it("a new Receipts sheet folds into one sheet write for a file (the CLI's path)", () => {
    const result = receive(context(shop()), [{ at: "row 2", poNumber: "PO-0007", line: 1, quantity: 3, receiptId: "=cmd" }], TODAY);
    if (!result.ok) throw new Error(result.reason);
    const { sheets, writes } = foldIntoNewSheets(result.newSheets, result.writes);
    expect(writes.append).toEqual([]);
    expect(sheets.map((s) => [s.name, s.rows])).toEqual([
      [
        "Receipts",
        [
          ["Receipt ID", "PO Number", "Line", "SKU", "Quantity", "Date"],
          ["=cmd", "PO-0007", 1, "WIDGET", 3, 46349],
        ],
      ],
    ]);
  });

  it("refuses a file without its columns, and a Receipts sheet that lost one", () => {
    expect(readReceiptFile("PO Number;Qty\nPO-0007;3\n")).toEqual({ ok: false, reason: 'the receipt file\'s header row has no "Quantity", "SKU" or "Line" column.' });
    const book = shop({ Receipts: [["Receipt ID", "Line", "Quantity"]] });
    expect(receive(context(book), [], TODAY)).toMatchObject({ ok: false });
  });

  it("names rows by the line they start on, a quoted line break inside a cell included", () => {
    const read = readReceiptFile('PO Number,Line,Quantity,Receipt ID\nPO-0007,1,2,"pallet\n7"\nPO-0007,1,x,\n');
    expect(read).toEqual({
      ok: true,
      rows: [
        { at: "row 2", poNumber: "PO-0007", line: 1, sku: undefined, quantity: 2, date: undefined, receiptId: "pallet\n7" },
        { at: "row 4", poNumber: "PO-0007", unread: 'its Quantity "x" is not a number (write 1200, not 1,200).' },
      ],
    });
  });

  it("reads semicolon files with quotes, a byte-order mark and dates with a time", () => {
    const read = readReceiptFile('\uFEFFpo number;line;quantity;date;receipt id\r\n"PO-0007";1;2.5;2026-11-24 10:00;"A;1"\r\n');
    expect(read).toEqual({ ok: true, rows: [{ at: "row 2", poNumber: "PO-0007", line: 1, sku: undefined, quantity: 2.5, date: day("2026-11-24"), receiptId: "A;1" }] });
  });
});

describe("received in full within the Receipt Tolerance", () => {
  it("an order over-received within tolerance is Received; a little more is refused", () => {
    // PO-0007: WIDGET 10 ordered, 5 %: at most 10 × 1.05 = 10.5.
    const refused = receiveInto(receivingShop(), [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 10.6 }]);
    expect(refused.outcomes.map((o) => o.kind)).toEqual(["refused"]);
    const book = receivingShop();
    const result = receiveInto(book, [{ at: "line 1", poNumber: "PO-0007", line: 1, quantity: 10.5 }]);
    expect(result.orders).toEqual([{ number: "PO-0007", status: "Received", revision: 2, lines: [{ line: 1, sku: "WIDGET", quantity: 10, receivedQty: 10.5 }] }]);
  });

  it("every line in full on one import: Received, the Revision up once however many lines changed", () => {
    // PO-0008 (revision 3): line 1 has 20 of 100, takes 80 → 100; line 2 has 0 of 50, takes 52.5 = 50 × 1.05.
    const book = receivingShop();
    const result = receiveInto(book, [
      { at: "row 2", poNumber: "PO-0008", line: 1, quantity: 80 },
      { at: "row 3", poNumber: "PO-0008", sku: "GADGET", quantity: 52.5 },
    ]);
    expect(result.orders.map((o) => [o.number, o.status, o.revision])).toEqual([["PO-0008", "Received", 4]]);
    expect(records(book, "Purchase Orders").find((r) => r["PO Number"] === "PO-0008")).toMatchObject({ Status: "Received", Revision: 4 });
  });
});
