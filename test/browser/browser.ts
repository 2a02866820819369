import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import webpack from "webpack";

const root = path.resolve(__dirname, "../..");
export const RESULTS = path.join(root, "test-results");
export const CHROMIUM = "/usr/bin/chromium";
/** How long a condition may take on a loaded 2-core machine before a test gives up on it. */
export const PATIENCE = 60_000;

/** Builds the demo page (webpack.demo.js) into a fresh folder; answers the file URL of demo.html. */
export async function buildDemo(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "planster-demo-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(root, "webpack.demo.js"))({ demoOut: out }, { mode: "development" });
  config.devtool = false;
  config.context = root;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  return pathToFileURL(path.join(out, "demo.html")).href;
}

/** Debian's Chromium, headless, without a sandbox and without background traffic. */
export function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "planster-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

/** A PNG of the page (or of one element) under test-results/, to look at. */
export async function screenshot(page: Page, name: string, of?: Locator): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await (of ? of.screenshot({ path: file }) : page.screenshot({ path: file }));
}

/** Retries an assertion until it holds (the pane re-plans asynchronously), up to `ms`. */
export async function eventually(assertion: () => Promise<void>, ms = PATIENCE): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The task pane's root element (the grid beside it has tabs of its own, named after sheets). */
export const paneOf = (page: Page) => page.locator("[data-pane]");

/** Resolves after the page has laid out and painted twice: the tab bar's overflow is measured by then. */
export const laidOut = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Shows one of the pane's views: its tab, or the "More views" menu when the tab did not fit. */
export async function openView(page: Page, name: string): Promise<void> {
  const pane = paneOf(page);
  await laidOut(page);
  const tab = pane.getByRole("tab", { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else {
    await pane.getByRole("button", { name: /^More views/ }).click();
    await page.getByRole("menuitem", { name, exact: true }).click();
  }
  await pane.locator('[role="tab"][aria-selected="true"]', { hasText: name }).waitFor({ timeout: PATIENCE });
}

/**
 * `planster sample` (300 SKUs unless told), then what real workbooks bring to a narrow
 * pane: a long description, a supplier with a long name, a long Integration URL and two
 * bad cells (so that the Problems view has something to show).
 */
export async function sampleWorkbook(file: string, seed: number, skus = 300): Promise<string> {
  execFileSync(process.execPath, [path.join(root, "bin/planster.js"), "sample", file, "--skus", String(skus), "--seed", String(seed)], { stdio: "ignore" });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet("SKUs")!;
  sheet.getCell("B2").value = "Enamelled cast-iron casserole with a self-basting lid, 28 cm, volcanic orange, dishwasher-safe";
  sheet.getCell("E3").value = "lots";
  sheet.getCell("J4").value = "a dozen";
  book.getWorksheet("Suppliers")!.getCell("B2").value = "Northwind Housewares International Trading Company GmbH & Co. KG";
  const settings = book.getWorksheet("Settings")!;
  settings.eachRow((row) => {
    if (row.getCell(1).value === "Integration URL") row.getCell(2).value = "https://erp.example.com/planster/purchase-orders/v2/inbound?tenant=northwind-housewares";
  });
  await book.xlsx.writeFile(file);
  return file;
}
