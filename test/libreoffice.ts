import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Opens an .xlsx with LibreOffice Calc (headless) and returns every sheet as CSV text,
 * by sheet name: proof that the file opens cleanly outside exceljs.
 */
export async function sheetsAsCsv(xlsx: string): Promise<Map<string, string>> {
  const out = mkdtempSync(join(tmpdir(), "planster-lo-"));
  const profile = mkdtempSync(join(tmpdir(), "planster-lo-profile-"));
  // Filter options: comma, double quote, UTF-8, start row 1, …, last token -1 = every sheet to its own file.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";
  await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", out, xlsx], { timeout: 120_000 });
  const stem = basename(xlsx).replace(/\.xlsx$/i, "");
  const sheets = new Map<string, string>();
  for (const file of readdirSync(out)) {
    sheets.set(file.slice(stem.length + 1, -".csv".length), readFileSync(join(out, file), "utf8"));
  }
  return sheets;
}
