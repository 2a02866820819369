import { dayFromIso, serialFromDay } from "../../src/core/dates";
import { planStartEdit, stalePlan } from "../../src/core/planStart";
import { defaultSettings } from "../../src/core/settings";
import { book, TODAY } from "../helpers";

const day = (iso: string) => dayFromIso(iso)!;

describe("a plan whose week 1 is over", () => {
  test("Plan Start before this week's Monday is stale, by whole weeks", () => {
    // Today is Monday 2026-11-23; Plan Start 2026-11-09 is two weeks earlier.
    expect(stalePlan({ ...defaultSettings(TODAY), planStart: day("2026-11-09") }, TODAY)).toEqual({
      planStart: day("2026-11-09"),
      thisMonday: day("2026-11-23"),
      weeksOver: 2,
    });
    // On Sunday 2026-11-29 the week of 2026-11-23 is still this week.
    expect(stalePlan({ ...defaultSettings(TODAY), planStart: day("2026-11-23") }, day("2026-11-29"))).toBeUndefined();
    // A plan that starts next week is not over.
    expect(stalePlan({ ...defaultSettings(TODAY), planStart: day("2026-11-30") }, TODAY)).toBeUndefined();
  });
});

describe("setting Plan Start", () => {
  const serial = serialFromDay(day("2026-11-23"));

  test("writes the value cell of the Plan Start row, whatever its spelling", () => {
    const input = book({
      Settings: [
        ["Setting", "Value"],
        ["Currency", "USD"],
        ["plan_start", 46335],
      ],
    }).input();
    expect(planStartEdit(input, day("2026-11-23"))).toEqual({ ok: true, writes: { append: [], cells: [{ sheet: "Settings", row: 2, col: 1, value: serial }] } });
  });

  test("adds the row when the sheet has none", () => {
    const input = book({
      Settings: [
        ["Setting", "Value"],
        ["Currency", "USD"],
      ],
    }).input();
    expect(planStartEdit(input, day("2026-11-23"))).toEqual({ ok: true, writes: { append: [{ sheet: "Settings", col: 0, values: ["Plan Start", serial] }], cells: [] } });
  });

  test("is refused when the Settings sheet has no Setting and Value columns", () => {
    const input = book({ Settings: [["Name", "What"]] }).input();
    expect(planStartEdit(input, day("2026-11-23"))).toEqual({
      ok: false,
      reason: 'The Settings sheet has no "Setting" and "Value" columns in its header row: add them, then try again.',
    });
  });
});
