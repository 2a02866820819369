#!/usr/bin/env node
// The PLANSTER.* functions in Excel, on the fake Excel host of the tests (which
// counts syncs and payload bytes the way office.js would send them):
//   1. 10,000 function cells calculating at once on a 20,000-SKU workbook: reads, syncs, time;
//      then one edit of On Hand, after which every cell gets its new value by itself.
//   2. The Office adapter's read and write payloads as the workbook grows (write = the
//      Supply Plan sheet, cut into syncs under 4 MB).
//
//   node --expose-gc bench/functions.bench.js [skus]
"use strict";
require("./typescript");

const { SAMPLE_PLAN_START, sampleSheets } = require("../src/sample/sample.ts");
const { planAll } = require("../src/core/plan.ts");
const { readModel } = require("../src/core/model.ts");
const { supplyPlanSheet } = require("../src/core/planSheet.ts");
const functions = require("../src/functions/functions.ts");
const { LiveModel } = require("../src/runtime/liveModel.ts");
const { setRuntime } = require("../src/runtime/excel.ts");
const { OfficeWorkbook } = require("../src/workbook/office/index.ts");
const { FakeExcel } = require("../test/workbook/fakeExcel.ts");

const SKUS = Number(process.argv[2] ?? 20_000);
const CELLS = 10_000;
const WEEKS = 26;
const GROWTH = [1_000, 5_000, 20_000];
const gc = global.gc ?? (() => {});
const grouped = (n) => Math.round(n).toLocaleString("en-US");
const mb = (bytes) => `${(bytes / 1_000_000).toFixed(2)} MB`;

function fakeExcel(skus) {
  const book = {};
  // Without Sales History: these figures are the function cells' (forecasting is bench/forecast.bench.js's).
  for (const spec of sampleSheets({ skus, weeks: WEEKS, seed: 1, history: 0 })) {
    book[spec.name] = spec.rows.map((row) => row.map((value) => (value === null ? "" : value)));
  }
  return new FakeExcel(book);
}

class Cell {
  constructor() {
    this.results = [];
    this.times = [];
    this.setResult = (value) => {
      this.results.push(value);
      this.times.push(performance.now());
    };
  }
}

/** 10,000 cells over the nine functions: the kind of sheet finance and planners build. */
function invoke(i, skus, cell) {
  const sku = `SKU-${1001 + ((i * 7919) % skus)}`;
  const week = (i % WEEKS) + 1;
  switch (i % 10) {
    case 0:
      return functions.recommend(sku, week, null, cell);
    case 1:
      return functions.status(sku, null, cell);
    case 2:
      return functions.canOrder(sku, null, cell);
    case 3:
      return functions.projected(sku, week, null, cell);
    case 4:
      return functions.inbound(sku, null, null, cell);
    case 5:
      return functions.stockout(sku, null, cell);
    case 6:
      return functions.spend(null, null, null, null, cell);
    case 7:
      return functions.poTotal(`PO-${String(1 + (i % 50)).padStart(4, "0")}`, cell);
    case 8:
      return functions.plan(sku, null, cell);
    default:
      return functions.inbound(sku, week, null, cell);
  }
}

async function cellsBenchmark() {
  const excel = fakeExcel(SKUS);
  const workbook = new OfficeWorkbook(() => excel);
  const readTimes = [];
  const read = workbook.read.bind(workbook);
  workbook.read = async () => {
    const start = performance.now();
    const input = await read();
    readTimes.push([start, performance.now()]);
    return input;
  };
  const live = new LiveModel(workbook, { today: () => SAMPLE_PLAN_START, refreshDelayMs: 0 });
  setRuntime({ live });
  gc();
  const cells = Array.from({ length: CELLS }, () => new Cell());
  const t0 = performance.now();
  cells.forEach((cell, i) => invoke(i, SKUS, cell));
  await live.settled();
  const t1 = performance.now();
  const answered = cells.filter((c) => c.results.length === 1).length;
  const errors = new Map();
  for (const c of cells) {
    const result = c.results[0];
    if (result && result.code) errors.set(result.message, (errors.get(result.message) ?? 0) + 1);
  }
  const phases = (index) => {
    const [start, end] = readTimes[index];
    const first = Math.min(...cells.map((c) => c.times[index]));
    const last = Math.max(...cells.map((c) => c.times[index]));
    return `read ${(end - start).toFixed(0)} ms (fake host, counting bytes), model and plan ${(first - end).toFixed(0)} ms, answering ${grouped(CELLS)} cells ${(last - first).toFixed(0)} ms`;
  };
  const firstSyncs = excel.syncs;
  console.log(`${grouped(CELLS)} function cells on a ${grouped(SKUS)}-SKU workbook (${grouped(SKUS * 2)} item-locations, ${WEEKS} weeks):`);
  console.log(
    `  first calculation: ${live.reads} workbook read, ${firstSyncs} syncs (2 for the session's first read, 2 once to register change events), ${grouped(answered)} cells answered, ${(t1 - t0).toFixed(0)} ms: ${phases(0)}`,
  );
  for (const [message, count] of errors) console.log(`    ${grouped(count)} cells answer an error, as they should: ${message}`);
  console.log(`  read payload: ${mb(excel.syncLog.reduce((n, s) => n + s.responseBytes, 0))} in one values sync`);

  // A planner types a new On Hand: the cell is read back, the cells of that SKU answer again (bench/live.bench.js times many such edits).
  const skuSheet = excel.sheet("SKUs");
  const header = skuSheet.cells.findIndex((row) => row.includes("On Hand"));
  const col = skuSheet.cells[header].indexOf("On Hand");
  const t2 = performance.now();
  await excel.edit("SKUs", header + 1, col, 12_345);
  await live.settled();
  const t3 = performance.now();
  const updated = cells.filter((c) => c.results.length === 2).length;
  console.log(
    `  after one edit of On Hand: ${live.reads - 1} more workbook read, ${live.cellReads} range read in ${excel.syncs - firstSyncs} sync(s), ${grouped(updated)} cells got their new value, ${(t3 - t2).toFixed(1)} ms`,
  );
}

function readModelTime(skus) {
  const excel = fakeExcel(skus);
  return new OfficeWorkbook(() => excel).read().then((input) => {
    const t0 = performance.now();
    const result = readModel(input, { today: SAMPLE_PLAN_START });
    planAll(result.model);
    return performance.now() - t0;
  });
}

async function payloads() {
  console.log("\nOffice adapter payloads as the workbook grows:");
  console.log("  SKUs     item-locs  1st read: syncs  response   read+plan ms  | web (5 MB limit): syncs  largest | write Supply Plan: rows  syncs  request    largest sync");
  for (const skus of GROWTH) {
    gc();
    const excel = fakeExcel(skus);
    const workbook = new OfficeWorkbook(() => excel);
    const input = await workbook.read();
    const readSyncs = excel.syncs;
    const readBytes = excel.syncLog.reduce((n, s) => n + s.responseBytes, 0);
    const planMs = await readModelTime(skus);
    // Excel on the web refuses responses over 5 MB: the adapter then reads slices of rows.
    const web = fakeExcel(skus);
    web.responseLimitBytes = 5_000_000;
    await new OfficeWorkbook(() => web).read();
    const webOk = web.syncLog.filter((s) => s.responseBytes <= web.responseLimitBytes);
    const webLargest = Math.max(...webOk.map((s) => s.responseBytes));
    const result = readModel(input, { today: SAMPLE_PLAN_START });
    const spec = supplyPlanSheet(planAll(result.model), result.model.settings);
    excel.discardWrites = true;
    const before = excel.syncLog.length;
    const report = await workbook.writeSheet(spec);
    const writes = excel.syncLog.slice(before);
    const requestBytes = writes.reduce((n, s) => n + s.requestBytes, 0);
    const largest = Math.max(...writes.map((s) => s.requestBytes));
    console.log(
      `  ${String(grouped(skus)).padEnd(8)} ${String(grouped(skus * 2)).padEnd(10)} ${String(readSyncs).padStart(9)}   ${mb(readBytes).padStart(9)}   ${planMs.toFixed(0).padStart(8)}     | ${String(web.syncs).padStart(19)}  ${mb(webLargest).padStart(8)} | ${grouped(spec.rows.length).padStart(21)}  ${String(report.syncs).padStart(5)}  ${mb(requestBytes).padStart(9)}  ${mb(largest).padStart(9)}`,
    );
  }
}

(async () => {
  await cellsBenchmark();
  await payloads();
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
