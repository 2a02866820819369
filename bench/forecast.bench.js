#!/usr/bin/env node
// The statistical forecasting engine against R's forecast package, on nine
// families of synthetic weekly demand with a known 13-week future
// (bench/forecastFamilies.js): point accuracy (RMSSE over the holdout, per family
// and overall), achieved service level of the safety stock, and speed.
//
// The anchor is R's `forecast` package (8.x) as an expert forecaster would use it,
// told each series' family (which our `auto` is not):
//   smooth, trend, level shift, inactive: ets(y)                 (AICc over ETS models)
//   censored: ets(na.interp(y))       (stockout weeks NA, filled: ets and stl refuse NA)
//   seasonal: stlf(ts(y, frequency = 52), method = "ets")        (ets refuses m > 24;
//             STL + ETS on the adjusted series, needs > 2 full years)
//   intermittent, lumpy: croston(y)                              (its defaults)
//   short (< 8 weeks): meanf(y)
// Negative forecasts are cut to 0 for both (demand is never negative). Our engine
// gets every series the same way, `forecast(history, { horizon: 13 })`, with NaN
// for the censored weeks; `auto` chooses on the history alone.
//
// RMSSE (M5): √(mean squared holdout error / mean squared one-step change in the
// history); a family's figure is the mean over its series, the overall one the
// mean over all series; ratio = ours / R (target ≤ 1.00 overall, ≤ 1.05 per family).
//
// Service level: for each series a lead time L of 2, 3 or 4 weeks and review R = 1
// (P = L + R); covered when the actual demand of the protection interval is within
// Σ forecast(weeks 1..P) + SS. With σL = 0 the interval is P weeks; with σL = 1 week
// the realised lead time is L + Z weeks (Z standard normal, at least 0), demand of a
// part week pro rata. Target: within 3 points of 90, 95 and 98 %.
//
// Speed: 10,000 series × 156 weeks (the eight long families in turn), forecast and
// one safety stock each, against R's time per series measured on the families above;
// then the same series as the Sales History of a workbook (10,000 item-locations, the
// wide layout: three years do not fit a sheet's rows in the long one), forecast by
// `planster forecast` in a fresh process, file read and output written included.
//
//   node bench/forecast.bench.js [--series N] [--timing N] [--no-r] [--no-cli] [--r-cache DIR] [--families FILE]
//
// R is installed from Debian when missing (apt-get); when that is impossible the
// comparison with R is skipped with a line saying so.
"use strict";
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, mkdirSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { forecast, measures } = require("../lib/core/forecasting");
const argument = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
// Another generator with the same exports can stand in (--families FILE): a check that nothing is tuned to this one.
const { FAMILY_NAMES, HISTORY, HOLDOUT, family, random, normal } = require(argument("--families", "./forecastFamilies"));

const SEED = 20261201;
const LEVELS = [0.9, 0.95, 0.98];
const LEAD_SD_WEEKS = 1;
const REVIEW = 1;
const TARGET_OVERALL = 1.0;
const TARGET_FAMILY = 1.05;
const TARGET_POINTS = 3;
const TARGET_SECONDS = 60;

const SERIES = Number(argument("--series", 300));
const TIMING = Number(argument("--timing", 10_000));
const WITH_R = !process.argv.includes("--no-r");
const WITH_CLI = !process.argv.includes("--no-cli");
const R_CACHE = argument("--r-cache", undefined);

const line = (text = "") => process.stdout.write(`${text}\n`);
const pad = (text, width) => String(text).padStart(width);
const fixed = (x, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(digits));
const mean = (values) => values.reduce((s, v) => s + v, 0) / values.length;

const R_SCRIPT = `
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
family <- args[3]
h <- ${HOLDOUT}
expert <- function(y) {
  if (family == "censored") y <- as.numeric(na.interp(ts(y)))
  if (family == "seasonal") return(stlf(ts(y, frequency = 52), h = h, method = "ets")$mean)
  if (family %in% c("intermittent", "lumpy")) return(croston(y, h = h)$mean)
  if (family == "short") return(meanf(y, h = h)$mean)
  forecast(ets(y), h = h)$mean
}
lines <- readLines(args[1])
out <- character(length(lines))
started <- proc.time()[["elapsed"]]
for (i in seq_along(lines)) {
  parts <- strsplit(lines[i], ",", fixed = TRUE)[[1]]
  y <- suppressWarnings(as.numeric(parts[-1]))
  f <- tryCatch(as.numeric(expert(y)), error = function(e) as.numeric(meanf(na.omit(y), h = h)$mean))
  out[i] <- paste(c(parts[1], format(pmax(0, f), digits = 15)), collapse = ",")
}
elapsed <- proc.time()[["elapsed"]] - started
writeLines(out, args[2])
cat(elapsed, "\\n")
`;

/** Rscript with the forecast package, installing it from Debian when missing; the reason when impossible. */
function ensureR() {
  const probe = () => spawnSync("Rscript", ["-e", "suppressMessages(library(forecast)); cat(as.character(packageVersion('forecast')))"], { encoding: "utf8" });
  let found = probe();
  if (found.status === 0) return { version: found.stdout.trim() };
  line("R's forecast package is missing: apt-get install -y --no-install-recommends r-base-core r-cran-forecast");
  const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "r-base-core", "r-cran-forecast"], { stdio: "inherit" });
  let installed = install();
  if (installed.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    installed = install();
  }
  found = probe();
  if (found.status === 0) return { version: found.stdout.trim() };
  return { error: installed.error ? installed.error.message : `apt-get exited with ${installed.status}` };
}

/** R's forecasts of one family's series (one Rscript run), and its time per series in ms. */
function rForecasts(name, series, dir) {
  const cacheFile = R_CACHE && join(R_CACHE, `${name.replace(/ /g, "-")}-${SEED}-${series.length}.json`);
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8"));
  const input = join(dir, `${name.replace(/ /g, "-")}.csv`);
  const output = join(dir, `${name.replace(/ /g, "-")}.out.csv`);
  const script = join(dir, "expert.R");
  writeFileSync(script, R_SCRIPT);
  writeFileSync(input, series.map((s, i) => [i, ...s.history.map((v) => (Number.isNaN(v) ? "NA" : v))].join(",")).join("\n") + "\n");
  const run = spawnSync("Rscript", [script, input, output, name], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`R failed on ${name}: ${run.stderr}`);
  const forecasts = [];
  for (const row of readFileSync(output, "utf8").trim().split("\n")) {
    const [id, ...values] = row.split(",");
    forecasts[Number(id)] = values.map(Number);
  }
  const result = { forecasts, msPerSeries: (Number(run.stdout.trim()) * 1000) / series.length };
  if (cacheFile) {
    mkdirSync(R_CACHE, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(result));
  }
  return result;
}

const sum = (values, from, to) => {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i];
  return s;
};

/** Demand of the first `weeks` future weeks, a fractional last week pro rata. */
function demandOver(future, weeks) {
  const whole = Math.min(future.length, Math.floor(weeks));
  return sum(future, 0, whole) + (whole < future.length ? (weeks - whole) * future[whole] : 0);
}

function serviceLevels(results) {
  const r = random(SEED + 7);
  const cases = [
    { name: "σL = 0", leadSd: 0 },
    { name: `σL = ${LEAD_SD_WEEKS} week`, leadSd: LEAD_SD_WEEKS },
  ];
  const table = cases.map((c) => ({ ...c, covered: LEVELS.map(() => 0), stock: LEVELS.map(() => 0), demand: 0, byFamily: {} }));
  results.forEach((res, i) => {
    const lead = 2 + (i % 3);
    const weeks = lead + REVIEW;
    const z = normal(r);
    for (const c of table) {
      const realised = c.leadSd > 0 ? Math.min(HOLDOUT - REVIEW, Math.max(0, lead + c.leadSd * z)) + REVIEW : weeks;
      const actual = demandOver(res.future, realised);
      const planned = sum(res.ours.point, 0, weeks);
      c.demand += actual;
      const fam = (c.byFamily[res.family] ??= { covered: LEVELS.map(() => 0), count: 0 });
      fam.count++;
      LEVELS.forEach((level, k) => {
        const ss = res.ours.safetyStock({ weeks, serviceLevel: level, leadTimeSdWeeks: c.leadSd });
        c.stock[k] += ss;
        if (actual <= planned + ss + 1e-9) {
          c.covered[k]++;
          fam.covered[k]++;
        }
      });
    }
  });
  return table;
}

function accuracyTable(results, withR) {
  line();
  line(`RMSSE over a ${HOLDOUT}-week holdout (mean over each family's series; lower is better)`);
  line(`${"family".padEnd(14)}${pad("series", 7)}${pad("ours", 9)}${withR ? pad("R", 9) + pad("ours/R", 9) + "  target" : ""}   methods auto chose`);
  const pooled = { ours: [], r: [] };
  let worst = 0;
  for (const name of FAMILY_NAMES) {
    const rows = results.filter((x) => x.family === name && x.rmsse.ours !== null && (!withR || x.rmsse.r !== null));
    const ours = mean(rows.map((x) => x.rmsse.ours));
    const methods = {};
    for (const x of results.filter((x) => x.family === name)) methods[x.ours.method] = (methods[x.ours.method] ?? 0) + 1;
    const chosen = Object.entries(methods)
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${n}`)
      .join(", ");
    pooled.ours.push(...rows.map((x) => x.rmsse.ours));
    let rCols = "";
    if (withR) {
      const r = mean(rows.map((x) => x.rmsse.r));
      pooled.r.push(...rows.map((x) => x.rmsse.r));
      const ratio = r > 0 ? ours / r : ours === 0 ? 1 : Infinity;
      worst = Math.max(worst, ratio);
      rCols = pad(fixed(r), 9) + pad(fixed(ratio), 9) + `  ${ratio <= TARGET_FAMILY ? "met" : "MISSED"}`;
    }
    line(`${name.padEnd(14)}${pad(rows.length, 7)}${pad(fixed(ours), 9)}${rCols}   ${chosen}`);
  }
  const ours = mean(pooled.ours);
  if (withR) {
    const r = mean(pooled.r);
    line(
      `${"overall".padEnd(14)}${pad(pooled.ours.length, 7)}${pad(fixed(ours), 9)}${pad(fixed(r), 9)}${pad(fixed(ours / r), 9)}  ${ours / r <= TARGET_OVERALL ? "met" : "MISSED"}`,
    );
    line(
      `targets: overall ≤ ${TARGET_OVERALL.toFixed(2)} (${ours / r <= TARGET_OVERALL ? "met" : "MISSED"}), every family ≤ ${TARGET_FAMILY} (worst ${fixed(worst)}: ${worst <= TARGET_FAMILY ? "met" : "MISSED"})`,
    );
  } else {
    line(`${"overall".padEnd(14)}${pad(pooled.ours.length, 7)}${pad(fixed(ours), 9)}`);
  }
}

function serviceTable(results) {
  const table = serviceLevels(results);
  line();
  line(`Service level achieved (share of ${results.length} series whose actual demand over the protection interval stayed within Σ forecast + SS; L = 2–4, R = ${REVIEW})`);
  line(`${"case".padEnd(16)}${LEVELS.map((l) => pad(`${l * 100}%`, 8) + pad("SS/demand", 11)).join("")}   target ±${TARGET_POINTS} points`);
  for (const c of table) {
    const cells = LEVELS.map((_, k) => pad(`${((100 * c.covered[k]) / results.length).toFixed(1)}`, 8) + pad(`${((100 * c.stock[k]) / c.demand).toFixed(1)}%`, 11)).join("");
    const met = LEVELS.every((level, k) => Math.abs((100 * c.covered[k]) / results.length - 100 * level) <= TARGET_POINTS);
    line(`${c.name.padEnd(16)}${cells}   ${met ? "met" : "MISSED"}`);
  }
  line("by family (σL = 0 | σL = 1), % covered at 90/95/98:");
  for (const name of FAMILY_NAMES) {
    const cells = table.map((c) => c.byFamily[name].covered.map((n) => pad(((100 * n) / c.byFamily[name].count).toFixed(0), 4)).join("")).join("   |");
    line(`  ${name.padEnd(14)}${cells}`);
  }
}

async function timing(rPerSeries, rFastest) {
  const longFamilies = FAMILY_NAMES.filter((n) => n !== "short");
  const perFamily = Math.ceil(TIMING / longFamilies.length);
  const series = longFamilies.flatMap((name, k) => family(name, perFamily, SEED + 1000 + k)).slice(0, TIMING);
  const weeks = series.reduce((s, x) => s + x.history.length, 0) / series.length;
  const t0 = performance.now();
  const fits = series.map((s) => forecast(s.history, { horizon: HOLDOUT }));
  const t1 = performance.now();
  fits.forEach((f, i) => f.safetyStock({ weeks: 2 + (i % 3) + REVIEW, serviceLevel: 0.95, leadTimeSdWeeks: i % 2 }));
  const t2 = performance.now();
  line();
  line(`Speed: ${series.length.toLocaleString("en-US")} series × ${weeks.toFixed(0)} weeks (mean), ${HOLDOUT}-week forecast, then one safety stock each`);
  line(
    `  forecast ${((t1 - t0) / 1000).toFixed(1)} s, safety stock ${((t2 - t1) / 1000).toFixed(1)} s, total ${((t2 - t0) / 1000).toFixed(1)} s  (target ≤ ${TARGET_SECONDS} s: ${(t2 - t0) / 1000 <= TARGET_SECONDS ? "met" : "MISSED"})`,
  );
  perSeries(t2 - t0, series.length, rPerSeries, rFastest);
  if (WITH_CLI) await cliTiming(series, rPerSeries, rFastest);
}

function perSeries(totalMs, count, rPerSeries, rFastest) {
  const ours = totalMs / count;
  if (rPerSeries !== undefined) {
    line(
      `  per series: ours ${ours.toFixed(2)} ms, R ${rPerSeries.toFixed(2)} ms (its expert method, mean over the same families; its fastest, ${rFastest[0]}: ${rFastest[1].toFixed(2)} ms)  (target ours < R: ${ours < rPerSeries ? "met" : "MISSED"})`,
    );
  } else {
    line(`  per series: ours ${ours.toFixed(2)} ms`);
  }
}

/**
 * The series of `timing` as a workbook's Sales History (item-location i sold series i,
 * its last week the week before the plan start; 13 weeks planned at a 95 % service
 * level, so each gets its forecast and one safety stock), then `planster forecast` on
 * it in a fresh process, and `planster check` (the same read, no forecast) for the
 * share of reading. The wide layout has no Stockout column: censored weeks are blank (0 sold).
 */
async function cliTiming(series, rPerSeries, rFastest) {
  const { XlsxBook } = require("../lib/workbook/xlsx");
  const { serialFromDay, dayFromIso } = require("../lib/core/dates");
  const planStart = dayFromIso("2026-11-23");
  const weeks = Math.max(...series.map((s) => s.history.length));
  const dates = Array.from({ length: weeks }, (_, k) => serialFromDay(planStart - 7 * (weeks - k)));
  const code = (i) => `S${String(i + 1).padStart(5, "0")}`;
  const sheets = [
    {
      name: "Settings",
      rows: [
        ["Setting", "Value"],
        ["Plan Start", serialFromDay(planStart)],
        ["Horizon Weeks", HOLDOUT],
        ["Service Level", "95%"],
      ],
      columnFormats: {},
    },
    {
      name: "Suppliers",
      rows: [
        ["Supplier", "Lead Time Days", "Lead Time SD Days"],
        ["ACME", 14, 3],
      ],
    },
    { name: "SKUs", rows: [["SKU", "Supplier", "On Hand", "Unit Cost"], ...series.map((_, i) => [code(i), "ACME", 50, 1])] },
    {
      name: "Sales History",
      rows: [["SKU", ...dates], ...series.map((s, i) => [code(i), ...new Array(weeks - s.history.length).fill(null), ...s.history.map((x) => (Number.isFinite(x) ? x : null))])],
    },
  ];
  const dir = mkdtempSync(join(tmpdir(), "planster-forecast-cli-"));
  try {
    const file = join(dir, "history.xlsx");
    const book = XlsxBook.create();
    for (const sheet of sheets) book.writeSheet(sheet);
    await book.save(file);
    const planster = (...args) => {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [join(__dirname, "../bin/planster.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
      if (run.status !== 0) throw new Error(`planster ${args[0]} failed: ${run.stderr}`);
      return { ms: performance.now() - t0, out: run.stdout };
    };
    const check = planster("check", file);
    const run = planster("forecast", file, "--format", "csv");
    const rows = run.out.split("\r\n").length - 2;
    line();
    line(
      `planster forecast on a workbook of ${series.length.toLocaleString("en-US")} item-locations × ${weeks} weeks of Sales History (wide, ${(statSync(file).size / 1_048_576).toFixed(1)} MB), ${HOLDOUT} weeks planned, 95 % service level`,
    );
    line(
      `  ${(run.ms / 1000).toFixed(1)} s in all, a fresh process (reading the file and the model, as planster check: ${(check.ms / 1000).toFixed(1)} s), ${rows.toLocaleString("en-US")} rows printed  (target ≤ ${TARGET_SECONDS} s: ${run.ms / 1000 <= TARGET_SECONDS ? "met" : "MISSED"})`,
    );
    perSeries(run.ms, series.length, rPerSeries, rFastest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const os = require("node:os");
  line(`Forecasting engine vs R forecast: ${FAMILY_NAMES.length} families × ${SERIES} series, ${HISTORY} weeks of history (short: 1–7), seed ${SEED}`);
  line(
    `Node ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  let r = { error: "--no-r" };
  if (WITH_R) r = ensureR();
  const withR = r.version !== undefined;
  if (withR) line(`R forecast ${r.version}`);
  else line(`R comparison skipped (${r.error}): only our engine's figures follow.`);
  const dir = mkdtempSync(join(tmpdir(), "planster-forecast-"));
  const results = [];
  const rTimes = {};
  let oursMs = 0;
  try {
    FAMILY_NAMES.forEach((name, k) => {
      const series = family(name, SERIES, SEED + k);
      const t0 = performance.now();
      const ours = series.map((s) => forecast(s.history, { horizon: HOLDOUT }));
      oursMs += performance.now() - t0;
      const theirs = withR ? rForecasts(name, series, dir) : undefined;
      if (theirs) rTimes[name] = theirs.msPerSeries;
      series.forEach((s, i) => {
        results.push({
          family: name,
          future: s.future,
          ours: ours[i],
          rmsse: {
            ours: measures(s.history, s.future, ours[i].point).rmsse,
            r: theirs ? measures(s.history, s.future, theirs.forecasts[i]).rmsse : null,
          },
        });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  accuracyTable(results, withR);
  serviceTable(results);
  if (withR) {
    line();
    line(
      `R's time per series (ms): ${Object.entries(rTimes)
        .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
        .join(", ")}; ours ${(oursMs / results.length).toFixed(2)} on the same series`,
    );
  }
  const long = Object.entries(rTimes).filter(([n]) => n !== "short");
  const fastest = long.reduce((best, entry) => (entry[1] < best[1] ? entry : best), long[0]);
  await timing(long.length > 0 ? mean(long.map(([, ms]) => ms)) : undefined, fastest);
}

main().catch((error) => {
  process.exitCode = 1;
  line(`forecast bench failed: ${error.stack ?? error}`);
});
