import { seededRandom } from "../../src/core/forecasting/random";

/**
 * Small seeded workbooks with every input sheet, some of their rows broken on purpose
 * (duplicates, unknown codes, junk numbers), and random edits of their cells: what the
 * property tests of incremental updates apply both ways.
 */
export type Value = string | number | boolean;
export type Book = Record<string, Value[][]>;

/** 2026-11-23, the plan's first Monday, as a serial. */
const START = 46349;

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const WAREHOUSES = ["MAIN", "EAST", "WEST"];
const SUPPLIERS = ["ACME", "EURO", "SLOW"];

export function randomBook(seed: number): Book {
  const d = new Dice(seed);
  const skus = Array.from({ length: d.int(3, 6) }, (_, i) => `S${i + 1}`);
  const rows: Value[][] = [];
  for (const sku of skus) {
    for (const warehouse of WAREHOUSES.slice(0, d.int(1, 3))) {
      rows.push([
        sku,
        warehouse,
        d.chance(0.8) ? d.pick(SUPPLIERS) : "",
        d.pick([0, 5, 20, 60, 150]),
        d.chance(0.5) ? d.pick([0, 10, 25]) : "",
        d.chance(0.2) ? d.pick([7, 14]) : "",
        d.chance(0.5) ? d.pick([7, 14, 21]) : "",
        d.chance(0.5) ? d.pick([0, 24, 50]) : "",
        d.chance(0.5) ? d.pick([1, 6, 12]) : "",
        d.chance(0.8) ? d.pick([1.25, 2.5, 10.1]) : "",
        d.chance(0.3) ? d.pick(["M", "D", "T", "NEW", "CLR", "X"]) : "",
        d.chance(0.7) ? d.pick([3, 10, 30]) : "",
        `Item ${sku}`,
        d.chance(0.3) ? d.pick(["auto", "none", "mean", "ses", "sba", "bogus"]) : "",
        d.chance(0.3) ? d.pick([0.9, 0.95, 0.98]) : "",
        d.chance(0.3) ? d.pick([0, 3, 7]) : "",
      ]);
    }
  }
  // Now and then a row given twice, which is reported and not used.
  if (d.chance(0.5)) rows.push([...rows[d.int(0, rows.length - 1)]]);
  const itemRows = rows.map((r) => [r[0], r[1]] as [string, string]);
  const week = () => START + 7 * d.int(-1, 9) + d.int(0, 6);
  const book: Book = {
    Settings: [
      ["Setting", "Value"],
      ["Plan Start", "2026-11-23"],
      ["Horizon Weeks", 8],
      ["Review Weeks", d.pick([1, 1, 2])],
      ["Currency", "USD"],
    ],
    Suppliers: [
      ["Supplier", "Name", "Lead Time Days", "Currency"],
      ["ACME", "Acme", 14, "USD"],
      ["EURO", "Euro Parts", 7, "EUR"],
      ["SLOW", "Slow Boat", 35, ""],
    ],
    Warehouses: [
      ["Warehouse", "Name", "District", "Region"],
      ["MAIN", "Main", "D1", "R1"],
      ["EAST", "East", "D2", "R1"],
    ],
    "Purchase Statuses": [
      ["Code", "Type", "Description"],
      ["NEW", "A", "New"],
      ["CLR", "D", "Clearance"],
    ],
    SKUs: [
      [
        "SKU",
        "Warehouse",
        "Supplier",
        "On Hand",
        "Safety Stock",
        "Safety Days",
        "Lead Time Days",
        "MOQ",
        "Order Multiple",
        "Unit Cost",
        "Purchase Status",
        "Weekly Forecast",
        "Description",
        "Forecast Method",
        "Service Level",
        "Lead Time SD Days",
      ],
      ...rows,
    ],
    "Supplier Items": [
      ["SKU", "Supplier", "Unit Price", "Lead Time Days", "MOQ", "Order Multiple", "Preferred"],
      ...Array.from({ length: d.int(0, 6) }, () => [
        d.pick(skus),
        d.pick(SUPPLIERS),
        d.pick([1.1, 2.25, 9.99, ""]),
        d.chance(0.5) ? d.pick([7, 21]) : "",
        d.chance(0.3) ? 36 : "",
        d.chance(0.3) ? 12 : "",
        d.pick([true, false, ""]),
      ]),
    ],
    "Status Overrides": [
      ["SKU", "Warehouse", "District", "Region", "Status"],
      ...Array.from({ length: d.int(0, 4) }, () => {
        const level = d.int(0, 2);
        return [d.pick(skus), level === 0 ? d.pick(WAREHOUSES) : "", level === 1 ? d.pick(["D1", "D2"]) : "", level === 2 ? "R1" : "", d.pick(["T", "D", "M", "O", "X"])];
      }),
    ],
    Forecast: d.chance(0.5)
      ? [
          ["SKU", "Warehouse", "Week", "Quantity"],
          ...Array.from({ length: d.int(0, 10) }, () => {
            const [sku, warehouse] = d.pick(itemRows);
            return [sku, d.chance(0.8) ? warehouse : "", week(), d.pick([0, 4, 12, 40])];
          }),
        ]
      : [
          ["SKU", "Warehouse", ...Array.from({ length: 8 }, (_, i) => START + 7 * i)],
          ...Array.from({ length: d.int(0, 5) }, () => {
            const [sku, warehouse] = d.pick(itemRows);
            return [sku, warehouse, ...Array.from({ length: 8 }, () => d.pick([0, 5, 12, 30, ""]))];
          }),
        ],
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ...Array.from({ length: d.int(0, 5) }, () => {
        const [sku, warehouse] = d.pick(itemRows);
        return [sku, warehouse, week(), d.pick([0, 24, 100])];
      }),
    ],
    "Forecast Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ...Array.from({ length: d.int(0, 4) }, () => {
        const [sku, warehouse] = d.pick(itemRows);
        return [sku, d.chance(0.8) ? warehouse : "", week(), d.pick([0, 6, 30])];
      }),
    ],
    // Up to 30 weeks of sales before the plan start for some item-locations, a few weeks out of stock.
    "Sales History": [
      ["SKU", "Warehouse", "Date", "Quantity", "Stockout"],
      ...itemRows
        .filter(() => d.chance(0.5))
        .flatMap(([sku, warehouse]) => {
          const level = d.pick([1, 4, 15]);
          return Array.from({ length: d.int(1, 30) }, (_, k) => [sku, warehouse, START - 7 * (k + 1) + d.int(0, 6), d.chance(0.3) ? 0 : d.int(0, 2 * level), d.chance(0.05)]);
        }),
    ],
  };
  const orders: Value[][] = [];
  const lines: Value[][] = [];
  for (let n = 1; n <= d.int(1, 5); n++) {
    const number = `PO-${n}`;
    const supplier = d.pick(SUPPLIERS);
    orders.push([
      number,
      supplier,
      d.pick(WAREHOUSES),
      d.pick(["Draft", "Submitted", "Confirmed", "Received", "Cancelled", "Partially Received"]),
      START - d.int(1, 40),
      d.chance(0.8) ? week() : "",
      d.chance(0.2) ? "EUR" : "",
    ]);
    for (let l = 1; l <= d.int(0, 3); l++) {
      const quantity = d.pick([6, 12, 24, 48]);
      lines.push([
        number,
        l,
        d.pick(skus),
        quantity,
        d.pick([2.5, 1.255, 10.1, ""]),
        d.chance(0.5) ? d.pick([60, 30.3]) : "",
        d.pick([0, 0, 4, quantity]),
        d.chance(0.3) ? week() : "",
      ]);
    }
  }
  book["Purchase Orders"] = [["PO Number", "Supplier", "Warehouse", "Status", "Order Date", "Expected Delivery", "Currency"], ...orders];
  book["PO Lines"] = [["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Line Total", "Received Qty", "Expected Delivery"], ...lines];
  book.Receipts = [["Receipt ID", "PO Number", "Line", "SKU", "Quantity", "Date"]];
  return book;
}

/** Values a cell under this header may be given: the sensible ones and some that are not. */
function valuesFor(header: Value, book: Book): Value[] {
  const codes = (sheet: string) => [...new Set(book[sheet].slice(1).map((row) => row[0]))];
  const days = [START, START + 3, START + 10, START + 30, START + 55, START - 9, "2026-12-07", "soon"];
  const quantities = [0, 1, 3, 7, 12, 24, 50, 100, 2.5, 0.1, -4, "12", "abc", true, 1e13];
  switch (String(header)) {
    case "SKU":
      return [...codes("SKUs"), "S99"];
    case "Warehouse":
      return [...WAREHOUSES, "NORTH"];
    case "Supplier":
      return [...SUPPLIERS, "NOPE"];
    case "PO Number":
      return [...codes("Purchase Orders"), "PO-77"];
    case "Purchase Status":
    case "Status":
      return ["A", "M", "D", "O", "T", "P", "NEW", "CLR", "X", "Draft", "Received", "Cancelled", "Closed", "Shipped", "weird"];
    case "Preferred":
    case "Stockout":
      return [true, false, "yes", "maybe"];
    case "Forecast Method":
      return ["auto", "none", "mean", "ses", "holt", "sba", "tsb", "inactive", "bogus", ""];
    case "Service Level":
      return [0.9, 0.95, 0.98, 95, 1.2, "high", ""];
    case "Currency":
      return ["USD", "EUR", "usd", "Euro"];
    case "District":
      return ["D1", "D2", "D9"];
    case "Region":
      return ["R1", "R9"];
    case "Week":
    case "Expected Delivery":
    case "Order Date":
    case "Date":
      return days;
    case "Description":
    case "Name":
      return ["a thing", 5];
    default:
      return typeof header === "number" ? [0, 5, 12, 30, -2, "x"] : quantities;
  }
}

/** Where an edit goes, as numbers that pick a sheet, a cell (the header row and one row below included) and a value. */
export interface EditPick {
  sheet: number;
  row: number;
  col: number;
  value: number;
  /** Two cells side by side (a paste) rather than one. */
  wide: boolean;
  blank: boolean;
}

/** An edit of a book: the cells to write (worksheet coordinates, zero-based). */
export interface BookEdit {
  sheet: string;
  row: number;
  col: number;
  values: Value[][];
}

export function editOf(book: Book, pick: EditPick): BookEdit {
  const names = Object.keys(book);
  // Mostly the sheets an edit updates by itself; now and then one that is read again in full.
  const likely = ["SKUs", "SKUs", "Forecast", "Order Overrides", "Forecast Overrides", "Supplier Items", "Status Overrides", "Purchase Orders", "PO Lines", "PO Lines"];
  const sheet = pick.sheet % 11 < likely.length ? likely[pick.sheet % 11] : names[pick.sheet % names.length];
  const cells = book[sheet];
  const header = cells[0];
  // Rows 1.. are data; now and then the header, or the row under the last.
  const row = pick.row % 17 === 0 ? 0 : pick.row % 19 === 0 ? cells.length : 1 + (pick.row % Math.max(1, cells.length - 1));
  const col = pick.col % (header.length + (pick.col % 23 === 0 ? 1 : 0));
  const values = (c: number): Value => {
    if (pick.blank) return "";
    const pool = valuesFor(header[c] ?? "", book);
    return pool[(pick.value + c) % pool.length];
  };
  return { sheet, row, col, values: [pick.wide ? [values(col), values(col + 1)] : [values(col)]] };
}

/** Writes an edit into a book, as Excel would. */
export function write(book: Book, edit: BookEdit): void {
  const cells = book[edit.sheet];
  edit.values.forEach((rowValues, i) => {
    while (cells.length <= edit.row + i) cells.push([]);
    const row = cells[edit.row + i];
    rowValues.forEach((value, j) => {
      while (row.length < edit.col + j) row.push("");
      row[edit.col + j] = value;
    });
  });
}

export function copyOf(book: Book): Book {
  return Object.fromEntries(Object.entries(book).map(([name, rows]) => [name, rows.map((row) => [...row])]));
}
