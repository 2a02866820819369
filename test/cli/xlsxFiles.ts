import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue } from "../../src/core/input";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { TODAY } from "../helpers";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "planster-"));
}

/** Writes a real .xlsx file with exceljs, one worksheet per entry. */
export async function writeXlsx(path: string, sheets: Record<string, CellValue[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row) => ws.addRow(row.map((v) => (v === undefined ? null : v))));
  }
  await wb.xlsx.writeFile(path);
  return path;
}

export function writeText(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

/** Runs `planster …` in-process and captures its output and exit status. */
export async function planster(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), today: TODAY };
  const code = await main(argv, io);
  return { code, out, err };
}
