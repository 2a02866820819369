import { Decimal } from "decimal.js";
import fc from "fast-check";
import type { CellValue } from "../../../src/core/input";
import { lineTotal, totalsByCurrency } from "../../../src/core/money";
import { createOrder } from "../../../src/core/orders/create";
import { TODAY } from "../../helpers";
import { context, shop } from "./fixture";

/** round(q × p, 2) half away from zero, in integer arithmetic: p as an integer of 10^-scale. */
function centsByIntegers(quantity: number, price: string): bigint {
  const [whole, fraction = ""] = price.split(".");
  const scaled = BigInt(whole + fraction) * BigInt(quantity);
  const scale = fraction.length;
  if (scale <= 2) return scaled * 10n ** BigInt(2 - scale);
  const divisor = 10n ** BigInt(scale - 2);
  return (scaled + divisor / 2n) / divisor;
}

describe("line totals are exact decimals rounded half away from zero", () => {
  it.each([
    [3, "0.1", "0.30"], // binary floats give 0.30000000000000004
    [1, "19.995", "20.00"], // half a cent goes up
    [3, "19.995", "59.99"], // 59.985 → 59.99
    [7, "1234.5678", "8641.97"], // 8641.9746
    [1, "1.005", "1.01"], // (1.005).toFixed(2) is "1.00" in floating point
    [1, "2.675", "2.68"],
    [10, "0.001", "0.01"],
    [1, "0.004", "0.00"],
    [2.5, "0.1", "0.25"],
  ])("%d × %s = %s", (q, p, total) => {
    expect(lineTotal(q, new Decimal(p)).toFixed(2)).toBe(total);
  });

  it("never adds two currencies together", () => {
    const totals = totalsByCurrency([
      { currency: "USD", amount: new Decimal("0.1") },
      { currency: "EUR", amount: new Decimal("0.2") },
      { currency: "USD", amount: new Decimal("0.2") },
    ]);
    expect([...totals].map(([c, a]) => [c, a.toFixed(2)])).toEqual([
      ["USD", "0.30"],
      ["EUR", "0.20"],
    ]);
  });
});

describe("any price with up to 4 decimals and any whole quantity", () => {
  it("rounds like integer arithmetic does", () => {
    const price = fc
      .tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 9_999 }), fc.integer({ min: 0, max: 4 }))
      .map(([whole, fraction, places]) => (places === 0 ? String(whole) : `${whole}.${String(fraction).padStart(4, "0").slice(0, places)}`));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), price, (quantity, p) => {
        expect(lineTotal(quantity, new Decimal(p)).times(100).toFixed(0)).toBe(String(centsByIntegers(quantity, p)));
      }),
    );
  });
});

describe("a 10,000-line order", () => {
  const PRICES = ["0.1", "19.995", "1234.5678", "0.005", "2.675", "1.005", "99.999", "0.015"];
  const skus: CellValue[][] = [["SKU", "Description", "Warehouse", "Supplier", "On Hand", "Unit Cost"]];
  const lines: { sku: string; quantity: number }[] = [];
  for (let i = 0; i < 10_000; i++) {
    const sku = `S${String(i).padStart(5, "0")}`;
    skus.push([sku, "", "MAIN", "ACME", 0, PRICES[i % PRICES.length]]);
    lines.push({ sku, quantity: 1 + (i % 37) });
  }

  it("totals exactly the sum computed in integer cents", () => {
    const result = createOrder(context(shop({ SKUs: skus })), { supplier: "ACME", lines }, TODAY);
    if (!result.ok) throw new Error(result.reason);
    let expected = 0n;
    lines.forEach((line, i) => {
      const cents = centsByIntegers(line.quantity, PRICES[i % PRICES.length]);
      expect(result.order.lines[i].lineTotal.times(100).toFixed(0)).toBe(String(cents));
      expected += cents;
    });
    expect(result.order.total.times(100).toFixed(0)).toBe(String(expected));
    expect(result.writes.append).toHaveLength(10_001);
  });
});
