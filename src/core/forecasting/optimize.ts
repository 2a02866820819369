/**
 * Nelder–Mead simplex minimisation, and the bounded parameter maps the models
 * optimise through: a parameter p in (lo, hi) is searched as an unbounded u with
 * p = lo + (hi − lo) / (1 + e^−u), so the simplex can never leave the bounds.
 */
export interface Minimum {
  x: Float64Array;
  value: number;
  evaluations: number;
}

export interface NelderMeadOptions {
  /** Initial simplex edge along every axis (in u units). */
  step?: number;
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this (relative to the best). */
  tolerance?: number;
}

/** Minimises `f` from `start`. A NaN value counts as +Infinity, so `f` may fail anywhere. */
export function nelderMead(f: (x: Float64Array) => number, start: ArrayLike<number>, options: NelderMeadOptions = {}): Minimum {
  const n = start.length;
  const step = options.step ?? 1;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const value = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const points: Float64Array[] = [];
  const values: number[] = [];
  for (let i = 0; i <= n; i++) {
    const x = Float64Array.from(start);
    if (i > 0) x[i - 1] += step;
    points.push(x);
    values.push(value(x));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const along = (towards: Float64Array, factor: number): Float64Array => {
    const x = new Float64Array(n);
    for (let j = 0; j < n; j++) x[j] = centroid[j] + factor * (towards[j] - centroid[j]);
    return x;
  };
  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[n];
    const spread = values[worst] - values[best];
    if (spread <= tolerance * (Math.abs(values[best]) + tolerance)) break;
    centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const p = points[order[i]];
      for (let j = 0; j < n; j++) centroid[j] += p[j] / n;
    }
    const reflected = along(points[worst], -1);
    const fr = value(reflected);
    if (fr < values[best]) {
      const expanded = along(points[worst], -2);
      const fe = value(expanded);
      if (fe < fr) replace(worst, expanded, fe);
      else replace(worst, reflected, fr);
    } else if (fr < values[order[n - 1]]) {
      replace(worst, reflected, fr);
    } else {
      const outside = fr < values[worst];
      const contracted = along(outside ? reflected : points[worst], 0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : values[worst])) {
        replace(worst, contracted, fc);
      } else {
        for (let i = 1; i <= n; i++) {
          const p = points[order[i]];
          const b = points[best];
          for (let j = 0; j < n; j++) p[j] = b[j] + 0.5 * (p[j] - b[j]);
          values[order[i]] = value(p);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { x: points[best], value: values[best], evaluations };

  function replace(i: number, x: Float64Array, v: number): void {
    points[i] = x;
    values[i] = v;
  }
}

/** A parameter bounded to (lo, hi), searched on the whole line. */
export interface Bounds {
  lo: number;
  hi: number;
}

export function fromUnbounded(u: number, { lo, hi }: Bounds): number {
  return lo + (hi - lo) / (1 + Math.exp(-u));
}

export function toUnbounded(p: number, { lo, hi }: Bounds): number {
  const t = Math.min(1 - 1e-9, Math.max(1e-9, (p - lo) / (hi - lo)));
  return Math.log(t / (1 - t));
}
