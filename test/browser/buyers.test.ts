import type { BrowserContext, Page } from "playwright-core";
import { buildDemo, eventually, launch, openView, PATIENCE, paneOf, screenshot } from "./browser";

/*
 * The buyer's day on the demo page in Chromium (samples/demo.xlsx, today 2026-11-23):
 * create the orders of one supplier from Home, receive part of one in Logistics, and
 * see its status and the plan change. The checks follow the rules, not the numbers of
 * the generated sample; every wait is for a condition.
 */
jest.setTimeout(300_000);

let browser: BrowserContext;
let tab: Page;
let url: string;

beforeAll(async () => {
  // At a narrow task pane's width: the buyer's controls must work where they live.
  url = `${await buildDemo()}?today=2026-11-23&reset&paneWidth=340`;
  browser = await launch();
  tab = await browser.newPage();
  await tab.goto(url);
  await paneOf(tab).getByRole("tab", { name: "Home" }).waitFor({ timeout: PATIENCE });
});

afterAll(async () => {
  if (tab) await screenshot(tab, "buyers-day");
  await browser?.close();
});

const number = (text: string | null) => Number((text ?? "").replace(/,/g, ""));
const notice = () => tab.getByTestId("notice");
const sheetRows = (name: string) =>
  tab.evaluate((sheet) => (window as unknown as { planster: { host: { book: { sheet(n: string): unknown[][] } } } }).planster.host.book.sheet(sheet) ?? [], name);
/** The SKU@warehouse of each Order-now row shown. */
const orderNowKeys = async () =>
  (await tab.getByRole("button", { name: /^Open the plan of / }).evaluateAll((links) => links.map((l) => l.getAttribute("aria-label")!))).map((label) =>
    label.replace(/^Open the plan of (\S+) at (\S+)$/, "$1@$2"),
  );

async function pick(group: string, label: string, option: string) {
  await paneOf(tab).getByRole("group", { name: group }).getByRole("combobox", { name: label }).click();
  await tab.getByRole("option", { name: option, exact: true }).click();
}

/** The plan of an item-location: its lead time in weeks and the "Scheduled in" of a week (from the week's details). */
async function scheduledIn(sku: string, warehouse: string, week?: number): Promise<{ arrival: number; scheduled: number }> {
  await openView(tab, "Supply Plan");
  const picker = tab.getByRole("combobox", { name: /Item-location/ });
  await picker.fill(`${sku} ${warehouse}`);
  await tab.getByRole("option", { name: new RegExp(`^${sku} @ ${warehouse}`) }).click();
  await tab.getByRole("table", { name: `Week lines of ${sku} at ${warehouse}` }).waitFor({ timeout: PATIENCE });
  const leadDays = number(/Lead time ([\d,.]+) days/.exec((await tab.getByTestId("item-summary").textContent())!)![1]);
  const arrival = week ?? 1 + Math.ceil(leadDays / 7);
  const details = tab.getByTestId(`week-${arrival}-details`);
  if (!(await details.isVisible())) {
    await tab
      .getByTestId(`week-${arrival}`)
      .getByRole("button", { name: new RegExp(`^Week ${arrival}, .*: details$`) })
      .click();
  }
  const fact = details.locator('dt:text-is("Scheduled in") + dd');
  return { arrival, scheduled: number(await fact.textContent()) };
}

test("a buyer creates one supplier's orders, receives part of one, and sees its status and the plan change", async () => {
  // Home: the supplier of the most urgent line, its lines only.
  const firstLine = tab.getByRole("button", { name: /^Open the plan of / }).first();
  const [, firstSku, firstWarehouse] = /^Open the plan of (\S+) at (\S+)$/.exec((await firstLine.getAttribute("aria-label"))!)!;
  const row = tab.getByTestId(`order-now-${firstSku}-${firstWarehouse}`);
  const supplier = /· (\S+)$/.exec((await row.locator("text=·").first().textContent())!.trim())![1];
  await pick("Order-now filters", "Supplier", supplier);
  await eventually(async () =>
    expect(await paneOf(tab).getByTestId("supplier-totals").locator("li").allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${supplier} · `))]),
  );
  const ordered = await orderNowKeys();
  expect(ordered.length).toBeGreaterThan(0);
  await paneOf(tab)
    .getByRole("button", { name: /^Create orders for / })
    .click();
  const created = notice().filter({ hasText: /orders? created/ });
  await created.waitFor({ timeout: PATIENCE });
  const numbers = [...(await created.textContent())!.matchAll(/PO-\d{4}/g)].map((m) => m[0]);
  expect(numbers.length).toBeGreaterThan(0);

  // One order per warehouse of the supplier's lines, each a Draft of this supplier, their lines the ones ordered.
  const headers = (await sheetRows("Purchase Orders")).filter((r) => numbers.includes(String(r[0])));
  expect(headers.map((r) => [r[2], r[4]])).toEqual(numbers.map(() => [supplier, "Draft"]));
  expect(new Set(headers.map((r) => r[3])).size).toBe(numbers.length);
  const lines = (await sheetRows("PO Lines")).filter((r) => numbers.includes(String(r[0])));
  const warehouseOf = new Map(headers.map((r) => [String(r[0]), String(r[3])]));
  expect(lines.map((r) => `${r[2]}@${warehouseOf.get(String(r[0]))}`).sort()).toEqual([...ordered].sort());
  // The ordered lines are inbound supply now: gone from Order now.
  await eventually(async () => expect((await orderNowKeys()).filter((k) => ordered.includes(k))).toEqual([]));

  // Its first line's plan before receiving: the new order is scheduled in its arrival week.
  const po = numbers[0];
  const [, , sku, quantity] = lines.find((r) => r[0] === po && r[1] === 1)!;
  const warehouse = warehouseOf.get(po)!;
  const before = await scheduledIn(String(sku), warehouse);
  expect(before.scheduled).toBeGreaterThanOrEqual(Number(quantity));

  // Logistics: find the order, receive part of line 1 from its ⋯ menu.
  await openView(tab, "Logistics");
  await paneOf(tab).getByRole("searchbox", { name: "Search PO or SKU" }).fill(po);
  const orderRow = tab.getByTestId(`order-${po}`);
  await eventually(async () => expect(await tab.getByRole("button", { name: /^Open purchase order / }).count()).toBe(1));
  await orderRow.getByRole("button", { name: `Actions for ${po}` }).click();
  await tab.getByRole("menuitem", { name: /^Receive…/ }).click();
  const form = tab.getByRole("region", { name: `Receive ${po}` });
  const part = Math.max(1, Math.floor(Number(quantity) / 2));
  await form.getByRole("textbox", { name: "Received now, line 1" }).fill(String(part));
  await form.getByRole("button", { name: "Receive" }).click();
  await notice()
    .filter({ hasText: `${po} is now ` })
    .waitFor({ timeout: PATIENCE });
  const status = part < Number(quantity) || lines.filter((r) => r[0] === po).length > 1 ? "Partially Received" : "Received";
  expect(await notice().textContent()).toContain(`${po} is now ${status}.`);
  await eventually(async () => expect(await orderRow.getByTestId("order-status").textContent()).toContain(status));
  const header = (await sheetRows("Purchase Orders")).find((r) => r[0] === po)!;
  expect([header[4], header[10]]).toEqual([status, 2]);
  const receipts = await sheetRows("Receipts");
  expect(receipts[0]).toEqual(["Receipt ID", "PO Number", "Line", "SKU", "Quantity", "Date"]);
  expect(receipts.slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([[po, 1, sku, part]]);

  // The plan counts only what is still to come: the week's scheduled receipts fall by what arrived.
  const after = await scheduledIn(String(sku), warehouse, before.arrival);
  expect(after.scheduled).toBe(before.scheduled - part);
});
