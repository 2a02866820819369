import ExcelJS from "exceljs";
import fc from "fast-check";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";
import { XlsxBook } from "../../src/workbook/xlsx";
import { ZipFile } from "../../src/workbook/xlsx/file/zipFile";
import { DATE_STYLES, sheetXml, workbookParts, writeZip } from "../workbook/xlsxParts";
import { planster, tempDir, writeXlsx } from "./xlsxFiles";

jest.setTimeout(300_000);
const dir = tempDir();

const SUPPLIERS = '<row r="1"><c r="A1" t="inlineStr"><is><t>Supplier</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>ACME</t></is></c></row>';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A one-line refusal: exit 2, nothing on standard output, no stack trace. */
function expectOneLine(result: { code: number; out: string; err: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.out).toBe("");
  expect(result.err.trim().split("\n")).toHaveLength(1);
  expect(result.err.trimEnd()).toMatch(message);
  expect(result.err).not.toMatch(/unexpected failure|\bat .*\(.*:\d+:\d+\)/);
}

describe("files that are not workbooks, or damaged ones, get one clear line", () => {
  let good: Buffer;
  beforeAll(async () => {
    const file = await writeXlsx(join(dir, "good.xlsx"), {
      Suppliers: [["Supplier"], ["ACME"]],
      SKUs: [
        ["SKU", "Supplier"],
        ["A", "ACME"],
      ],
    });
    good = readFileSync(file);
  });
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it.each([
    ["an empty file", () => Buffer.alloc(0), /is not an Excel workbook \(\.xlsx\) that can be read\.$/],
    ["a zip cut in half", () => good.subarray(0, good.length >> 1), /cannot be read: it is cut short \(its table of contents is missing\)\. Re-save it in Excel/],
    ["a zip missing its last bytes", () => good.subarray(0, good.length - 30), /cannot be read: it is cut short/],
    [
      "an old .xls or encrypted workbook",
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
      /is an encrypted workbook or an old \.xls file, not an \.xlsx package: save it in Excel as an Excel Workbook \(\.xlsx\) without a password\.$/,
    ],
  ])("%s", async (_what, bytes, message) => {
    expectOneLine(await planster("check", file("damaged.xlsx", bytes())), message);
  });

  it.each([
    ["a zip that is not a workbook", { "word/document.xml": "<w:document/>" }, /is not an Excel workbook \(\.xlsx\) that can be read\.$/],
    [
      "a sheet that is not XML",
      workbookParts({ SKUs: "\u0000\u0001 PK garbage", Suppliers: sheetXml(SUPPLIERS) }),
      /cannot be read: the sheet SKUs is damaged \(not well-formed XML: text outside the root element/,
    ],
    [
      "a sheet cut short",
      workbookParts({ SKUs: sheetXml(`<row r="1">${inline("A1", "SKU")}</row>`).slice(0, 200), Suppliers: sheetXml(SUPPLIERS) }),
      /the sheet SKUs is damaged \(not well-formed XML: it ends in the middle of a tag\)/,
    ],
    [
      "tags that do not nest",
      workbookParts({ SKUs: sheetXml("<row><c><v>1</row></c>"), Suppliers: sheetXml(SUPPLIERS) }),
      /the sheet SKUs is damaged \(not well-formed XML: <v> is closed by <\/row>/,
    ],
    [
      "a DOCTYPE (entity tricks)",
      workbookParts({ SKUs: '<!DOCTYPE x [<!ENTITY a "aaaa">]>' + sheetXml(""), Suppliers: sheetXml(SUPPLIERS) }),
      /a DOCTYPE or other declaration, which no workbook part has/,
    ],
    [
      "a cell beyond Excel's last row",
      workbookParts({ SKUs: sheetXml('<row r="2000000"><c r="A2000000"><v>1</v></c></row>'), Suppliers: sheetXml(SUPPLIERS) }),
      /the sheet SKUs is damaged \(a row numbered 2000000, beyond Excel's last row 1048576\)/,
    ],
    [
      "a cell that is no address",
      workbookParts({ SKUs: sheetXml('<row r="1"><c r="1A"><v>1</v></c></row>'), Suppliers: sheetXml(SUPPLIERS) }),
      /a cell named "1A", which is no cell address/,
    ],
    [
      "a sheet part missing",
      (() => {
        const parts = workbookParts({ SKUs: sheetXml(""), Suppliers: sheetXml(SUPPLIERS) });
        delete parts["xl/worksheets/sheet1.xml"];
        return parts;
      })(),
      /its part xl\/worksheets\/sheet1\.xml \(the sheet SKUs\) is missing/,
    ],
    [
      "a cell of megabytes",
      workbookParts({ SKUs: sheetXml(`<row r="1">${inline("A1", "x".repeat(1_200_000))}</row>`), Suppliers: sheetXml(SUPPLIERS) }),
      /a cell of more than 1,000,000 characters/,
    ],
  ])("%s", async (_what, parts, message) => {
    expectOneLine(await planster("check", await writeZip(join(dir, "bad.xlsx"), parts as Record<string, string>)), message);
  });
});

describe("a zip that unpacks to gigabytes is refused once it passes the bound", () => {
  /** 2.1 GB of spaces inside a worksheet's root, deflated to about 2 MB. */
  const SIZE = 2_100_000_000;
  let deflated: Buffer;
  beforeAll(async () => {
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflate.on("data", (b: Buffer) => out.push(b));
    const done = new Promise((resolve) => deflate.on("end", resolve));
    deflate.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
    const spaces = Buffer.alloc(1 << 24, 32);
    for (let written = 0; written < SIZE; written += spaces.length) {
      if (!deflate.write(spaces)) await new Promise((resolve) => deflate.once("drain", resolve));
    }
    deflate.end("<sheetData/></worksheet>");
    await done;
    deflated = Buffer.concat(out);
  });

  /** The bomb as the SKUs sheet; the zip's directory says it unpacks to `declared` bytes. */
  async function bomb(name: string, declared: number): Promise<string> {
    const file = await writeZip(join(dir, name), workbookParts({ SKUs: "", Suppliers: sheetXml(SUPPLIERS) }), true);
    return patchEntry(file, "xl/worksheets/sheet1.xml", deflated, declared);
  }

  it("says so in one line when the directory admits the size", async () => {
    const result = await planster("check", await bomb("bomb-honest.xlsx", SIZE));
    expectOneLine(result, /is too big to read safely: its sheets unpack to more than 2,000 MB \(reached in the sheet SKUs\)\.$/);
  });

  it("and when it lies, after unpacking no more than the bound", async () => {
    const result = await planster("check", await bomb("bomb-liar.xlsx", 1000));
    expectOneLine(result, /is too big to read safely: its sheets unpack to more than 2,000 MB \(reached in the sheet SKUs\)\.$/);
  });
});

/**
 * Rewrites one stored (method 0) entry of a zip as deflated `data`, with `declared` as
 * its unpacked size and CRC 0 (a bomb's CRC is never reached: the bound comes first).
 */
function patchEntry(path: string, name: string, data: Buffer, declared: number): string {
  const zip = readFileSync(path);
  const nameBytes = Buffer.from(name);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const dirOffset = zip.readUInt32LE(end + 16);
  const entries: { header: Buffer; data: Buffer; central: Buffer }[] = [];
  for (let at = dirOffset, n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const length = 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const central = Buffer.from(zip.subarray(at, at + length));
    const local = central.readUInt32LE(42);
    const headerLength = 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const header = Buffer.from(zip.subarray(local, local + headerLength));
    let body: Buffer = zip.subarray(local + headerLength, local + headerLength + central.readUInt32LE(20));
    // Sizes go up front (no data descriptor).
    header.writeUInt16LE(header.readUInt16LE(6) & ~8, 6);
    central.writeUInt16LE(central.readUInt16LE(8) & ~8, 8);
    if (central.subarray(46, 46 + nameBytes.length).equals(nameBytes)) {
      body = data;
      for (const [buf, method, crc, sizes] of [
        [header, 8, 14, 18],
        [central, 10, 16, 20],
      ] as const) {
        buf.writeUInt16LE(8, method);
        buf.writeUInt32LE(0, crc);
        buf.writeUInt32LE(data.length, sizes);
        buf.writeUInt32LE(Math.min(declared, 0xfffffffe), sizes + 4);
      }
    } else {
      header.writeUInt32LE(central.readUInt32LE(16), 14);
      header.writeUInt32LE(central.readUInt32LE(20), 18);
      header.writeUInt32LE(central.readUInt32LE(24), 22);
    }
    entries.push({ header, data: Buffer.from(body), central });
    at += length;
  }
  const out: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    e.central.writeUInt32LE(offset, 42);
    out.push(e.header, e.data);
    offset += e.header.length + e.data.length;
  }
  const centralStart = offset;
  for (const e of entries) out.push(e.central);
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries.length, 8);
  record.writeUInt16LE(entries.length, 10);
  record.writeUInt32LE(
    entries.reduce((n, e) => n + e.central.length, 0),
    12,
  );
  record.writeUInt32LE(centralStart, 16);
  out.push(record);
  writeFileSync(path, Buffer.concat(out));
  return path;
}

describe("cells the reader bounds", () => {
  it("refuses more filled cells than its bound, in one line", async () => {
    const file = await writeXlsx(join(dir, "cells.xlsx"), { SKUs: [["SKU"], ...Array.from({ length: 30 }, (_, i) => [`S${i}`])] });
    await expect(XlsxBook.open(file, { limits: { cells: 20 } })).rejects.toThrow(/is too big to read safely: its sheets hold more than 20 filled cells\.$/);
  });
});

describe("dates Excel cannot hold are problems with their addresses", () => {
  it("year 10000 and before 1900, in date-formatted cells", async () => {
    const settings = sheetXml(
      `<row r="1">${inline("A1", "Setting")}${inline("B1", "Value")}</row><row r="2">${inline("A2", "Plan Start")}<c r="B2" s="1"><v>2958466</v></c></row>`,
    );
    const orders = sheetXml(
      `<row r="1">${["PO Number", "Supplier", "Status", "Order Date", "Expected Delivery"].map((h, i) => inline(`${"ABCDE"[i]}1`, h)).join("")}</row>` +
        `<row r="2">${inline("A2", "PO-1")}${inline("B2", "ACME")}${inline("C2", "Draft")}<c r="D2" s="1"><v>-5</v></c><c r="E2" s="3"><v>0</v></c></row>`,
    );
    const lines = sheetXml(
      `<row r="1">${["PO Number", "Line", "SKU", "Quantity"].map((h, i) => inline(`${"ABCD"[i]}1`, h)).join("")}</row><row r="2">${inline("A2", "PO-1")}<c r="B2"><v>1</v></c>${inline("C2", "A")}<c r="D2"><v>1</v></c></row>`,
    );
    const skus = sheetXml(`<row r="1">${inline("A1", "SKU")}${inline("B1", "Supplier")}</row><row r="2">${inline("A2", "A")}${inline("B2", "ACME")}</row>`);
    const file = await writeZip(
      join(dir, "dates.xlsx"),
      workbookParts({ Settings: settings, Suppliers: sheetXml(SUPPLIERS), SKUs: skus, "Purchase Orders": orders, "PO Lines": lines }, { styles: DATE_STYLES }),
    );
    const { code, out } = await planster("check", file);
    expect(code).toBe(1);
    expect(out).toContain("Settings!B2: Plan Start 2958466 is not a date Excel can hold (1900-01-01 to 9999-12-31); it was ignored.");
    expect(out).toContain(`'Purchase Orders'!D2: Order Date "-5" is not a date (use a date cell or YYYY-MM-DD); it was ignored.`);
    expect(out).toContain(`'Purchase Orders'!E2: Expected Delivery "0" is not a date (use a date cell or YYYY-MM-DD); it was ignored.`);
  });
});

describe("a workbook saved without calculating", () => {
  it("reports each formula without a saved result where a plan would read it, instead of counting 0", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Suppliers").addRows([["Supplier"], ["ACME"]]);
    const skus = wb.addWorksheet("SKUs");
    skus.addRows([
      ["SKU", "Supplier", "On Hand", "Weekly Forecast", "Unit Cost"],
      ["A", "ACME", null, 5, 1],
    ]);
    skus.getCell("C2").value = { formula: "SUM(Stock!B2:B9)" } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(join(dir, "nocalc.xlsx"));
    const { code, out } = await planster("check", join(dir, "nocalc.xlsx"));
    expect(code).toBe(1);
    expect(out).toBe(
      "SKUs!C2: On Hand holds the formula =SUM(Stock!B2:B9) but no saved result (the workbook was saved without calculating): open it in Excel, recalculate (Ctrl+Alt+F9) and save it; it was ignored.\n",
    );
  });
});

describe("damaged files found by mutation never fail unexpectedly", () => {
  let good: Buffer;
  beforeAll(async () => {
    await planster("sample", join(dir, "small.xlsx"), "--skus", "3", "--weeks", "4");
    good = readFileSync(join(dir, "small.xlsx"));
  });

  it("bytes flipped, cut or removed anywhere: exit 0, 1 or 2, at most one line when 2, never a stack trace", async () => {
    const path = join(dir, "fuzzed.xlsx");
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.nat(good.length - 1),
            kind: fc.constantFrom("flip", "cut", "zero", "drop"),
            length: fc.integer({ min: 1, max: 64 }),
            bits: fc.integer({ min: 1, max: 255 }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        async (mutations) => {
          let bytes = Buffer.from(good);
          for (const m of mutations) {
            if (bytes.length === 0) break;
            const at = m.at % bytes.length;
            if (m.kind === "flip") bytes[at] ^= m.bits;
            else if (m.kind === "zero") bytes.fill(0, at, Math.min(bytes.length, at + m.length));
            else if (m.kind === "cut") bytes = bytes.subarray(0, at);
            else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
          }
          writeFileSync(path, bytes);
          const result = await planster("check", path);
          expect([0, 1, 2]).toContain(result.code);
          expect(result.err).not.toMatch(/unexpected failure/);
          if (result.code === 2) expect(result.err.trim().split("\n")).toHaveLength(1);
        },
      ),
      { numRuns: 300, seed: 1 },
    );
    expect(statSync(path).size).toBeGreaterThanOrEqual(0);
  });

  it("XML of any part changed (tags and text inserted, removed, repeated): the same", async () => {
    const parts = new Map<string, Buffer>();
    const source = await ZipFile.open(join(dir, "small.xlsx"));
    for (const entry of source.entries.values()) if (!entry.name.endsWith("/")) parts.set(entry.name, Buffer.from(await source.text(entry, 1e8)));
    await source.close();
    const names = [...parts.keys()];
    const SNIPPETS = [
      "<",
      ">",
      "</c>",
      '<c r="A1">',
      "<v>",
      "</v>",
      '"',
      "&",
      "&amp;",
      "&#0;",
      '<row r="0">',
      "<f>",
      't="s"',
      "<v>99999</v>",
      "<is><t>",
      "-1",
      "1e999",
      "]]>",
      "<![CDATA[",
      "<!--",
      "\u0000",
      "\ud800",
    ];
    const path = join(dir, "xmlfuzzed.xlsx");
    await fc.assert(
      fc.asyncProperty(
        fc.nat(names.length - 1),
        fc.array(
          fc.record({ at: fc.nat(), kind: fc.constantFrom("insert", "remove", "repeat"), length: fc.integer({ min: 1, max: 200 }), snippet: fc.constantFrom(...SNIPPETS) }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        async (which, mutations) => {
          const name = names[which];
          let text = parts.get(name)!.toString("utf8");
          for (const m of mutations) {
            const at = m.at % (text.length + 1);
            if (m.kind === "insert") text = text.slice(0, at) + m.snippet + text.slice(at);
            else if (m.kind === "remove") text = text.slice(0, at) + text.slice(at + m.length);
            else text = text.slice(0, at) + text.slice(at, at + m.length).repeat(3) + text.slice(at + m.length);
          }
          await writeZip(path, Object.fromEntries([...parts].map(([n, b]) => [n, n === name ? text : b])));
          const result = await planster("check", path);
          expect([0, 1, 2]).toContain(result.code);
          expect(result.err).not.toMatch(/unexpected failure/);
          if (result.code === 2) expect(result.err.trim().split("\n")).toHaveLength(1);
        },
      ),
      { numRuns: 300, seed: 2 },
    );
  });
});
