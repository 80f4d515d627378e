/**
 * History, Movement, filter segments and A/B groups through the BUILT bundle on the emulator: a small tea shop
 * pastes its export at the end of September, October and November (each paste holds everything so far), runs
 * the add-on each time, and then re-runs November after adding a forgotten sale. Every expected number below is
 * worked out by hand from the rules in small-shop.ts; the reasoning is written beside it.
 */
import { abGroup } from '../../src/core/filter/ab-split';
import { segmentKeyOf } from '../../src/core/history/history';
import type { FilterSegmentList, RunResult } from '../../src/shared/api';
import {
  openShop,
  paste,
  run,
  saveSegment,
  segmentName,
  tabValues,
  type CustomerRow,
  type InvoiceRow,
  type Shop,
} from './small-shop';

// Customers. City spellings vary as staff type them; the filter compares them folded (parse.ts).
const AN: CustomerRow = ['KH001', 'Nguyễn Văn An', '0901000001', 'Hà Nội', 'vip'];
const BINH: CustomerRow = ['KH002', 'Trần Thị Bình', '0901000002', 'TP. Hồ Chí Minh', ''];
const CHI: CustomerRow = ['KH003', 'Lê Minh Chi', '0901000003', 'Hà Nội', ''];
const DUNG: CustomerRow = ['KH004', 'Phạm Quốc Dũng', '0901000004', 'Đà Nẵng', ''];
const EM: CustomerRow = ['KH005', 'Võ Thu Em', '0901000005', 'HÀ NỘI', ''];
const GIANG: CustomerRow = ['KH006', 'Đỗ Hương Giang', '0901000006', 'Hải Phòng', ''];
const HOA: CustomerRow = ['KH007', 'Bùi Thanh Hoa', '0901000007', 'Ha Noi', ''];

const SEPTEMBER: InvoiceRow[] = [
  ['HD001', '05/08/2026 10:00', 'KH001', '500.000'],
  ['HD002', '20/08/2026 10:00', 'KH001', '500.000'],
  ['HD003', '10/09/2026 10:00', 'KH001', '500.000'],
  ['HD004', '25/09/2026 10:00', 'KH001', '500.000'],
  ['HD005', '20/09/2026 18:30', 'KH002', '300.000'],
  ['HD006', '01/07/2026 09:15', 'KH003', '200.000'],
  ['HD007', '15/07/2026 09:15', 'KH003', '200.000'],
  ['HD008', '01/08/2026 09:15', 'KH003', '200.000'],
  ['HD009', '10/06/2026 14:00', 'KH004', '1.000.000'],
  ['HD010', '25/08/2026 16:45', 'KH006', '400.000'],
  ['HD011', '05/09/2026 16:45', 'KH006', '400.000'],
];
const OCTOBER: InvoiceRow[] = [
  ...SEPTEMBER,
  ['HD012', '15/10/2026 10:00', 'KH001', '500.000'],
  ['HD013', '25/10/2026 18:30', 'KH002', '300.000'],
  ['HD014', '10/10/2026 08:00', 'KH007', '250.000'],
  ['HD015', '20/10/2026 08:00', 'KH007', '250.000'],
  ['HD016', '30/10/2026 08:00', 'KH007', '250.000'],
];
const NOVEMBER: InvoiceRow[] = [
  ...OCTOBER,
  ['HD017', '20/11/2026 10:00', 'KH001', '500.000'],
  ['HD018', '28/11/2026 14:00', 'KH004', '1.000.000'],
  ['HD019', '15/11/2026 08:00', 'KH007', '250.000'],
];
/** The November re-run: a sale to Em on the 29th had been left out of the first paste. */
const NOVEMBER_CORRECTED: InvoiceRow[] = [...NOVEMBER, ['HD020', '29/11/2026 19:00', 'KH005', '150.000']];

const HANOI_LOYAL = 'Hà Nội thân thiết';
const AB_TEST = 'Thử ưu đãi A/B';
const BROKEN = 'Gõ nhầm';

/**
 * History's table (columns A–G, then the make-up columns H–N, blank here: every group is under 30 customers) as
 * objects, found by as-of date and segment key (read back from the name).
 */
function historyRows(shop: Shop) {
  const [header, ...rows] = tabValues(shop, 'Lịch sử phân khúc');
  expect(header!.slice(0, 15)).toEqual([
    'Thời điểm chạy',
    'Ngày tính',
    'Phân khúc',
    'Khách hàng',
    'Doanh thu',
    'Thay đổi khách hàng',
    'Thay đổi doanh thu',
    'Nữ (tỷ lệ)',
    'Nam (tỷ lệ)',
    'Miền Bắc (tỷ lệ)',
    'Miền Trung (tỷ lệ)',
    'Miền Nam (tỷ lệ)',
    'Kênh chính',
    'Kênh chính (tỷ lệ)',
    '',
  ]);
  expect(rows.every((row) => row.slice(7, 14).every((cell) => cell === ''))).toBe(true);
  const table = rows.filter((row) => row[1] !== '');
  return {
    count: table.length,
    asOfs: table.map((row) => row[1]),
    get: (asOf: string, key: string) => {
      const found = table.filter((row) => row[1] === asOf && segmentKeyOf(String(row[2])) === key);
      expect(found).toHaveLength(1);
      const [, , name, customers, revenue, customerChange, revenueChange] = found[0]!;
      return { name, customers, revenue, customerChange, revenueChange };
    },
  };
}

/** The Movement tab's matrix as `{ previous: { current: count } }`, by segment name. */
function movement(shop: Shop): { title: string; counts: Record<string, Record<string, number>> } {
  const [[title], header, ...rows] = tabValues(shop, 'Dịch chuyển phân khúc');
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    if (row[0] === '') continue;
    const cells: Record<string, number> = {};
    header!.slice(1).forEach((to, i) => {
      const count = row[i + 1];
      if (to !== '' && typeof count === 'number' && count > 0) cells[String(to)] = count;
    });
    counts[String(row[0])] = cells;
  }
  return { title: String(title), counts };
}

/** Customer code → A/B group, from a filter segment's tab. */
function groupsOf(shop: Shop, tab: string): Record<string, string> {
  const [header, ...rows] = tabValues(shop, tab);
  const code = header!.indexOf('Mã khách hàng');
  const group = header!.indexOf('Nhóm A/B');
  expect(code).toBeGreaterThanOrEqual(0);
  expect(group).toBeGreaterThanOrEqual(0);
  return Object.fromEntries(rows.filter((row) => row[code] !== '').map((row) => [row[code], row[group]]));
}

function segmentCustomers(result: RunResult, name: string): number | undefined {
  return result.segments.find((segment) => segment.name === name)?.customers;
}

const n = segmentName;

describe('three monthly runs of a small shop, then a corrected re-run', () => {
  const shop = openShop();
  let saved: FilterSegmentList;
  const results: RunResult[] = [];
  const groups: Record<string, string>[] = [];

  beforeAll(() => {
    // The shop saves its filter segments from the sidebar before the first run: the definitions tab is created.
    saveSegment(shop, {
      name: HANOI_LOYAL,
      colour: '#1e88e5',
      definition: 'city = "Ha Noi" AND invoices >= 3',
      enabled: true,
    });
    saveSegment(shop, {
      name: AB_TEST,
      colour: '#8e24aa',
      definition: 'invoices >= 1',
      enabled: true,
      abGroups: 2,
    });
    // A definition broken in the tab itself (staff edit it as text): the sidebar would refuse it, the tab cannot.
    saved = saveSegment(shop, { name: BROKEN, colour: '#c62828', definition: 'city = "Huế"', enabled: true });
    const tab = saved.tab!;
    const values = tabValues(shop, tab);
    const row = values.findIndex((r) => r[0] === BROKEN) + 1;
    shop.emulator.spreadsheet.getSheetByName(tab)!.getRange(row, 3).setValue('citty = "Huế"');

    paste(shop, [AN, BINH, CHI, DUNG, EM, GIANG], SEPTEMBER);
    results.push(run(shop, '2026-09-30'));
    groups.push(groupsOf(shop, AB_TEST));
    paste(shop, [AN, BINH, CHI, DUNG, EM, GIANG, HOA], OCTOBER);
    results.push(run(shop, '2026-10-31'));
    groups.push(groupsOf(shop, AB_TEST));
    paste(shop, [AN, BINH, CHI, DUNG, EM, GIANG, HOA], NOVEMBER);
    results.push(run(shop, '2026-11-30'));
    groups.push(groupsOf(shop, AB_TEST));
  });

  test('the saved definitions tab holds the starters (off) and the three segments the shop saved', () => {
    expect(saved.tab).toBe('Phân khúc lọc');
    const names = saved.segments.map((segment) => segment.name);
    expect(names.slice(-3)).toEqual([HANOI_LOYAL, AB_TEST, BROKEN]);
    expect(names).toContain('Khách mua một lần');
    expect(saved.segments.filter((segment) => segment.enabled).map((s) => s.name)).toEqual([
      HANOI_LOYAL,
      AB_TEST,
      BROKEN,
    ]);
  });

  test('each run names the segments worked out by hand', () => {
    // 30 Sep: An 4 invoices, last 5 days ago → Champions; Bình 1 invoice 10 days ago → New Customers;
    // Chi 3 invoices, last 1 Aug = 60 days → Need Attention; Dũng 1 invoice 10 Jun = 112 days → Lost;
    // Em never bought → Prospect; Giang 2 invoices, last 5 Sep = 25 days → Potential Loyalist.
    const [september, october, november] = results;
    expect(segmentCustomers(september!, n('champions'))).toBe(1);
    expect(segmentCustomers(september!, n('new-customers'))).toBe(1);
    expect(segmentCustomers(september!, n('need-attention'))).toBe(1);
    expect(segmentCustomers(september!, n('lost'))).toBe(1);
    expect(segmentCustomers(september!, n('prospect'))).toBe(1);
    expect(segmentCustomers(september!, n('potential-loyalist'))).toBe(1);
    // 31 Oct: Bình's second invoice (6 days ago) and new buyer Hoa (3 invoices, last yesterday) are Potential
    // Loyalists; Chi's last purchase is now 91 days ago → At Risk; Giang 56 days → Need Attention.
    expect(segmentCustomers(october!, n('potential-loyalist'))).toBe(2);
    expect(segmentCustomers(october!, n('at-risk'))).toBe(1);
    expect(segmentCustomers(october!, n('need-attention'))).toBe(1);
    expect(segmentCustomers(october!, n('new-customers'))).toBe(0);
    // 30 Nov: An (6) and Hoa (4, last 15 days ago) are Champions; Bình (36 days) joins Giang (86) in Need
    // Attention; Dũng came back on the 28th → 2 invoices, 2 days → Potential Loyalist; nobody is Lost.
    expect(segmentCustomers(november!, n('champions'))).toBe(2);
    expect(segmentCustomers(november!, n('need-attention'))).toBe(2);
    expect(segmentCustomers(november!, n('potential-loyalist'))).toBe(1);
    expect(segmentCustomers(november!, n('lost'))).toBe(0);
  });

  test('History has one row per segment per as-of date, with counts, revenue and change since the last run', () => {
    const history = historyRows(shop);
    // 12 RFM segments + 2 working filter segments, three as-of dates; the broken one has no row.
    expect(history.count).toBe(3 * 14);
    expect([...new Set(history.asOfs)]).toEqual(['2026-09-30', '2026-10-31', '2026-11-30']);
    // [segment, customers, revenue, change in customers, change in revenue]; change is empty on the first date.
    const expected: Record<string, [string, number, number, number | '', number | ''][]> = {
      '2026-09-30': [
        ['champions', 1, 2_000_000, '', ''], // An: 4 × 500.000
        ['new-customers', 1, 300_000, '', ''], // Bình
        ['need-attention', 1, 600_000, '', ''], // Chi: 3 × 200.000
        ['lost', 1, 1_000_000, '', ''], // Dũng
        ['prospect', 1, 0, '', ''], // Em
        ['potential-loyalist', 1, 800_000, '', ''], // Giang: 2 × 400.000
        ['at-risk', 0, 0, '', ''],
        [`filter:${HANOI_LOYAL}`, 2, 2_600_000, '', ''], // An and Chi (Hà Nội, ≥ 3 invoices)
      ],
      '2026-10-31': [
        ['champions', 1, 2_500_000, 0, 500_000], // An's October invoice
        ['new-customers', 0, 0, -1, -300_000],
        ['need-attention', 1, 800_000, 0, 200_000], // Chi left, Giang came in
        ['lost', 1, 1_000_000, 0, 0],
        ['prospect', 1, 0, 0, 0],
        ['potential-loyalist', 2, 1_350_000, 1, 550_000], // Bình 600.000 + Hoa 3 × 250.000
        ['at-risk', 1, 600_000, 1, 600_000], // Chi
        [`filter:${HANOI_LOYAL}`, 3, 3_850_000, 1, 1_250_000], // + Hoa, typed "Ha Noi"
      ],
      '2026-11-30': [
        ['champions', 2, 4_000_000, 1, 1_500_000], // An 3.000.000 + Hoa 1.000.000
        ['new-customers', 0, 0, 0, 0],
        ['need-attention', 2, 1_400_000, 1, 600_000], // Bình 600.000 + Giang 800.000
        ['lost', 0, 0, -1, -1_000_000],
        ['prospect', 1, 0, 0, 0],
        ['potential-loyalist', 1, 2_000_000, -1, 650_000], // Dũng: 2 × 1.000.000
        ['at-risk', 1, 600_000, 0, 0],
        [`filter:${HANOI_LOYAL}`, 3, 4_600_000, 0, 750_000],
      ],
    };
    for (const [asOf, rows] of Object.entries(expected)) {
      for (const [key, customers, revenue, customerChange, revenueChange] of rows) {
        expect({ asOf, key, ...history.get(asOf, key) }).toEqual({
          asOf,
          key,
          name: key.startsWith('filter:') ? key.slice('filter:'.length) : n(key),
          customers,
          revenue,
          customerChange,
          revenueChange,
        });
      }
    }
  });

  test('Movement compares November with October, by hand', () => {
    const { title, counts } = movement(shop);
    expect(title).toBe('Từ 2026-10-31 (hàng) sang lần này (cột)');
    expect(counts).toEqual({
      [n('champions')]: { [n('champions')]: 1 }, // An stays
      [n('potential-loyalist')]: { [n('champions')]: 1, [n('need-attention')]: 1 }, // Hoa up, Bình down
      [n('need-attention')]: { [n('need-attention')]: 1 }, // Giang
      [n('at-risk')]: { [n('at-risk')]: 1 }, // Chi
      [n('lost')]: { [n('potential-loyalist')]: 1 }, // Dũng came back
      [n('prospect')]: { [n('prospect')]: 1 }, // Em
    });
  });

  test('the Customers tab says where each customer was before and since when they are where they are', () => {
    const [header, ...rows] = tabValues(shop, 'Khách hàng RFM');
    const col = (name: string) => header!.indexOf(name);
    const byCode = new Map(rows.map((row) => [row[col('Mã khách hàng')], row]));
    const previous = (code: string) => byCode.get(code)![col('Phân khúc lần trước')];
    const since = (code: string) => byCode.get(code)![col('Ở phân khúc từ')] as Date;
    const day = (date: Date) => date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(previous('KH004')).toBe(n('lost'));
    expect(day(since('KH004'))).toBe('2026-11-30'); // moved this run
    expect(previous('KH003')).toBe(n('at-risk'));
    expect(day(since('KH003'))).toBe('2026-10-31'); // At Risk since October
    expect(previous('KH001')).toBe(n('champions'));
    expect(day(since('KH001'))).toBe('2026-09-30'); // a Champion from the first run on
  });

  test('a broken definition is reported in Vietnamese and skipped; the other filter segments still get their tabs', () => {
    // The run is in Vietnamese: the parser's sentence too, with its column, the token and the suggestion.
    const reported = 'Không có trường "citty" ở cột 1 — có phải ý bạn là "city"?';
    for (const result of results) {
      const issue = result.issues.find((line) => line.message.includes(BROKEN));
      expect(issue?.message).toBe(
        `Phân khúc lọc "${BROKEN}": ${reported} Đã bỏ qua; các phân khúc khác vẫn chạy.`,
      );
      expect(issue?.message).not.toMatch(/unknown field|did you mean/);
      expect(issue?.sheet).toBe('Phân khúc lọc');
      expect(result.segments.map((segment) => segment.name)).not.toContain(BROKEN);
      expect(result.segments.find((segment) => segment.name === HANOI_LOYAL)?.tab).toBe(HANOI_LOYAL);
    }
    expect(shop.emulator.spreadsheet.getSheetByName(BROKEN)).toBeNull();
    // The Data issues tab of the last run says the same, in the same words.
    const issueCells = tabValues(shop, 'Lỗi dữ liệu').flat().map(String);
    expect(issueCells.some((cell) => cell.includes(reported) && cell.includes(BROKEN))).toBe(true);
    // The Hà Nội tab lists its 3 members (header + 3 rows).
    const [header, ...members] = tabValues(shop, HANOI_LOYAL).filter((row) => row[0] !== '');
    const code = header!.indexOf('Mã khách hàng');
    expect(members.map((row) => row[code]).sort()).toEqual(['KH001', 'KH003', 'KH007']);
  });

  test('A/B groups: the same customer keeps their group from run to run, while buyers join', () => {
    const [september, october, november] = groups;
    // Everyone who bought is in the A/B segment: 5 buyers in September, Hoa joins in October.
    expect(Object.keys(september!).sort()).toEqual(['KH001', 'KH002', 'KH003', 'KH004', 'KH006']);
    expect(Object.keys(october!).sort()).toEqual(['KH001', 'KH002', 'KH003', 'KH004', 'KH006', 'KH007']);
    for (const [code, group] of Object.entries(september!)) {
      expect(october![code]).toBe(group);
      expect(november![code]).toBe(group);
    }
    expect(november!.KH007).toBe(october!.KH007);
    // The group is the documented hash of the customer's key and the segment's name, nothing else.
    for (const [code, group] of Object.entries(november!))
      expect(group).toBe(abGroup(`code:${code}`, AB_TEST, 2));
    // Both groups are used on six customers.
    expect(new Set(Object.values(november!))).toEqual(new Set(['A', 'B']));
  });

  describe('re-running November after adding a forgotten sale', () => {
    let rerun: RunResult;
    beforeAll(() => {
      paste(shop, [AN, BINH, CHI, DUNG, EM, GIANG, HOA], NOVEMBER_CORRECTED);
      rerun = run(shop, '2026-11-30');
    });

    test('replaces that as-of date’s History rows instead of adding a fourth set', () => {
      const history = historyRows(shop);
      expect(history.count).toBe(3 * 14);
      // Em bought once, yesterday → New Customers; Prospect is empty. Changes are still against October.
      expect(history.get('2026-11-30', 'new-customers')).toMatchObject({
        customers: 1,
        revenue: 150_000,
        customerChange: 1,
        revenueChange: 150_000,
      });
      expect(history.get('2026-11-30', 'prospect')).toMatchObject({ customers: 0, customerChange: -1 });
      expect(history.get('2026-10-31', 'prospect')).toMatchObject({ customers: 1 });
      expect(segmentCustomers(rerun, n('new-customers'))).toBe(1);
    });

    test('Movement still compares with October, not with the November run it replaces', () => {
      const { title, counts } = movement(shop);
      expect(title).toBe('Từ 2026-10-31 (hàng) sang lần này (cột)');
      expect(counts[n('prospect')]).toEqual({ [n('new-customers')]: 1 });
      expect(counts[n('lost')]).toEqual({ [n('potential-loyalist')]: 1 });
    });

    test('one History, Movement and snapshot tab each: a run replaces its own tabs', () => {
      const names = shop.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName());
      for (const name of [
        'Lịch sử phân khúc',
        'Dịch chuyển phân khúc',
        'segment-tabs snapshot',
        'Phân khúc lọc',
      ])
        expect(names.filter((tab) => tab.startsWith(name))).toEqual([name]);
    });
  });
});
