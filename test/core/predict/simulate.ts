/** Customers simulated from known model parameters (seeded), for parameter-recovery tests. */
import type { PurchaseModel, PurchaseParameters } from '../../../src/core/predict/bg-nbd';
import type { SpendParameters } from '../../../src/core/predict/gamma-gamma';
import { random } from '../../seeded-random';

function normal(next: () => number): number {
  const u = Math.max(next(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the boost for shape < 1. */
export function gamma(next: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(next, shape + 1, rate) * Math.pow(next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(next);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

function beta(next: () => number, a: number, b: number): number {
  const x = gamma(next, a, 1);
  return x / (x + gamma(next, b, 1));
}

export interface SimulatedCustomer {
  x: number;
  tx: number;
  T: number;
  /** Order values of the repeat purchases. */
  values: number[];
}

/** Customers whose first purchase was `T` days before the as-of date, T uniform in [minT, maxT]. */
export function simulate(
  model: PurchaseModel,
  params: PurchaseParameters,
  spend: SpendParameters,
  customers: number,
  seed: number,
  minT = 60,
  maxT = 540,
): SimulatedCustomer[] {
  const next = random(seed);
  return Array.from({ length: customers }, () => {
    const T = minT + (maxT - minT) * next();
    const lambda = gamma(next, params.r, params.alpha);
    const p = beta(next, params.a, params.b);
    const nu = gamma(next, spend.q, spend.gamma);
    const values: number[] = [];
    let x = 0;
    let tx = 0;
    let alive = !(model === 'mbgnbd' && next() < p);
    let t = 0;
    while (alive) {
      t += -Math.log(Math.max(next(), 1e-300)) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      values.push(gamma(next, spend.p, nu));
      if (next() < p) alive = false;
    }
    return { x, tx, T, values };
  });
}
