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

/** Minimises `f` over positive parameters, starting from each of `starts` (parameters, not logs). */
export function minimisePositive(
  f: (params: number[]) => number,
  starts: number[][],
  options: MinimiseOptions = {},
): Minimum {
  const logMin = options.logMin ?? -15;
  const logMax = options.logMax ?? 15;
  const maxEvaluations = options.maxEvaluations ?? 4000;
  const tolerance = options.tolerance ?? 1e-11;
  const restarts = options.restarts ?? 3;
  const objective = (logs: number[]) =>
    logs.some((v) => v < logMin || v > logMax) ? Infinity : f(logs.map(Math.exp));
  let best: { logs: number[]; value: number } | undefined;
  let evaluations = 0;
  for (const start of starts) {
    let logs = start.map(Math.log);
    let value = Infinity;
    for (let round = 0; round <= restarts; round++) {
      const found = nelderMead(objective, logs, round === 0 ? 0.5 : 0.1, maxEvaluations, tolerance);
      evaluations += found.evaluations;
      const improved = found.value < value - tolerance * (Math.abs(value) + 1);
      logs = found.logs;
      value = Math.min(value, found.value);
      if (!improved && round > 0) break;
    }
    if (!best || value < best.value) best = { logs, value };
  }
  return { point: best!.logs.map(Math.exp), value: best!.value, evaluations };
}
