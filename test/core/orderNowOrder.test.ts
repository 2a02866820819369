import { compareOrderNow, type OrderNowLine } from "../../src/core/plan";
import { Money } from "../../src/core/money";

const line = (sku: string, warehouse: string, shortWeek: number | null, value: string): OrderNowLine => ({
  sku,
  warehouse,
  supplier: "BOLT",
  quantity: 1,
  unitPrice: new Money(value),
  value: new Money(value),
  currency: "USD",
  arrivalWeek: 2,
  arrivalDate: 0,
  shortWeek,
  shortDate: null,
});

test("Order now: the first short week first (never short last), then the largest value", () => {
  const lines = [line("A", "EAST", null, "900"), line("B", "EAST", 3, "10"), line("C", "EAST", 2, "5"), line("D", "EAST", 3, "10.01")];
  expect(lines.sort(compareOrderNow).map((l) => l.sku)).toEqual(["C", "D", "B", "A"]);
});

test("Order now: lines alike in urgency and value go by SKU, then warehouse, in their characters' order on every machine", () => {
  const lines = [line("sku-2", "EAST", 2, "10"), line("SKU-10", "WEST", 2, "10"), line("SKU-10", "EAST", 2, "10"), line("SKU-9", "EAST", 2, "10"), line("Sku-1", "EAST", 2, "10")];
  // Capitals before small letters and "10" before "9", as the characters go (a collation would put sku-2 before SKU-9).
  expect(lines.sort(compareOrderNow).map((l) => `${l.sku}@${l.warehouse}`)).toEqual(["SKU-10@EAST", "SKU-10@WEST", "SKU-9@EAST", "Sku-1@EAST", "sku-2@EAST"]);
});
