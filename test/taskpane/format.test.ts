import { Decimal } from "decimal.js";
import { dayFromIso } from "../../src/core/dates";
import { date, money, parseDate, price, sentence, shortDate } from "../../src/taskpane/format";

test("money has thousands separators, cents and its currency, joined by a no-break space", () => {
  expect(money(new Decimal("1234567.5"), "USD")).toBe("1,234,567.50\u00a0USD");
  expect(money(new Decimal("-1234.56"), "EUR")).toBe("-1,234.56\u00a0EUR");
  expect(money(new Decimal("999.99"), "USD")).toBe("999.99\u00a0USD");
  expect(money(new Decimal(0), "GBP")).toBe("0.00\u00a0GBP");
});

test("a unit price keeps every decimal it has, at least two", () => {
  expect(price(new Decimal("19.995"), "USD")).toBe("19.995\u00a0USD");
  expect(price(new Decimal("2.5"), "USD")).toBe("2.50\u00a0USD");
  expect(price(new Decimal("1250"), "EUR")).toBe("1,250.00\u00a0EUR");
});

test("dates are written one way: day, month, year", () => {
  expect(date(dayFromIso("2026-11-23"))).toBe("23 Nov 2026");
  expect(date(dayFromIso("2027-01-04"))).toBe("4 Jan 2027");
  expect(date(null)).toBe("");
  expect(shortDate(dayFromIso("2026-11-23")!)).toBe("23 Nov");
});

test("a typed date is read as the pane writes it, or as ISO", () => {
  const dec7 = dayFromIso("2026-12-07");
  expect(["7 Dec 2026", "07 dec 2026", "7 December 2026", "7 Dec. 2026", " 2026-12-07 "].map(parseDate)).toEqual([dec7, dec7, dec7, dec7, dec7]);
  expect(parseDate("4 Sept 2027")).toBe(dayFromIso("2027-09-04"));
  // No such day, no such month, or not a date at all.
  expect(["31 Nov 2026", "7 Dex 2026", "7/12/2026", "", "Dec 2026"].map(parseDate)).toEqual([undefined, undefined, undefined, undefined, undefined]);
});

test("core's sentences show their days as the pane writes dates", () => {
  expect(sentence("The delivery date 2026-11-20 is before today (2026-12-01), so nothing was written.")).toBe(
    "The delivery date 20 Nov 2026 is before today (1 Dec 2026), so nothing was written.",
  );
  // Not a day: left as it is.
  expect(sentence("Code 2026-13-45 and PO-2026-0042")).toBe("Code 2026-13-45 and PO-2026-0042");
});
