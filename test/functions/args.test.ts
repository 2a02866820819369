import { optionalCode, optionalDate, optionalWeek } from "../../src/functions/args";
import { FunctionError } from "../../src/functions/errors";
import { defaultSettings } from "../../src/core/settings";
import { TODAY } from "../helpers";

// Plan Start 2026-11-23 (Monday, the default for today), 26 weeks.
const settings = defaultSettings(TODAY);

describe("week arguments", () => {
  it("take a whole week index 1..H as it is", () => {
    expect([optionalWeek(1, "week", settings, false), optionalWeek(26, "week", settings, false), optionalWeek("4", "week", settings, false)]).toEqual([1, 26, 4]);
  });

  it("take a date for the week containing it: serial, with a time of day, or ISO text", () => {
    // 46349 = 2026-11-23 (week 1); 46356.75 = 2026-11-30 18:00 (week 2); 2027-05-23 is the last day of week 26.
    expect(optionalWeek(46349, "week", settings, false)).toBe(1);
    expect(optionalWeek(46356.75, "week", settings, false)).toBe(2);
    expect(optionalWeek("2027-05-23", "week", settings, false)).toBe(26);
  });

  it("honour the 1904 date system: 2026-11-23 is serial 46349 − 1462 = 44887 there", () => {
    expect(optionalWeek(44887, "week", settings, true)).toBe(1);
    expect(optionalDate(44887, "from", true)).toBe(TODAY);
  });

  it("are omitted when blank", () => {
    expect([optionalWeek(null, "week", settings, false), optionalWeek(undefined, "week", settings, false), optionalWeek("  ", "week", settings, false)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("refuse a date before the plan, naming the argument", () => {
    expect(() => optionalWeek("2026-11-22", "week", settings, false)).toThrow(new FunctionError("#VALUE!", "week 2026-11-22 is outside the plan (2026-11-23 to 2027-05-23)."));
    expect(() => optionalWeek(0, "week", settings, false)).toThrow(FunctionError);
    expect(() => optionalWeek(true, "week", settings, false)).toThrow(FunctionError);
  });
});

describe("code arguments", () => {
  it("read numbers as codes and trim text, as codes in the workbook are", () => {
    expect([optionalCode(123, "sku"), optionalCode("  A-1 ", "sku"), optionalCode("", "sku")]).toEqual(["123", "A-1", undefined]);
  });
});
