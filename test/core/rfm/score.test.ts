import { breakpointScores, quintileScores, scoreMetric } from '../../../src/core/rfm/score';

const scoresOf = (values: number[], levels: 3 | 4 | 5, lowerIsBetter: boolean) =>
  Array.from(quintileScores(Float64Array.from(values), levels, lowerIsBetter));

describe('quintile scores: 1 + floor(levels × w / n), w = buyers strictly worse', () => {
  test('ten distinct frequencies split two per score', () => {
    expect(scoresOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, false)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  test('recency: fewer days is better', () => {
    // 3 days: 4 buyers are worse (5, 40, 90, 400 days) → 1 + floor(5·4/5) = 5; 400 days: nobody worse → 1.
    expect(scoresOf([40, 3, 400, 90, 5], 5, true)).toEqual([3, 5, 1, 2, 4]);
  });

  test('60% one-time buyers all get F1, and the next frequency jumps to F3 (score 2 stays empty)', () => {
    const frequencies = [
      ...Array(60).fill(1),
      ...Array(20).fill(2),
      ...Array(12).fill(3),
      ...Array(8).fill(7),
    ];
    const { scores, stats } = scoreMetric('f', Float64Array.from(frequencies), 5);
    // Two invoices: w = 60 → 1 + floor(300/100) = 4. Three: w = 80 → 5. Seven: w = 92 → 5.
    expect(scores[0]).toBe(1);
    expect(scores[60]).toBe(4);
    expect(scores[80]).toBe(5);
    expect(stats.bands.map((band) => band.customers)).toEqual([60, 0, 0, 20, 20]);
    expect(stats.bands[3]).toMatchObject({ min: 2, max: 2 });
    expect(stats.bands[4]).toMatchObject({ min: 3, max: 7 });
  });

  test('equal values always share a score, whatever their order', () => {
    expect(scoresOf([5, 5, 5, 1, 9], 5, false)).toEqual([2, 2, 2, 1, 5]);
  });

  test('three levels', () => {
    expect(scoresOf([1, 2, 3, 4, 5, 6], 3, false)).toEqual([1, 1, 2, 2, 3, 3]);
  });

  test('no buyers, no scores', () => {
    expect(scoresOf([], 5, false)).toEqual([]);
  });
});

describe('fixed breakpoints', () => {
  test('frequency 1, 2, 3–4, 5–9, 10+', () => {
    const scores = breakpointScores(Float64Array.from([1, 2, 3, 4, 5, 9, 10, 40]), [2, 3, 5, 10], 5, false);
    expect(Array.from(scores)).toEqual([1, 2, 3, 3, 4, 4, 5, 5]);
  });

  test('recency ≤30, ≤60, ≤90, ≤180 days', () => {
    const scores = breakpointScores(
      Float64Array.from([0, 30, 31, 60, 90, 180, 181]),
      [30, 60, 90, 180],
      5,
      true,
    );
    expect(Array.from(scores)).toEqual([5, 5, 4, 4, 3, 2, 1]);
  });

  test('badly ordered or miscounted thresholds are refused with a message naming the metric', () => {
    expect(() => scoreMetric('r', Float64Array.from([1]), 5, [30, 20, 90, 180])).toThrow(
      'Recency breakpoints: thresholds must rise; 20 follows 30.',
    );
    expect(() => scoreMetric('m', Float64Array.from([1]), 3, [1, 2, 3])).toThrow(
      'Monetary breakpoints: expected 2 thresholds for 3 levels, got 3.',
    );
  });
});
