/**
 * The interval arithmetic of campaign results against published values: Newcombe (1998) "Two-sided confidence
 * intervals for the single proportion" (Wilson score, method 3) and "Interval estimation for the difference
 * between independent proportions" (hybrid score, method 10), Student's t table, and sums worked by hand.
 */
import {
  neededPerGroup,
  newcombeDifference,
  sampleStats,
  studentTQuantile,
  welchDifference,
  wilsonInterval,
} from '../../../src/core/campaigns/stats';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

describe('Wilson score interval', () => {
  test.each([
    // Newcombe 1998a, Table I, method 3.
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i: %f to %f', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(round4(interval.low)).toBeCloseTo(low, 4);
    expect(round4(interval.high)).toBeCloseTo(high, 4);
  });

  test('0 of 10 by hand: centre z²/2n ÷ (1 + z²/n) = 0.1388, half-width the same, so 0 to 0.2775', () => {
    const interval = wilsonInterval(0, 10);
    expect(interval.low).toBe(0);
    expect(round4(interval.high)).toBe(0.2775);
  });
});

describe("Newcombe's hybrid score interval for a difference of proportions", () => {
  test.each([
    // Newcombe 1998b, Table II, method 10 (the last by hand: ±√(0 + 0.2775²), from the Wilson bound above).
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [0, 10, 0, 10, -0.2775, 0.2775],
  ])('%i/%i − %i/%i: %f to %f', (s1, n1, s2, n2, low, high) => {
    const interval = newcombeDifference(s1, n1, s2, n2);
    expect(round4(interval.low)).toBeCloseTo(low, 4);
    expect(round4(interval.high)).toBeCloseTo(high, 4);
    expect(interval.difference).toBeCloseTo(s1 / n1 - s2 / n2, 12);
  });
});

describe("Student's t quantile from the regularized incomplete beta", () => {
  test.each([
    // Two-sided 95% critical values from any t table.
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [120, 1.98],
  ])('t(0.975, %i) = %f', (df, value) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(value, 3);
  });

  test('between table rows a fractional df falls between them (Welch df need not be whole)', () => {
    const t = studentTQuantile(0.975, 6.5);
    expect(t).toBeLessThan(studentTQuantile(0.975, 6));
    expect(t).toBeGreaterThan(studentTQuantile(0.975, 7));
  });
});

describe("Welch's interval for a difference of means", () => {
  test('1…5 against 2, 4, …, 12: difference −4, Welch–Satterthwaite df 6.972, half-width t·1.6833', () => {
    // By hand: means 3 and 7; variances 2.5 and 14; s²/n = 0.5 and 2.3333, se = √2.8333 = 1.68325;
    // df = 2.8333² / (0.5²/4 + 2.3333²/5) = 8.0278 / 1.15139 = 6.9722.
    const interval = welchDifference(sampleStats([1, 2, 3, 4, 5]), sampleStats([2, 4, 6, 8, 10, 12]))!;
    expect(interval.difference).toBe(-4);
    expect(interval.df).toBeCloseTo(6.9722, 3);
    const half = studentTQuantile(0.975, interval.df) * Math.sqrt(0.5 + 14 / 6);
    expect(interval.low).toBeCloseTo(-4 - half, 10);
    expect(interval.high).toBeCloseTo(-4 + half, 10);
    // t(0.975, 7) = 2.365 from the table, so the bounds are about −7.98 and −0.02.
    expect(interval.low).toBeCloseTo(-7.98, 1);
    expect(interval.high).toBeCloseTo(-0.02, 1);
  });

  test('a group of one has no variance to go on: no interval', () => {
    expect(welchDifference(sampleStats([5]), sampleStats([1, 2, 3]))).toBeUndefined();
  });
});

describe('customers needed per group', () => {
  test('a 30% holdout rate, 10 points to find: (1.96 + 0.8416)² × (0.21 + 0.24) / 0.01 = 353.2, so 354', () => {
    expect(neededPerGroup(0.3)).toBe(354);
  });

  test('at 95% the rate is taken 10 points below, not above 100%', () => {
    // 7.8489 × (0.0475 + 0.1275) / 0.01 = 137.4 → 138.
    expect(neededPerGroup(0.95)).toBe(138);
  });
});
