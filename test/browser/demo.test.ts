import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { sheetsAsCsv } from "../libreoffice";
import { buildDemo, eventually, launch, openView, PATIENCE, paneOf, sampleWorkbook, screenshot } from "./browser";

/*
 * The demo page in Chromium: the task pane on samples/demo.xlsx (seed 42) held in
 * memory, today fixed at 2026-11-23, each test from the sample (`?reset` forgets what
 * an earlier test kept in the browser). The checks follow the plan's own rules rather
 * than numbers of the generated sample, so that they hold for any sample.
 */
jest.setTimeout(300_000);

let page: string;
let url: string;
let browser: BrowserContext;
let tab: Page;
let dir: string;

beforeAll(async () => {
  page = await buildDemo();
  url = `${page}?today=2026-11-23`;
  dir = mkdtempSync(path.join(tmpdir(), "planster-demo-test-"));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  tab = await browser.newPage();
  await tab.goto(`${url}&reset`);
  await paneOf(tab).getByRole("tab", { name: "Home" }).waitFor({ timeout: PATIENCE });
});

afterEach(async () => {
  await screenshot(
    tab,
    expect
      .getState()
      .currentTestName!.replace(/[^a-z0-9]+/gi, "-")
      .toLowerCase(),
  );
  await tab.close();
});

const number = (text: string | null) => Number((text ?? "").replace(/,/g, ""));
const weekLine = (week: number) => tab.getByTestId(`week-${week}`);
const projected = async (week: number) => number(await weekLine(week).getByTestId("projected").textContent());
/** The engine's quantity of a week: in the week line's details, opened when they are not. */
async function recommended(week: number): Promise<number> {
  const details = tab.getByTestId(`week-${week}-details`);
  if (!(await details.isVisible()))
    await weekLine(week)
      .getByRole("button", { name: new RegExp(`^Week ${week}, .*: details$`) })
      .click();
  return number(await details.getByTestId("recommended").textContent());
}
const notice = () => tab.getByTestId("notice");
/** Rows of a sheet of the workbook in memory (the grid shows the same). */
const sheetRows = (name: string) =>
  tab.evaluate((sheet) => (window as unknown as { planster: { host: { book: { sheet(n: string): unknown[][] } } } }).planster.host.book.sheet(sheet), name);
/** When the demo last kept the workbook in the browser (after each change). */
const keptAt = () => tab.getByTestId("demo-status").getAttribute("data-kept-at");

/** Opens the plan of the most urgent Order-now line; answers its SKU, warehouse and lead time in weeks. */
async function openMostUrgent(): Promise<{ sku: string; warehouse: string; leadWeeks: number }> {
  const first = tab.getByRole("button", { name: /^Open the plan of / }).first();
  const [, sku, warehouse] = /^Open the plan of (\S+) at (\S+)$/.exec((await first.getAttribute("aria-label"))!)!;
  await first.click();
  await tab.getByRole("table", { name: `Week lines of ${sku} at ${warehouse}` }).waitFor({ timeout: PATIENCE });
  const leadDays = number(/Lead time ([\d,.]+) days/.exec((await tab.getByTestId("item-summary").textContent())!)![1]);
  return { sku, warehouse, leadWeeks: Math.ceil(leadDays / 7) };
}

async function pickItem(sku: string, warehouse: string) {
  await openView(tab, "Supply Plan");
  const picker = tab.getByRole("combobox", { name: /Item-location/ });
  await picker.fill(`${sku} ${warehouse}`);
  await tab.getByRole("option", { name: new RegExp(`^${sku} @ ${warehouse}`) }).click();
  await tab.getByRole("table", { name: `Week lines of ${sku} at ${warehouse}` }).waitFor({ timeout: PATIENCE });
}

async function newOrderFromWeek(week: number): Promise<Locator> {
  await weekLine(week)
    .getByRole("button", { name: `Actions for week ${week}` })
    .click();
  await tab.getByRole("menuitem", { name: "New order…" }).click();
  const dialog = tab.getByRole("dialog");
  await dialog.waitFor({ timeout: PATIENCE });
  return dialog;
}

/** Sets the planner's quantity of week 1 of the most urgent item to 12 more than recommended; answers what it did. */
async function overrideWeek1() {
  const item = await openMostUrgent();
  const rec = await recommended(1);
  const box = weekLine(1).getByRole("textbox", { name: "Planner's quantity, week 1" });
  await box.fill(String(rec + 12));
  await box.press("Enter");
  return { ...item, rec, quantity: rec + 12 };
}

test("the page's first scripts read the sample without React or Fluent UI, so the read runs while the libraries' script still compiles", async () => {
  const folder = path.dirname(fileURLToPath(page));
  const scripts = [...readFileSync(path.join(folder, "demo.html"), "utf8").matchAll(/<script[^>]* src="?([^"> ]+)/g)].map((m) => m[1]);
  expect(scripts.map((name) => name.split(".")[0])).toEqual(["book", "boot", "vendor", "demo"]);
  const boot = readFileSync(path.join(folder, scripts[1]), "utf8");
  expect(boot).toContain("src/core/model.ts");
  expect(boot).not.toMatch(/node_modules[\\/](react|react-dom|@fluentui|@griffel)[\\/]/);
  // The sample's read begins (the benchmark's mark) before the libraries' script has run.
  const fresh = await browser.newPage();
  await fresh.addInitScript(() => {
    const w = window as unknown as { vendorRan?: number };
    document.addEventListener("load", (e) => void (e.target instanceof HTMLScriptElement && e.target.src.includes("/vendor.") && (w.vendorRan = performance.now())), true);
  });
  await fresh.goto(`${url}&reset`);
  await paneOf(fresh).getByRole("tab", { name: "Home" }).waitFor({ timeout: PATIENCE });
  const [readFrom, vendorRan] = await fresh.evaluate(() => [
    performance.getEntriesByName("planster-pane-start")[0].startTime,
    (window as unknown as { vendorRan: number }).vendorRan,
  ]);
  await fresh.close();
  expect(readFrom).toBeLessThan(vendorRan);
});

test("setting a planner's quantity writes Order Overrides and re-flows the plan", async () => {
  const { sku, warehouse, leadWeeks } = await openMostUrgent();
  const arrival = 1 + leadWeeks;
  const before = await Promise.all([1, arrival - 1, arrival].map(projected));
  const rec = await recommended(1);
  expect(rec).toBeGreaterThan(0);
  // Twelve more than recommended arrive in the arrival week: stock there is 12 higher, earlier weeks do not move.
  const box = weekLine(1).getByRole("textbox", { name: "Planner's quantity, week 1" });
  await box.fill(String(rec + 12));
  await box.press("Enter");
  await eventually(async () => expect(await projected(arrival)).toBe(before[2] + 12));
  expect([await projected(1), await projected(arrival - 1)]).toEqual([before[0], before[1]]);
  // The engine still shows its own quantity beside the planner's.
  expect(await recommended(1)).toBe(rec);
  const overrides = await sheetRows("Order Overrides");
  expect(overrides.some((row) => row[0] === sku && row[1] === warehouse && row[3] === rec + 12)).toBe(true);
  // The grid beside the pane shows the sheet that changed, the new cells highlighted.
  await eventually(async () => expect(await tab.getByTestId("grid").getAttribute("data-sheet")).toBe("Order Overrides"));
});

test("an order created from a week line is in Logistics and its recommendation is gone; its status changes", async () => {
  const { sku, warehouse } = await openMostUrgent();
  const dialog = await newOrderFromWeek(1);
  await dialog.getByRole("button", { name: "Create" }).click();
  // The order's own notice, however long the write takes on a busy machine.
  const created = notice().filter({ hasText: /Purchase order PO-\d{4}/ });
  await created.waitFor({ timeout: PATIENCE });
  const po = /PO-\d{4}/.exec((await created.textContent())!)![0];
  await eventually(async () => expect(await recommended(1)).toBe(0));
  await openView(tab, "Home");
  expect(await tab.getByRole("button", { name: `Open the plan of ${sku} at ${warehouse}` }).count()).toBe(0);

  await openView(tab, "Logistics");
  const row = tab.getByTestId(`order-${po}`);
  await eventually(async () => expect(await row.getByTestId("order-status").textContent()).toContain("Draft"));
  await row.getByRole("button", { name: `Open purchase order ${po}` }).click();
  const detail = tab.getByRole("region", { name: `Purchase order ${po}` });
  await detail.getByRole("combobox", { name: "Status" }).click();
  await tab.getByRole("option", { name: "Submitted" }).click();
  await detail.getByRole("button", { name: "Change status" }).click();
  await eventually(async () => expect(await row.getByTestId("order-status").textContent()).toContain("Submitted"));
  const headers = await sheetRows("Purchase Orders");
  expect(headers.find((r) => r[0] === po)?.[4]).toBe("Submitted");
});

test("an order for a Discontinued SKU is refused with its reason and nothing is written", async () => {
  // SKU-1037 carries status T on the sample's SKUs sheet.
  await pickItem("SKU-1037", "EAST");
  const before = JSON.stringify([await sheetRows("Purchase Orders"), await sheetRows("PO Lines")]);
  const dialog = await newOrderFromWeek(1);
  await dialog.getByRole("button", { name: "Create" }).click();
  await notice()
    .filter({ hasText: /SKU-1037.*cannot be ordered.*Discontinued/ })
    .waitFor({ timeout: PATIENCE });
  expect(JSON.stringify([await sheetRows("Purchase Orders"), await sheetRows("PO Lines")])).toBe(before);
});

test("an order's CSV is exported", async () => {
  await openView(tab, "Logistics");
  const first = tab.getByRole("button", { name: /^Open purchase order / }).first();
  const po = /PO-\d+/.exec((await first.getAttribute("aria-label"))!)![0];
  await first.click();
  const detail = tab.getByRole("region", { name: `Purchase order ${po}` });
  const [download] = await Promise.all([tab.waitForEvent("download", { timeout: PATIENCE }), detail.getByRole("button", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`${po}.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = (await sheetRows("PO Lines")).filter((r) => r[0] === po);
  // A header row, then one row per line of the order, then the total.
  expect(csv.trim().split(/\r?\n/).length).toBeGreaterThanOrEqual(1 + lines.length);
  expect(csv).toContain(po);
});

describe("the demo page's workbook", () => {
  test("changes are kept in the browser across a reload", async () => {
    const { sku, warehouse, quantity } = await overrideWeek1();
    await eventually(async () => expect(await keptAt()).toBeTruthy());
    await tab.goto(url);
    await paneOf(tab).getByRole("tab", { name: "Home" }).waitFor({ timeout: PATIENCE });
    expect(await tab.getByTestId("demo-status").textContent()).toMatch(/^demo\.xlsx as you left it on/);
    expect((await sheetRows("Order Overrides")).some((row) => row[0] === sku && row[1] === warehouse && row[3] === quantity)).toBe(true);
    // Kept before the page noted it in local storage (which lets a first visit show the sample without opening IndexedDB): still found.
    await tab.evaluate(() => localStorage.clear());
    await tab.goto(url);
    await eventually(async () => expect(await tab.getByTestId("demo-status").textContent()).toMatch(/^demo\.xlsx as you left it on/));
    expect((await sheetRows("Order Overrides")).some((row) => row[0] === sku && row[1] === warehouse && row[3] === quantity)).toBe(true);
    // "Start over" forgets it: the sample again, and still after a reload (a save the changed workbook had waiting keeps nothing).
    await tab.getByRole("button", { name: "Start over" }).click();
    await eventually(async () => expect((await sheetRows("Order Overrides")).some((row) => row[3] === quantity)).toBe(false));
    await tab.goto(url);
    await paneOf(tab).getByRole("tab", { name: "Home" }).waitFor({ timeout: PATIENCE });
    expect(await tab.getByTestId("demo-status").textContent()).not.toMatch(/as you left it/);
    expect((await sheetRows("Order Overrides")).some((row) => row[3] === quantity)).toBe(false);
  });

  test("Download workbook writes the workbook with its changes, through the pane's new-workbook module", async () => {
    const { sku, warehouse, quantity } = await overrideWeek1();
    await eventually(async () => expect((await sheetRows("Order Overrides")).some((row) => row[3] === quantity)).toBe(true));
    const [download] = await Promise.all([tab.waitForEvent("download", { timeout: PATIENCE }), tab.getByRole("button", { name: "Download workbook" }).click()]);
    expect(download.suggestedFilename()).toBe("demo.xlsx");
    const file = path.join(dir, "downloaded.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const overrides = book
      .getWorksheet("Order Overrides")!
      .getSheetValues()
      .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    // Week is a date again (2026-11-23, the sample's Plan Start), the planner's quantity as set.
    expect(overrides.some((row) => row[0] === sku && row[1] === warehouse && row[2] instanceof Date && row[3] === quantity)).toBe(true);
    expect(book.getWorksheet("Settings")!.getCell("B2").value).toEqual(new Date("2026-11-23T00:00:00Z"));
    // It opens in LibreOffice Calc too.
    expect((await sheetsAsCsv(file)).get("Order Overrides")).toContain(`${sku},${warehouse},2026-11-23,${quantity}`);
  });

  test("a workbook opened from ?book=URL, and a file that is not a workbook refused without changing what is shown", async () => {
    const file = await sampleWorkbook(path.join(dir, "served.xlsx"), 5, 20);
    const server: Server = createServer((request, response) => {
      const body = request.url === "/served.xlsx" ? readFileSync(file) : undefined;
      response.writeHead(body ? 200 : 404, { "Access-Control-Allow-Origin": "*" });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await tab.goto(`${url}&reset&book=${encodeURIComponent(`http://127.0.0.1:${port}/served.xlsx`)}`);
      await eventually(async () => expect(await tab.getByTestId("demo-status").textContent()).toMatch(/^served\.xlsx is open/));
      // Kept in the browser (once the page is idle), before the pane is used.
      await eventually(async () => expect(await keptAt()).toBeTruthy());
      // 20 SKUs at two warehouses; the sample's SKUs sheet starts at SKU-1001.
      await pickItem("SKU-1001", "EAST");
      expect(await tab.getByTestId("demo-book").textContent()).toBe("served.xlsx");

      const junk = path.join(dir, "notes.xlsx");
      writeFileSync(junk, "not a workbook");
      await tab.getByLabel("Open workbook…").setInputFiles(junk);
      await eventually(async () =>
        expect(await tab.getByTestId("demo-status").textContent()).toBe("notes.xlsx could not be opened: notes.xlsx is not an Excel workbook (.xlsx) that can be read."),
      );
      expect(await tab.getByTestId("demo-book").textContent()).toBe("served.xlsx");

      await tab.goto(`${url}&reset&book=${encodeURIComponent(`http://127.0.0.1:${port}/missing.xlsx`)}`);
      await eventually(async () =>
        expect(await tab.getByTestId("demo-status").textContent()).toMatch(/^missing\.xlsx could not be opened: the server answered 404.*The sample workbook is open instead\.$/),
      );
      expect(await tab.getByTestId("demo-book").textContent()).toBe("demo.xlsx");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
