/* eslint-disable no-loss-of-precision -- AS 241's coefficients are kept digit for digit as published, so that they can be checked against the paper */
/**
 * The inverse of the standard normal distribution function: z such that
 * P(Z ≤ z) = p. Wichura's algorithm AS 241 (Applied Statistics, 1988), the
 * double-precision variant PPND16: rational approximations in three regions,
 * about 1e-16 relative error. Outside (0, 1) it answers ±Infinity or NaN, never throws.
 */
export function inverseNormal(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -z : z;
}

/**
 * The p-quantile of Student's t with ν degrees of freedom. ν = 1 and 2 have closed
 * forms; otherwise the Cornish–Fisher expansion around z to 1/ν⁴ (Abramowitz &
 * Stegun 26.7.5) starts it, and for a whole ν a few secant steps on the exact
 * distribution function (studentTCdf) finish it. ν = Infinity is the normal.
 */
export function inverseStudentT(p: number, nu: number): number {
  if (!(nu >= 1) || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (nu === 1) return Math.tan(Math.PI * (p - 0.5));
  if (nu === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = inverseNormal(p);
  if (!Number.isFinite(nu)) return z;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  let t = z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
  if (!Number.isInteger(nu) || nu > 200) return t;
  let previous = z;
  let fPrevious = studentTCdf(previous, nu) - p;
  for (let i = 0; i < 8; i++) {
    const f = studentTCdf(t, nu) - p;
    if (f === 0 || f === fPrevious) break;
    const next = t - (f * (t - previous)) / (f - fPrevious);
    previous = t;
    fPrevious = f;
    t = next;
    if (Math.abs(t - previous) < 1e-12 * Math.max(1, Math.abs(t))) break;
  }
  return t;
}

/**
 * P(T ≤ t) for Student's t with a whole number ν ≥ 1 of degrees of freedom, from the
 * finite series of Abramowitz & Stegun 26.7.3–4 in θ = atan(t/√ν).
 */
export function studentTCdf(t: number, nu: number): number {
  const theta = Math.atan(t / Math.sqrt(nu));
  const c = Math.cos(theta);
  const c2 = c * c;
  const s = Math.sin(theta);
  let inner: number;
  if (nu % 2 === 1) {
    // A = (2/π)(θ + sinθ·cosθ·(1 + (2/3)cos²θ + (2·4)/(3·5)cos⁴θ + … to cos^(ν−3)θ)); ν = 1: A = 2θ/π
    let term = 1;
    let sum = nu > 1 ? 1 : 0;
    for (let k = 2; k <= nu - 3; k += 2) {
      term *= (k / (k + 1)) * c2;
      sum += term;
    }
    inner = (2 / Math.PI) * (theta + s * c * sum);
  } else {
    // A = sinθ·(1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … to cos^(ν−2)θ)
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= nu - 3; k += 2) {
      term *= (k / (k + 1)) * c2;
      sum += term;
    }
    inner = s * sum;
  }
  return 0.5 + 0.5 * inner;
}
