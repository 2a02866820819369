/*
 * Numbers as people read them (en-US), written by hand rather than with Intl: a page's
 * first Intl formatter or collator loads ICU's data, 10 to 35 ms each on the task pane's
 * cold first paint, which shows a quantity on every line.
 */

/** Digits grouped by thousands (`-1234567.5` → `-1,234,567.5`), on the number's text (never through a float). */
export function grouped(fixed: string): string {
  const dot = fixed.indexOf(".");
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  let withCommas = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = withCommas.length; i < digits.length; i += 3) withCommas += `,${digits.slice(i, i + 3)}`;
  return `${sign}${withCommas}${dot < 0 ? "" : fixed.slice(dot)}`;
}

/** Beyond it `String(n)` has an exponent (and a quantity that large is never real). */
const PLAIN_BELOW = 1e21;
let huge: Intl.NumberFormat | undefined;

/**
 * A quantity in a sentence or on screen: thousands separators, at most two decimals
 * (half away from zero on the number as written: 1.005 → 1.01), never `-0`. The same
 * text as Intl's en-US format with `maximumFractionDigits: 2`, except that a negative
 * amount rounding to 0 shows `0`.
 */
export function displayQuantity(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= PLAIN_BELOW) return (huge ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })).format(n);
  const cents = hundredths(Math.abs(n));
  if (cents === "0") return "0";
  const whole = cents.length > 2 ? cents.slice(0, -2) : "0";
  const fraction = cents.padStart(2, "0").slice(-2).replace(/0+$/, "");
  return grouped(`${n < 0 ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`);
}

/** `x` (0 ≤ x < 1e21) in hundredths, rounded half up on its shortest text, as digits without leading zeros. */
function hundredths(x: number): string {
  // Below 1e-6 String() writes an exponent; such an amount rounds to 0 anyway.
  if (x < 0.001) return "0";
  const text = String(x);
  const dot = text.indexOf(".");
  if (dot < 0) return `${text}00`;
  const fraction = text.slice(dot + 1);
  const kept = `${text.slice(0, dot)}${fraction.slice(0, 2).padEnd(2, "0")}`;
  const digits = fraction.length > 2 && fraction[2] >= "5" ? (BigInt(kept) + 1n).toString() : kept;
  return digits.replace(/^0+(?=\d)/, "");
}
