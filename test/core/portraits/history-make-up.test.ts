/**
 * Make-up over time: History keeps, per run and segment, the shares of women, men, each region and the main
 * channel; a History tab written before those columns existed is still read (its rows keep blank make-up).
 */
import type { CellValue } from '../../../src/core/cell';
import { runEngine } from '../../../src/core/engine';
import { readHistory } from '../../../src/core/history/history';
import { DEFAULT_OPTIONS, type SavedState } from '../../../src/core/options';
import type { TabPlan } from '../../../src/core/plan/types';
import { skewedShop } from './skewed-shop';

function run(asOf: string, saved: SavedState) {
  const shop = skewedShop();
  return runEngine(
    {
      invoices: { name: 'Hóa đơn', values: shop.invoices },
      customers: { name: 'Khách hàng', values: shop.customers },
    },
    {
      ...DEFAULT_OPTIONS,
      asOf,
      now: Date.UTC(2026, 10, 22, 5),
      language: 'en',
      metrics: 'rf',
      levels: 3,
      breakpoints: { r: [30, 90], f: [2, 4] },
      saved,
    },
  );
}

/** The tab's cells as a sheet holds them: every block at its anchor (title, header, rows). */
function cells(tab: TabPlan): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const block of tab.blocks) {
    let row = block.anchor.row - 1;
    const put = (values: CellValue[]) => {
      grid[row] ??= [];
      values.forEach((value, i) => (grid[row]![block.anchor.column - 1 + i] = value));
      row++;
    };
    if (block.title) put([block.title]);
    put(block.columns.map((column) => column.header));
    for (const values of block.rows) put(values.map((value) => (value === null ? '' : value)));
  }
  return Array.from(grid, (values) => Array.from(values ?? [], (value) => value ?? ''));
}

/** A History tab as the writer left it before make-up was kept: 7 columns, the pivot from column I. */
const OLD_TAB: CellValue[][] = [
  [
    'Run at',
    'As-of date',
    'Segment',
    'Customers',
    'Revenue',
    'Change in customers',
    'Change in revenue',
    '',
    'As-of date',
    'Champions',
    'Lost',
  ],
  ['2026-10-31 08:00', '2026-10-31', 'Champions', 30, 24_000_000, '', '', '', '2026-10-31', 30, 170],
  ['2026-10-31 08:00', '2026-10-31', 'Lost', 170, 17_000_000, '', '', '', '', '', ''],
];

test('an older History tab is read: its rows, and no make-up', () => {
  expect(readHistory(OLD_TAB)).toEqual([
    {
      ranAt: '2026-10-31 08:00',
      asOf: '2026-10-31',
      segmentKey: 'champions',
      segmentName: 'Champions',
      customers: 30,
      revenue: 24_000_000,
    },
    {
      ranAt: '2026-10-31 08:00',
      asOf: '2026-10-31',
      segmentKey: 'lost',
      segmentName: 'Lost',
      customers: 170,
      revenue: 17_000_000,
    },
  ]);
});

test('a run after an older tab adds its make-up beside the old rows, and the next run reads it back', () => {
  const first = run('2026-11-22', { history: OLD_TAB });
  const history = first.plan.tabs.find((tab) => tab.role === 'history')!;
  const table = history.blocks[0]!;
  expect(table.columns.map((column) => column.header).slice(7)).toEqual([
    'Women (share)',
    'Men (share)',
    'North (share)',
    'Central (share)',
    'South (share)',
    'Main channel',
    'Main channel (share)',
  ]);
  // The pivot moves right of the wider table, one empty column apart.
  expect(history.blocks[1]!.anchor.column).toBe(table.columns.length + 2);
  const line = (asOf: string, segment: string) =>
    table.rows.find((row) => row[1] === asOf && row[2] === segment)!.slice(3);
  expect(line('2026-10-31', 'Champions')).toEqual([
    30,
    24_000_000,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  expect(line('2026-11-22', 'Champions')).toEqual([
    40,
    32_000_000,
    10,
    8_000_000,
    0.8,
    0.2,
    0.9,
    0.1,
    0,
    'Tại quầy',
    0.25,
  ]);
  expect(line('2026-11-22', 'Lost')).toEqual([
    160,
    16_000_000,
    -10,
    -1_000_000,
    0.3,
    0.675,
    0.075,
    0,
    0.925,
    'Tại quầy',
    0.9375,
  ]);

  const read = readHistory(cells(history));
  expect(read.find((row) => row.asOf === '2026-10-31')!.makeUp).toEqual({});
  expect(read.find((row) => row.asOf === '2026-11-22' && row.segmentKey === 'champions')!.makeUp).toEqual({
    female: 0.8,
    male: 0.2,
    north: 0.9,
    central: 0.1,
    south: 0,
    channel: 'Tại quầy',
    channelShare: 0.25,
  });
  const second = run('2026-11-29', { history: cells(history) });
  const rows = second.plan.tabs.find((tab) => tab.role === 'history')!.blocks[0]!.rows;
  expect(rows.filter((row) => row[2] === 'Champions').map((row) => [row[1], row[7]])).toEqual([
    ['2026-10-31', null],
    ['2026-11-22', 0.8],
    ['2026-11-29', 0.8],
  ]);
});
