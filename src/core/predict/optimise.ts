/**
 * Minimisation for maximum-likelihood fits: Nelder–Mead on the logs of the parameters (every parameter of these
 * models is positive, so the search is unbounded and a step can never leave the domain), with the adaptive
 * coefficients of Gao & Han (2012) for the dimension, bounds on the logs as a penalty, and restarts from the
 * best point found until a restart no longer improves it.
 */

export interface Minimum {
  /** The parameters (not their logs). */
  point: number[];
  value: number;
  evaluations: number;
}

export interface MinimiseOptions {
  /** Bounds of each parameter's log (beyond them the objective is +∞). */
  logMin?: number;
  logMax?: number;
  maxEvaluations?: number;
  /** Stop when the simplex's values and points are this close. */
  tolerance?: number;
  restarts?: number;
}

function nelderMead(
  f: (logs: number[]) => number,
  start: number[],
  step: number,
  maxEvaluations: number,
  tolerance: number,
): { logs: number[]; value: number; evaluations: number } {
  const n = start.length;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  const simplex: { x: number[]; f: number }[] = [{ x: start.slice(), f: evaluate(start) }];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i]! += step;
    simplex.push({ x, f: evaluate(x) });
  }
  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.f - q.f);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    let spread = 0;
    for (let i = 1; i <= n; i++)
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(simplex[i]!.x[j]! - best.x[j]!));
    if (
      Math.abs(worst.f - best.f) <= tolerance * (Math.abs(best.f) + tolerance) &&
      spread <= Math.sqrt(tolerance)
    )
      break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = along(-alpha);
    const fr = evaluate(reflected);
    if (fr < best.f) {
      const expanded = along(-alpha * beta);
      const fe = evaluate(expanded);
      simplex[n] = fe < fr ? { x: expanded, f: fe } : { x: reflected, f: fr };
      continue;
    }
    if (fr < simplex[n - 1]!.f) {
      simplex[n] = { x: reflected, f: fr };
      continue;
    }
    const outside = fr < worst.f;
    const contracted = along(outside ? -alpha * gamma : gamma);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : worst.f)) {
      simplex[n] = { x: contracted, f: fc };
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const x = simplex[i]!.x.map((v, j) => best.x[j]! + delta * (v - best.x[j]!));
      simplex[i] = { x, f: evaluate(x) };
    }
  }
  simplex.sort((p, q) => p.f - q.f);
  return { logs: simplex[0]!.x, value: simplex[0]!.f, evaluations };
}

/** Evaluations of the first, short search from each starting point. */
const SCOUT_EVALUATIONS = 150;

/** Minimises `f` over positive parameters, starting from each of `starts` (parameters, not logs). */
export function minimisePositive(
  f: (params: number[]) => number,
  starts: number[][],
  options: MinimiseOptions = {},
): Minimum {
  const logMin = options.logMin ?? -15;
  const logMax = options.logMax ?? 15;
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const tolerance = options.tolerance ?? 1e-10;
  const restarts = options.restarts ?? 3;
  const objective = (logs: number[]) =>
    logs.some((v) => v < logMin || v > logMax) ? Infinity : f(logs.map(Math.exp));
  // A short search from every start, then the best one searched to the end and restarted from where it
  // stopped until a restart no longer improves it (Nelder–Mead can stall on a ridge).
  let evaluations = 0;
  let best: { logs: number[]; value: number } | undefined;
  for (const start of starts) {
    const found = nelderMead(objective, start.map(Math.log), 0.5, SCOUT_EVALUATIONS, tolerance);
    evaluations += found.evaluations;
    if (!best || found.value < best.value) best = found;
  }
  let { logs, value } = best!;
  for (let round = 0; round <= restarts; round++) {
    const found = nelderMead(objective, logs, round === 0 ? 0.3 : 0.05, maxEvaluations, tolerance);
    evaluations += found.evaluations;
    const improved = found.value < value - tolerance * (Math.abs(value) + 1);
    if (found.value <= value) ({ logs, value } = found);
    if (!improved && round > 0) break;
  }
  return { point: logs.map(Math.exp), value, evaluations };
}

/**
 * Standard errors of the logs of the parameters at a minimum of `f` (a mean negative log-likelihood over `n`
 * customers): the square roots of the diagonal of the inverse observed information, n × the Hessian of `f`
 * in the logs, by central differences.
 */
export function logStandardErrors(f: (params: number[]) => number, point: number[], n: number): number[] {
  const logs = point.map(Math.log);
  const k = logs.length;
  const h = 1e-3;
  const at = (shift: number[]) => f(logs.map((v, i) => Math.exp(v + shift[i]!)));
  const unit = (i: number, s: number) => logs.map((_, j) => (j === i ? s : 0));
  const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const f0 = at(new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    hessian[i]![i] = ((at(unit(i, h)) - 2 * f0 + at(unit(i, -h))) / (h * h)) * n;
    for (let j = 0; j < i; j++) {
      const both = (si: number, sj: number) => at(logs.map((_, m) => (m === i ? si : m === j ? sj : 0)));
      const value = ((both(h, h) - both(h, -h) - both(-h, h) + both(-h, -h)) / (4 * h * h)) * n;
      hessian[i]![j] = value;
      hessian[j]![i] = value;
    }
  }
  // Gauss–Jordan inverse of the small symmetric matrix.
  const a = hessian.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let row = col + 1; row < k; row++)
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const divisor = a[col]![col]!;
    for (let j = 0; j < 2 * k; j++) a[col]![j]! /= divisor;
    for (let row = 0; row < k; row++) {
      if (row === col) continue;
      const factor = a[row]![col]!;
      for (let j = 0; j < 2 * k; j++) a[row]![j]! -= factor * a[col]![j]!;
    }
  }
  return Array.from({ length: k }, (_, i) => Math.sqrt(Math.max(0, a[i]![k + i]!)));
}
