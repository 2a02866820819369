#!/usr/bin/env node
// Runs every bench/*.bench.js in turn, each in its own Node process with --expose-gc,
// and passes its output through. Exit status 1 when any benchmark fails.
"use strict";
const { spawnSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const { join } = require("node:path");

const files = readdirSync(__dirname)
  .filter((name) => name.endsWith(".bench.js"))
  .sort();
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const result = spawnSync(process.execPath, ["--expose-gc", join(__dirname, file)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`${file} failed (${result.signal ? `signal ${result.signal}` : `exit status ${result.status}`})\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
