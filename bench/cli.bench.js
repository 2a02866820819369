#!/usr/bin/env node
// The `planster` command on real .xlsx files at size: sample workbooks of 1,000, 5,000
// and 20,000 SKUs (two warehouses each) × 52 weeks, made by `planster sample` without
// Sales History (forecasting it is bench/forecast.bench.js's, which times the CLI too). Each
// command runs as a user runs it (a fresh `node` process), timed from outside, its peak
// RSS and CPU time reported by the process itself; beside them, in the same rounds, a
// bare streaming read of the same file (every sheet's values, nothing else), and
// exceljs's streaming WorkbookReader for reference. The commands take turns, round
// after round, and each is quoted by its fastest round: the one least disturbed by
// other processes on a shared machine.
//
//   node bench/cli.bench.js [skus…]                 (needs lib/ from `npm run build`)
//   node bench/cli.bench.js measure ARGS…           one run: planster ARGS (or --bare FILE, --exceljs FILE)
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const WEEKS = 52;
const RUNS = 5;
const TARGETS = { check: 1.5, "order-now": 1.5, "plan json": 3 };
const WRITE_PLAN_TARGET = { skus: 5_000, against: 20_000, ratio: 4 };
const PEAK_MB = 700;

const mb = (kb) => kb / 1024;
const grouped = (n) => n.toLocaleString("en-US");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** In the measured process: runs one thing, then reports its peak RSS (KB) on the last line of standard error. */
async function measure(args) {
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS} cpu-ms ${Math.round((cpu.user + cpu.system) / 1000)}\n`);
  });
  if (args[0] === "--bare") {
    const { readWorkbook } = require(path.join(root, "lib/workbook/xlsx/file/read.js"));
    const read = await readWorkbook(args[1]);
    let cells = 0;
    for (const grid of read.input.grids) if (!grid.table) for (const row of grid.values) for (const v of row) if (v !== undefined) cells++;
    process.stdout.write(`${cells}\n`);
  } else if (args[0] === "--exceljs") {
    const ExcelJS = require("exceljs");
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(args[1], { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
    let cells = 0;
    for await (const ws of reader) for await (const row of ws) row.eachCell(() => cells++);
    process.stdout.write(`${cells}\n`);
  } else {
    process.argv = [process.argv[0], path.join(root, "bin/planster.js"), ...args];
    await require(path.join(root, "lib/cli/main.js")).run();
  }
}

/** Runs `measure ARGS` once in a fresh process: wall time (ms), peak RSS (KB), CPU time (ms) and what it printed. */
function once(args) {
  const t0 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [__filename, "measure", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["ignore", args.includes("json") ? "ignore" : "pipe", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (child.status !== 0 && !(args[0] === "check" && child.status === 1)) throw new Error(`${args.join(" ")} failed (${child.status}):\n${child.stderr.slice(-2000)}`);
  const [, peak, cpu] = /peak-rss-kb (\d+) cpu-ms (\d+)\s*$/.exec(child.stderr);
  return { ms, peakKb: Number(peak), cpuMs: Number(cpu), stdout: child.stdout ?? "" };
}

/** Every job RUNS times, taking turns; each quoted by its fastest round (and its median), its peak RSS the most of any round. */
function rounds(jobs) {
  const runs = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
  for (let round = 0; round < RUNS; round++) for (const [k, args] of Object.entries(jobs)) runs[k].push(once(args));
  return Object.fromEntries(
    Object.entries(runs).map(([k, rs]) => [
      k,
      {
        ms: Math.min(...rs.map((r) => r.ms)),
        median: median(rs.map((r) => r.ms)),
        cpuMs: Math.min(...rs.map((r) => r.cpuMs)),
        peakKb: Math.max(...rs.map((r) => r.peakKb)),
        stdout: rs[0].stdout,
      },
    ]),
  );
}

function report(sizes) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "planster-cli-bench-"));
  const line = (text = "") => process.stdout.write(`${text}\n`);
  line(`The planster command on sample workbooks (seed 1, ${WEEKS} weeks): the fastest of ${RUNS} rounds, each a fresh process`);
  line(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), load average ${load()} at the start`);
  const results = [];
  for (const skus of sizes) {
    const file = path.join(tmp, `sample-${skus}.xlsx`);
    const made = spawnSync(
      process.execPath,
      [path.join(root, "bin/planster.js"), "sample", file, "--skus", String(skus), "--weeks", String(WEEKS), "--seed", "1", "--history", "0"],
      {
        encoding: "utf8",
      },
    );
    if (made.status !== 0) throw new Error(made.stderr);
    const out = path.join(tmp, `planned-${skus}.xlsx`);
    const m = rounds({
      bare: ["--bare", file],
      exceljs: ["--exceljs", file],
      check: ["check", file],
      "order-now": ["order-now", file, "--format", "json"],
      "plan json": ["plan", file, "--format", "json"],
      "write-plan": ["write-plan", file, "--out", out],
    });
    const r = { skus, cells: Number(m.bare.stdout.trim()), bytes: fs.statSync(file).size, ...m };
    r.planRows = skus * 2 * WEEKS;
    r.writtenBytes = fs.statSync(path.join(tmp, `planned-${skus}.xlsx`)).size;
    results.push(r);
    fs.rmSync(path.join(tmp, `planned-${skus}.xlsx`));
  }
  line();
  const header = ["SKUs", "cells", "file", "bare read", "exceljs read", "check", "order-now", "plan json", "write-plan"];
  const rows = results.map((r) => [
    grouped(r.skus),
    grouped(r.cells),
    `${(r.bytes / 1e6).toFixed(1)} MB`,
    ...["bare", "exceljs", "check", "order-now", "plan json", "write-plan"].map((k) => `${(r[k].ms / 1000).toFixed(2)} s ${mb(r[k].peakKb).toFixed(0)} MB`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const show = (cells) => cells.map((c, i) => (i < 3 ? c.padStart(widths[i]) : c.padStart(widths[i]))).join("  ");
  line(show(header));
  for (const row of rows) line(show(row));
  line("(wall time from outside, including Node's start; peak RSS as the process reports it)");
  line("CPU time of the fastest round, all threads (zlib's and the garbage collector's included):");
  for (const r of results) {
    line(`  ${grouped(r.skus)} SKUs: ${["bare", "exceljs", "check", "order-now", "plan json", "write-plan"].map((k) => `${k} ${(r[k].cpuMs / 1000).toFixed(2)} s`).join(", ")}`);
  }
  line();
  line("Ratios to the bare read of the same file (targets in brackets):");
  for (const r of results) {
    const parts = Object.entries(TARGETS).map(([k, target]) => {
      const ratio = r[k].ms / r.bare.ms;
      return `${k} ${ratio.toFixed(2)}× [≤ ${target}: ${ratio <= target ? "met" : "MISSED"}] (CPU ${(r[k].cpuMs / r.bare.cpuMs).toFixed(2)}×, exceljs's read ${(r[k].ms / r.exceljs.ms).toFixed(2)}×)`;
    });
    line(
      `  ${grouped(r.skus)} SKUs: ${parts.join(", ")}; write-plan ${(r["write-plan"].ms / r.bare.ms).toFixed(2)}× (${grouped(r.planRows)} rows, ${(r.writtenBytes / 1e6).toFixed(0)} MB written); exceljs's read ${(r.exceljs.ms / r.bare.ms).toFixed(1)}× ours`,
    );
  }
  const small = results.find((r) => r.skus === WRITE_PLAN_TARGET.skus);
  const big = results.find((r) => r.skus === WRITE_PLAN_TARGET.against);
  if (small && big) {
    const ratio = small["write-plan"].ms / big.bare.ms;
    line(
      `  write-plan of ${grouped(small.skus)} SKUs ÷ bare read of ${grouped(big.skus)} SKUs: ${ratio.toFixed(2)}× [≤ ${WRITE_PLAN_TARGET.ratio}: ${ratio <= WRITE_PLAN_TARGET.ratio ? "met" : "MISSED"}]`,
    );
  }
  const peak = Math.max(...results.flatMap((r) => ["check", "order-now", "plan json", "write-plan"].map((k) => r[k].peakKb)));
  line(`Peak RSS of any command: ${mb(peak).toFixed(0)} MB [≤ ${PEAK_MB} MB: ${mb(peak) <= PEAK_MB ? "met" : "MISSED"}]`);
  if (results.length > 1) {
    const first = results[0];
    const last = results[results.length - 1];
    line(`Growth from ${grouped(first.skus)} to ${grouped(last.skus)} SKUs (${(last.cells / first.cells).toFixed(1)}× the cells), time per cell and peak RSS:`);
    for (const k of ["bare", "check", "order-now", "plan json", "write-plan"]) {
      const perCell = (r) => (r[k].ms * 1000) / r.cells;
      line(
        `  ${k.padEnd(10)} ${perCell(first).toFixed(2)} → ${perCell(last).toFixed(2)} µs per cell (${(perCell(last) / perCell(first)).toFixed(2)}×), RSS ${mb(first[k].peakKb).toFixed(0)} → ${mb(last[k].peakKb).toFixed(0)} MB`,
      );
    }
  }
  line();
  line(`load average ${load()} at the end`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "measure") {
  measure(rest).catch((error) => {
    console.error(error);
    process.exit(3);
  });
} else report(mode ? [mode, ...rest].map(Number) : [1_000, 5_000, 20_000]);
