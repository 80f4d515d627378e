import { runEngine } from '../../../src/core/engine';
import { DEFAULT_OPTIONS, type EngineResult } from '../../../src/core/options';
import type { Portrait, PortraitFieldId } from '../../../src/core/portraits/portraits';
import { AS_OF, skewedShop } from './skewed-shop';

function run(language: 'vi' | 'en' = 'en'): EngineResult {
  const shop = skewedShop();
  return runEngine(
    {
      invoices: { name: 'Hóa đơn', values: shop.invoices },
      customers: { name: 'Khách hàng', values: shop.customers },
    },
    {
      ...DEFAULT_OPTIONS,
      asOf: AS_OF,
      now: Date.UTC(2026, 10, 22, 5),
      language,
      metrics: 'rf',
      levels: 3,
      breakpoints: { r: [30, 90], f: [2, 4] },
      filterSegments: [
        { name: 'Miền Trung', colour: '#8e24aa', definition: 'region = "Central"', enabled: true },
      ],
    },
  );
}

const result = run();
const portraits = result.summary.portraits!;
const byId = (id: string) => portraits.portraits.find((portrait) => portrait.id === id)!;
const row = (portrait: Portrait, field: PortraitFieldId, value: string) =>
  portrait.splits.find((split) => split.field === field)!.rows.find((r) => r.value === value)!;

test('the baseline is all 200 customers, and the groups are the segments with members', () => {
  expect(portraits.portraits.map((p) => [p.id, p.customers, p.small])).toEqual([
    ['all', 200, false],
    ['champions', 40, false],
    ['lost', 160, false],
    ['filter:Miền Trung', 4, true],
  ]);
});

test('fields without a column are left out and named', () => {
  expect(portraits.missing).toEqual(['age', 'store', 'tier']);
  expect(byId('champions').splits.map((split) => split.field)).toEqual([
    'gender',
    'province',
    'region',
    'channel',
  ]);
});

test('the mostly-women-in-Hà-Nội segment: shares, baseline shares and index exactly', () => {
  const champions = byId('champions');
  expect(row(champions, 'gender', 'female')).toEqual({
    value: 'female',
    count: 32,
    share: 0.8,
    baseCount: 80,
    baseShare: 0.4,
    index: 200,
  });
  expect(row(champions, 'gender', 'male')).toMatchObject({
    count: 8,
    share: 0.2,
    baseCount: 116,
    baseShare: 0.58,
  });
  expect(row(champions, 'gender', 'male').index).toBeCloseTo((0.2 / 0.58) * 100, 10);
  // Unknown gender stays in the denominator and is shown, with no index.
  expect(row(champions, 'gender', '(unknown)')).toEqual({
    value: '(unknown)',
    count: 0,
    share: 0,
    baseCount: 4,
    baseShare: 0.02,
  });
  expect(row(champions, 'province', 'Hà Nội')).toEqual({
    value: 'Hà Nội',
    count: 36,
    share: 0.9,
    baseCount: 48,
    baseShare: 0.24,
    index: 375,
  });
  expect(row(champions, 'region', 'North')).toMatchObject({ count: 36, index: 375 });
  // Đà Nẵng: 4 expected 40 × 2% = 0.8 customers, too few for an index.
  expect(row(champions, 'region', 'Central')).toEqual({
    value: 'Central',
    count: 4,
    share: 0.1,
    baseCount: 4,
    baseShare: 0.02,
  });
  expect(row(champions, 'channel', 'Zalo')).toMatchObject({
    count: 30,
    share: 0.75,
    baseShare: 0.2,
    index: 375,
  });
});

test('the top differences are one per field, largest gap first', () => {
  expect(byId('champions').differences.map((d) => [d.field, d.value, Math.round(d.index)])).toEqual([
    ['province', 'Hà Nội', 375],
    ['region', 'North', 375],
    ['channel', 'Zalo', 375],
  ]);
});

test('spend figures and the median days between purchases', () => {
  expect(byId('all').figures).toEqual({
    buyers: 200,
    medianSpendMinor: 100_000,
    meanSpendMinor: 240_000,
    averageOrderMinor: 150_000,
    medianDaysBetween: 7,
  });
  expect(byId('champions').figures).toMatchObject({ medianSpendMinor: 800_000, medianDaysBetween: 7 });
  expect(byId('lost').figures.medianDaysBetween).toBeUndefined();
});

test('a group under 30 customers has counts only, no index', () => {
  const central = byId('filter:Miền Trung');
  expect(central.splits.flatMap((split) => split.rows).some((r) => r.index !== undefined)).toBe(false);
  expect(central.differences).toEqual([]);
  expect(row(central, 'gender', 'male').count).toBe(4);
});

test('the Portraits tab: a block per group, counts only for a small group, index cells coloured', () => {
  const tab = result.plan.tabs.find((candidate) => candidate.role === 'portraits')!;
  expect(tab.name).toBe('Segment portraits');
  expect(result.plan.tabs.map((candidate) => candidate.role).slice(-2)).toEqual(['portraits', 'issues']);
  const notes = tab.blocks[0]!.rows.map((r) => r[0]);
  expect(notes).toContain('No data, so left out: Age band, Store (last), Tier.');
  expect(tab.blocks.map((block) => block.id)).toEqual([
    'portrait-notes',
    'portrait-overview',
    'portrait:all',
    'portrait:champions',
    'portrait:lost',
    'portrait:filter:Miền Trung',
  ]);
  const overview = tab.blocks[1]!;
  expect(overview.rows[0]).toEqual(['All customers', 200, 200, 100_000, 240_000, 150_000, 7]);
  const champions = tab.blocks[3]!;
  expect(champions.title).toBe('Champions (40 customers)');
  const female = champions.rows.findIndex((r) => r[1] === 'Female');
  expect(champions.rows[female]).toEqual(['Gender', 'Female', 32, 0.8, 0.4, 200]);
  expect(champions.cellColours!.colours[female]![0]).toMatch(/^#/);
  const small = tab.blocks[5]!;
  expect(small.title).toBe('Miền Trung (4 customers: under 30 customers, counts only)');
  expect(small.rows.find((r) => r[1] === 'Male')).toEqual(['', 'Male', 4, null, 0.58, null]);
  // Blocks do not overlap: each starts below the previous one's last row.
  for (let i = 1; i < tab.blocks.length; i++) {
    const before = tab.blocks[i - 1]!;
    expect(tab.blocks[i]!.anchor.row).toBeGreaterThan(before.anchor.row + 1 + before.rows.length + 1);
  }
});

test('the tab and the labels in Vietnamese', () => {
  const tab = run('vi').plan.tabs.find((candidate) => candidate.role === 'portraits')!;
  expect(tab.name).toBe('Chân dung phân khúc');
  const champions = tab.blocks.find((block) => block.id === 'portrait:champions')!;
  expect(champions.rows.find((r) => r[1] === 'Nữ')).toEqual(['Giới tính', 'Nữ', 32, 0.8, 0.4, 200]);
});
