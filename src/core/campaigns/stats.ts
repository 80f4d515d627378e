/**
 * The interval arithmetic behind campaign results (issue 19), all at 95%:
 * - a group's return rate: Wilson's score interval (Wilson 1927), p̂ ± z·√(p̂q̂/n + z²/4n²) around the shifted
 *   centre (p̂ + z²/2n), both divided by 1 + z²/n;
 * - treated − holdout return rate: Newcombe's hybrid score interval (Newcombe 1998, method 10), built from the
 *   two Wilson intervals (l₁, u₁), (l₂, u₂): d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²) to d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²);
 * - treated − holdout revenue per customer: Welch's t interval, d ± t(0.975, ν)·√(s₁²/n₁ + s₂²/n₂), with the
 *   Welch–Satterthwaite degrees of freedom ν; the t quantile is inverted from the regularized incomplete beta;
 * - "too few to tell": customers per group for 80% power to find a 10-point difference in return rate at the
 *   5% level, n = (z₀.₉₇₅ + z₀.₈)²·(p₁q₁ + p₂q₂) / δ², with p₁ the holdout's rate and p₂ = p₁ + δ.
 */
import { logBeta } from '../predict/special';

/** z for a two-sided 95% interval, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;
/** z for 80% power, Φ⁻¹(0.8). */
export const Z_POWER_80 = 0.8416212335729143;
/** The smallest difference in return rate worth finding: 10 percentage points. */
export const DETECTABLE_DIFFERENCE = 0.1;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson's score interval for `successes` of `trials`; [0, 1] when there are no trials. */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Newcombe's hybrid score interval (method 10) for p₁ − p₂. */
export function newcombeDifference(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  z = Z_95,
): Interval & { difference: number } {
  const p1 = trials1 > 0 ? successes1 / trials1 : 0;
  const p2 = trials2 > 0 ? successes2 / trials2 : 0;
  const w1 = wilsonInterval(successes1, trials1, z);
  const w2 = wilsonInterval(successes2, trials2, z);
  const difference = p1 - p2;
  return {
    difference,
    low: difference - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: difference + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

const BETA_CF_MAX_TERMS = 300;
const BETA_CF_EPSILON = 1e-15;
const TINY = 1e-300;

/** The continued fraction of the incomplete beta (modified Lentz), good for x < (a + 1)/(a + b + 2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= BETA_CF_MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < BETA_CF_EPSILON) break;
  }
  return h;
}

/** The regularized incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  // The fraction converges fast on one side of the mean; the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) gives the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t quantile for a probability above ½ (the upper bound of a two-sided interval), by bisection on the cdf. */
export function studentTQuantile(probability: number, df: number): number {
  if (!(probability > 0.5 && probability < 1) || !(df > 0)) {
    throw new RangeError(`t quantile needs ½ < p < 1 and df > 0; got p = ${probability}, df = ${df}`);
  }
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < probability) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, df) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export interface SampleStats {
  n: number;
  mean: number;
  /** Sample variance (n − 1 denominator); 0 for a single value. */
  variance: number;
}

export function sampleStats(values: readonly number[]): SampleStats {
  const n = values.length;
  if (n === 0) return { n: 0, mean: 0, variance: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/**
 * Welch's interval for mean₁ − mean₂; undefined when a group has fewer than two values. When both variances
 * are 0 the interval is the difference itself (every customer of each group spent the same).
 */
export function welchDifference(
  first: SampleStats,
  second: SampleStats,
  probability = 0.975,
): (Interval & { difference: number; df: number }) | undefined {
  if (first.n < 2 || second.n < 2) return undefined;
  const v1 = first.variance / first.n;
  const v2 = second.variance / second.n;
  const difference = first.mean - second.mean;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) return { difference, low: difference, high: difference, df: first.n + second.n - 2 };
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (first.n - 1) + v2 ** 2 / (second.n - 1));
  const half = studentTQuantile(probability, df) * se;
  return { difference, low: difference - half, high: difference + half, df };
}

/**
 * Customers needed per group to find a `difference`-point change from the holdout's return rate `base` with
 * 80% power at the 5% level (two-sided); the rate is taken a difference below `base` when above would pass 1.
 */
export function neededPerGroup(base: number, difference = DETECTABLE_DIFFERENCE): number {
  const p1 = Math.min(Math.max(base, 0), 1);
  const p2 = p1 + difference <= 1 ? p1 + difference : p1 - difference;
  const variance = p1 * (1 - p1) + p2 * (1 - p2);
  return Math.ceil(((Z_95 + Z_POWER_80) ** 2 * variance) / difference ** 2);
}
