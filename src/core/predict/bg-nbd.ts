/**
 * How many purchases a customer will make, and whether they are still a customer: the BG/NBD model (Fader,
 * Hardie & Lee 2005, "Counting your customers the easy way: an alternative to the Pareto/NBD model") and its
 * MBG/NBD variant (Batislam, Denizel & Filiztekin 2007), fitted by maximum likelihood.
 *
 * A customer's history, in days (the time unit throughout):
 * - `x`: repeat purchases, counted as distinct purchase days after the first purchase day;
 * - `tx`: days from the first to the last purchase (0 for a one-time buyer);
 * - `T`: days from the first purchase to the as-of date.
 * While active, a customer buys at a Poisson rate λ ~ Gamma(r, α); after any purchase they drop out with
 * probability p ~ Beta(a, b). MBG/NBD also lets a customer drop out right at the first purchase, so a one-time
 * buyer seen long ago is less likely alive; plain BG/NBD gives every one-time buyer P(alive) = 1, which is why
 * the product shows MBG/NBD (see the README) and keeps BG/NBD for the published check.
 */
import { logAddExp, logHyp2f1 } from './special';
import { minimisePositive } from './optimise';

export type PurchaseModel = 'bgnbd' | 'mbgnbd';

export interface PurchaseHistory {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** How many customers share each history (1 when absent): a shop's one-time buyers of a day are one entry. */
  weight?: Float64Array;
}

export interface PurchaseParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Σ_{k<n} log(base + k) for n = 0…max: log Γ(base + n) − log Γ(base), for whole n, by adding logs. */
function logRising(base: number, max: number): Float64Array {
  const table = new Float64Array(max + 1);
  for (let n = 1; n <= max; n++) table[n] = table[n - 1]! + Math.log(base + n - 1);
  return table;
}

function maxOf(values: Float64Array): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** Mean log-likelihood per customer (design note: the mean keeps the optimiser's tolerances scale-free). */
export function meanLogLikelihood(
  model: PurchaseModel,
  params: PurchaseParameters,
  data: PurchaseHistory,
): number {
  const { r, alpha, a, b } = params;
  const shift = model === 'mbgnbd' ? 1 : 0;
  const max = maxOf(data.x) + shift;
  const rRising = logRising(r, max);
  const bRising = logRising(b, max);
  const abRising = logRising(a + b, max);
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  let total = 0;
  let customers = 0;
  const n = data.x.length;
  const weights = data.weight;
  for (let i = 0; i < n; i++) {
    const x = data.x[i]!;
    const w = weights ? weights[i]! : 1;
    customers += w;
    const k = x + shift;
    const base = rRising[x]! + r * logAlpha + bRising[k]! - abRising[k]!;
    const stays = -(r + x) * Math.log(alpha + data.T[i]!);
    if (model === 'bgnbd' && x === 0) {
      total += w * (base + stays);
      continue;
    }
    const leaves = logA - Math.log(b + x - 1 + shift) - (r + x) * Math.log(alpha + data.tx[i]!);
    total += w * (base + logAddExp(stays, leaves));
  }
  return total / customers;
}

/** Maximum-likelihood parameters, from a few starting points scaled to the data's time span. */
export function fitPurchases(model: PurchaseModel, data: PurchaseHistory): PurchaseParameters {
  let meanT = 0;
  for (const T of data.T) meanT += T;
  meanT = Math.max(1, meanT / data.T.length);
  const starts = [
    [1, meanT / 10, 1, 1],
    [0.5, meanT / 2, 0.8, 2.5],
    [2, meanT, 2, 5],
  ];
  const found = minimisePositive(
    ([r, alpha, a, b]) => -meanLogLikelihood(model, { r: r!, alpha: alpha!, a: a!, b: b! }, data),
    starts,
  );
  const [r, alpha, a, b] = found.point as [number, number, number, number];
  return { r, alpha, a, b };
}

/** (a / (b + x − 1 or b + x)) · ((α + T) / (α + tx))^(r + x): the odds against being alive. */
function oddsOfDropout(
  model: PurchaseModel,
  p: PurchaseParameters,
  x: number,
  tx: number,
  T: number,
): number {
  if (model === 'bgnbd' && x === 0) return 0;
  const denominator = model === 'mbgnbd' ? p.b + x : p.b + x - 1;
  return Math.exp(Math.log(p.a / denominator) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx)));
}

/** P(alive | x, tx, T). */
export function probabilityAlive(
  model: PurchaseModel,
  p: PurchaseParameters,
  x: number,
  tx: number,
  T: number,
): number {
  return 1 / (1 + oddsOfDropout(model, p, x, tx, T));
}

/**
 * The part of the conditional expectation that does not depend on tx: (a + b + x − 1) / (a − 1) ·
 * (1 − ((α + T) / (α + T + t))^(r + x) ₂F₁(r + x, b + x; a + b + x − 1; t / (α + T + t))) for BG/NBD, each
 * `b + x` and `a + b + x − 1` one more for MBG/NBD. Times P(alive), it is the expectation; callers may cache it
 * by (days, x, T).
 */
export function expectedIfAlive(
  model: PurchaseModel,
  p: PurchaseParameters,
  days: number,
  x: number,
  T: number,
): number {
  if (days <= 0) return 0;
  const shift = model === 'mbgnbd' ? 1 : 0;
  const z = days / (p.alpha + T + days);
  const logTail =
    (p.r + x) * Math.log1p(-z) + logHyp2f1(p.r + x, p.b + x + shift, p.a + p.b + x - 1 + shift, z);
  const lead = (p.a + p.b + x - 1 + shift) / (p.a - 1);
  return lead * -Math.expm1(logTail);
}

/** E[purchases in the next `days` | x, tx, T] (Fader, Hardie & Lee 2005, eq. 10; Batislam et al. 2007). */
export function expectedPurchases(
  model: PurchaseModel,
  p: PurchaseParameters,
  days: number,
  x: number,
  tx: number,
  T: number,
): number {
  return expectedIfAlive(model, p, days, x, T) * probabilityAlive(model, p, x, tx, T);
}
