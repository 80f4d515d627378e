import { latestFirstOrder } from '../../../src/core/identity/time-order';

/** The definition: a stable sort of the indexes by time, latest first. */
function byComparator(times: number[]): number[] {
  return times.map((_, i) => i).sort((a, b) => times[b]! - times[a]!);
}

describe('latestFirstOrder', () => {
  it('puts the latest invoice first and keeps sheet order between invoices of the same minute', () => {
    const minute = 60_000;
    const nov22 = Date.UTC(2026, 10, 22, 14, 5);
    const times = [nov22, nov22 + minute, nov22, nov22 - 30 * 24 * 60 * minute, nov22 + minute, nov22];
    expect(Array.from(latestFirstOrder(Float64Array.from(times)))).toEqual([1, 4, 0, 2, 5, 3]);
  });

  it('gives what a stable comparator sort gives on a tie-heavy mix of times', () => {
    // Seeded: many invoices share a time (a POS that stamps whole minutes), some are years apart, some negative.
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const times = Array.from({ length: 5000 }, () =>
      random() < 0.5 ? Math.floor(random() * 20) * 60_000 : Math.round((random() - 0.2) * 4e11),
    );
    expect(Array.from(latestFirstOrder(Float64Array.from(times)))).toEqual(byComparator(times));
  });

  it('handles no invoices and one invoice', () => {
    expect(Array.from(latestFirstOrder(new Float64Array(0)))).toEqual([]);
    expect(Array.from(latestFirstOrder(Float64Array.of(5)))).toEqual([0]);
  });
});
