import * as answer from "../../src/functions/answers";
import { planWorkbook } from "../../src/core/planned";
import { FunctionError, unplannedError } from "../../src/functions/errors";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { planned, TODAY } from "../helpers";
import { fails, SERIAL, sheets } from "./fixture";

/*
 * Hand-worked from fixture.ts (Plan Start 2026-11-23, H = 8):
 * - WIDGET@MAIN is PLANNING.md's worked example (onHand 100, SS 20, lead 10 days → L 2,
 *   MOQ 50, multiple 12, demand 30): projected 70,40,70,40,…; recommended 60 in
 *   order weeks 1, 3, 5. Its status is M from a warehouse override.
 * - WIDGET@EAST: status D (not recommended), onHand 10, demand 5, PO-0001 line 1
 *   brings 24 in week 2 (Dec 2 is 9 days after the start): 5, 24, 19, 14, 9, 4, −1, −6
 *   → first below zero in week 7, starting 2027-01-04. PO-0001 line 2 (10 ordered,
 *   4 received) is due 2027-06-01, after the plan: 6 more open units.
 * - GADGET@MAIN: status T, onHand 5, no demand.
 */
const state = planned(new MemoryWorkbook(sheets()).input());

/** The error every cell answers on a workbook that cannot be planned. */
function unplanned(book: MemoryWorkbook): FunctionError {
  const outcome = planWorkbook(book.input(), TODAY);
  if (outcome.ok) throw new Error("planned");
  return unplannedError(outcome);
}

describe("RECOMMEND", () => {
  it("answers the engine's quantity of an order week, week 1 by default", () => {
    expect(answer.recommend(state, "WIDGET", null, "MAIN")).toEqual([[60]]);
    expect(answer.recommend(state, "WIDGET", 2, "MAIN")).toEqual([[0]]);
    expect(answer.recommend(state, "WIDGET", 3, "MAIN")).toEqual([[60]]);
  });

  it("takes a date inside the plan for its week (2026-12-09 is in week 3)", () => {
    expect(answer.recommend(state, "WIDGET", SERIAL.dec9, "MAIN")).toEqual([[60]]);
    expect(answer.recommend(state, "WIDGET", "2026-12-09", "MAIN")).toEqual([[60]]);
  });

  it("sums over warehouses when warehouse is omitted (60 at MAIN + 0 at EAST, status D)", () => {
    expect(answer.recommend(state, "WIDGET", undefined, undefined)).toEqual([[60]]);
  });

  it("spills the Order-now table with a header row when sku is omitted", () => {
    // WIDGET@MAIN orders 60 × 2.50 = 150.00 in week 1, arriving week 3 (2026-12-07);
    // without it week 3 would be 70 − 60 = 10 < SS 20, so it is short from week 3 too.
    expect(answer.recommend(state, null, null, null)).toEqual([
      ["SKU", "Warehouse", "Supplier", "Quantity", "Unit Price", "Value", "Currency", "Arrival Date", "Below Safety From"],
      ["WIDGET", "MAIN", "ACME", 60, 2.5, 150, "USD", SERIAL.week3, SERIAL.week3],
    ]);
  });

  it("without a sku, a warehouse narrows the table to it; week 1 is the table's own week, others need a sku", () => {
    const header = ["SKU", "Warehouse", "Supplier", "Quantity", "Unit Price", "Value", "Currency", "Arrival Date", "Below Safety From"];
    expect(answer.recommend(state, null, 1, "MAIN")).toEqual([header, ["WIDGET", "MAIN", "ACME", 60, 2.5, 150, "USD", SERIAL.week3, SERIAL.week3]]);
    expect(answer.recommend(state, "", null, "EAST")).toEqual([header]); // EAST is D: nothing recommended
    const later = fails(() => answer.recommend(state, null, 2, null));
    expect([later.code, later.message]).toEqual(["#VALUE!", "week 2: the Order-now table (no sku) is the orders of week 1; give a sku for week 2."]);
    const nowhere = fails(() => answer.recommend(state, null, null, "WEST"));
    expect([nowhere.code, nowhere.message]).toEqual(["#N/A", "Unknown warehouse 'WEST'"]);
  });
});

describe("STATUS and CANORDER", () => {
  it("answers the item-location's effective code", () => {
    expect(answer.status(state, "WIDGET", "MAIN")).toEqual([["M"]]); // warehouse override
    expect(answer.status(state, "WIDGET", "EAST")).toEqual([["D"]]); // its SKUs row
    expect(answer.status(state, "GADGET", null)).toEqual([["T"]]); // one warehouse: its own status
  });

  it("answers the product level over several warehouses: the first SKUs row, no overrides (blank → A)", () => {
    expect(answer.status(state, "WIDGET", null)).toEqual([["A"]]);
    expect(answer.statusOf(state, "WIDGET", null).source).toBe("default");
  });

  it("spills every item-location's status with a header row", () => {
    expect(answer.status(state, null, null)).toEqual([
      ["SKU", "Warehouse", "Code", "Type", "Source", "Orderable"],
      ["WIDGET", "MAIN", "M", "M", "warehouse", true],
      ["WIDGET", "EAST", "D", "D", "product", true],
      ["GADGET", "MAIN", "T", "T", "product", false],
    ]);
  });

  it("without a sku, a warehouse narrows the spill to its item-locations", () => {
    expect(answer.status(state, null, "EAST")).toEqual([
      ["SKU", "Warehouse", "Code", "Type", "Source", "Orderable"],
      ["WIDGET", "EAST", "D", "D", "product", true],
    ]);
  });

  it("CANORDER is TRUE for types A, M, D, O and FALSE for T", () => {
    expect(answer.canOrder(state, "WIDGET", "EAST")).toBe(true); // D: by hand only, but orderable
    expect(answer.canOrder(state, "WIDGET", null)).toBe(true); // product level A
    expect(answer.canOrder(state, "GADGET", null)).toBe(false); // T
  });
});

describe("PLAN", () => {
  it("spills PLANNING.md's rows with a header row, dates as serials and blanks as empty", () => {
    const rows = answer.plan(state, "WIDGET", "MAIN");
    expect(rows).toHaveLength(1 + 8);
    expect(rows[0]).toEqual([
      "SKU",
      "Warehouse",
      "Week",
      "Week Start",
      "Demand",
      "Scheduled Receipts",
      "Planned Receipts",
      "Projected On Hand",
      "Safety Stock",
      "Recommended",
      "Override",
      "Order Qty",
      "Arrival Week",
      "Order Value",
      "Currency",
      "Flags",
      "Source",
    ]);
    // Week 1: 100 − 30 = 70; recommends 60 arriving week 3, worth 60 × 2.50 = 150.
    expect(rows[1]).toEqual(["WIDGET", "MAIN", 1, SERIAL.planStart, 30, 0, 0, 70, 20, 60, "", 60, 3, 150, "USD", "", "weekly-forecast"]);
    // Week 3: 40 − 30 + 60 arriving = 70.
    expect(rows[3].slice(2, 8)).toEqual([3, SERIAL.week3, 30, 0, 60, 70]);
  });

  it("spills every warehouse's rows when warehouse is omitted", () => {
    const rows = answer.plan(state, "WIDGET", null);
    expect(rows).toHaveLength(1 + 16);
    expect(rows[9].slice(0, 3)).toEqual(["WIDGET", "EAST", 1]);
    expect(rows[15][15]).toBe("below-safety, stockout, not-recommended:D"); // EAST week 7: −1
  });
});

describe("PROJECTED, INBOUND, STOCKOUT", () => {
  it("PROJECTED answers the end-of-week projection, summed over warehouses when omitted", () => {
    expect(answer.projected(state, "WIDGET", 3, "MAIN")).toBe(70);
    expect(answer.projected(state, "WIDGET", 3, "EAST")).toBe(19); // 5 + 24 − 5 = 24, then 24 − 5
    expect(answer.projected(state, "WIDGET", 3, null)).toBe(89); // 70 + 19
  });

  it("INBOUND answers a week's scheduled receipts, or every open quantity when week is omitted", () => {
    expect(answer.inbound(state, "WIDGET", 2, "EAST")).toBe(24);
    expect(answer.inbound(state, "WIDGET", 2, null)).toBe(24); // MAIN has none in week 2
    // 24 open on line 1 + (10 − 4) on line 2, due after the plan; PO-0003 (Cancelled)
    // and PO-0004 (Draft, at MAIN) are not at EAST.
    expect(answer.inbound(state, "WIDGET", null, "EAST")).toBe(30);
    // MAIN: PO-0004 is a Draft, open: 12; PO-0003 is Cancelled: 0.
    expect(answer.inbound(state, "WIDGET", null, "MAIN")).toBe(12);
    expect(answer.inbound(state, "WIDGET", null, null)).toBe(42);
  });

  it("STOCKOUT answers the start of the first week below zero, the earliest over warehouses", () => {
    expect(answer.stockout(state, "WIDGET", "EAST")).toBe(SERIAL.week7);
    expect(answer.stockout(state, "WIDGET", null)).toBe(SERIAL.week7);
  });

  it("STOCKOUT is #N/A 'No stockout in the plan' when stock never goes below zero", () => {
    const error = fails(() => answer.stockout(state, "WIDGET", "MAIN"));
    expect([error.code, error.message]).toEqual(["#N/A", "No stockout in the plan"]);
  });
});

describe("fractional quantities", () => {
  it("come back without binary noise, as in the plan rows", () => {
    const book = sheets();
    // 0.3 on hand − 0.1 a week: 0.2 after week 1 (0.3 − 0.1 is 0.19999999999999998 in binary).
    book.SKUs = [
      ["SKU", "Supplier", "On Hand", "Weekly Forecast", "Purchase Status"],
      ["DUST", "ACME", 0.3, 0.1, "T"],
    ];
    const fine = planned(new MemoryWorkbook(book).input());
    expect(answer.projected(fine, "DUST", 1, null)).toBe(0.2);
    expect(answer.projected(fine, "DUST", 3, null)).toBe(0);
  });
});

describe("POTOTAL and SPEND", () => {
  it("POTOTAL sums Line Totals, computing round(qty × price, 2) where the cell is blank", () => {
    // 60.00 + round(10 × 1.255, 2) = 60.00 + 12.55 (12.550 exactly, no float drift) = 72.55
    expect(answer.poTotal(state, "PO-0001")).toBe(72.55);
  });

  it("SPEND sums orders not Cancelled in the settings' currency by default", () => {
    // USD: PO-0001 (ACME's USD) 72.55. PO-0002 is EURO's EUR, PO-0003 Cancelled, PO-0004's own EUR.
    expect(answer.spend(state, null, null, null, null)).toBe(72.55);
    expect(answer.spend(state, "ACME", null, null, null)).toBe(72.55);
  });

  it("a Line Total cell never beats round(Quantity × Unit Price, 2); without a price it counts, to the cent", () => {
    const book = sheets();
    book["Purchase Orders"].push(["PO-0005", "ACME", "MAIN", "Confirmed", "2026-11-22", "2026-12-14", ""]);
    book["PO Lines"].push(
      ["PO-0005", 1, "WIDGET", 3, 19.995, 59.985, 0, ""], // =D*E left unrounded: 59.985 → 59.99
      ["PO-0005", 2, "WIDGET", 2, 2.5, 7, 0, ""], // stale cell: 2 × 2.50 = 5.00
      ["PO-0005", 3, "WIDGET", 1, "", 12.345, 0, ""], // no price: the cell, 12.345 → 12.35
    );
    const fine = planned(new MemoryWorkbook(book).input());
    // 59.99 + 5.00 + 12.35 = 77.34
    expect(answer.poTotal(fine, "PO-0005")).toBe(77.34);
    // USD on Nov 22 only: PO-0005 alone.
    expect(answer.spend(fine, "ACME", "2026-11-22", "2026-11-22", "USD")).toBe(77.34);
  });

  it("a line with a negative Quantity (reported on the sheet) counts 0, as it brings nothing and as PO Summary counts it", () => {
    const book = sheets();
    book["Purchase Orders"].push(["PO-0006", "ACME", "MAIN", "Confirmed", "2026-11-22", "2026-12-14", ""]);
    book["PO Lines"].push(["PO-0006", 1, "WIDGET", 4, 2.5, 10, 0, ""], ["PO-0006", 2, "WIDGET", -2, 2.5, "", 0, ""]);
    const fine = planned(new MemoryWorkbook(book).input());
    // 4 × 2.50 = 10.00; the −2 line adds 0, not −5.00.
    expect(answer.poTotal(fine, "PO-0006")).toBe(10);
    expect(answer.spend(fine, "ACME", "2026-11-22", "2026-11-22", "USD")).toBe(10);
  });

  it("SPEND takes the PO's Currency, else its supplier's", () => {
    // EUR: PO-0002 30.30 (Received still counts) + PO-0004 24.00 = 54.30
    expect(answer.spend(state, null, null, null, "EUR")).toBe(54.3);
    expect(answer.spend(state, "EURO", null, null, "eur")).toBe(30.3);
  });

  it("SPEND keeps Order Dates in [from, to], inclusive", () => {
    expect(answer.spend(state, null, "2026-11-21", null, "EUR")).toBe(24); // only PO-0004 (Dec 1)
    expect(answer.spend(state, null, SERIAL.nov20, SERIAL.nov20, null)).toBe(72.55); // PO-0001 on Nov 20
    expect(answer.spend(state, "ACME", "2026-11-21", "2026-11-30", null)).toBe(0);
  });
});

describe("in a 1904 workbook", () => {
  // Serials there are 1,462 less: 2027-01-04 is 46391 − 1462 = 44929; 2026-11-20 is 46346 − 1462 = 44884.
  const book = new MemoryWorkbook(sheets(), true);
  const state1904 = planned(book.input());

  it("answers dates and reads date arguments as 1904 serials", () => {
    expect(answer.stockout(state1904, "WIDGET", "EAST")).toBe(44929);
    expect(answer.spend(state1904, null, 44884, 44884, null)).toBe(72.55); // PO-0001, ordered 2026-11-20
    expect(answer.projected(state1904, "WIDGET", 44929, "EAST")).toBe(-1); // week 7
  });
});

describe("errors", () => {
  const cases: [string, () => unknown, string, string][] = [
    ["unknown SKU", () => answer.plan(state, "NOPE", null), "#N/A", "Unknown SKU 'NOPE'"],
    ["SKU not at that warehouse", () => answer.plan(state, "WIDGET", "WEST"), "#N/A", "Unknown SKU 'WIDGET' at warehouse 'WEST'"],
    ["unknown PO", () => answer.poTotal(state, "PO-9"), "#N/A", "Unknown PO 'PO-9'"],
    ["unknown supplier", () => answer.spend(state, "NOPE", null, null, null), "#N/A", "Unknown supplier 'NOPE'"],
    ["week past the plan", () => answer.projected(state, "WIDGET", 9, null), "#VALUE!", "week 9 is outside the plan: use a week number 1..8 or a date inside the plan."],
    ["date past the plan", () => answer.projected(state, "WIDGET", "2027-03-01", null), "#VALUE!", "week 2027-03-01 is outside the plan (2026-11-23 to 2027-01-17)."],
    ["fractional week", () => answer.projected(state, "WIDGET", 2.5, null), "#VALUE!", "week 2.5 is not a whole week number: use a week number 1..8 or a date inside the plan."],
    ["text for a week", () => answer.projected(state, "WIDGET", "soon", null), "#VALUE!", 'week must be a week number 1..8 or a date inside the plan, not "soon".'],
    ["missing week", () => answer.projected(state, "WIDGET", null, null), "#VALUE!", "week is required: a week number 1..8 or a date inside the plan."],
    ["missing sku", () => answer.canOrder(state, "", null), "#VALUE!", "sku is required."],
    ["boolean sku", () => answer.canOrder(state, true, null), "#VALUE!", "sku must be a code such as a SKU or supplier, not true."],
    ["text for a date", () => answer.spend(state, null, "last week", null, null), "#VALUE!", 'from must be a date (a date cell, a serial number or YYYY-MM-DD), not "last week".'],
    ["bad currency", () => answer.spend(state, null, null, null, "dollars"), "#VALUE!", 'currency must be a three-letter currency code such as USD, not "dollars".'],
    ["from after to", () => answer.spend(state, null, "2026-12-01", "2026-11-01", null), "#VALUE!", "from is after to: nothing can fall between them."],
  ];
  it.each(cases)("%s", (_name, run, code, message) => {
    const error = fails(run);
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it("a workbook without a SKUs sheet is #REF! saying which sheet and what to do", () => {
    const { SKUs: _skus, ...rest } = sheets();
    const error = unplanned(new MemoryWorkbook(rest));
    expect(error.code).toBe("#REF!");
    expect(error.message).toMatch(/no SKUs sheet: add a sheet named SKUs with a SKU column/);
  });

  it("a SKUs sheet without its SKU column is #REF! too", () => {
    const book = sheets();
    book.SKUs = [
      ["Item", "On Hand"],
      ["WIDGET", 1],
    ];
    const error = unplanned(new MemoryWorkbook(book));
    expect([error.code, error.message]).toEqual([
      "#REF!",
      "The SKUs sheet has no SKU column in its header row, so nothing can be planned: add a column headed SKU to its first row.",
    ]);
  });
});
