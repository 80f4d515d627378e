/**
 * The engine on the bundled sample shop, read as a CSV hands it over (text cells), against the generator's
 * truth: every member's frequency, net spend and purchase days, the merges behind shared phones, and a data
 * issue for every quirk row (duplicates, repeated header, totals row, spoiled cells).
 */
import { runEngine } from '../../src/core/engine';
import type { CustomerRecord } from '../../src/core/model';
import { DEFAULT_OPTIONS, type EngineResult } from '../../src/core/options';
import { SAMPLE_OPTIONS, sampleShop, sheetValues, type Shop } from '../../scripts/shop-generator.cjs';

let shop: Shop;
let result: EngineResult;
let byCode: Map<string, CustomerRecord>;

/** Day number (days since 1970-01-01) → `yyyy-mm-dd`; '' when undefined. */
const isoDay = (day: number | undefined) =>
  day === undefined ? '' : new Date(day * 86_400_000).toISOString().slice(0, 10);

beforeAll(() => {
  shop = sampleShop();
  const asText = (rows: (string | number)[][]) => rows.map((row) => row.map(String));
  result = runEngine(
    {
      invoices: { name: 'invoices.csv', values: asText(sheetValues(shop.invoices)) },
      customers: { name: 'customers.csv', values: asText(sheetValues(shop.customers)) },
    },
    { ...DEFAULT_OPTIONS, asOf: SAMPLE_OPTIONS.asOf!, now: Date.UTC(2026, 10, 22, 3) },
  );
  byCode = new Map(result.customers.map((customer) => [customer.code, customer]));
});

test('one customer per member code, two cards sharing a phone counted as one person', () => {
  const mergedAway = shop.truth.merged.map((group) => group.codes.slice(1)).flat();
  expect(result.customers).toHaveLength(Object.keys(shop.truth.customers).length - mergedAway.length);
  for (const code of mergedAway) expect(byCode.has(code)).toBe(false);
});

test('every member’s frequency, net spend, first and last purchase day match the truth', () => {
  const merged = new Set(shop.truth.merged.flatMap((group) => group.codes));
  const wrong: unknown[] = [];
  for (const [code, truth] of Object.entries(shop.truth.customers)) {
    if (merged.has(code)) continue;
    const customer = byCode.get(code);
    const got = customer && {
      frequency: customer.frequency,
      totalSpend: customer.totalSpend,
      firstPurchase: isoDay(customer.firstPurchaseDay),
      lastPurchase: isoDay(customer.lastPurchaseDay),
    };
    const want = {
      frequency: truth.invoices,
      totalSpend: truth.netSpend,
      firstPurchase: truth.firstPurchase,
      lastPurchase: truth.lastPurchase,
    };
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push({ code, got, want });
  }
  expect(wrong).toEqual([]);
});

test('a merged person carries both cards’ invoices and spend', () => {
  for (const group of shop.truth.merged) {
    const customer = byCode.get(group.codes[0]);
    expect({
      phone: customer?.phone,
      frequency: customer?.frequency,
      totalSpend: customer?.totalSpend,
      lastPurchase: isoDay(customer?.lastPurchaseDay),
    }).toEqual({
      phone: group.phone,
      frequency: group.invoices,
      totalSpend: group.netSpend,
      lastPurchase: group.lastPurchase,
    });
  }
});

test('the quirk rows are reported in Data issues at their sheet rows', () => {
  const rowsWith = (code: string) =>
    new Set(
      result.issues
        .filter((issue) => issue.code === code && issue.sheet === 'invoices.csv')
        .map((i) => i.row),
    );
  const { quirks } = shop.truth;
  const duplicates = rowsWith('duplicate-row');
  expect(quirks.duplicateRows.filter(({ row }) => !duplicates.has(row))).toEqual([]);
  expect(rowsWith('repeated-header')).toEqual(new Set(quirks.repeatedHeaderRows));
  expect(rowsWith('totals-row')).toEqual(new Set(quirks.totalsRows));
  const flagged = new Set(
    result.issues.filter((issue) => issue.sheet === 'invoices.csv').map((issue) => issue.row),
  );
  expect(quirks.badCells.filter(({ row }) => !flagged.has(row))).toEqual([]);
  expect(rowsWith('cancelled-invoice').size).toBe(shop.truth.counts.cancelledInvoices);
});

test('portraits on the sample: each group’s counts, shares and index recomputed from its customers', () => {
  const { portraits, missing } = result.summary.portraits!;
  expect(missing).toEqual([]);
  const all = result.customers;
  const women = (members: CustomerRecord[]) =>
    members.filter((customer) => customer.gender === 'female').length;
  expect(portraits[0]!).toMatchObject({ id: 'all', customers: all.length });
  for (const portrait of portraits.slice(1)) {
    const members = all.filter((customer) => customer.segmentId === portrait.id);
    expect({ id: portrait.id, customers: portrait.customers }).toEqual({
      id: portrait.id,
      customers: members.length,
    });
    // Every split counts every member once: unknowns and "other" included.
    for (const split of portrait.splits)
      expect({ field: split.field, sum: split.rows.reduce((sum, row) => sum + row.count, 0) }).toEqual({
        field: split.field,
        sum: members.length,
      });
    const female = portrait.splits[0]!.rows.find((row) => row.value === 'female')!;
    expect(female.count).toBe(women(members));
    expect(female.baseCount).toBe(women(all));
    if (!portrait.small && members.length * (women(all) / all.length) >= 5)
      expect(female.index).toBeCloseTo(
        (women(members) / members.length / (women(all) / all.length)) * 100,
        9,
      );
    else expect(female.index).toBeUndefined();
    // Median spend over the group's buyers, by hand.
    const spends = members
      .filter((c) => c.frequency > 0)
      .map((c) => c.spendMinor)
      .sort((a, b) => a - b);
    const middle = spends.length >> 1;
    // Prospects have no buyers, so no median.
    const median =
      spends.length === 0
        ? undefined
        : spends.length % 2
          ? spends[middle]
          : Math.round((spends[middle - 1]! + spends[middle]!) / 2);
    expect({ id: portrait.id, median: portrait.figures.medianSpendMinor }).toEqual({
      id: portrait.id,
      median,
    });
  }
});
