#!/usr/bin/env node
// The task pane in Chromium (issue 12 point 6):
//   1. cold load on a 5,000-SKU workbook (10,000 item-locations, 26 weeks): the demo page,
//      built for production, each run in a fresh browser profile (nothing cached); from
//      navigation to the Order-now list on Home, then a real click (through the browser's
//      input, sent the moment the list shows, so it waits for whatever the page is still
//      busy with) on its first line until the item's week lines are drawn: the page is
//      usable when it has answered that click;
//   2. one planner's quantity typed on a week line until the plan shows it re-flowed;
//   3. the same once with three years of Sales History per item-location, whose 10,000
//      forecasts the first load computes (in slices, the page answering meanwhile);
//   4. the production bundle of the add-in (pane + functions), gzipped.
//
//   node bench/pane.bench.js [skus]      (needs lib/ from `npm run build` and /usr/bin/chromium)
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { execFileSync } = require("node:child_process");
const { pathToFileURL } = require("node:url");
const webpack = require("webpack");
const { chromium } = require("playwright-core");

const root = path.resolve(__dirname, "..");
const SKUS = Number(process.argv[2] ?? 5_000);
const RUNS = 5;
const TARGET_MS = 1_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "planster-pane-bench-"));

function build(config) {
  return new Promise((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats.toJson({ all: false, assets: true, entrypoints: true, chunks: false }));
    }),
  );
}

const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs) => `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(", ")})`;

async function bundleSize() {
  const out = path.join(tmp, "addin");
  const config = await require(path.join(root, "webpack.config.js"))({}, { mode: "production" });
  config.output = { ...config.output, path: out };
  config.context = root;
  const stats = await build(config);
  const initial = stats.entrypoints.addin.assets.map((a) => a.name).filter((n) => n.endsWith(".js"));
  const lazy = stats.assets.map((a) => a.name).filter((n) => n.endsWith(".js") && !initial.includes(n));
  const size = (names) => names.reduce((s, n) => s + fs.statSync(path.join(out, n)).size, 0);
  const gz = (names) => names.reduce((s, n) => s + gzip(path.join(out, n)), 0);
  console.log(`add-in bundle (${initial.join(" + ")}): ${kb(size(initial))} minified, ${kb(gz(initial))} gzipped`);
  if (lazy.length) console.log(`  loaded on demand (${lazy.join(", ")}): ${kb(size(lazy))} minified, ${kb(gz(lazy))} gzipped`);
}

/** A browser with a profile of its own, made for this run: no cache, no kept workbook. */
function freshBrowser() {
  return chromium.launchPersistentContext(fs.mkdtempSync(path.join(tmp, "chromium-")), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

/**
 * `history`: weeks of Sales History per item-location (0: demand from the Forecast and
 * Weekly Forecast columns alone). With a history, a cold load forecasts every series.
 */
async function paneTimes(history, runs) {
  const book = path.join(tmp, `sample-${SKUS}-${history}.xlsx`);
  execFileSync(process.execPath, [path.join(root, "bin/planster.js"), "sample", book, "--skus", String(SKUS), "--seed", "7", "--history", String(history)], { stdio: "ignore" });
  console.log(history === 0 ? "without Sales History:" : `with ${history} weeks of Sales History per item-location (every series forecast on the first load):`);
  const out = path.join(tmp, `demo-${history}`);
  const config = require(path.join(root, "webpack.demo.js"))({ demoOut: out, book }, { mode: "production" });
  config.context = root;
  const stats = await build(config);
  // The page's own scripts: the first (reading and planning), its views, the libraries' and the workbook beside them (exceljs and the new-workbook writer load on demand).
  const script = (name) => kb(fs.statSync(path.join(out, stats.assets.find((a) => a.name.startsWith(`${name}.`) && a.name.endsWith(".js")).name)).size);
  console.log(
    `demo page on ${SKUS.toLocaleString("en-US")} SKUs: ${script("boot")} of code that reads and plans, ${script("demo")} of views, ${script("vendor")} of libraries, ${script("book")} of workbook, loaded side by side`,
  );
  const url = `${pathToFileURL(path.join(out, "demo.html")).href}?today=2026-11-23`;

  const listed = [];
  const pane = [];
  const usable = [];
  const answer = [];
  const reflow = [];
  for (let run = 0; run < runs; run++) {
    const browser = await freshBrowser();
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: "commit" });
    // The moment the list is shown, where its first line's link is: the click follows at once, as a user's hand on the mouse would.
    const ready = await page.waitForFunction(
      () => {
        const link = document.querySelector('[aria-label="Order now, most urgent first"] [aria-label^="Open the plan of "]');
        if (!link) return undefined;
        // When the click below reaches the page (it waits for any long task the page is busy with).
        document.addEventListener("click", () => (window.plansterClickAt ??= performance.now()), { capture: true, once: true });
        // When the item's week lines are drawn (the frame after they enter the page), without waiting for the next poll.
        const seen = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="week-lines"]')) return;
          seen.disconnect();
          requestAnimationFrame(() => (window.plansterViewedAt = performance.now()));
        });
        seen.observe(document.body, { childList: true, subtree: true });
        const box = link.getBoundingClientRect();
        const start = performance.getEntriesByName("planster-pane-start")[0].startTime;
        return { shown: performance.now(), start, x: box.x + box.width / 2, y: box.y + box.height / 2 };
      },
      null,
      { polling: "raf", timeout: 120_000 },
    );
    const { shown, start, x, y } = await ready.jsonValue();
    listed.push(shown);
    pane.push(shown - start);
    await page.mouse.click(x, y);
    const [viewed, clicked] = await (
      await page.waitForFunction(() => window.plansterViewedAt && [window.plansterViewedAt, window.plansterClickAt], null, { timeout: 60_000 })
    ).jsonValue();
    usable.push(viewed);
    answer.push(viewed - clicked);

    // One planner's quantity on that line's first week: from Enter to the re-flowed week line.
    const before = await page.getByTestId("week-lines").textContent();
    const input = page.getByRole("textbox", { name: "Planner's quantity, week 1", exact: true });
    await input.fill("99999");
    const t0 = await page.evaluate(() => performance.now());
    await input.press("Enter");
    await page.waitForFunction((old) => document.querySelector('[data-testid="week-lines"]').textContent !== old, before, { polling: "raf" });
    reflow.push((await page.evaluate(() => performance.now())) - t0);
    await browser.close();
  }
  const under = usable.filter((t) => t < TARGET_MS).length;
  console.log(`cold load in a fresh browser profile, ${runs} run${runs === 1 ? "" : "s"}:`);
  console.log(`  navigation → Order-now list shown: ${ms(listed)}; of which the pane (read, plan, the libraries' start, render Home): ${ms(pane)}`);
  console.log(`  a click on its first line → the item's week lines: ${ms(answer)}`);
  console.log(`override typed → plan re-flowed on screen: ${ms(reflow)}`);
  console.log(`pane usable (navigation → Order-now list → a click answered), cold: ${ms(usable)}; ${under} of ${runs} under ${TARGET_MS} ms`);
}

/**
 * How fast this machine is just now: a fixed loop's time. The host of a small cloud machine
 * runs others' work too, and a cold page load's figures move with it.
 */
function machineNow() {
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < 300_000_000; i++) sum += i % 7;
  if (sum < 0) throw new Error("unreachable: keeps the loop's work");
  return `${(performance.now() - start).toFixed(0)} ms for a fixed loop of 300 million steps`;
}

(async () => {
  console.log(`this machine now: ${machineNow()}`);
  await paneTimes(0, RUNS);
  await paneTimes(156, 1);
  await bundleSize();
  fs.rmSync(tmp, { recursive: true, force: true });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
