/**
 * Campaign results on generated shops with a known effect. 600 customers each bought in January and February,
 * so on the start date (2026-06-30) every one of them is At Risk (R ≤ 30 → 3, ≤ 90 → 2, else 1; F ≥ 4 → 3,
 * ≥ 2 → 2); a "Win back" campaign holds out 50% of them. Over the next 60 days each customer comes back with a
 * chance set by their group: 30% treated against 10% held out in the first shop, 10% in both in the second.
 * With about 300 per group the report must find the first difference and say "no difference shown" for the
 * second (196 per group are needed to find 10 points from a 10% base rate: (1.96 + 0.84)² × (0.09 + 0.16) / 0.01).
 */
import { holdoutGroup } from '../../../src/core/campaigns/campaigns';
import type { CellValue } from '../../../src/core/cell';
import { runEngine } from '../../../src/core/engine';
import { DEFAULT_OPTIONS, type EngineOptions, type EngineResult } from '../../../src/core/options';
import type { TabPlan } from '../../../src/core/plan/types';
import { random } from '../../seeded-random';

const CAMPAIGN = 'Win back';
const CUSTOMERS = 600;
const HEADER = ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Tổng tiền hàng'];

function date(day: number, month: number): string {
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026 10:00`;
}

/** Each customer's two spring invoices; then, when they come back, one invoice 1–60 days after 30 June. */
function shop(seed: number, chance: { treated: number; holdout: number }) {
  const next = random(seed);
  const spring: CellValue[][] = [];
  const later: CellValue[][] = [];
  const cameBack = { treated: 0, holdout: 0 };
  for (let i = 1; i <= CUSTOMERS; i++) {
    const code = `KH${String(i).padStart(4, '0')}`;
    spring.push([`A${i}`, date(1 + (i % 28), 1), code, '200.000']);
    spring.push([`B${i}`, date(1 + (i % 28), 2), code, '300.000']);
    const group = holdoutGroup(CAMPAIGN, `code:${code}`, 50);
    if (next() < chance[group]) {
      cameBack[group]++;
      const offset = 1 + Math.floor(next() * 60);
      // 30 June + offset: July has 31 days.
      const [day, month] = offset <= 31 ? [offset, 7] : [offset - 31, 8];
      later.push([`C${i}`, date(day, month), code, '250.000']);
    }
  }
  return { spring, later, cameBack };
}

const OPTIONS: EngineOptions = {
  ...DEFAULT_OPTIONS,
  now: Date.UTC(2026, 8, 1),
  language: 'en',
  levels: 3,
  metrics: 'rf',
  breakpoints: { r: [30, 90], f: [2, 4] },
};

function values(tab: TabPlan | undefined): CellValue[][] {
  const block = tab!.blocks[0]!;
  return [block.columns.map((column) => column.header), ...(block.rows as CellValue[][])];
}

function tab(result: EngineResult, role: string): TabPlan | undefined {
  return result.plan.tabs.find((candidate) => candidate.role === role);
}

function campaignRun(chance: { treated: number; holdout: number }, seed: number) {
  const generated = shop(seed, chance);
  const start = runEngine(
    { invoices: { name: 'Hóa đơn', values: [HEADER, ...generated.spring] } },
    {
      ...OPTIONS,
      asOf: '2026-06-30',
      saved: {},
      startCampaigns: [{ name: CAMPAIGN, segmentKey: 'at-risk', holdoutPercent: 50 }],
    },
  );
  const later = runEngine(
    { invoices: { name: 'Hóa đơn', values: [HEADER, ...generated.spring, ...generated.later] } },
    {
      ...OPTIONS,
      asOf: '2026-08-29',
      saved: {
        campaigns: values(tab(start, 'campaigns')),
        campaignMembers: values(tab(start, 'campaign-members')),
      },
    },
  );
  return { start, later, generated };
}

describe('a shop where the offer works', () => {
  const { start, later, generated } = campaignRun({ treated: 0.3, holdout: 0.1 }, 19);

  test('the start freezes every At Risk customer into a group, about half held out', () => {
    expect(start.summary.segments.find((segment) => segment.id === 'at-risk')?.customers).toBe(CUSTOMERS);
    const started = start.startedCampaigns![0]!;
    expect(started.treated.length + started.holdout).toBe(CUSTOMERS);
    expect(started.holdout).toBeGreaterThan(270);
    expect(started.holdout).toBeLessThan(330);
    const results = start.summary.campaigns![0]!;
    expect(results.treated.since + results.holdout.since).toBe(0);
    expect(results.sentence).toBe('No results yet: no day after the start has been counted.');
  });

  test('60 days later the report counts the returns the generator made and finds the difference', () => {
    const result = later.summary.campaigns![0]!;
    expect(result.daysSince).toBe(60);
    expect(result.treated.since).toBe(generated.cameBack.treated);
    expect(result.holdout.since).toBe(generated.cameBack.holdout);
    // Every return falls within 60 days; each one is an invoice of 250.000.
    expect(result.treated.within[2]).toBe(generated.cameBack.treated);
    expect(result.treated.revenueMinor).toBe(250_000 * generated.cameBack.treated);
    expect(result.verdict).toBe('more');
    expect(result.rate.low).toBeGreaterThan(0.1);
    expect(result.rate.high).toBeLessThan(0.3);
    expect(result.sentence).toMatch(
      /^Came back \d+ points more often than the holdout \(95%: \d+ to \d+\)\.$/,
    );
    // Revenue per customer follows: 250.000 × the rate difference, and Welch's interval excludes 0.
    expect(result.revenue!.low).toBeGreaterThan(0);
    // A customer who came back has 3 invoices, the last within 60 days: Need Attention or Potential Loyalist,
    // both before At Risk in the catalogue; nobody else moved.
    expect(result.treated.movedUp).toBe(generated.cameBack.treated);
    expect(result.holdout.movedUp).toBe(generated.cameBack.holdout);
  });

  test('the Campaign results tab has a row per group and the sentence', () => {
    const results = tab(later, 'campaign-results')!;
    expect(results.blocks[0]!.rows.map((row) => row[3])).toEqual(['Treated', 'Holdout']);
    expect(results.blocks[1]!.rows[0]![8]).toBe(later.summary.campaigns![0]!.sentence);
    expect(tab(later, 'campaign-members')!.hidden).toBe(true);
  });
});

describe('a shop where it does not', () => {
  const { later } = campaignRun({ treated: 0.1, holdout: 0.1 }, 7);

  test('says no difference shown, with an interval around 0', () => {
    const result = later.summary.campaigns![0]!;
    expect(result.verdict).toBe('no-difference');
    expect(result.rate.low).toBeLessThan(0);
    expect(result.rate.high).toBeGreaterThan(0);
    expect(result.sentence).toMatch(/^No difference shown \(95%: -?[\d.]+ to -?[\d.]+\)\.$/);
  });
});
