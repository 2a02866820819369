#!/usr/bin/env node
// The task pane in Chromium:
//   1. time to usable on a 5,000-SKU workbook (10,000 item-locations, 26 weeks): the
//      demo page, built for production, from navigation to the Order-now list on Home,
//      and the pane's own share of it (read, plan, render); then one planner's quantity
//      typed on a week line until the plan shows it re-flowed.
//   2. the production bundle of the add-in (pane + functions), gzipped.
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
const RUNS = 3;
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
  if (lazy.length) console.log(`  loaded on demand (${lazy.join(", ")}: the new-workbook export): ${kb(size(lazy))} minified, ${kb(gz(lazy))} gzipped`);
}

async function timeToUsable() {
  const book = path.join(tmp, `sample-${SKUS}.xlsx`);
  execFileSync(process.execPath, [path.join(root, "bin/planster.js"), "sample", book, "--skus", String(SKUS), "--seed", "7"], { stdio: "ignore" });
  const out = path.join(tmp, "demo");
  const config = require(path.join(root, "webpack.demo.js"))({ demoOut: out, book }, { mode: "production" });
  config.context = root;
  const stats = await build(config);
  // The page's own script (exceljs and the new-workbook writer are chunks loaded on demand).
  const demoJs = stats.assets.find((a) => a.name.startsWith("demo.") && a.name.endsWith(".js")).name;
  console.log(`demo page on ${SKUS.toLocaleString("en-US")} SKUs: ${kb(fs.statSync(path.join(out, demoJs)).size)} of script with the workbook inlined`);

  const browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(tmp, "chromium-")), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
  // `reset`: every run starts from the workbook built in, not from the one an earlier run kept in the browser.
  const url = `${pathToFileURL(path.join(out, "demo.html")).href}?today=2026-11-23&reset`;
  const usable = [];
  const pane = [];
  const reflow = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => document.querySelector('[aria-label="Order now, most urgent first"]'), null, { polling: "raf", timeout: 120_000 });
    const [now, start] = await page.evaluate(() => [performance.now(), performance.getEntriesByName("planster-pane-start")[0].startTime]);
    usable.push(now);
    pane.push(now - start);
    // One planner's quantity on the most urgent line: from Enter to the re-flowed week line.
    await page
      .getByRole("button", { name: /^Open the plan of / })
      .first()
      .click();
    await page.getByTestId("week-lines").waitFor();
    const before = await page.getByTestId("week-lines").textContent();
    const box = page.getByRole("textbox", { name: "Planner's quantity, week 1", exact: true });
    await box.fill("99999");
    const t0 = await page.evaluate(() => performance.now());
    await box.press("Enter");
    await page.waitForFunction((old) => document.querySelector('[data-testid="week-lines"]').textContent !== old, before, { polling: "raf" });
    reflow.push((await page.evaluate(() => performance.now())) - t0);
    await page.close();
  }
  await browser.close();
  const ms = (xs) => `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(", ")})`;
  console.log(`time to usable (navigation → Order-now list), median of ${RUNS}: ${ms(usable)}`);
  console.log(`  of which the pane (read ${SKUS.toLocaleString("en-US")} SKUs, plan, render Home): ${ms(pane)}`);
  console.log(`override typed → plan re-flowed on screen (re-read and re-plan of every item-location): ${ms(reflow)}`);
}

(async () => {
  await timeToUsable();
  await bundleSize();
  fs.rmSync(tmp, { recursive: true, force: true });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
