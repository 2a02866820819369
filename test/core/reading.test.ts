import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dayFromIso } from "../../src/core/dates";
import { METHOD_NAMES } from "../../src/core/forecasting";
import { readModel } from "../../src/core/model";
import { planAll } from "../../src/core/plan";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { messages, model, settings, SUPPLIERS, TODAY } from "../helpers";

const NOV23 = dayFromIso("2026-11-23")!;

describe("settings", () => {
  it("defaults to the Monday of this week and the spec's values", () => {
    const m = model({ SKUs: [["SKU"], ["X"]], Suppliers: SUPPLIERS });
    expect(m.settings).toEqual({
      planStart: NOV23,
      horizonWeeks: 26,
      currency: "USD",
      defaultWarehouse: "MAIN",
      safetyDays: 0,
      reviewWeeks: 1,
      poPrefix: "PO-",
      integrationUrl: "",
      forecastMethod: "auto",
      serviceLevel: undefined,
      receiptTolerancePct: 0,
    });
  });

  it("moves Plan Start back to its Monday and reads dates as serials, JS Dates or ISO text", () => {
    const read = (value: unknown, date1904 = false) => {
      const wb = new MemoryWorkbook({ Settings: settings({ "Plan Start": value as never }), SKUs: [["SKU"], ["X"]], Suppliers: SUPPLIERS }, date1904);
      const r = readModel(wb.input(), { today: TODAY });
      return r.ok ? r.model.settings.planStart : undefined;
    };
    expect(read("2026-11-26")).toBe(NOV23); // a Thursday
    expect(read(46349)).toBe(NOV23); // 1900 system serial of 2026-11-23
    expect(read(46349.75)).toBe(NOV23); // with a time of day
    expect(read(44887, true)).toBe(NOV23); // 1904 system: 46349 − 1462
    expect(read(new Date(Date.UTC(2026, 10, 29)))).toBe(NOV23); // a Sunday
  });

  it("reports an unknown setting and a value that does not fit, and keeps the default", () => {
    const m = model({
      Settings: settings({ "Horizon Wekks": 12, "Horizon Weeks": 300, Currency: "usd", review_weeks: 2, "Plan Start": "23/11/2026", "Integration URL": "ftp://erp" }),
      SKUs: [["SKU"], ["X"]],
      Suppliers: SUPPLIERS,
    });
    expect(m.settings.horizonWeeks).toBe(26);
    expect(m.settings.currency).toBe("USD");
    expect(m.settings.reviewWeeks).toBe(2);
    expect(m.settings.planStart).toBe(NOV23);
    expect(m.settings.integrationUrl).toBe("");
    expect(messages(m)).toEqual([
      expect.stringMatching(/^Settings!A2: Unknown setting "Horizon Wekks"/),
      "Settings!B3: Horizon Weeks 300 must be 260 or less; it was ignored.",
      expect.stringMatching(/^Settings!B4: Currency "usd" does not fit \(a three-letter ISO 4217 code such as USD\); the default is used\.$/),
      expect.stringMatching(/^Settings!B6: Plan Start "23\/11\/2026" is not a date/),
      expect.stringMatching(/^Settings!B7: Integration URL "ftp:\/\/erp" does not fit/),
      expect.stringMatching(/^SKUs!A2: SKU "X" at "MAIN" has no supplier/),
    ]);
  });
});

describe("the settings forecasting and receiving use", () => {
  const read = (rows: Record<string, unknown>) => model({ Settings: settings(rows as never), SKUs: [["SKU"], ["X"]], Suppliers: SUPPLIERS });
  const level = (value: unknown) => read({ "Service Level": value }).settings.serviceLevel;

  it("reads a Service Level written 95, 95% or 0.95 as the same level, from 50 to 99.9", () => {
    expect([level(95), level("95%"), level(0.95), level("0.95"), level(" 97.5 % ")]).toEqual([0.95, 0.95, 0.95, 0.95, 0.975]);
    expect([level(50), level(99.9), level(0.5), level("99.9%")]).toEqual([0.5, 0.999, 0.5, 0.999]);
  });

  it("refuses a Service Level outside 50–99.9 % (so it is not used), each with its address", () => {
    const m = read({ "Service Level": 100 });
    expect(m.settings.serviceLevel).toBeUndefined();
    expect(messages(m)[0]).toBe('Settings!B2: Service Level "100" does not fit (a percentage from 50 to 99.9, written 95, 95% or 0.95); the default is used.');
    // 0.4 is 40 %; "0.95%" says percent: under a hundredth of a percent; "high" is no number.
    for (const value of [0.4, "0.95%", 49.9, "high"]) {
      const bad = read({ "Service Level": value });
      expect([value, bad.settings.serviceLevel, messages(bad)[0]]).toEqual([value, undefined, expect.stringMatching(/^Settings!B2: Service Level /)]);
    }
  });

  it("Forecast Method: auto by default; auto, none or a method of the forecasting engine, in any case", () => {
    expect(read({}).settings.forecastMethod).toBe("auto");
    expect(read({ "Forecast Method": " NONE " }).settings.forecastMethod).toBe("none");
    expect(read({ "Forecast Method": "Auto" }).settings.forecastMethod).toBe("auto");
    expect(read({ "Forecast Method": "SBA" }).settings.forecastMethod).toBe("sba");
    const m = read({ "Forecast Method": "magic" });
    expect(m.settings.forecastMethod).toBe("auto");
    expect(messages(m)[0]).toMatch(/^Settings!B2: Forecast Method "magic" does not fit \(auto, none or one of the methods .*\bsba\b.*\); the default is used\.$/);
  });

  it("Forecast Method takes exactly the method names the README lists (FORECAST.md)", () => {
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    const listed = readme.slice(readme.indexOf("- **Methods**"), readme.indexOf("- **How `auto` chooses**"));
    const named = [...listed.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]).filter((name) => name !== "auto" && name !== "none");
    expect([...named].sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of named) expect(read({ "Forecast Method": name.toUpperCase() }).settings.forecastMethod).toBe(name);
  });

  it("Receipt Tolerance %: 0 by default, 5 or 5% is five percent, below 0 is refused", () => {
    expect(read({}).settings.receiptTolerancePct).toBe(0);
    expect(read({ "Receipt Tolerance %": 5 }).settings.receiptTolerancePct).toBe(5);
    expect(read({ "receipt tolerance %": "2.5%" }).settings.receiptTolerancePct).toBe(2.5);
    const m = read({ "Receipt Tolerance %": -1 });
    expect(m.settings.receiptTolerancePct).toBe(0);
    expect(messages(m)[0]).toBe('Settings!B2: Receipt Tolerance % "-1" does not fit (a percentage, 0 or more); the default is used.');
  });

  it("no new setting is an unknown one", () => {
    const m = read({ "Forecast Method": "auto", "Service Level": "95%", "Receipt Tolerance %": 0 });
    expect(messages(m).filter((line) => line.includes("Unknown setting"))).toEqual([]);
  });
});

describe("Plan Start bounds", () => {
  const read = (value: unknown) => model({ Settings: settings({ "Plan Start": value as never }), SKUs: [["SKU"], ["X"]], Suppliers: SUPPLIERS });

  it("a serial that is not a date, or a date more than 10 years from today, is reported and week 1 is this week", () => {
    // Today 2026-11-23. Serial 9999 is 1927-05-17 (9,999 days after 1899-12-30); 1e12 is no date a JS Date can hold.
    const cases: [unknown, string][] = [
      [-7, 'Settings!B2: Plan Start "-7" is not a date (use a date cell or YYYY-MM-DD); it was ignored.'],
      [9999, 'Settings!B2: Plan Start "9999" does not fit: 1927-05-17 is more than 10 years from today (2026-11-23); the default is used.'],
      // Beyond 9999-12-31 a serial is no date Excel holds: the cell's own reader says so (issue 10's hostile dates).
      [1e12, "Settings!B2: Plan Start 1000000000000 is not a date Excel can hold (1900-01-01 to 9999-12-31); it was ignored."],
      ["2036-12-01", 'Settings!B2: Plan Start "2036-12-01" does not fit: 2036-12-01 is more than 10 years from today (2026-11-23); the default is used.'],
    ];
    for (const [value, message] of cases) {
      const m = read(value);
      expect([value, m.settings.planStart, messages(m)[0]]).toEqual([value, NOV23, message]);
    }
  });

  it("accepts dates up to 10 years either side of today", () => {
    // 10 × 365.25 = 3,652.5 → 3,653 days: 2036-11-22 is 3,652 days after 2026-11-23 (its Monday 2036-11-17).
    expect(read("2036-11-22").settings.planStart).toBe(dayFromIso("2036-11-17"));
    expect(read("2016-11-23").settings.planStart).toBe(dayFromIso("2016-11-21"));
  });
});

describe("settings bounds", () => {
  const read = (rows: Record<string, unknown>) =>
    model({
      Settings: settings(rows as never),
      SKUs: [
        ["SKU", "Supplier", "Unit Cost"],
        ["X", "ACME", 1],
      ],
      Suppliers: SUPPLIERS,
    });

  it("accepts Horizon Weeks 1 and 260, numeric text, and any Review Weeks of 1 or more", () => {
    expect(read({ "Horizon Weeks": 1 }).settings.horizonWeeks).toBe(1);
    expect(read({ "Horizon Weeks": " 260 " }).settings.horizonWeeks).toBe(260);
    expect(read({ "Review Weeks": 4, "Safety Days": 3.5 }).settings).toMatchObject({ reviewWeeks: 4, safetyDays: 3.5 });
  });

  it("keeps the defaults (26 weeks, weekly review, 0 days) for values out of bounds, each reported", () => {
    const m = read({ "Horizon Weeks": 0, "HORIZON WEEKS": 261, "Review Weeks": 0, "Safety Days": -1 });
    expect(m.settings).toMatchObject({ horizonWeeks: 26, reviewWeeks: 1, safetyDays: 0 });
    expect(messages(m)).toEqual([
      "Settings!B2: Horizon Weeks 0 must be 1 or more; it was ignored.",
      "Settings!A3: The setting Horizon Weeks is given twice; the first one is used.",
      "Settings!B4: Review Weeks 0 must be 1 or more; it was ignored.",
      "Settings!B5: Safety Days -1 must be 0 or more; it was ignored.",
    ]);
    expect(messages(read({ "Horizon Weeks": 12.5 }))).toEqual(["Settings!B2: Horizon Weeks 12.5 must be a whole number; it was ignored."]);
  });
});

describe("finding sheets and columns", () => {
  it("matches sheet and column names loosely, in any order, and keeps unknown columns out of the way", () => {
    const m = model({
      suppliers: [
        ["supplier", "LEAD_TIME_DAYS"],
        ["ACME", 14],
      ],
      skus: [
        ["Notes", "on-hand", "sku", "supplier", "unit cost"],
        ["anything", 5, "X", "ACME", 2],
      ],
      "supplier-items": [
        ["Sku", "Supplier", "unitprice"],
        ["X", "ACME", 1.5],
      ],
    });
    expect(m.problems).toEqual([]);
    expect(m.items[0].onHand).toBe(5);
    expect(m.items[0].leadDays).toBe(14);
    expect(m.items[0].unitPrice.toString()).toBe("1.5");
  });

  it("prefers an Excel table over a sheet of the same name, with addresses on the table's sheet", () => {
    const wb = new MemoryWorkbook({ Suppliers: SUPPLIERS });
    const input = wb.input();
    input.grids.push({ name: "SKUs", sheet: "SKUs", values: [["SKU"], ["FROM-SHEET"]] });
    input.grids.push({
      name: "SKUs",
      sheet: "Data",
      table: true,
      originRow: 4,
      originCol: 2,
      values: [
        ["SKU", "On Hand"],
        ["FROM-TABLE", "lots"],
      ],
    });
    const r = readModel(input, { today: TODAY });
    if (!r.ok) throw new Error(r.error);
    expect(r.model.items.map((i) => i.sku)).toEqual(["FROM-TABLE"]);
    expect(r.model.problems[0].address).toBe("Data!D6");
  });

  it("skips blank rows and starts at the first non-empty row", () => {
    const m = model({
      Suppliers: SUPPLIERS,
      SKUs: [[], [null, ""], ["SKU", "Supplier", "Unit Cost"], ["A1", "ACME", 1], ["  ", null, null], ["A2", "ACME", 1]],
    });
    expect(m.items.map((i) => i.sku)).toEqual(["A1", "A2"]);
    expect(m.problems).toEqual([]);
  });

  it("fails without a SKUs sheet or SKU column, and reports a missing required column once per sheet", () => {
    const none = readModel(new MemoryWorkbook({ Suppliers: SUPPLIERS }).input(), { today: TODAY });
    expect(none).toMatchObject({ ok: false, error: expect.stringMatching(/no SKUs sheet/) });
    const noColumn = readModel(new MemoryWorkbook({ SKUs: [["Item"], ["X"]] }).input(), { today: TODAY });
    expect(noColumn).toMatchObject({ ok: false, error: expect.stringMatching(/no SKU column/) });
    const m = model({
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Supplier", "Unit Cost"],
        ["X", "ACME", 1],
      ],
      "Supplier Items": [
        ["SKU", "Price"],
        ["X", 1],
        ["X", 2],
      ],
    });
    expect(messages(m)).toEqual(["'Supplier Items'!A1: The Supplier Items sheet has no column \"Supplier\" in its header row, so it was not read."]);
  });
});

describe("SKUs rows", () => {
  const m = model({
    Settings: settings({ "Default Warehouse": "CENTRAL" }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "On Hand", "MOQ", "Order Multiple", "Lead Time Days", "Unit Cost", "Safety Stock"],
      [123, null, "ACME", "1,200", -5, 0, "ten", 1, -1],
      ["  abc  ", "W1", "ACME", -4, 10, 6, 7, "1.25", 5],
      ["ABC", "W1", "ACME", "12.5", null, null, null, 1, null],
      ["abc", "W1", "ACME", 1, null, null, null, 1, null],
      [null, "W1", "ACME", 3, null, null, null, 1, null],
      ["BAD", "W1", "GHOST", 0, null, null, null, 1, null],
    ],
  });

  it("reads codes as trimmed, case-sensitive text; numbers as numbers or numeric text", () => {
    expect(m.items.map((i) => `${i.sku}@${i.warehouse}`)).toEqual(["123@CENTRAL", "abc@W1", "ABC@W1", "BAD@W1"]);
    const abc = m.itemsByKey.get("abc\u0000W1")!;
    expect([abc.onHand, abc.moq, abc.multiple, abc.leadDays, abc.unitPrice.toString(), abc.safetyStock]).toEqual([-4, 10, 6, 7, "1.25", 5]);
    expect(m.itemsByKey.get("ABC\u0000W1")!.onHand).toBe(12.5);
  });

  it("applies defaults after a bad cell, and reports each one", () => {
    const item = m.itemsByKey.get("123\u0000CENTRAL")!;
    // Lead time falls through to the Suppliers sheet's 14 days for ACME.
    expect([item.onHand, item.moq, item.multiple, item.leadDays, item.safetyStock]).toEqual([0, 0, 1, 14, 0]);
    expect(messages(m)).toEqual([
      'SKUs!D2: On Hand "1,200" is not a number; it was ignored.',
      "SKUs!I2: Safety Stock -1 must be 0 or more; it was ignored.",
      'SKUs!G2: Lead Time Days "ten" is not a number; it was ignored.',
      "SKUs!E2: MOQ -5 must be 0 or more; it was ignored.",
      "SKUs!F2: Order Multiple 0 must be more than 0.000001; it was ignored.",
      'SKUs!A5: SKU "abc" at warehouse "W1" is already on row SKUs!A3; this row was not used.',
      "SKUs!A6: This row has no SKU, so it was not used.",
      'SKUs!C7: Supplier "GHOST" of SKU "BAD" is not on the Suppliers sheet.',
    ]);
  });
});

describe("preferred supplier and parameter precedence", () => {
  const m = model({
    Settings: settings({ Currency: "GBP", "Safety Days": 7 }),
    Suppliers: [
      ["Supplier", "Lead Time Days", "Currency"],
      ["ACME", 21, "USD"],
      ["BOLT", 28, "EUR"],
      ["CAST", 35, null],
    ],
    SKUs: [
      ["SKU", "Supplier", "Lead Time Days", "MOQ", "Order Multiple", "Unit Cost", "Weekly Forecast", "Safety Days"],
      ["P1", "ACME", 3, 10, 2, 9, 10, null],
      ["P2", "ACME", null, null, null, 9, 14, 14],
      ["P3", null, null, null, null, null, 0, null],
      ["P4", null, null, null, null, null, 0, null],
    ],
    "Supplier Items": [
      ["SKU", "Supplier", "Unit Price", "Lead Time Days", "MOQ", "Order Multiple", "Preferred"],
      ["P1", "ACME", 5, null, null, 4, "no"],
      ["P1", "BOLT", 6, 8, 20, null, true],
      ["P1", "CAST", 7, null, null, null, "TRUE"],
      ["P2", "BOLT", null, null, null, null, false],
      ["P3", "CAST", null, null, null, null, null],
    ],
  });

  it("takes the first Preferred row, reports a second one, then falls back to SKUs' Supplier, then the first linked", () => {
    expect(m.items.map((i) => i.supplier)).toEqual(["BOLT", "ACME", "CAST", undefined]);
    expect(messages(m)).toEqual([
      "'Supplier Items'!G4: SKU \"P1\" already has a preferred supplier (\"BOLT\", 'Supplier Items'!G3); this one is not preferred.",
      expect.stringMatching(/^SKUs!F4: SKU "P3" has no unit price from supplier "CAST" nor a Unit Cost/),
      expect.stringMatching(/^SKUs!B5: SKU "P4" at "MAIN" has no supplier/),
    ]);
  });

  it("takes each parameter from Supplier Items, then SKUs, then Suppliers, then the default", () => {
    const [p1, p2, p3, p4] = m.items;
    // P1 from BOLT: lead 8 (item) → 2 weeks, MOQ 20 (item), multiple 2 (SKUs), price 6 (item), EUR.
    expect([p1.leadDays, p1.leadWeeks, p1.moq, p1.multiple, p1.unitPrice.toNumber(), p1.currency]).toEqual([8, 2, 20, 2, 6, "EUR"]);
    // P2 from ACME (no item row for ACME): lead 21 (Suppliers), price 9 (Unit Cost), USD.
    expect([p2.leadDays, p2.leadWeeks, p2.moq, p2.multiple, p2.unitPrice.toNumber(), p2.currency]).toEqual([21, 3, 0, 1, 9, "USD"]);
    // P3 from CAST: lead 35, no price → 0; CAST has no currency → the settings' GBP.
    expect([p3.leadDays, p3.unitPrice.toNumber(), p3.currency, p3.recommendable]).toEqual([35, 0, "GBP", true]);
    expect([p4.leadDays, p4.recommendable]).toEqual([0, false]);
  });

  it("derives safety stock from safety days and mean demand when Safety Stock is blank", () => {
    // P1: 7 days (setting) / 7 × 10 = 10; P2: 14 days (SKU) / 7 × 14 = 28.
    expect(m.items[0].safetyStock).toBe(10);
    expect(m.items[1].safetyStock).toBe(28);
  });

  it("plans an item without a supplier with no recommendations", () => {
    const p4 = planAll(m)[3];
    expect([...p4.recommended].every((q) => q === 0)).toBe(true);
  });
});

describe("forecast", () => {
  const sheets = (forecast: unknown[][]) => ({
    Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 3 }),
    Suppliers: SUPPLIERS,
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "Unit Cost", "Weekly Forecast"],
      ["X", "MAIN", "ACME", 1, 9],
      ["X", "EAST", "ACME", 1, 9],
      ["Y", "MAIN", "ACME", 1, 4],
    ],
    Forecast: forecast as never,
  });

  it("reads the wide layout: dates as headers, columns in one week added, history and beyond ignored", () => {
    const m = model(
      sheets([
        ["SKU", "Warehouse", "2026-11-16", "2026-11-23", 46351, "2026-11-30", "2026-12-07", "2026-12-14", "Comment"],
        ["X", null, 100, 1, 2, 3, 4, 100, "x"],
        ["X", "EAST", null, 5, null, "", 6, null, null],
      ]),
    );
    // X@MAIN: week 1 = 1 + 2 (46351 is Wed 2026-11-25), week 2 = 3, week 3 = 4. X@EAST: 5, 0, 6. Y: no row → 4 a week.
    expect([...m.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([3, 3, 4]);
    expect([...m.itemsByKey.get("X\u0000EAST")!.demand].slice(1)).toEqual([5, 0, 6]);
    expect([...m.itemsByKey.get("Y\u0000MAIN")!.demand].slice(1)).toEqual([4, 4, 4]);
    expect(m.problems).toEqual([]);
  });

  it("reads the long layout and reports bad cells and unknown item-locations", () => {
    const m = model(
      sheets([
        ["SKU", "Warehouse", "Week", "Quantity"],
        ["X", null, "2026-11-24", 2],
        ["X", null, "2026-11-25", 3],
        ["X", null, "2026-12-09", "lots"],
        ["X", null, "2026-11-01", 50],
        ["Z", null, "2026-11-24", 1],
        ["X", null, null, 1],
      ]),
    );
    expect([...m.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([5, 0, 0]);
    expect(messages(m)).toEqual([
      'Forecast!D4: Quantity "lots" is not a number; it was ignored.',
      'Forecast!A6: SKU "Z" at warehouse "MAIN" is not on the SKUs sheet; this forecast row was not used.',
      "Forecast!C7: This forecast row has no Week date, so it was not used.",
    ]);
  });

  it("keeps the Weekly Forecast of an item whose only forecast rows were not used", () => {
    const m = model(
      sheets([
        ["SKU", "Warehouse", "Week", "Quantity"],
        ["X", null, "next week", 3],
        ["X", "EAST", null, 2],
        ["Y", null, "2026-11-01", 50],
      ]),
    );
    // X@MAIN and X@EAST: both rows reported and unused → 9 a week from SKUs.
    // Y: its row is used, but it is history → the Forecast gives 0 in every plan week.
    expect([...m.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([9, 9, 9]);
    expect([...m.itemsByKey.get("X\u0000EAST")!.demand].slice(1)).toEqual([9, 9, 9]);
    expect([...m.itemsByKey.get("Y\u0000MAIN")!.demand].slice(1)).toEqual([0, 0, 0]);
    expect(messages(m)).toEqual([expect.stringMatching(/^Forecast!C2: Week "next week" is not a date/), "Forecast!C3: This forecast row has no Week date, so it was not used."]);
  });

  it("reads numeric text in a wide forecast like any number cell", () => {
    const m = model(
      sheets([
        ["SKU", "2026-11-23", "2026-11-30", "2026-12-07"],
        ["X", ".5", " 2 ", "+1.25"],
      ]),
    );
    expect([...m.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([0.5, 2, 1.25]);
    expect(m.problems).toEqual([]);
  });

  it("reports week headers it cannot read as dates instead of planning no demand for them", () => {
    // An Excel table keeps its headers as text: dates typed there arrive as Excel shows them.
    const m = model(
      sheets([
        ["SKU", "23/11/2026", "2026-11-30", "46363", "Notes"],
        ["X", 1, 2, 3, "n"],
      ]),
    );
    // Only 2026-11-30 (week 2) is read; X@MAIN has a Forecast row, so 0 in weeks 1 and 3.
    expect([...m.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([0, 2, 0]);
    expect(messages(m)).toEqual([
      'Forecast!B1: Forecast column "23/11/2026" is not a date the add-in can read (use a date cell or YYYY-MM-DD), so the column was not used.',
      'Forecast!D1: Forecast column "46363" is not a date the add-in can read (use a date cell or YYYY-MM-DD), so the column was not used.',
    ]);
  });

  it("does not read a Forecast with neither Week and Quantity nor any date column, so Weekly Forecasts stand", () => {
    const m = model(
      sheets([
        ["SKU", "Week 1", "Week 2", "Week 3"],
        ["X", 1, 2, 3],
      ]),
    );
    expect([...m.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([9, 9, 9]);
    expect(messages(m)).toEqual(["Forecast!A1: The Forecast sheet has neither Week and Quantity columns nor columns headed by week dates, so it was not read."]);
    // Dates outside the plan are still dates: last season's forecast is read, and gives 0.
    const old = model(
      sheets([
        ["SKU", "2025-11-24"],
        ["X", 5],
      ]),
    );
    expect([...old.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([0, 0, 0]);
    expect(old.problems).toEqual([]);
  });

  it("reports junk in a wide forecast cell with its address", () => {
    const m = model(
      sheets([
        ["SKU", "2026-11-23"],
        ["X", "1,5"],
        ["Y", -2],
      ]),
    );
    expect(messages(m)).toEqual([
      'Forecast!B2: Forecast "1,5" is not a quantity of 0 or more; it counts as 0.',
      'Forecast!B3: Forecast "-2" is not a quantity of 0 or more; it counts as 0.',
    ]);
  });

  it("a wide forecast cell beyond 10^12 is a typo, reported, and counts 0 (the plan stays finite)", () => {
    const m = model(
      sheets([
        ["SKU", "2026-11-23", "2026-11-30"],
        ["X", 1.8e299, 4],
      ]),
    );
    expect(messages(m)).toEqual(['Forecast!B2: Forecast "1.8e+299" is too large to be real; it counts as 0.']);
    expect([...m.itemsByKey.get("X\u0000MAIN")!.demand].slice(1)).toEqual([0, 4, 0]);
  });
});

describe("order overrides sheet", () => {
  it("reports overrides before the plan start, duplicates (the last stands), blanks and unknown items", () => {
    const m = model({
      Settings: settings({ "Plan Start": "2026-11-23", "Horizon Weeks": 4 }),
      Suppliers: SUPPLIERS,
      SKUs: [
        ["SKU", "Supplier", "Unit Cost"],
        ["X", "ACME", 1],
      ],
      "Order Overrides": [
        ["SKU", "Warehouse", "Week", "Quantity"],
        ["X", null, "2026-11-16", 5],
        ["X", "MAIN", "2026-11-30", 7],
        ["X", "MAIN", "2026-12-03", 8],
        ["X", "MAIN", "2026-12-07", null],
        ["Q", "MAIN", "2026-12-07", 1],
        ["X", "MAIN", "2026-12-14", -1],
      ],
    });
    expect([...m.items[0].overrides].slice(1)).toEqual([NaN, 8, NaN, NaN]);
    expect(messages(m)).toEqual([
      "'Order Overrides'!C2: This override's week is before the plan start, so it was ignored.",
      "'Order Overrides'!C3: A later override for SKU \"X\" at \"MAIN\" in week 2 ('Order Overrides'!C4) replaces this one.",
      "'Order Overrides'!D5: This override has no Quantity, so it was not used (0 means do not order).",
      '\'Order Overrides\'!A6: SKU "Q" at warehouse "MAIN" is not on the SKUs sheet; this override was not used.',
      "'Order Overrides'!D7: Quantity -1 must be 0 or more; it was ignored.",
    ]);
  });
});
