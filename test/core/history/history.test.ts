/**
 * Three runs of a small shop, by hand: who moved where, since when, and what History keeps.
 */
import { mergeHistory, readHistory, type HistoryLine } from '../../../src/core/history/history';
import { readSnapshot, updateSnapshot } from '../../../src/core/history/snapshot';
import type { CustomerRecord } from '../../../src/core/model';
import { dayNumberFromYmd } from '../../../src/core/parse/time-zone';
import type { SegmentSummary } from '../../../src/core/summary';

const customer = (key: string, segmentId: string) => ({ key, segmentId }) as CustomerRecord;
const day = (text: string) =>
  dayNumberFromYmd(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8)));

describe('snapshot and movement', () => {
  const first = [
    customer('code:A', 'champions'),
    customer('code:B', 'lost'),
    customer('code:C', 'new-customers'),
  ];
  const run1 = updateSnapshot(null, first, day('2026-09-30'));

  test('a first run has no movement and everyone is in their segment since this as-of date', () => {
    expect(run1.movement.size).toBe(0);
    expect(run1.comparedWithDay).toBeUndefined();
    expect(first.map((c) => [c.previousSegmentId, c.segmentSinceDay])).toEqual([
      [undefined, day('2026-09-30')],
      [undefined, day('2026-09-30')],
      [undefined, day('2026-09-30')],
    ]);
  });

  // Run 2: A stays a champion, B moves from lost to at risk, C from new customer to loyal, D is new.
  const second = [
    customer('code:A', 'champions'),
    customer('code:B', 'at-risk'),
    customer('code:C', 'loyal'),
    customer('code:D', 'new-customers'),
  ];
  const run2 = updateSnapshot(readSnapshot(run1.rows), second, day('2026-10-31'));

  test('the second run counts moves from the first, and keeps "since" for those who stayed', () => {
    expect(run2.comparedWithDay).toBe(day('2026-09-30'));
    expect(
      Object.fromEntries([...run2.movement].map(([from, to]) => [from, Object.fromEntries(to)])),
    ).toEqual({
      champions: { champions: 1 },
      lost: { 'at-risk': 1 },
      'new-customers': { loyal: 1 },
      new: { 'new-customers': 1 },
    });
    expect(second.map((c) => [c.previousSegmentId, c.segmentSinceDay])).toEqual([
      ['champions', day('2026-09-30')],
      ['lost', day('2026-10-31')],
      ['new-customers', day('2026-10-31')],
      [undefined, day('2026-10-31')],
    ]);
  });

  test('re-running the same as-of date compares with the run before it, not with itself', () => {
    const again = second.map((c) => customer(c.key, c.segmentId));
    const rerun = updateSnapshot(readSnapshot(run2.rows), again, day('2026-10-31'));
    expect(rerun.comparedWithDay).toBe(day('2026-09-30'));
    expect(rerun.movement.get('lost')?.get('at-risk')).toBe(1);
    expect(again[0]!.segmentSinceDay).toBe(day('2026-09-30'));
  });

  test('a second run on the same as-of date as the first compares with the first, not "first run"', () => {
    const once = [customer('code:A', 'champions'), customer('code:B', 'lost')];
    const firstRun = updateSnapshot(null, once, day('2026-09-30'));
    const twice = [customer('code:A', 'champions'), customer('code:B', 'at-risk')];
    const secondRun = updateSnapshot(readSnapshot(firstRun.rows), twice, day('2026-09-30'));
    expect(secondRun.comparedWithDay).toBe(day('2026-09-30'));
    expect(secondRun.movement.get('lost')?.get('at-risk')).toBe(1);
    expect(secondRun.movement.get('champions')?.get('champions')).toBe(1);
    expect(twice.map((c) => c.previousSegmentId)).toEqual(['champions', 'lost']);
    // A third run on that date still compares with a run before it, not with itself.
    const thrice = [customer('code:A', 'champions'), customer('code:B', 'at-risk')];
    const thirdRun = updateSnapshot(readSnapshot(secondRun.rows), thrice, day('2026-09-30'));
    expect(thirdRun.movement.get('lost')?.get('at-risk')).toBe(1);
  });

  test('a customer who left the data is counted as gone', () => {
    const third = [customer('code:A', 'loyal'), customer('code:C', 'loyal'), customer('code:D', 'promising')];
    const run3 = updateSnapshot(readSnapshot(run2.rows), third, day('2026-11-30'));
    expect(run3.movement.get('at-risk')?.get('gone')).toBe(1);
    expect(run3.movement.get('champions')?.get('loyal')).toBe(1);
    expect(third[1]!.segmentSinceDay).toBe(day('2026-10-31'));
  });

  test('a snapshot tab that is not ours is ignored', () => {
    expect(
      readSnapshot([
        ['Tên', 'Phân khúc'],
        ['An', 'VIP'],
      ]),
    ).toBeNull();
  });
});

describe('history', () => {
  const segments = (counts: Record<string, number>): SegmentSummary[] =>
    Object.entries(counts).map(([id, customers]) => ({
      id,
      kind: 'rfm',
      name: id,
      colour: '#000000',
      action: '',
      customers,
      share: 0,
      revenue: customers * 100_000,
      revenueShare: 0,
    }));
  const asTable = (lines: HistoryLine[]) => [
    ['Run at', 'As-of', 'Segment key', 'Segment', 'Customers', 'Revenue', 'Change', 'Change'],
    ...lines.map((line) => [
      line.ranAt,
      line.asOf,
      line.segmentKey,
      line.segmentName,
      line.customers,
      line.revenue,
      '',
      '',
    ]),
  ];

  test('the tab as now written (no key column) is read back by name, in either language', () => {
    const table = [
      ['Thời điểm chạy', 'Ngày tính', 'Phân khúc', 'Khách hàng', 'Doanh thu', '', ''],
      ['2026-09-30 08:00', '2026-09-30', 'Khách hàng xuất sắc', 10, 1_000_000, '', ''],
      ['2026-10-31 08:00', '2026-10-31', 'Champions', 12, 1_200_000, 2, 200_000],
      ['2026-10-31 08:00', '2026-10-31', 'Khách VIP', 3, 900_000, '', ''],
    ];
    expect(readHistory(table).map((row) => [row.asOf, row.segmentKey, row.customers, row.revenue])).toEqual([
      ['2026-09-30', 'champions', 10, 1_000_000],
      ['2026-10-31', 'champions', 12, 1_200_000],
      ['2026-10-31', 'filter:Khách VIP', 3, 900_000],
    ]);
  });

  const first = mergeHistory([], segments({ champions: 10, lost: 5 }), '2026-09-30', '2026-09-30 08:00');
  const second = mergeHistory(
    readHistory(asTable(first)),
    segments({ champions: 12, lost: 4 }),
    '2026-10-31',
    '2026-10-31 08:00',
  );

  test('one row per segment per as-of date, with the change since the previous date', () => {
    expect(
      second.map((line) => [
        line.asOf,
        line.segmentKey,
        line.customers,
        line.customerChange,
        line.revenueChange,
      ]),
    ).toEqual([
      ['2026-09-30', 'champions', 10, undefined, undefined],
      ['2026-09-30', 'lost', 5, undefined, undefined],
      ['2026-10-31', 'champions', 12, 2, 200_000],
      ['2026-10-31', 'lost', 4, -1, -100_000],
    ]);
  });

  test('re-running an as-of date replaces its rows instead of adding duplicates', () => {
    const rerun = mergeHistory(
      readHistory(asTable(second)),
      segments({ champions: 13, lost: 4 }),
      '2026-10-31',
      '2026-10-31 09:30',
    );
    expect(rerun).toHaveLength(4);
    expect(rerun[2]).toMatchObject({
      asOf: '2026-10-31',
      ranAt: '2026-10-31 09:30',
      customers: 13,
      customerChange: 3,
    });
  });
});
