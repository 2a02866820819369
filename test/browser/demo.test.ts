import { readFileSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { buildDemo, eventually, launch, screenshot } from "./browser";

/*
 * The demo page in Chromium: the task pane on samples/demo.xlsx (seed 42) held in
 * memory, today fixed at 2026-11-23. The checks follow the plan's own rules rather
 * than numbers of the generated sample, so that they hold for any sample.
 */
jest.setTimeout(180_000);

let url: string;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  url = `${await buildDemo()}?today=2026-11-23`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  await page.goto(url);
  await page.getByRole("tab", { name: "Home" }).waitFor();
});

afterEach(async () => {
  await screenshot(
    page,
    expect
      .getState()
      .currentTestName!.replace(/[^a-z0-9]+/gi, "-")
      .toLowerCase(),
  );
  await page.close();
});

const number = (text: string | null) => Number((text ?? "").replace(/,/g, ""));
const weekLine = (week: number) => page.getByTestId(`week-${week}`);
const projected = async (week: number) => number(await weekLine(week).getByTestId("projected").textContent());
const recommended = async (week: number) => number(await weekLine(week).getByTestId("recommended").textContent());
const notice = () => page.getByTestId("notice");
/** Rows of a sheet of the workbook in memory (the grid shows the same). */
const sheetRows = (name: string) =>
  page.evaluate((sheet) => (window as unknown as { planster: { host: { book: { sheet(n: string): unknown[][] } } } }).planster.host.book.sheet(sheet), name);

/** Opens the plan of the most urgent Order-now line; answers its SKU, warehouse and lead time in weeks. */
async function openMostUrgent(): Promise<{ sku: string; warehouse: string; leadWeeks: number }> {
  const first = page.getByRole("button", { name: /^Open the plan of / }).first();
  const [, sku, warehouse] = /^Open the plan of (\S+) at (\S+)$/.exec((await first.getAttribute("aria-label"))!)!;
  await first.click();
  await page.getByRole("table", { name: `Week lines of ${sku} at ${warehouse}` }).waitFor();
  const leadDays = number(/Lead time ([\d,.]+) days/.exec((await page.getByTestId("item-summary").textContent())!)![1]);
  return { sku, warehouse, leadWeeks: Math.ceil(leadDays / 7) };
}

async function pickItem(sku: string, warehouse: string) {
  await page.getByRole("tab", { name: "Supply Plan" }).click();
  const picker = page.getByRole("combobox", { name: /Item-location/ });
  await picker.fill(`${sku} ${warehouse}`);
  await page.getByRole("option", { name: new RegExp(`^${sku} @ ${warehouse}`) }).click();
  await page.getByRole("table", { name: `Week lines of ${sku} at ${warehouse}` }).waitFor();
}

async function newOrderFromWeek(week: number): Promise<Locator> {
  await weekLine(week)
    .getByRole("button", { name: `Actions for week ${week}` })
    .click();
  await page.getByRole("menuitem", { name: "New order…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  return dialog;
}

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
  await eventually(async () => expect(await page.getByTestId("grid").getAttribute("data-sheet")).toBe("Order Overrides"));
});

test("an order created from a week line is in Logistics and its recommendation is gone; its status changes", async () => {
  const { sku, warehouse } = await openMostUrgent();
  const dialog = await newOrderFromWeek(1);
  await dialog.getByRole("button", { name: "Create" }).click();
  await eventually(async () => expect(await notice().textContent()).toMatch(/Purchase order PO-\d{4}/));
  const po = /PO-\d{4}/.exec((await notice().textContent())!)![0];
  await eventually(async () => expect(await recommended(1)).toBe(0));
  await page.getByRole("tab", { name: "Home" }).click();
  expect(await page.getByRole("button", { name: `Open the plan of ${sku} at ${warehouse}` }).count()).toBe(0);

  await page.getByRole("tab", { name: "Logistics" }).click();
  const row = page.getByTestId(`order-${po}`);
  await eventually(async () => expect(await row.getByTestId("order-status").textContent()).toContain("Draft"));
  await row.getByRole("button", { name: `Open purchase order ${po}` }).click();
  const detail = page.getByRole("region", { name: `Purchase order ${po}` });
  await detail.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Submitted" }).click();
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
  await eventually(async () => expect(await notice().textContent()).toMatch(/SKU-1037.*cannot be ordered.*Discontinued/));
  expect(JSON.stringify([await sheetRows("Purchase Orders"), await sheetRows("PO Lines")])).toBe(before);
});

test("an order's CSV is exported", async () => {
  await page.getByRole("tab", { name: "Logistics" }).click();
  const first = page.getByRole("button", { name: /^Open purchase order / }).first();
  const po = /PO-\d+/.exec((await first.getAttribute("aria-label"))!)![0];
  await first.click();
  const detail = page.getByRole("region", { name: `Purchase order ${po}` });
  const [download] = await Promise.all([page.waitForEvent("download"), detail.getByRole("button", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`${po}.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = (await sheetRows("PO Lines")).filter((r) => r[0] === po);
  // A header row, then one row per line of the order.
  expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + lines.length);
  expect(csv).toContain(po);
});
