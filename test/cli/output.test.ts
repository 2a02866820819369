import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { TODAY } from "../helpers";
import { planster, tempDir, writeXlsx } from "./xlsxFiles";

jest.setTimeout(180_000);
const dir = tempDir();
let small: string;
let big: string;

beforeAll(async () => {
  small = await writeXlsx(join(dir, "small.xlsx"), {
    Settings: [
      ["Setting", "Value"],
      ["Plan Start", "2026-11-23"],
      ["Horizon Weeks", 3],
    ],
    Suppliers: [["Supplier"], ["ACME"]],
    SKUs: [
      ["SKU", "Warehouse", "Supplier", "On Hand", "Weekly Forecast", "Unit Cost"],
      ["A-REALLY-LONG-SKU-CODE-0001", "MAIN", "ACME", 1, 2, 1],
      ["B", "EAST", "ACME", 0, 1, 1],
    ],
  });
  // 2,600 SKUs in 2 warehouses × 26 weeks = 135,200 plan rows: more than `Math.max(...rows)` survives.
  // No Sales History: what is tested is the output, not 5,200 forecasts per command.
  big = join(dir, "big.xlsx");
  expect((await planster("sample", big, "--skus", "2600", "--weeks", "26", "--history", "0")).code).toBe(0);
});

/** Runs a command with a terminal of `columns` characters, or a reader that closes its pipe after `lines` lines. */
async function run(argv: string[], terminal: { columns?: number; closeAfter?: number } = {}) {
  let out = "";
  let err = "";
  let lines = 0;
  const io: CliIO = {
    out: (t) => {
      const text = String(t);
      out += text;
      lines += text.split("\n").length - 1;
    },
    err: (t) => (err += t),
    today: TODAY,
    columns: terminal.columns,
    closed: () => terminal.closeAfter !== undefined && lines >= terminal.closeAfter,
    pause: async () => {},
  };
  return { code: await main(argv, io), out, err };
}

describe("plan as a table", () => {
  it("shows the columns a planner reads first, cut to the terminal's width", async () => {
    const wide = await run(["plan", small], { columns: 200 });
    expect(wide.out.split("\n")[0]).toMatch(/^SKU\s+Warehouse\s+Week\s+Week Start\s+Demand\s+Projected On Hand\s+Safety Stock\s+Order Qty\s+Flags$/);
    const { code, out } = await run(["plan", small], { columns: 80 });
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(2 + 6);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^SKU\s+Warehouse\s+Week\s+Week Start\s+Demand\s+Projected On …$/);
  });

  it("--columns picks others, by header or JSON key, in that order", async () => {
    const { out } = await run(["plan", small, "--sku", "B", "--columns", "week,Order Value,currency"]);
    // B: 0 on hand, 1 a week, lead 0: an order of 1 every week at 1.00.
    expect(out).toBe("Week  Order Value  Currency\n----  -----------  --------\n   1         1.00  USD\n   2         1.00  USD\n   3         1.00  USD\n");
  });

  it("prints any number of rows", async () => {
    const { code, out } = await run(["plan", big]);
    expect(code).toBe(0);
    expect(out.split("\n").length - 1).toBe(2 + 135_200);
  });
});

describe("JSON and CSV", () => {
  it("stream every row with every column", async () => {
    const json = await run(["plan", big, "--format", "json"]);
    const lines = json.out.trimEnd().split("\n");
    expect(lines).toHaveLength(135_200);
    expect(Object.keys(JSON.parse(lines[0]))).toHaveLength(17);
    const csv = await run(["plan", big, "--format", "csv"]);
    expect(csv.out.split("\r\n")).toHaveLength(1 + 135_200 + 1);
  });

  it("stop quietly when the reader closes the pipe (| head)", async () => {
    const { code, out, err } = await run(["plan", big, "--format", "json"], { closeAfter: 10 });
    expect(code).toBe(0);
    expect(err).toBe("");
    // Output goes in pieces of about half a megabyte: it stops after the piece in which the reader left.
    expect(out.length).toBeLessThan(1_100_000);
    expect(out.length).toBeGreaterThan(0);
  });
});

describe("filters that name nothing, and help", () => {
  it.each([
    [["plan", "FILE", "--sku", "NOPE"], 'planster plan: There is no SKU "NOPE" on the SKUs sheet.\n'],
    [["plan", "FILE", "--warehouse", "NORTH"], 'planster plan: No SKU is held at a warehouse "NORTH".\n'],
    [["plan", "FILE", "--sku", "B", "--warehouse", "MAIN"], 'planster plan: SKU "B" is not held at warehouse "MAIN".\n'],
    [["status", "FILE", "--sku", "nope"], 'planster status: There is no SKU "nope" on the SKUs sheet.\n'],
    [["plan", "FILE", "--columns", "colour"], /^planster plan: --columns: there is no column "colour" \(columns: sku, warehouse, week, .*\)\.\n$/],
  ])("%j → exit 2, one line", async (argv, message) => {
    const { code, out, err } = await run(argv.map((a) => (a === "FILE" ? small : a)));
    expect({ code, out }).toEqual({ code: 2, out: "" });
    if (typeof message === "string") expect(err).toBe(message);
    else expect(err).toMatch(message);
  });

  it("planster COMMAND --help prints that command's usage", async () => {
    for (const argv of [
      ["plan", "--help"],
      ["help", "plan"],
      ["plan", small, "-h"],
    ]) {
      const { code, out, err } = await run(argv);
      expect({ code, err }).toEqual({ code: 0, err: "" });
      expect(out).toMatch(/^Usage: planster plan FILE \[--sku S\] \[--warehouse W\] \[--format table\|json\|csv\] \[--columns C,…\|all\]\n\nprints the supply plan rows/);
    }
  });
});

describe("planster --help", () => {
  it("loads no .xlsx library: nothing the command line imports reaches exceljs", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g)) {
        expect(spec).not.toMatch(/exceljs|jszip/);
        if (!spec?.startsWith(".")) continue;
        const base = resolve(dirname(file), spec);
        const next = [`${base}.ts`, join(base, "index.ts")].find((f) => {
          try {
            return readFileSync(f) && true;
          } catch {
            return false;
          }
        });
        if (next) visit(next);
      }
    };
    visit(resolve(__dirname, "../../src/cli/main.ts"));
    expect(seen.size).toBeGreaterThan(20);
  });
});
