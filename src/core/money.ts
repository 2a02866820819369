import { Decimal } from "decimal.js";

/** Money is exact: decimal.js, rounded to cents half away from zero (ROUND_HALF_UP in decimal.js). */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export function toCents(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** `round(quantity × unit price, 2)`, half away from zero. */
export function lineTotal(quantity: number | Decimal, unitPrice: Decimal): Decimal {
  return toCents(new Money(quantity).times(unitPrice));
}

export function formatMoney(amount: Decimal): string {
  return amount.toFixed(2);
}

/** Sums amounts per currency; two currencies are never added together. */
export function totalsByCurrency(entries: Iterable<{ currency: string; amount: Decimal }>): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  for (const { currency, amount } of entries) {
    totals.set(currency, (totals.get(currency) ?? new Money(0)).plus(amount));
  }
  return totals;
}
