const QUANTITY = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A quantity in a sentence or on screen: thousands separators, at most two decimals, never `-0`. */
export function displayQuantity(n: number): string {
  return QUANTITY.format(Object.is(n, -0) ? 0 : n);
}
