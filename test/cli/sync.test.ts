import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CellValue } from "../../src/core/input";
import { ENV } from "../../src/cli/commands/sync";
import { shop } from "../core/orders/fixture";
import { FakeWms } from "../integration/wms";
import { sheetsAsCsv } from "../libreoffice";
import { ZipFile } from "../../src/workbook/xlsx/file/zipFile";
import { planster, tempDir, writeXlsx } from "./xlsxFiles";

const KEY = "nightly-k3y-7f1e-never-in-a-file";
const dir = tempDir();
// Each scenario is a real exchange with servers on 127.0.0.1; the slow ones are cut off by the timeouts below.
jest.setTimeout(30_000);

/**
 * The orders fixture with three orders: PO-0007 pending, PO-0008 failed before,
 * PO-0009 sent (not sent again); a sheet of the planner's own, to be kept.
 */
async function workbook(url: string): Promise<string> {
  const book = shop({ Notes: [["kept", 1, "=SUM(1,2)"]] }, { "Integration URL": url });
  const orders = book.sheet("Purchase Orders")!;
  orders[1][12] = "pending";
  book.append("Purchase Orders", [
    ["PO-0008", "Purchase Order", "BOLT", "MAIN", "Submitted", "2026-11-20", "2026-12-14", "EUR", 11, "", 2, "", "failed: HTTP 503", ""],
    ["PO-0009", "Purchase Order", "ACME", "MAIN", "Confirmed", "2026-11-20", "2026-12-14", "USD", 25, "", 1, "WMS-0", "sent", "2026-11-20T08:00:00.000Z"],
  ]);
  book.append("PO Lines", [
    ["PO-0008", 1, "WIDGET", 5, 2.2, 11, 0],
    ["PO-0009", 1, "WIDGET", 10, 2.5, 25, 0],
  ]);
  const sheets = Object.fromEntries([...book.sheets].map(([name, rows]) => [name, rows.map((row) => row.map((v) => v ?? null))])) as Record<string, CellValue[][]>;
  return writeXlsx(join(dir, `book-${Math.random().toString(36).slice(2)}.xlsx`), sheets);
}

/** Every cell of every sheet of a file, as text. */
async function cellsOf(path: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
    out.set(ws.name, rows);
  });
  return out;
}

/** Every part of the .xlsx package, inflated (found through its table of contents): the key must be in none of them. */
async function packageText(path: string): Promise<string> {
  const zip = await ZipFile.open(path);
  let text = "";
  try {
    for (const entry of zip.entries.values()) text += await zip.text(entry, 1e9);
  } finally {
    await zip.close();
  }
  return text;
}

const header = (cells: Map<string, unknown[][]>, number: string) => {
  const [names, ...rows] = cells.get("Purchase Orders")!;
  const row = rows.find((r) => r[0] === number)!;
  return Object.fromEntries(names.map((name, i) => [String(name), row[i] ?? null]));
};

describe("planster sync", () => {
  const wms = new FakeWms(KEY);
  const elsewhere = new FakeWms(KEY);
  const scenarios: Record<string, boolean> = {};
  beforeAll(async () => {
    await wms.start();
    await elsewhere.start();
  });
  afterAll(async () => {
    await wms.stop();
    await elsewhere.stop();
    const survived = Object.values(scenarios).filter(Boolean).length;
    console.log(`integration scenarios survived: ${survived} of ${Object.keys(scenarios).length} (${Object.keys(scenarios).join(", ")})`);
  });
  beforeEach(() => {
    wms.received.length = 0;
    wms.script = [];
    elsewhere.received.length = 0;
    process.env[ENV.url] = wms.url;
    process.env[ENV.key] = KEY;
    process.env[ENV.timeoutMs] = "400";
    process.env[ENV.tries] = "2";
  });
  afterEach(() => {
    for (const name of Object.values(ENV)) delete process.env[name];
  });

  /** Runs sync on a fresh workbook; checks what every scenario must: the key in no message and no part of OUT. */
  async function run(scenario: string, url = wms.url) {
    const file = await workbook(url);
    const path = join(dir, `${scenario.replace(/\W+/g, "-")}.xlsx`);
    const started = Date.now();
    const result = await planster("sync", file, "--out", path);
    const seconds = (Date.now() - started) / 1000;
    const written = await readFile(path).then(
      () => true,
      () => false,
    );
    expect(result.out + result.err).not.toContain(KEY);
    if (written) expect(await packageText(path)).not.toContain(KEY);
    return { ...result, file, path, written, seconds };
  }

  it("success: sends the pending and the failed order, signed, and writes External ID, Sync Status, Last Synced into OUT, every other cell kept", async () => {
    const { code, out, err, file, path } = await run("success");
    scenarios.success = code === 0;
    expect(code).toBe(0);
    expect(err).not.toContain("planster sync:"); // only the fixture's own problems, on SKUs
    expect(out).toMatch(/^PO-0007 revision 1: sent \(External ID WMS-\d\)\nPO-0008 revision 2: sent \(External ID WMS-\d\)\nWrote .*: 2 sent, 0 failed\.\n/);
    expect(wms.received.map((r) => r.key)).toEqual(["PO-0007:1", "PO-0008:2"]);
    const before = await cellsOf(file);
    const after = await cellsOf(path);
    expect(header(after, "PO-0007")).toMatchObject({
      "External ID": expect.stringMatching(/^WMS-\d$/),
      "Sync Status": "sent",
      "Last Synced": expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(header(after, "PO-0009")).toEqual(header(before, "PO-0009"));
    // Every cell but those three of the two orders sent is as it was.
    for (const [name, rows] of before) {
      if (name !== "Purchase Orders") expect(after.get(name)).toEqual(rows);
    }
    const strip = (row: Record<string, unknown>) => ({ ...row, "External ID": null, "Sync Status": null, "Last Synced": null });
    expect(strip(header(after, "PO-0007"))).toEqual(strip(header(before, "PO-0007")));
    // OUT opens in LibreOffice Calc, the sync's cells in it.
    expect((await sheetsAsCsv(path)).get("Purchase Orders")).toMatch(/^PO-0007,.*,WMS-\d,sent,\d{4}-/m);
  });

  it("503 then success: tries again with the same key and body", async () => {
    wms.script = [(res) => (res.writeHead(503).end("busy"), true)];
    const { code } = await run("503 then success");
    scenarios["503 then success"] = code === 0;
    expect(code).toBe(0);
    expect(wms.received.map((r) => r.key)).toEqual(["PO-0007:1", "PO-0007:1", "PO-0008:2"]);
    expect(wms.received[0].body).toBe(wms.received[1].body);
  });

  it("timeout: a server that never answers fails the order after the tries, in bounded time, named on stderr, exit 1", async () => {
    const hang = () => true;
    wms.script = [hang, hang];
    const { code, err, out, seconds } = await run("timeout");
    scenarios.timeout = code === 1 && seconds < 10;
    expect(code).toBe(1);
    expect(err).toContain("planster sync: PO-0007 revision 1: failed: no answer within 400 ms (after 2 tries)\n");
    expect(out).toContain("PO-0008 revision 2: sent");
    expect(seconds).toBeLessThan(10);
    expect(header(await cellsOf(join(dir, "timeout.xlsx")), "PO-0007")).toMatchObject({ "Sync Status": "failed: no answer within 400 ms (after 2 tries)", "External ID": null });
  });

  it("slow drip: an answer trickling in byte by byte is cut off by the timeout", async () => {
    const drip = (res: import("node:http").ServerResponse) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const timer = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(timer));
      return true;
    };
    wms.script = [drip, drip];
    const { code, err, seconds } = await run("slow drip");
    scenarios["slow drip"] = code === 1 && seconds < 10;
    expect(code).toBe(1);
    expect(err).toContain("PO-0007 revision 1: failed: no answer within 400 ms (after 2 tries)");
  });

  it.each([301, 302, 307, 308])("redirect %i: never followed, the signed order goes nowhere else, and the order is failed, not sent", async (status) => {
    wms.script = [(res) => (res.writeHead(status, { Location: elsewhere.url }).end(), true)];
    const { code, err, path } = await run(`redirect ${status}`);
    scenarios[`redirect ${status}`] = code === 1 && elsewhere.received.length === 0;
    expect(code).toBe(1);
    expect(elsewhere.received).toEqual([]);
    expect(err).toContain(`PO-0007 revision 1: failed: the integration answered with a redirect (HTTP ${status}), which is never followed`);
    expect(header(await cellsOf(path), "PO-0007")["Sync Status"]).toMatch(/^failed: the integration answered with a redirect/);
  });

  it("an 80 MB answer: read to 64 KB only, the order sent, no External ID taken from it", async () => {
    let served = 0;
    wms.script = [
      (res) => {
        res.writeHead(201, { "Content-Type": "application/json" });
        const chunk = Buffer.alloc(1 << 20, 0x20);
        const pump = () => {
          while (served < 80 << 20 && !res.destroyed) {
            served += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("close", () => (served = Math.min(served, 80 << 20)));
        pump();
        return true;
      },
    ];
    const { code, out } = await run("80 MB answer");
    // Socket buffers take a few MB before the client's cancel reaches the server; far from 80.
    scenarios["80 MB answer"] = code === 0 && served < 16 << 20;
    expect(code).toBe(0);
    expect(out).toContain("PO-0007 revision 1: sent. The answer was longer than 64 KB, so no External ID was taken from it.");
    expect(served).toBeLessThan(16 << 20);
  });

  it("a 1 MB id: not written into the workbook, the order sent", async () => {
    wms.script = [(res) => (res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ id: "x".repeat(1 << 20) })), true)];
    const { code, path } = await run("1 MB id");
    const po = header(await cellsOf(path), "PO-0007");
    scenarios["1 MB id"] = code === 0 && po["External ID"] === null;
    expect(code).toBe(0);
    expect(po).toMatchObject({ "External ID": null, "Sync Status": "sent" });
  });

  it("endpoint mismatch: a workbook naming another URL than the environment's sends nothing, writes nothing, exit 2 in one line", async () => {
    const { code, err, out, written } = await run("endpoint mismatch", elsewhere.url);
    scenarios["endpoint mismatch"] = code === 2 && wms.received.length + elsewhere.received.length === 0 && !written;
    expect([code, out, written]).toEqual([2, "", false]);
    expect(err).toBe(
      `planster sync: ${err.slice(15, err.indexOf(":", 15))}: This workbook asks for orders to be sent to ${elsewhere.url}, but the integration stored on this machine is for ${wms.url}: nothing was sent.\n`,
    );
    expect(wms.received.length + elsewhere.received.length).toBe(0);
  });

  it("no key in the environment: exit 2 in one line, nothing sent or written", async () => {
    delete process.env[ENV.key];
    const { code, err, written } = await run("no key");
    scenarios["no key"] = code === 2 && !written;
    expect([code, err, written]).toEqual([2, `planster sync: no integration on this machine: set ${ENV.url} and ${ENV.key} (the key is never read from the workbook).\n`, false]);
    expect(wms.received).toEqual([]);
  });
});
