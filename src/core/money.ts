/**
 * Exact money (design.md §2–3): amounts are held and summed as whole numbers of the run's **minor unit**, so
 * sums are exact and equal spends tie. The minor unit is 10^-d of the currency, where d is the most decimals
 * the sheets' money columns write (a sample of each, column-profile.ts), at most 4: 0 for đồng (`1.250.000 ₫`),
 * 2 for `$19.80`. A value with more decimals than that (a unit price × 2.5 kg) is rounded to the minor unit,
 * half away from zero. Sums stay exact while they are below 2^53 minor units (9 × 10^15: 9 million billion
 * đồng, or 90 million million dollars), which the engine checks once rather than per addition.
 *
 * Faces get major units back (`minor / unit`): one correctly rounded division, so equal sums give equal numbers
 * and `19.8` prints as `19.8`, never `19.799999999999997`.
 */

/** Decimals of the minor unit: 4 covers every currency in use and the fractional prices some POS print. */
export const MAX_MONEY_DIGITS = 4;

export interface MoneyUnit {
  /** Decimals of the minor unit (0–4). */
  digits: number;
  /** Minor units per major unit: 10^digits. */
  perMajor: number;
}

export function moneyUnit(digits: number): MoneyUnit {
  const clamped = Math.max(0, Math.min(MAX_MONEY_DIGITS, Math.floor(digits)));
  return { digits: clamped, perMajor: 10 ** clamped };
}

/** A major-unit amount in minor units, rounded half away from zero. */
export function toMinor(amount: number, unit: MoneyUnit): number {
  const scaled = amount * unit.perMajor;
  return scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
}

/** Whether a major-unit amount is a whole number of minor units (else `toMinor` rounded it). */
export function isWholeMinor(amount: number, unit: MoneyUnit): boolean {
  const scaled = amount * unit.perMajor;
  // The product carries the double's own rounding (a few ulps), which is not a written decimal.
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-6, Math.abs(scaled) * 8 * Number.EPSILON);
}

/** Minor units back to the major unit, for display and filters. */
export function toMajor(minor: number, unit: MoneyUnit): number {
  return minor / unit.perMajor;
}

/**
 * The largest amount one cell may hold, in minor units: 2^53 / 1024, so a thousand of them still add exactly
 * (8.8 × 10^12: 8.8 million million đồng, 88 billion dollars). Larger is refused as "too large".
 */
export const MAX_CELL_MINOR = Math.floor(Number.MAX_SAFE_INTEGER / 1024);

/** Whether a sum of minor units is still exact. */
export function isExactSum(minor: number): boolean {
  return Math.abs(minor) <= Number.MAX_SAFE_INTEGER;
}
