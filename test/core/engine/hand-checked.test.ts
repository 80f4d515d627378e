/**
 * Twenty buyers and two prospects, worked out by hand. As of 2026-11-22 in Asia/Ho_Chi_Minh, n = 20 buyers, so
 * a score is 1 + floor(5·w/20) = 1 + floor(w/4): w 0–3 → 1, 4–7 → 2, 8–11 → 3, 12–15 → 4, 16–19 → 5, where w
 * counts buyers with a strictly worse value.
 *
 * Recency (days): C01 1, C02 3, C03 5, C04 8 (w 19..16 → R5); C05 12, C06 15, C07 20, C08 25 (w 15..12 → R4);
 * C09 30, C10 40, C11 50, C12 60 (R3); C13 75, C14 90, C15 120, C16 150 (R2); C17 200, C18 250, C19 300, C20 400 (R1).
 *
 * Frequency has ties: eight customers bought once (w 0 → F1), four twice (w 8 → F3; F2 stays empty), two three
 * times (w 12 → F4), two four times (w 14 → F4), and 5, 6, 8, 10 invoices (w 16..19 → F5).
 *
 * Monetary (VND), ascending: 25k C12, 35k C06, 40k C20, 45k C01 (w 0..3 → M1); 50k C17, 60k C04, 60k C10 (a tie,
 * both w 5), 80k C15 (M2); 110k C14, 120k C03, 130k C18, 150k C08 (M3); 270k C11, 300k C07, 420k C16, 500k C05
 * (M4); 650k C13, 900k C02, 1.6M C09, 2.5M C19 (M5).
 *
 * Codes → segments by the 125-code map (e.g. 511 New Customers, 555 Champions, 312 About To Sleep, 155 Can't
 * Lose Them); C21 and C22 never bought: R0F0M0, Prospect.
 *
 * The sheet also carries what real pastes carry: title rows, a totals row, a cancelled invoice (C01, ignored), a
 * row pasted twice (C02, counted once), an invoice of three lines whose invoice total repeats on each line (C09),
 * an invoice referenced only by a phone spelled `+84 …` (C05), and Date cells at 23:30 and 00:30 local time.
 */
import { runEngine } from '../../../src/core/engine';
import type { CellValue } from '../../../src/core/cell';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

interface Buyer {
  code: string;
  recency: number;
  invoices: number;
  spend: number;
}

const BUYERS: Buyer[] = [
  { code: 'C01', recency: 1, invoices: 1, spend: 45_000 },
  { code: 'C02', recency: 3, invoices: 6, spend: 900_000 },
  { code: 'C03', recency: 5, invoices: 2, spend: 120_000 },
  { code: 'C04', recency: 8, invoices: 1, spend: 60_000 },
  { code: 'C05', recency: 12, invoices: 4, spend: 500_000 },
  { code: 'C06', recency: 15, invoices: 1, spend: 35_000 },
  { code: 'C07', recency: 20, invoices: 3, spend: 300_000 },
  { code: 'C08', recency: 25, invoices: 2, spend: 150_000 },
  { code: 'C09', recency: 30, invoices: 8, spend: 1_600_000 },
  { code: 'C10', recency: 40, invoices: 1, spend: 60_000 },
  { code: 'C11', recency: 50, invoices: 3, spend: 270_000 },
  { code: 'C12', recency: 60, invoices: 1, spend: 25_000 },
  { code: 'C13', recency: 75, invoices: 5, spend: 650_000 },
  { code: 'C14', recency: 90, invoices: 2, spend: 110_000 },
  { code: 'C15', recency: 120, invoices: 1, spend: 80_000 },
  { code: 'C16', recency: 150, invoices: 4, spend: 420_000 },
  { code: 'C17', recency: 200, invoices: 1, spend: 50_000 },
  { code: 'C18', recency: 250, invoices: 2, spend: 130_000 },
  { code: 'C19', recency: 300, invoices: 10, spend: 2_500_000 },
  { code: 'C20', recency: 400, invoices: 1, spend: 40_000 },
];

// code: [R, F, M, code, segment]
const EXPECTED: Record<string, [number, number, number, string, string]> = {
  C01: [5, 1, 1, '511', 'new-customers'],
  C02: [5, 5, 5, '555', 'champions'],
  C03: [5, 3, 3, '533', 'potential-loyalist'],
  C04: [5, 1, 2, '512', 'new-customers'],
  C05: [4, 4, 4, '444', 'loyal'],
  C06: [4, 1, 1, '411', 'new-customers'],
  C07: [4, 4, 4, '444', 'loyal'],
  C08: [4, 3, 3, '433', 'potential-loyalist'],
  C09: [3, 5, 5, '355', 'loyal'],
  C10: [3, 1, 2, '312', 'about-to-sleep'],
  C11: [3, 4, 4, '344', 'loyal'],
  C12: [3, 1, 1, '311', 'new-customers'],
  C13: [2, 5, 5, '255', 'at-risk'],
  C14: [2, 3, 3, '233', 'hibernating'],
  C15: [2, 1, 2, '212', 'hibernating'],
  C16: [2, 4, 4, '244', 'at-risk'],
  C17: [1, 1, 2, '112', 'lost'],
  C18: [1, 3, 3, '133', 'at-risk'],
  C19: [1, 5, 5, '155', 'cant-lose-them'],
  C20: [1, 1, 1, '111', 'lost'],
  C21: [0, 0, 0, '000', 'prospect'],
  C22: [0, 0, 0, '000', 'prospect'],
};

const AS_OF_UTC = Date.UTC(2026, 10, 22);
const DAY = 86_400_000;
const phoneOf = (index: number) => `09${String(12345600 + index).padStart(8, '0')}`;

/** `dd/mm/yyyy 10:15` text, `days` days before the as-of date. */
function textDate(days: number): string {
  const date = new Date(AS_OF_UTC - days * DAY);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()} 10:15`;
}

function invoiceSheet(): CellValue[][] {
  const rows: CellValue[][] = [
    ['DANH SÁCH HÓA ĐƠN', '', '', '', '', '', '', '', ''],
    ['Từ ngày 01/01/2025 đến ngày 22/11/2026', '', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', '', ''],
    [
      'Chi nhánh',
      'Mã hóa đơn',
      'Thời gian',
      'Mã khách hàng',
      'Tên khách hàng',
      'Điện thoại',
      'Khách cần trả',
      'Trạng thái',
      'Tên hàng',
    ],
  ];
  let serial = 0;
  BUYERS.forEach((buyer, b) => {
    const each = buyer.spend / buyer.invoices;
    for (let k = 0; k < buyer.invoices; k++) {
      const code = `HD${String(++serial).padStart(6, '0')}`;
      const days = buyer.recency + 7 * (buyer.invoices - 1 - k);
      let when: CellValue = textDate(days);
      // 23:30 on 21 Nov in Ho Chi Minh time is 16:30 UTC: still 21 Nov, recency 1.
      if (buyer.code === 'C01') when = new Date(Date.UTC(2026, 10, 21, 16, 30));
      // 00:30 on 19 Nov in Ho Chi Minh time is 17:30 UTC on 18 Nov: the day is 19 Nov, recency 3 (not 4).
      if (buyer.code === 'C02' && k === buyer.invoices - 1) when = new Date(Date.UTC(2026, 10, 18, 17, 30));
      const money = `${each.toLocaleString('de-DE')} ₫`;
      if (buyer.code === 'C05' && k === 0) {
        rows.push([
          'Quận 1',
          code,
          when,
          '',
          'Chị Năm',
          `+84 ${phoneOf(b).slice(1, 3)} ${phoneOf(b).slice(3, 6)} ${phoneOf(b).slice(6)}`,
          money,
          'Hoàn thành',
          'Cà phê sữa',
        ]);
        continue;
      }
      if (buyer.code === 'C09' && k === 0) {
        // Three lines, the invoice total repeated on each: counted once.
        for (const item of ['Cà phê sữa', 'Bạc xỉu', 'Trà đào']) {
          rows.push(['Quận 1', code, when, buyer.code, `Khách ${buyer.code}`, '', money, 'Hoàn thành', item]);
        }
        continue;
      }
      rows.push([
        'Quận 1',
        code,
        when,
        buyer.code,
        `Khách ${buyer.code}`,
        '',
        money,
        'Hoàn thành',
        'Cà phê sữa',
      ]);
      if (buyer.code === 'C02' && k === 0) rows.push([...rows[rows.length - 1]!]);
    }
  });
  rows.push(['Quận 1', 'HD999999', textDate(0), 'C01', 'Khách C01', '', '99.000 ₫', 'Đã hủy', 'Bạc xỉu']);
  rows.push(['Tổng cộng', '', '', '', '', '', '', '', '']);
  return rows;
}

function customerSheet(): CellValue[][] {
  const rows: CellValue[][] = [
    ['Mã khách hàng', 'Tên khách hàng', 'Điện thoại', 'Giới tính', 'Khu vực giao hàng', 'Ngày tạo'],
  ];
  BUYERS.forEach((buyer, b) =>
    rows.push([buyer.code, `Khách ${buyer.code}`, phoneOf(b), b % 2 ? 'Nữ' : 'Nam', 'TP.HCM', '01/01/2025']),
  );
  rows.push(['C21', 'Khách C21', '0988000021', 'Nữ', 'Hà Nội', '15/10/2026']);
  rows.push(['C22', 'Khách C22', '0988000022', '', 'Đà Nẵng', '20/11/2026']);
  return rows;
}

const result = runEngine(
  {
    invoices: { name: 'Hóa đơn', values: invoiceSheet() },
    customers: { name: 'Khách hàng', values: customerSheet() },
  },
  { ...DEFAULT_OPTIONS, asOf: '2026-11-22', now: AS_OF_UTC, timeZone: 'Asia/Ho_Chi_Minh', language: 'en' },
);

test('every R, F, M, score code and segment matches the hand-checked table', () => {
  const actual = Object.fromEntries(
    result.customers.map((c) => [c.code, [c.r, c.f, c.m, c.rfmCode, c.segmentId]]),
  );
  expect(actual).toEqual(EXPECTED);
});

test('recency, frequency and monetary are the hand-made values', () => {
  for (const buyer of BUYERS) {
    const customer = result.customers.find((c) => c.code === buyer.code)!;
    expect([customer.code, customer.recencyDays, customer.frequency, customer.totalSpend]).toEqual([
      buyer.code,
      buyer.recency,
      buyer.invoices,
      buyer.spend,
    ]);
  }
});

test('the quirks are found and reported, not counted', () => {
  const facts = result.summary.facts;
  expect(facts.cancelledInvoices).toBe(1);
  expect(facts.duplicateRows).toBe(1);
  expect(facts.buyers).toBe(20);
  expect(facts.prospects).toBe(2);
  expect(facts.invoices).toBe(BUYERS.reduce((sum, buyer) => sum + buyer.invoices, 0));
  const codes = result.issues.map((issue) => issue.code);
  expect(codes).toContain('totals-row');
  expect(result.issues.find((issue) => issue.code === 'duplicate-row')?.message).toMatch(
    /^Same as row \d+ in every column/,
  );
});

test('frequency score 2 stays empty and the Summary says so', () => {
  const f = result.summary.scoreStats.find((stats) => stats.metric === 'f')!;
  expect(f.bands.map((band) => band.customers)).toEqual([8, 0, 4, 4, 4]);
});
