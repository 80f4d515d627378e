/**
 * The special functions the purchase models need, in log space so nothing overflows: log Γ (Lanczos, g = 7,
 * nine coefficients: about 15 significant digits for x > 0), and the Gaussian hypergeometric function ₂F₁ for
 * 0 ≤ z < 1, summed term by term in log space (every term is positive for positive a, b, c).
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return LOG_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** log(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Relative size of the last term kept: the sum is exact to about this much. */
const HYP2F1_TOLERANCE = 1e-13;
/** Terms are summed as plain numbers, rescaled by this when they grow past it (their logs would cost more). */
const RESCALE_ABOVE = 1e200;
const HYP2F1_MAX_TERMS = 100_000;

/**
 * log ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by its series Σ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ. Terms rise while
 * (a + k)(b + k) z > (c + k)(k + 1) and fall geometrically after, so the sum stops once a falling term is below
 * the tolerance of the sum.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  if (!(z > 0 && z < 1)) throw new RangeError(`2F1 needs 0 ≤ z < 1; z = ${z}`);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let k = 0; k < HYP2F1_MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (sum > RESCALE_ABOVE) {
      term /= RESCALE_ABOVE;
      sum /= RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
    // Past the peak the terms fall at least geometrically: the rest is below term · r / (1 − r).
    const next = ((a + k + 1) * (b + k + 1) * z) / ((c + k + 1) * (k + 2));
    if (next < 1 && term * next < HYP2F1_TOLERANCE * (1 - next) * sum) break;
  }
  return Math.log(sum) + logScale;
}
