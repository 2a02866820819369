import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { planster, tempDir, writeText, writeXlsx } from "./xlsxFiles";

const dir = tempDir();
const WORKED = {
  Settings: [
    ["Setting", "Value"],
    ["Plan Start", new Date(Date.UTC(2026, 10, 23))],
    ["Horizon Weeks", 8],
  ],
  Suppliers: [
    ["Supplier", "Name", "Currency"],
    ["ACME", "Acme Corp", "EUR"],
  ],
  SKUs: [
    ["SKU", "Warehouse", "Supplier", "On Hand", "Safety Stock", "Lead Time Days", "MOQ", "Order Multiple", "Unit Cost", "Weekly Forecast", "Purchase Status"],
    ["WIDGET", "MAIN", "ACME", 100, 20, 10, 50, 12, 2.5, 30, null],
    ["GADGET", "MAIN", "ACME", 5, 10, 0, null, null, 19.995, 10, "D"],
    ["GIZMO", "EAST", "ACME", 0, 0, 7, null, 4, 1.1, 6, "DX"],
  ],
};
let worked: string;
let broken: string;

beforeAll(async () => {
  worked = await writeXlsx(join(dir, "worked.xlsx"), WORKED);
  broken = await writeXlsx(join(dir, "broken.xlsx"), { ...WORKED, SKUs: [...WORKED.SKUs, ["BAD", "MAIN", "ACME", "lots"]] });
});

describe("planster plan", () => {
  it("prints PLANNING.md's rows as JSON lines with CLI.md's keys", async () => {
    const { code, out, err } = await planster("plan", worked, "--sku", "WIDGET", "--format", "json");
    expect(code).toBe(0);
    const rows = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual({
      sku: "WIDGET",
      warehouse: "MAIN",
      week: 1,
      weekStart: "2026-11-23",
      demand: 30,
      scheduledReceipts: 0,
      plannedReceipts: 0,
      projectedOnHand: 70,
      safetyStock: 20,
      recommended: 60,
      override: null,
      orderQty: 60,
      arrivalWeek: 3,
      orderValue: "150.00",
      currency: "EUR",
      flags: [],
      // FORECAST.md: each plan row says where its demand came from.
      source: "weekly-forecast",
    });
    expect(rows.map((r) => r.projectedOnHand)).toEqual([70, 40, 70, 40, 70, 40, 70, 40]);
    // GIZMO's status DX is unknown: reported on standard error, plan still printed.
    expect(err).toMatch(/SKUs!K4: Unknown purchase status "DX"/);
  });

  it("filters by warehouse and prints CSV with the spec's headers", async () => {
    const { code, out } = await planster("plan", worked, "--warehouse", "EAST", "--format", "csv");
    expect(code).toBe(0);
    const lines = out.trim().split("\r\n");
    expect(lines[0]).toBe(
      "SKU,Warehouse,Week,Week Start,Demand,Scheduled Receipts,Planned Receipts,Projected On Hand,Safety Stock,Recommended,Override,Order Qty,Arrival Week,Order Value,Currency,Flags,Source",
    );
    // GIZMO: 0 on hand, 6 a week, unknown status → no recommendation: −6 in week 1, inside its 1-week lead time.
    expect(lines[1]).toBe('GIZMO,EAST,1,2026-11-23,6,0,0,-6,0,0,,0,,0.00,EUR,"below-safety, stockout, inside-lead-time, not-recommended:DX",weekly-forecast');
    expect(lines).toHaveLength(9);
  });

  it("prints a readable table by default", async () => {
    const { out } = await planster("plan", worked, "--sku", "GADGET");
    const [header, rule, first] = out.split("\n");
    expect(header).toMatch(/^SKU\s+Warehouse\s+Week\s+Week Start\s+Demand/);
    expect(rule).toMatch(/^-+ {2}-+/);
    expect(first).toMatch(/^GADGET\s+MAIN\s+1\s+2026-11-23/);
  });
});

describe("planster order-now and status", () => {
  it("lists this week's orders, most urgent first", async () => {
    const { code, out } = await planster("order-now", worked, "--format", "json");
    expect(code).toBe(0);
    expect(
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        sku: "WIDGET",
        warehouse: "MAIN",
        supplier: "ACME",
        quantity: 60,
        unitPrice: "2.5",
        value: "150.00",
        currency: "EUR",
        // Without the order, week 3 would end at 10 < 20.
        arrivalDate: "2026-12-07",
        belowSafetyFrom: "2026-12-07",
      },
    ]);
  });

  it("prints each item-location's status with CLI.md's keys", async () => {
    const { out } = await planster("status", worked, "--format", "json");
    expect(
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { sku: "WIDGET", warehouse: "MAIN", code: "A", type: "A", source: "default", orderable: true, recommended: true },
      { sku: "GADGET", warehouse: "MAIN", code: "D", type: "D", source: "product", orderable: true, recommended: false },
      { sku: "GIZMO", warehouse: "EAST", code: "DX", type: null, source: "product", orderable: false, recommended: false },
    ]);
  });
});

describe("planster check", () => {
  it("exits 1 and lists each problem with its address", async () => {
    const { code, out } = await planster("check", broken);
    expect(code).toBe(1);
    expect(out).toContain('SKUs!D5: On Hand "lots" is not a number; it was ignored.\n');
    expect(out).toContain('SKUs!K4: Unknown purchase status "DX"');
  });

  it("exits 0 on a clean workbook", async () => {
    const clean = await writeXlsx(join(dir, "clean.xlsx"), { ...WORKED, SKUs: WORKED.SKUs.slice(0, 3) });
    const { code, out } = await planster("check", clean);
    expect(code).toBe(0);
    expect(out).toBe("No problems: 2 item-locations read.\n");
  });
});

describe("planster write-plan", () => {
  it("writes the Supply Plan sheet as a formatted table into a new file and leaves the input alone", async () => {
    const before = readFileSync(worked);
    const { code } = await planster("write-plan", worked);
    expect(code).toBe(0);
    expect(readFileSync(worked).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "worked.planned.xlsx"));
    const ws = wb.getWorksheet("Supply Plan")!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "SKU",
      "Warehouse",
      "Week",
      "Week Start",
      "Demand",
      "Scheduled Receipts",
      "Planned Receipts",
      "Projected On Hand",
      "Safety Stock",
      "Recommended",
      "Override",
      "Order Qty",
      "Arrival Week",
      "Order Value",
      "Currency",
      "Flags",
      "Source",
    ]);
    expect(ws.rowCount).toBe(1 + 3 * 8);
    expect(ws.getCell("D2").value).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(ws.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("N2").value).toBe(150);
    expect(ws.getTables().length).toBe(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Settings", "Suppliers", "SKUs", "Supply Plan"]);
  });

  it("replaces a Supply Plan sheet whose name differs in case, spaces or _", async () => {
    const file = await writeXlsx(join(dir, "replanned.xlsx"), { ...WORKED, supply_plan: [["old plan"]] });
    const out = join(dir, "replanned-out.xlsx");
    const { code } = await planster("write-plan", file, "--out", out);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Settings", "Suppliers", "SKUs", "Supply Plan"]);
    expect(wb.getWorksheet("Supply Plan")!.getCell("A2").value).toBe("WIDGET");
  });

  it("writes where --out says", async () => {
    const out = join(dir, "elsewhere.xlsx");
    const { code, out: text } = await planster("write-plan", worked, "--out", out);
    expect(code).toBe(0);
    expect(text).toBe(`Wrote the Supply Plan sheet (24 rows) to ${out}\n`);
  });
});

describe("commands that cannot run exit 2 with one line on standard error", () => {
  it.each([
    ["a missing file", ["plan", join(dir, "nope.xlsx")], /^planster plan: No such file: .*nope\.xlsx\n$/],
    ["a file that is not a workbook", ["plan", "NOT-A-BOOK"], /^planster plan: .*is not an Excel workbook \(\.xlsx\) that can be read\.\n$/],
    ["a workbook without SKUs", ["check", "NO-SKUS"], /^planster check: .*no SKUs sheet.*\n$/],
    ["a bad format", ["plan", "WORKED", "--format", "xml"], /^planster plan: --format must be table, json or csv, not "xml"\.\n$/],
    ["an unknown option", ["plan", "WORKED", "--colour"], /^planster plan: Unknown option '--colour'.*\n$/],
    ["a missing argument", ["plan"], /^planster plan: usage: planster plan FILE .*\n$/],
    ["an unknown command", ["frobnicate"], /^planster: unknown command "frobnicate"\. Commands: .*\n$/],
    ["no command at all", [], /^planster: no command given\. Commands: plan, order-now, status, check, write-plan, .*\n$/],
  ])("%s", async (_what, argv, message) => {
    const files: Record<string, string> = {
      "NOT-A-BOOK": writeText(join(dir, "text.xlsx"), "just some text"),
      "NO-SKUS": await writeXlsx(join(dir, "noskus.xlsx"), { Suppliers: WORKED.Suppliers }),
      WORKED: worked,
    };
    const { code, out, err } = await planster(...argv.map((a) => files[a] ?? a));
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
  });
});
