// Synthetic weekly demand of nine families with a known future, for
// forecast.bench.js. Integer demand, negative-binomial noise (retail-like: more
// spread than Poisson), every parameter drawn per series from wide ranges, all
// from one seeded generator so every run sees the same series.
"use strict";

const HISTORY = 156;
const HOLDOUT = 13;

// The engine's own seeded generator (lib/: npm run bench builds it).
const { seededRandom: random } = require("../lib/core/forecasting/random");

const uniform = (r, lo, hi) => lo + (hi - lo) * r();
const logUniform = (r, lo, hi) => Math.exp(uniform(r, Math.log(lo), Math.log(hi)));
const integer = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

function normal(r) {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** Marsaglia & Tsang; shape < 1 boosted by U^(1/shape). */
function gamma(r, shape) {
  if (shape < 1) return gamma(r, shape + 1) * Math.pow(r(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = normal(r);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function poisson(r, mean) {
  if (!(mean > 0)) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > limit) {
    k++;
    p *= r();
  }
  return k;
}

/** Negative binomial with this mean and dispersion `size` (variance mean + mean²/size). */
const negativeBinomial = (r, mean, size) => poisson(r, (gamma(r, size) * mean) / size);

/** A level wandering as a random walk on the log scale (sd per week `drift`, often 0). */
function wandering(r, weeks, level, drift) {
  const out = [];
  let log = 0;
  for (let t = 0; t < weeks; t++) {
    out.push(level * Math.exp(log));
    log += drift * normal(r);
  }
  return out;
}

const drift = (r) => (r() < 0.4 ? 0 : uniform(r, 0.005, 0.04));
const counts = (r, means, size) => means.map((m) => negativeBinomial(r, m, size));

/** Each family: the true demand of every week, history then holdout, and which history weeks are censored. */
const FAMILIES = {
  smooth(r) {
    const weeks = HISTORY + HOLDOUT;
    return { demand: counts(r, wandering(r, weeks, logUniform(r, 3, 300), drift(r)), uniform(r, 3, 40)) };
  },
  trend(r) {
    const weeks = HISTORY + HOLDOUT;
    const level = logUniform(r, 10, 300);
    const growth = (r() < 0.5 ? -1 : 1) * uniform(r, 0.15, 0.8); // per year
    const linear = r() < 0.5;
    const base = wandering(r, weeks, 1, r() < 0.5 ? 0 : uniform(r, 0.003, 0.015));
    const means = base.map((b, t) => {
      const years = t / 52;
      return b * (linear ? level * Math.max(0.05, 1 + growth * years * 0.5) : level * Math.exp(growth * years));
    });
    return { demand: counts(r, means, uniform(r, 5, 40)) };
  },
  seasonal(r) {
    const weeks = HISTORY + HOLDOUT;
    const level = logUniform(r, 10, 300);
    const amplitude = uniform(r, 0.2, 0.7);
    const phase1 = uniform(r, 0, 2 * Math.PI);
    const phase2 = uniform(r, 0, 2 * Math.PI);
    const second = uniform(r, 0, 0.6);
    const peak = r() < 0.5 ? integer(r, 0, 51) : -1;
    const peakSize = uniform(r, 1.5, 3);
    const pattern = [];
    for (let w = 0; w < 52; w++) {
      const wave = (Math.sin((2 * Math.PI * w) / 52 + phase1) + second * Math.sin((4 * Math.PI * w) / 52 + phase2)) / (1 + second);
      let s = Math.max(0.1, 1 + amplitude * wave);
      if (w === peak) s *= peakSize;
      else if (Math.abs(w - peak) === 1) s *= 1 + (peakSize - 1) / 4;
      pattern.push(s);
    }
    const growth = uniform(r, -0.2, 0.2);
    const base = wandering(r, weeks, level, r() < 0.5 ? 0 : uniform(r, 0.003, 0.015));
    const start = integer(r, 0, 51);
    const means = base.map((b, t) => b * Math.exp((growth * t) / 52) * pattern[(start + t) % 52]);
    return { demand: counts(r, means, uniform(r, 5, 40)) };
  },
  intermittent(r) {
    const p = uniform(r, 0.1, 0.55);
    const sizeMean = uniform(r, 0, 4);
    return { demand: Array.from({ length: HISTORY + HOLDOUT }, () => (r() < p ? 1 + poisson(r, sizeMean) : 0)) };
  },
  lumpy(r) {
    const p = uniform(r, 0.05, 0.4);
    const sizeMean = uniform(r, 2, 40);
    const size = uniform(r, 0.4, 1.5);
    return { demand: Array.from({ length: HISTORY + HOLDOUT }, () => (r() < p ? 1 + negativeBinomial(r, sizeMean, size) : 0)) };
  },
  "level shift"(r) {
    const weeks = HISTORY + HOLDOUT;
    const level = logUniform(r, 10, 300);
    const at = integer(r, 52, HISTORY - 6);
    const factor = r() < 0.5 ? uniform(r, 0.35, 0.7) : uniform(r, 1.4, 2.8);
    const means = Array.from({ length: weeks }, (_, t) => (t < at ? level : level * factor));
    return { demand: counts(r, means, uniform(r, 5, 40)) };
  },
  short(r) {
    const weeks = integer(r, 1, 7);
    const means = new Array(weeks + HOLDOUT).fill(logUniform(r, 2, 200));
    return { demand: counts(r, means, uniform(r, 3, 40)), history: weeks };
  },
  inactive(r) {
    const weeks = HISTORY + HOLDOUT;
    const lastSale = HISTORY - integer(r, 27, 110);
    const intermittent = r() < 0.5;
    const level = logUniform(r, 1, 100);
    const p = uniform(r, 0.15, 0.6);
    const size = uniform(r, 3, 40);
    const demand = Array.from({ length: weeks }, (_, t) => {
      if (t > lastSale) return 0;
      if (t === lastSale) return Math.max(1, poisson(r, level));
      return intermittent ? (r() < p ? 1 + poisson(r, level / 3) : 0) : negativeBinomial(r, level, size);
    });
    return { demand };
  },
  censored(r) {
    const weeks = HISTORY + HOLDOUT;
    const demand = counts(r, wandering(r, weeks, logUniform(r, 5, 300), drift(r)), uniform(r, 5, 40));
    const start = uniform(r, 0.03, 0.1);
    const censored = new Array(HISTORY).fill(false);
    for (let t = 0; t < HISTORY; t++) {
      if (r() >= start) continue;
      const length = 1 + poisson(r, 1.5);
      for (let j = t; j < Math.min(HISTORY, t + length); j++) censored[j] = true;
      t += length;
    }
    return { demand, censored };
  },
};

/**
 * `count` series of one family: `history` (NaN = censored), `future` (the true
 * demand of the 13 weeks after it). The history starts at its first sale; a
 * series without one is drawn again.
 */
function family(name, count, seed) {
  const r = random(seed);
  const out = [];
  while (out.length < count) {
    const { demand, censored, history: weeks = HISTORY } = FAMILIES[name](r);
    const sales = demand.slice(0, weeks).map((d, t) => (censored?.[t] ? NaN : d));
    const first = sales.findIndex((v) => v > 0);
    if (first < 0) continue;
    out.push({ history: sales.slice(first), future: demand.slice(weeks, weeks + HOLDOUT) });
  }
  return out;
}

module.exports = { FAMILY_NAMES: Object.keys(FAMILIES), HISTORY, HOLDOUT, family, random, normal };
