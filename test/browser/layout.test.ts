import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { buildDemo, eventually, launch, openView, PATIENCE, paneOf, sampleWorkbook, screenshot } from "./browser";

/*
 * The pane where it lives: an Excel task pane is 320–450 px wide. At 340 and 450 px,
 * on a 300-SKU workbook opened through the demo's "Open workbook…" button, no view
 * may scroll sideways, the Supply Plan's week lines stay one line each under headers
 * that do not overlap, and what opens (a week's why, an order) opens in view.
 * Screenshots of every view at both widths go to test-results/layout-*.png.
 */
jest.setTimeout(300_000);

const VIEWS = ["Home", "Supply Plan", "Logistics", "Problems", "Settings"];
const WIDTHS = [340, 450];

let url: string;
let file: string;
let browser: BrowserContext;

beforeAll(async () => {
  file = await sampleWorkbook(path.join(mkdtempSync(path.join(tmpdir(), "planster-layout-")), "northwind.xlsx"), 11);
  url = await buildDemo();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The demo page at a pane width, with the test's workbook opened through the file input. */
async function openAt(width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${url}?today=2026-11-23&reset&paneWidth=${width}`);
  await paneOf(page).getByRole("tab", { name: "Home" }).waitFor({ timeout: PATIENCE });
  await page.getByLabel("Open workbook…").setInputFiles(file);
  await eventually(async () => expect(await page.getByTestId("demo-book").textContent()).toBe("northwind.xlsx"));
  await eventually(async () => expect(await page.getByTestId("demo-status").textContent()).toMatch(/^northwind\.xlsx is open/));
  await paneOf(page).getByRole("table", { name: "Order now, most urgent first" }).waitFor({ timeout: PATIENCE });
  return page;
}

/** Elements of the pane that scroll sideways: the pane's root and every scroll container in it (text boxes aside, whose text may scroll). */
const sidewaysScrolling = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector("[data-pane]")!;
    return [root, ...root.querySelectorAll("*")]
      .filter((el) => el === root || (["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.tagName !== "INPUT" && el.tagName !== "TEXTAREA"))
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""}: ${el.scrollWidth} > ${el.clientWidth}`);
  });

/** Boxes of the week table's header cells and of the text inside each. */
const headerBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="week-lines"] thead th')].map((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const cell = th.getBoundingClientRect();
      const text = range.getBoundingClientRect();
      return { name: th.textContent, cell: { left: cell.left, right: cell.right }, text: { left: text.left, right: text.right, width: text.width } };
    }),
  );

/** For each week line: the number of distinct lines its cells' text takes (1 when nothing wraps). */
const linesPerWeekRow = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="week-"]')]
      .filter((row) => /^week-\d+$/.test(row.getAttribute("data-testid")!))
      .map((row) => {
        const tops = new Set<number>();
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent!.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top + rect.height / 2));
        }
        // Text in one row sits at one height, give or take the baseline of different fonts.
        const sorted = [...tops].sort((a, b) => a - b);
        return sorted.length === 0 ? 0 : sorted[sorted.length - 1] - sorted[0] < 6 ? 1 : sorted.length;
      }),
  );

/** Whether a box is inside the pane's visible scroll area and the window. */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const box = document.querySelector(sel)!.getBoundingClientRect();
    const frame = document.querySelector("[data-pane-scroller]")!.getBoundingClientRect();
    return box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1 && box.bottom <= innerHeight + 1 && box.height > 0;
  }, selector);

describe.each(WIDTHS)("the pane at %i px", (width) => {
  let page: Page;

  beforeAll(async () => {
    page = await openAt(width);
  });

  afterAll(async () => {
    await page?.close();
  });

  test("the pane is as wide as asked, and no view scrolls sideways", async () => {
    expect((await paneOf(page).boundingBox())!.width).toBe(width);
    for (const view of VIEWS) {
      await openView(page, view);
      await paneOf(page).getByRole("tabpanel", { name: view }).waitFor({ timeout: PATIENCE });
      expect({ view, sideways: await sidewaysScrolling(page) }).toEqual({ view, sideways: [] });
      await screenshot(page, `layout-${width}-${view.replace(/ /g, "-").toLowerCase()}`, page.locator("#pane"));
    }
  });

  test("the Supply Plan's week lines: header cells apart, one line of text each, the header sticks", async () => {
    await openView(page, "Supply Plan");
    // Its first lines are drawn first, the rest right after (usePainted): every line is measured.
    await page.getByTestId("week-26").waitFor({ timeout: PATIENCE });
    const headers = await headerBoxes(page);
    expect(headers.map((h) => h.name)).toEqual(["Week", "Demand", "Projected", "Order qty", "Actions"]);
    headers.forEach((h, i) => {
      // Each label inside its own cell, and each cell left of the next one.
      if (h.name !== "Actions") expect({ name: h.name, inside: h.text.left >= h.cell.left - 0.5 && h.text.right <= h.cell.right + 0.5 }).toEqual({ name: h.name, inside: true });
      if (i > 0) expect(headers[i - 1].cell.right).toBeLessThanOrEqual(h.cell.left + 0.5);
    });
    const lines = await linesPerWeekRow(page);
    expect(lines).toHaveLength(26);
    expect(lines.every((n) => n === 1)).toBe(true);
    // Scrolled down to the last week, the header row is still at the top of the pane.
    await page.getByTestId("week-26").scrollIntoViewIfNeeded();
    const [head, frame] = await page.evaluate(() => [
      document.querySelector('[data-testid="week-lines"] thead th')!.getBoundingClientRect().top,
      document.querySelector("[data-pane-scroller]")!.getBoundingClientRect().top,
    ]);
    expect(Math.abs(head - frame)).toBeLessThan(1);
  });

  test("the why of a week far down the table opens beside its row, in view", async () => {
    await openView(page, "Supply Plan");
    const week = 20;
    await page.getByRole("button", { name: `Actions for week ${week}`, exact: true }).click();
    await page.getByRole("menuitem", { name: "Why this quantity?" }).click();
    const why = page.getByRole("region", { name: `Why week ${week}` });
    await why.waitFor({ timeout: PATIENCE });
    await eventually(async () => expect(await inView(page, '[data-testid="why"]')).toBe(true));
    // Right under its own week line.
    const [row, details] = await Promise.all([page.getByTestId(`week-${week}`).boundingBox(), page.getByTestId(`week-${week}-details`).boundingBox()]);
    expect(Math.abs(details!.y - (row!.y + row!.height))).toBeLessThan(2);
    expect(await sidewaysScrolling(page)).toEqual([]);
    await screenshot(page, `layout-${width}-why`, page.locator("#pane"));
  });

  test("an order opens below its row, in view, and fits", async () => {
    await openView(page, "Logistics");
    const last = page.getByRole("button", { name: /^Open purchase order / }).last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await page.getByTestId("order-detail").waitFor({ timeout: PATIENCE });
    await eventually(async () => expect(await inView(page, '[data-testid="order-detail"] h3')).toBe(true));
    expect(await sidewaysScrolling(page)).toEqual([]);
    await screenshot(page, `layout-${width}-order`, page.locator("#pane"));
  });

  test("the views that do not fit are in the More views menu, which fits the pane", async () => {
    await openView(page, "Home");
    const more = paneOf(page).getByRole("button", { name: /^More views/ });
    if (!(await more.isVisible())) return;
    await more.click();
    const menu = page.getByRole("menu");
    await menu.waitFor({ timeout: PATIENCE });
    const [box, pane] = [(await menu.boundingBox())!, (await paneOf(page).boundingBox())!];
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
    // Every view is reachable: a tab in the bar or an item of the menu.
    const items = await menu.getByRole("menuitem").allTextContents();
    for (const view of VIEWS) {
      const inBar = await paneOf(page).getByRole("tab", { name: view, exact: true }).isVisible();
      expect({ view, inBar, inMenu: items.includes(view) }).toEqual({ view, inBar: !items.includes(view), inMenu: !inBar });
    }
    await screenshot(page, `layout-${width}-more-views`, page.locator("#pane"));
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached", timeout: PATIENCE });
  });

  test("New Order's dialog opens over the pane and fits it", async () => {
    await openView(page, "Supply Plan");
    await page.getByRole("button", { name: "Actions for week 1", exact: true }).click();
    await page.getByRole("menuitem", { name: "New order…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ timeout: PATIENCE });
    await eventually(async () => {
      const box = (await dialog.boundingBox())!;
      const pane = (await paneOf(page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(pane.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
    });
    expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(page, `layout-${width}-new-order`, page.locator("#pane"));
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached", timeout: PATIENCE });
  });

  test("two weeks later, the workbook kept in the browser says its week 1 is over, and fits", async () => {
    // No reset: the page opens the workbook kept from the file input, on Wednesday 2026-12-09.
    await page.goto(`${url}?today=2026-12-09&paneWidth=${width}`);
    await paneOf(page).getByTestId("stale-plan").waitFor({ timeout: PATIENCE });
    expect(await page.getByTestId("demo-book").textContent()).toBe("northwind.xlsx");
    expect(await paneOf(page).getByTestId("stale-plan").textContent()).toContain("Plan from 7 Dec 2026");
    expect(await sidewaysScrolling(page)).toEqual([]);
    await screenshot(page, `layout-${width}-stale-plan`, page.locator("#pane"));
  });
});
