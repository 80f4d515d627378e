/**
 * Predictions through the engine on a generated shop: who is likely still a customer, what they will buy, the
 * calibration check, and no prediction at all where the data cannot support one.
 */
import { generateShop, sheetValues } from '../../../scripts/shop-generator.cjs';
import type { CellValue } from '../../../src/core/cell';
import { runEngine } from '../../../src/core/engine';
import { DEFAULT_OPTIONS, type EngineOptions } from '../../../src/core/options';
import { MIN_REPEAT_BUYERS } from '../../../src/core/predict/predictions';

const OPTIONS: EngineOptions = {
  ...DEFAULT_OPTIONS,
  asOf: '2026-11-22',
  now: Date.UTC(2026, 10, 22),
  language: 'en',
};
const shop = generateShop({ seed: 'predictions', invoiceRows: 24000, customers: 1500 });
const result = runEngine(
  {
    invoices: { name: 'Hóa đơn', values: sheetValues(shop.invoices) as CellValue[][] },
    customers: { name: 'Khách hàng', values: sheetValues(shop.customers) as CellValue[][] },
  },
  OPTIONS,
);
const buyers = result.customers.filter((customer) => customer.frequency > 0);

test('every buyer gets a probability, expected purchases and a value; prospects get none', () => {
  const predictions = result.summary.predictions!;
  expect(predictions.parameters).toBeDefined();
  expect(predictions.repeatBuyers).toBeGreaterThanOrEqual(MIN_REPEAT_BUYERS);
  for (const customer of buyers) {
    expect(customer.pAlive).toBeGreaterThanOrEqual(0);
    expect(customer.pAlive).toBeLessThanOrEqual(1);
    expect(customer.expectedPurchases).toBeGreaterThanOrEqual(0);
    expect(customer.predictedValue).toBeGreaterThanOrEqual(0);
  }
  for (const prospect of result.customers.filter((customer) => customer.frequency === 0))
    expect(prospect.pAlive).toBeUndefined();
});

test('recent frequent buyers are expected to buy more; a one-time buyer of long ago is less likely alive', () => {
  const frequentRecent = buyers.filter((c) => c.frequency >= 4 && c.recencyDays! <= 30);
  const onceRecent = buyers.filter((c) => c.frequency === 1 && c.recencyDays! <= 60);
  const onceLongAgo = buyers.filter((c) => c.frequency === 1 && c.recencyDays! >= 300);
  for (const group of [frequentRecent, onceRecent, onceLongAgo]) expect(group.length).toBeGreaterThan(5);
  const mean = (list: typeof buyers, read: (c: (typeof buyers)[number]) => number) =>
    list.reduce((sum, c) => sum + read(c), 0) / list.length;
  expect(mean(frequentRecent, (c) => c.expectedPurchases!)).toBeGreaterThan(
    3 * mean(onceLongAgo, (c) => c.expectedPurchases!),
  );
  // MBG/NBD: one-time buyers can drop out, so the longer ago, the less likely alive; never "certainly alive".
  expect(mean(onceLongAgo, (c) => c.pAlive!)).toBeLessThan(mean(onceRecent, (c) => c.pAlive!));
  expect(Math.max(...onceLongAgo.map((c) => c.pAlive!))).toBeLessThan(1);
});

test('the calibration check sets predicted beside actual purchases per group, and the Summary shows both', () => {
  const calibration = result.summary.predictions!.calibration!;
  expect(calibration.groups[0]!.repeatPurchases).toBe('0');
  const total = (read: (g: (typeof calibration.groups)[number]) => number) =>
    calibration.groups.reduce((sum, g) => sum + read(g) * g.customers, 0);
  // The whole base's predicted holdout purchases are of the order of what happened.
  expect(total((g) => g.predicted) / total((g) => g.actual)).toBeGreaterThan(0.5);
  expect(total((g) => g.predicted) / total((g) => g.actual)).toBeLessThan(2);
  const summary = result.plan.tabs.find((tab) => tab.role === 'summary')!;
  expect(summary.blocks.map((block) => block.id)).toEqual(
    expect.arrayContaining(['predictions', 'calibration']),
  );
  expect(summary.charts.map((chart) => chart.blockId)).toContain('calibration');
  const customers = result.plan.tabs.find((tab) => tab.role === 'customers')!.blocks[0]!;
  expect(customers.columns.slice(-3).map((column) => column.header)).toEqual([
    'P(still a customer)',
    'Expected purchases (90 days)',
    'Predicted 12-month value',
  ]);
});

test('filter segments read the predictions, and the starter "Likely lost" is past repeat buyers', () => {
  const withFilter = runEngine(
    {
      invoices: { name: 'Hóa đơn', values: sheetValues(shop.invoices) as CellValue[][] },
      customers: { name: 'Khách hàng', values: sheetValues(shop.customers) as CellValue[][] },
    },
    {
      ...OPTIONS,
      filterSegments: [
        {
          name: 'Likely lost',
          definition: 'p_alive < 0.3 AND invoices >= 2',
          colour: '#6d4c41',
          enabled: true,
        },
      ],
    },
  );
  const segment = withFilter.summary.segments.find((s) => s.id === 'filter:Likely lost')!;
  const expected = withFilter.customers.filter(
    (c) => c.pAlive !== undefined && c.pAlive < 0.3 && c.frequency >= 2,
  );
  expect(segment.customers).toBe(expected.length);
  expect(segment.customers).toBeGreaterThan(0);
});

test('too few repeat buyers: no prediction, and the Summary says why', () => {
  const small = generateShop({ seed: 'predictions-small', invoiceRows: 400, customers: 80 });
  const run = runEngine(
    {
      invoices: { name: 'Hóa đơn', values: sheetValues(small.invoices) as CellValue[][] },
      customers: { name: 'Khách hàng', values: sheetValues(small.customers) as CellValue[][] },
    },
    OPTIONS,
  );
  expect(run.summary.predictions).toMatchObject({ unavailable: 'too-few-repeat-buyers' });
  expect(run.summary.predictions!.parameters).toBeUndefined();
  expect(run.customers.every((c) => c.pAlive === undefined)).toBe(true);
  const summary = run.plan.tabs.find((tab) => tab.role === 'summary')!;
  const block = summary.blocks.find((b) => b.id === 'predictions')!;
  expect(block.rows.map((row) => row[1])).toContainEqual(
    `Not shown: a stable fit needs at least ${MIN_REPEAT_BUYERS} repeat buyers.`,
  );
  expect(run.plan.tabs.find((tab) => tab.role === 'customers')!.blocks[0]!.columns).toHaveLength(26);
});
