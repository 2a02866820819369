import { orderSummary, poSummarySheet } from "../../../src/core/orders/summary";
import { context, shop } from "./fixture";

function book() {
  const b = shop();
  b.append("Purchase Orders", [
    ["PO-0010", "Purchase Order", "ACME", "MAIN", "Partially Received", "2026-11-15", "2026-12-14", "USD"],
    ["PO-0011", "Purchase Order", "ACME", "MAIN", "Closed", "2026-11-20", "2026-12-14", "USD"],
    ["PO-0012", "Purchase Order", "ACME", "MAIN", "Received", "2026-12-01", "2026-12-14", "USD"],
    ["PO-0013", "Purchase Order", "BOLT", "MAIN", "Submitted", "2026-11-05", "2026-12-14", "EUR"],
    ["PO-0014", "Purchase Order", "BOLT", "MAIN", "Draft", "2026-11-05", "2026-12-14", "EUR"],
    ["PO-0015", "Purchase Order", "ACME", "MAIN", "Cancelled", "2026-11-05", "2026-12-14", "USD"],
    ["PO-0016", "Purchase Order", "ACME", "MAIN", "Shipped", null, "2026-12-14", null],
  ]);
  b.append("PO Lines", [
    ["PO-0010", 1, "WIDGET", 10, 19.995, null, 3],
    ["PO-0010", 2, "GADGET", 1, 0.1, null, 0],
    ["PO-0011", 1, "WIDGET", 4, 1234.5678, null, 3],
    ["PO-0012", 1, "WIDGET", 2, 0.1, null, 2],
    ["PO-0013", 1, "WIDGET", 5, 2.2, null, 0],
    ["PO-0014", 1, "WIDGET", 500, 2.2, null, 0],
    ["PO-0015", 1, "WIDGET", 500, 2.5, null, 0],
    ["PO-0016", 1, "WIDGET", 1, 3, null, 0],
  ]);
  return b;
}

describe("PO Summary", () => {
  const summary = orderSummary(context(book()).model);
  const fixed = (r: { open: { toFixed(n: number): string }; received: { toFixed(n: number): string }; committed: { toFixed(n: number): string } }) => [
    r.open.toFixed(2),
    r.received.toFixed(2),
    r.committed.toFixed(2),
  ];

  it("sums open and received value by supplier, order month and currency", () => {
    // ACME 2026-11 USD: PO-0007 open 10 × 2.5 = 25.00;
    //   PO-0010 line 1: 10 × 19.995 = 199.95, received 3 × 19.995 = 59.985 → 59.99, open 139.96; line 2 open 0.10;
    //   PO-0011 (Closed): received 3 × 1234.5678 = 3703.7034 → 3703.70, nothing open.
    //   open 25 + 139.96 + 0.10 = 165.06; received 59.99 + 3703.70 = 3763.69; committed 3928.75.
    // PO-0016 has no Order Date and no currency: its own row, in ACME's USD.
    // Drafts (PO-0014) and Cancelled (PO-0015) are not counted.
    expect(summary.rows.map((r) => [r.supplier, r.supplierName, r.month, r.currency, r.orders, ...fixed(r)])).toEqual([
      ["ACME", "Acme Corp", "", "USD", 1, "3.00", "0.00", "3.00"],
      ["ACME", "Acme Corp", "2026-11", "USD", 3, "165.06", "3763.69", "3928.75"],
      ["ACME", "Acme Corp", "2026-12", "USD", 1, "0.00", "0.20", "0.20"],
      ["BOLT", "Bolt GmbH", "2026-11", "EUR", 1, "11.00", "0.00", "11.00"],
    ]);
  });

  it("totals per currency, never across currencies", () => {
    // USD: 3.00 + 3928.75 + 0.20 = 3931.95.
    expect(summary.totals.map((t) => [t.currency, t.orders, ...fixed(t)])).toEqual([
      ["EUR", 1, "11.00", "0.00", "11.00"],
      ["USD", 5, "168.06", "3763.89", "3931.95"],
    ]);
  });

  it("is a sheet of totals on top and a table below, money and months formatted", () => {
    const spec = poSummarySheet(summary);
    expect(spec.rows.slice(3, 7)).toEqual([["Currency", "Orders", "Open", "Received", "Committed"], ["EUR", 1, 11, 0, 11], ["USD", 5, 168.06, 3763.89, 3931.95], []]);
    expect(spec.table).toEqual({ name: "POSummary", headerRow: 7, style: "TableStyleMedium2" });
    // 2026-11-01 = serial 46327; 2026-12-01 = 46357.
    expect(spec.rows.slice(7)).toEqual([
      ["Supplier", "Supplier Name", "Month", "Currency", "Orders", "Open", "Received", "Committed"],
      ["ACME", "Acme Corp", null, "USD", 1, 3, 0, 3],
      ["ACME", "Acme Corp", 46327, "USD", 3, 165.06, 3763.69, 3928.75],
      ["ACME", "Acme Corp", 46357, "USD", 1, 0, 0.2, 0.2],
      ["BOLT", "Bolt GmbH", 46327, "EUR", 1, 11, 0, 11],
    ]);
    expect(spec.columnFormats).toEqual({ 2: "yyyy-mm", 5: "#,##0.00", 6: "#,##0.00", 7: "#,##0.00" });
  });
});

describe("currency codes in the summary", () => {
  it("are one currency whatever their case", () => {
    const b = shop();
    b.append("Purchase Orders", [["PO-0020", "Purchase Order", "ACME", "MAIN", "Submitted", "2026-11-10", "2026-12-14", "usd"]]);
    b.append("PO Lines", [["PO-0020", 1, "WIDGET", 3, 19.995, null, 0]]);
    const { totals } = orderSummary(context(b).model);
    // USD: PO-0007 10 × 2.50 = 25.00, PO-0020 3 × 19.995 = 59.985 → 59.99: 84.99 open, in one row.
    expect(totals.map((t) => [t.currency, t.orders, t.open.toFixed(2)])).toEqual([["USD", 2, "84.99"]]);
  });
});
