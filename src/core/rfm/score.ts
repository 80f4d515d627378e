/**
 * R, F and M scores (design.md §3), 1 = worst … `levels` = best, among customers who bought at least once.
 *
 * Quintile rule (default): score = 1 + floor(levels × w / n), where n is the number of buyers and w the number of
 * buyers with a strictly *worse* value (more days since the last purchase; fewer invoices; less spend). Equal
 * values always get equal scores, 5 means "better than at least 80% of buyers", and with distinct values each
 * score holds about n/levels customers. Tie-heavy data may leave a score empty (60% one-time buyers: all of them
 * get F1 and the next frequency jumps to F3); the score statistics show the cut values so the user sees why.
 *
 * Fixed breakpoints (option): ascending thresholds set by the shop, `levels − 1` of them, so scores stay
 * comparable from month to month. Recency: ≤ t[0] days scores top, ≤ t[1] next, …, above the last scores 1.
 * Frequency and monetary: ≥ t[last] scores top, ≥ t[last − 1] next, …, below t[0] scores 1.
 */
import type { ScoreLevels } from '../options';

export type Metric = 'r' | 'f' | 'm';

/** Lower is better for recency (days since the last purchase); higher is better for frequency and monetary. */
export const LOWER_IS_BETTER: Readonly<Record<Metric, boolean>> = { r: true, f: false, m: false };

export interface ScoreBand {
  score: number;
  customers: number;
  /** Smallest and largest value among the customers with this score (undefined when the score is empty). */
  min?: number;
  max?: number;
}

export interface ScoreStats {
  metric: Metric;
  method: 'quintile' | 'breakpoints';
  levels: ScoreLevels;
  /** Bands from score 1 to `levels`. */
  bands: ScoreBand[];
  /** The shop's thresholds, for the breakpoint method. */
  thresholds?: number[];
}

/** Scores by the quintile rule. `values[i]` is buyer i's value; returns score per buyer, same order. */
export function quintileScores(
  values: Float64Array,
  levels: ScoreLevels,
  lowerIsBetter: boolean,
): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  // Sorting "worst first" makes w the index of a value's first occurrence in the sorted order.
  const sorted = Float64Array.from(values).sort();
  if (lowerIsBetter) sorted.reverse();
  const worseCount = new Map<number, number>();
  for (let index = 0; index < n; index++) {
    const value = sorted[index]!;
    if (!worseCount.has(value)) worseCount.set(value, index);
  }
  for (let index = 0; index < n; index++) {
    const w = worseCount.get(values[index]!)!;
    scores[index] = 1 + Math.floor((levels * w) / n);
  }
  return scores;
}

/**
 * Checks thresholds for one metric: `levels − 1` rising numbers, none below 0 (days, invoice counts and money
 * spent are never negative, so a negative threshold is a typo). Returns a message, or null when valid. The CLI's
 * `--breakpoints`, the sidebar and the engine all use this one check.
 */
export function checkThresholds(
  metric: Metric,
  thresholds: readonly number[],
  levels: ScoreLevels,
): string | null {
  const name = { r: 'Recency', f: 'Frequency', m: 'Monetary' }[metric];
  if (thresholds.length !== levels - 1) {
    return `${name} breakpoints: expected ${levels - 1} thresholds for ${levels} levels, got ${thresholds.length}.`;
  }
  for (let index = 0; index < thresholds.length; index++) {
    const value = thresholds[index]!;
    if (!Number.isFinite(value)) return `${name} breakpoints: threshold ${index + 1} is not a number.`;
    if (value < 0) {
      const unit = { r: 'days', f: 'invoices', m: 'money' }[metric];
      return `${name} breakpoints: threshold ${index + 1} is ${value}; expected a number of ${unit} of 0 or more.`;
    }
    if (index > 0 && value <= thresholds[index - 1]!) {
      return `${name} breakpoints: thresholds must rise; ${value} follows ${thresholds[index - 1]}.`;
    }
  }
  return null;
}

/** Scores by the shop's thresholds (see the file comment for their meaning). */
export function breakpointScores(
  values: Float64Array,
  thresholds: readonly number[],
  levels: ScoreLevels,
  lowerIsBetter: boolean,
): Uint8Array {
  const scores = new Uint8Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    let score = 1;
    if (lowerIsBetter) {
      const at = thresholds.findIndex((threshold) => value <= threshold);
      score = at < 0 ? 1 : levels - at;
    } else {
      for (let t = thresholds.length - 1; t >= 0; t--) {
        if (value >= thresholds[t]!) {
          score = t + 2;
          break;
        }
      }
    }
    scores[index] = score;
  }
  return scores;
}

/** Count, smallest and largest value per score: the Summary's "cut values" for one metric. */
export function scoreBands(values: Float64Array, scores: Uint8Array, levels: ScoreLevels): ScoreBand[] {
  const bands: ScoreBand[] = [];
  for (let score = 1; score <= levels; score++) bands.push({ score, customers: 0 });
  for (let index = 0; index < values.length; index++) {
    const band = bands[scores[index]! - 1]!;
    const value = values[index]!;
    band.customers++;
    band.min = band.min === undefined ? value : Math.min(band.min, value);
    band.max = band.max === undefined ? value : Math.max(band.max, value);
  }
  return bands;
}

/** Scores one metric for all buyers, by the method the options choose, with its statistics. */
export function scoreMetric(
  metric: Metric,
  values: Float64Array,
  levels: ScoreLevels,
  thresholds?: readonly number[],
): { scores: Uint8Array; stats: ScoreStats } {
  const lowerIsBetter = LOWER_IS_BETTER[metric];
  if (thresholds) {
    const problem = checkThresholds(metric, thresholds, levels);
    if (problem) throw new Error(problem);
    const scores = breakpointScores(values, thresholds, levels, lowerIsBetter);
    const bands = scoreBands(values, scores, levels);
    return { scores, stats: { metric, method: 'breakpoints', levels, bands, thresholds: [...thresholds] } };
  }
  const scores = quintileScores(values, levels, lowerIsBetter);
  return { scores, stats: { metric, method: 'quintile', levels, bands: scoreBands(values, scores, levels) } };
}
