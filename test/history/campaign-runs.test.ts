/**
 * A campaign through the BUILT bundle on the emulator: a small tea shop starts a win-back campaign with its At
 * Risk customers on 30 September (the sidebar's startCampaign, as after exporting the segment), then pastes its
 * export and runs the add-on 30 and 60 days later. Every expected number is worked out by hand below.
 *
 * Scoring as small-shop.ts: R ≤ 30 → 3, ≤ 90 → 2, else 1; F ≥ 4 → 3, ≥ 2 → 2, else 1. Eight customers bought on
 * 10 May and 20 June, so on 30 September (102 days) they are all At Risk; Khánh (KH09), a Champion, is not in
 * the campaign. "Gọi lại khách cũ" holds out 40%: by its hash (stableHash32 of name ␟ key, mod 10 000 below
 * 4 000) KH03, KH06 and KH07 are held out and KH01, KH02, KH04, KH05 and KH08 get the offer.
 */
import type { CampaignStarted, RunResult } from '../../src/shared/api';
import { CAMPAIGN, CUSTOMERS, GROUPS, KHANH, NOVEMBER, OCTOBER, SPRING } from './campaign-shop';
import {
  call,
  INVOICE_TAB,
  openShop,
  paste,
  run,
  segmentName,
  selection,
  SETTINGS,
  tabValues,
} from './small-shop';

type Cell = string | number | boolean | Date;

/** The per-group table of Campaign results, by group, and the differences row. */
function campaignResults(shop: ReturnType<typeof openShop>) {
  const values = tabValues(shop, 'Kết quả chiến dịch');
  const [header, treated, holdout, gap, differencesHeader, differences] = values;
  expect(gap!.every((cell) => cell === '')).toBe(true);
  return {
    header: header!,
    treated: treated!,
    holdout: holdout!,
    differencesHeader: differencesHeader!,
    differences: differences!,
  };
}

describe('a campaign started on 30 September, run again 30 and 60 days later', () => {
  const shop = openShop();
  let started: CampaignStarted;
  const results: RunResult[] = [];
  const tables: ReturnType<typeof campaignResults>[] = [];
  let tabsAtStart = 0;
  let startCalls = 0;
  let valueWrites = 0;
  let invoicesBeforeStart: Cell[][] = [];
  let invoicesAfterStart: Cell[][] = [];

  beforeAll(() => {
    paste(shop, CUSTOMERS, [...SPRING, ...KHANH]);
    results.push(run(shop, '2026-09-30'));
    tabsAtStart = shop.emulator.spreadsheet.getSheets().length;
    invoicesBeforeStart = tabValues(shop, INVOICE_TAB);
    shop.emulator.resetCalls();
    started = call<CampaignStarted>(shop, 'startCampaign', {
      data: { ...selection(shop), settings: SETTINGS('2026-09-30'), language: 'vi' },
      name: CAMPAIGN,
      segmentId: 'at-risk',
      holdoutPercent: 40,
    });
    startCalls = shop.emulator.totalCalls();
    valueWrites = shop.emulator.calls.of('Range.setValues');
    invoicesAfterStart = tabValues(shop, INVOICE_TAB);
    paste(shop, CUSTOMERS, OCTOBER);
    results.push(run(shop, '2026-10-30'));
    tables.push(campaignResults(shop));
    paste(shop, CUSTOMERS, NOVEMBER);
    results.push(run(shop, '2026-11-29'));
    tables.push(campaignResults(shop));
  });

  test('starting freezes the eight At Risk customers; the export rows are the five treated only', () => {
    expect(results[0]!.segments.find((segment) => segment.id === 'at-risk')?.customers).toBe(8);
    expect(started).toMatchObject({ name: CAMPAIGN, start: '2026-09-30', treated: 5, holdout: 3 });
    const code = started.rows.header.indexOf('Mã khách hàng');
    expect(started.rows.rows.map((row) => row[code]).sort()).toEqual([
      'KH01',
      'KH02',
      'KH04',
      'KH05',
      'KH08',
    ]);
    expect(started.rows.header).toContain('Điện thoại');
  });

  test("starting writes each campaign tab in one batch and leaves the shop's own tabs alone", () => {
    // One setValues per tab (Campaigns, members, results), however many members; the rest of the cost is the
    // run's writer and the reads a run makes (every tab's size and name, each owned tab's mark, the inputs).
    expect(valueWrites).toBe(3);
    expect(startCalls).toBeLessThan(12 * 3 + 8 * tabsAtStart + 30);
    expect(invoicesAfterStart).toEqual(invoicesBeforeStart);
    expect(invoicesAfterStart).toHaveLength(1 + SPRING.length + KHANH.length);
  });

  test('the Campaigns tab lists the campaign once, after every run; members sit in a hidden tab', () => {
    const [header, ...rows] = tabValues(shop, 'Chiến dịch');
    expect(header).toEqual([
      'Campaign',
      'Start',
      'Segment',
      'Segment key',
      'Holdout %',
      'Nhóm nhận ưu đãi',
      'Nhóm đối chứng',
    ]);
    expect(rows.filter((row) => row[0] !== '')).toEqual([
      [CAMPAIGN, '2026-09-30', segmentName('at-risk'), 'at-risk', '40', 5, 3],
    ]);
    const members = shop.emulator.spreadsheet.getSheetByName('segment-tabs campaign members')!;
    expect(members.isSheetHidden()).toBe(true);
    const groups = Object.fromEntries(
      tabValues(shop, 'segment-tabs campaign members')
        .slice(1)
        .map((row) => [row[1], row[2]]),
    );
    expect(groups).toEqual(GROUPS);
  });

  test('at +30 days: 7- and 30-day counts, the 60-day column still blank, revenue and moves by hand', () => {
    const { header, treated, holdout, differences } = tables[0]!;
    expect(header).toEqual([
      'Chiến dịch',
      'Bắt đầu',
      'Phân khúc',
      'Nhóm',
      'Khách hàng',
      'Mua lại trong 7 ngày',
      'Mua lại trong 30 ngày',
      'Mua lại trong 60 ngày',
      'Mua lại từ khi bắt đầu',
      'Tỷ lệ quay lại',
      'Doanh thu từ khi bắt đầu',
      'Doanh thu mỗi khách',
      'Lên phân khúc tốt hơn',
    ]);
    // Treated: An (day 3) and Dũng (day 5) within 7; Bình (day 20) too within 30; 300 + 500 + 2 × 200 thousand.
    // An and Bình (3 invoices, R3) are now Potential Loyalists, Dũng (4 invoices) a Champion; Em, Ích still At Risk.
    const row = (cells: Cell[]) => cells.slice(3, 13);
    expect(row(treated)).toEqual(['Nhận ưu đãi', 5, 2, 3, '', 3, 0.6, 1_200_000, 240_000, 3]);
    // Holdout: Giang on day 28 (a Potential Loyalist now); 250.000 over 3 customers = 83.333 (rounded to the đồng).
    expect(row(holdout)).toEqual(['Đối chứng', 3, 0, 1, '', 1, 1 / 3, 250_000, 83_333, 1]);
    expect(tables[0]!.differencesHeader.slice(0, 3)).toEqual([
      'Chiến dịch',
      'Số ngày từ khi bắt đầu',
      'Chênh lệch tỷ lệ quay lại',
    ]);
    expect(differences[0]).toBe(CAMPAIGN);
    expect(differences[1]).toBe(30);
    expect(differences[2]).toBeCloseTo(0.6 - 1 / 3, 10);
    // 3 of 5 against 1 of 3 cannot tell: at a 1/3 base rate, 7.8489 × (0.2222 + 0.2456) / 0.01 = 367.2 per group.
    expect(differences[8]).toBe('Quá ít khách để kết luận: cần khoảng 368 khách mỗi nhóm.');
    expect(results[1]!.campaigns).toEqual([
      { name: CAMPAIGN, start: '2026-09-30', sentence: differences[8] },
    ]);
  });

  test('at +60 days: the 60-day window has closed; a second return counts once but adds its revenue', () => {
    const { treated, holdout, differences } = tables[1]!;
    const row = (cells: Cell[]) => cells.slice(3, 13);
    // Em on day 45 joins; An's second purchase adds 400.000: 1.200.000 + 600.000 + 400.000 = 2.200.000.
    // Moved up: An (Champion), Bình (Need Attention, 40 days), Dũng (Loyal, 35 days), Em (Potential Loyalist).
    expect(row(treated)).toEqual(['Nhận ưu đãi', 5, 2, 3, 4, 4, 0.8, 2_200_000, 440_000, 4]);
    // Hoa on day 59: 400.000 over 3 = 133.333; Giang (Need Attention, 32 days) and Hoa moved up, Chi did not.
    expect(row(holdout)).toEqual(['Đối chứng', 3, 0, 1, 2, 2, 2 / 3, 400_000, 133_333, 2]);
    expect(differences[1]).toBe(60);
    expect(differences[2]).toBeCloseTo(0.8 - 2 / 3, 10);
    const low = differences[3] as number;
    const high = differences[4] as number;
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
    // At a 2/3 base rate: 7.8489 × (0.2222 + 0.1789) / 0.01 = 314.8 per group.
    expect(differences[8]).toBe('Quá ít khách để kết luận: cần khoảng 315 khách mỗi nhóm.');
  });
});
