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

  it('gives the comparator order whatever the times are rounded to, and over any span', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const nov22 = Date.UTC(2026, 10, 22);
    const shops = {
      // POS exports: whole minutes (many equal), a few years back.
      minutes: (i: number) => nov22 - Math.floor(random() * 2000) * 60_000 * (i % 7 === 0 ? 500 : 1),
      // Times with seconds, and Date cells with milliseconds.
      seconds: () => nov22 - Math.floor(random() * 1e6) * 1000,
      milliseconds: () => nov22 - Math.floor(random() * 1e9),
      // A span too long for steps × n to stay exact (a typo year 1026 beside 2026): ranks are used.
      centuries: (i: number) => (i % 2 ? Date.UTC(1026, 0, 1) : nov22) + Math.floor(random() * 1e6),
    };
    for (const [name, timeOf] of Object.entries(shops)) {
      const times = Array.from({ length: 4000 }, (_, i) => timeOf(i));
      expect([name, Array.from(latestFirstOrder(Float64Array.from(times)))]).toEqual([
        name,
        byComparator(times),
      ]);
    }
  });

  it('handles no invoices and one invoice', () => {
    expect(Array.from(latestFirstOrder(new Float64Array(0)))).toEqual([]);
    expect(Array.from(latestFirstOrder(Float64Array.of(5)))).toEqual([0]);
  });
});
