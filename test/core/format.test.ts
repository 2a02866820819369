import { displayQuantity, grouped } from "../../src/core/format";

test("a quantity has thousands separators and at most two decimals, rounded half away from zero as written", () => {
  expect(displayQuantity(1234567)).toBe("1,234,567");
  expect(displayQuantity(1234.5)).toBe("1,234.5");
  expect(displayQuantity(-1234.5)).toBe("-1,234.5");
  expect(displayQuantity(0.125)).toBe("0.13");
  expect(displayQuantity(-0.125)).toBe("-0.13");
  // 1.005 and 2.675 are a hair below as binary numbers; a planner reads what was typed.
  expect(displayQuantity(1.005)).toBe("1.01");
  expect(displayQuantity(2.675)).toBe("2.68");
  expect(displayQuantity(9.995)).toBe("10");
  expect(displayQuantity(0.095)).toBe("0.1");
  expect(displayQuantity(123456789.125)).toBe("123,456,789.13");
  expect(displayQuantity(1 / 3)).toBe("0.33");
  expect(displayQuantity(1e20)).toBe("100,000,000,000,000,000,000");
});

test("nothing is shown as -0", () => {
  expect([0, -0, -0.004, 1e-9, -1e-9, 0.004].map(displayQuantity)).toEqual(["0", "0", "0", "0", "0", "0"]);
  expect(displayQuantity(-0.005)).toBe("-0.01");
});

test("numbers no plan makes still get a text", () => {
  expect([Number.NaN, Infinity, -Infinity, 1e21].map(displayQuantity)).toEqual(["NaN", "∞", "-∞", "1,000,000,000,000,000,000,000"]);
});

test("a quantity reads as Intl's en-US text with at most two decimals (which the pane used before)", () => {
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const scale = 10 ** Math.floor(random() * 16 - 4);
    const x = (random() - 0.3) * scale;
    // Plain draws, numbers typed with three decimals (ties included), and whole numbers.
    values.push(x, Math.round(x * 1000) / 1000, Math.round(x * 200) / 200 + 0.005, Math.round(x));
  }
  for (const x of values) {
    const expected = intl.format(x) === "-0" ? "0" : intl.format(x);
    if (displayQuantity(x) !== expected) throw new Error(`${x}: ${displayQuantity(x)} ≠ Intl's ${expected}`);
  }
});

test("grouping works on the digits as written", () => {
  expect(["0", "12", "123", "1234", "-1234567.891", "1000000.00", "-12.5"].map(grouped)).toEqual(["0", "12", "123", "1,234", "-1,234,567.891", "1,000,000.00", "-12.5"]);
});
