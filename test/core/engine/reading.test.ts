/**
 * Reading exports the header lists do not know (design.md §2–3): columns chosen by what they hold, identity
 * through the customer sheet, exact money, and no silent empty run. Each case is a small export as staff paste
 * it, with the outcome a shop owner would check by hand.
 */
import type { CellValue } from '../../../src/core/cell';
import { runEngine } from '../../../src/core/engine';
import { EngineError } from '../../../src/core/errors';
import {
  DEFAULT_OPTIONS,
  type EngineInput,
  type EngineOptions,
  type EngineResult,
} from '../../../src/core/options';
import { detectHeader } from '../../../src/core/table/header';

const NOW = Date.UTC(2026, 10, 30, 5, 0);
const OPTIONS: EngineOptions = {
  ...DEFAULT_OPTIONS,
  asOf: '2026-11-30',
  now: NOW,
  timeZone: 'Asia/Ho_Chi_Minh',
  language: 'en',
};

function run(input: EngineInput, options: Partial<EngineOptions> = {}): EngineResult {
  return runEngine(input, { ...OPTIONS, ...options });
}

function failure(input: EngineInput, options: Partial<EngineOptions> = {}): EngineError {
  try {
    run(input, options);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('the run was expected to stop');
}

const byCode = (result: EngineResult) =>
  Object.fromEntries(
    result.customers.map((customer) => [customer.code || customer.phone || customer.email, customer]),
  );

describe('the best-named column is empty while another is full', () => {
  const header = ['Ref No', 'Receipt ID', 'Date', 'Member', 'Amount'];
  const rows: CellValue[][] = [header];
  for (let i = 1; i <= 40; i++)
    rows.push(['', `R-${1000 + i}`, `${(i % 28) + 1}/11/2026`, `M${(i % 5) + 1}`, `${i * 10}.000`]);

  it('reads the filled column as the invoice code and counts every receipt', () => {
    const detection = detectHeader(rows, 'invoices')!;
    const code = detection.matches.find((match) => match.field === 'invoiceCode')!;
    expect(code.header).toBe('Receipt ID');
    const result = run({ invoices: { name: 'Receipts', values: rows } });
    expect(result.summary.facts.invoices).toBe(40);
    expect(result.customers).toHaveLength(5);
  });

  it('with the empty column forced by a map, stops and names the column that looks right', () => {
    const error = failure({ invoices: { name: 'Receipts', values: rows, columnMap: { invoiceCode: 0 } } });
    expect(error.code).toBe('nothing-understood');
    expect(error.message).toContain('column A ("Ref No"), read as Invoice code, is empty in all 40 rows');
    expect(error.message).toContain('Column B ("Receipt ID") looks like Invoice code');
    expect(error.fix).toEqual({ kind: 'invoices', field: 'invoiceCode', header: 'Receipt ID' });
  });
});

describe('a customer column of phones and emails under a header no list knows', () => {
  const rows: CellValue[][] = [
    ['Số phiếu', 'Ngày', 'Liên hệ', 'Tiền'],
    ['P1', '02/11/2026', '0912 345 678', '120.000'],
    ['P2', '05/11/2026', '+84 912 345 678', '80.000'],
    ['P3', '09/11/2026', 'lan@example.com', '50.000'],
    ['P4', '20/11/2026', 'LAN@example.com', '70.000'],
    ['P5', '21/11/2026', '0987654321', '30.000'],
    ['P6', '22/11/2026', '', '45.000'],
  ];

  it('finds the column by its cells, and reads each value as what it is', () => {
    const phone = detectHeader(rows, 'invoices')!.matches.find((match) => match.field === 'phone')!;
    expect(phone).toMatchObject({ header: 'Liên hệ', basis: 'content' });
    const result = run({ invoices: { name: 'Phiếu', values: rows } });
    const customers = byCode(result);
    expect(Object.keys(customers).sort()).toEqual(['0912345678', '0987654321', 'lan@example.com']);
    expect(customers['0912345678']!.frequency).toBe(2);
    expect(customers['lan@example.com']!.totalSpend).toBe(120_000);
    expect(result.summary.facts.walkInSales).toBe(45_000);
    expect(result.issues.filter((issue) => issue.code === 'bad-phone')).toEqual([]);
  });
});

describe('separate Date and Time columns', () => {
  const rows: CellValue[][] = [
    ['Mã HĐ', 'Ngày', 'Giờ', 'Cửa hàng', 'Mã KH', 'Tổng tiền'],
    // Same day: the evening sale at Quận 3 is the last one, though it is listed first.
    ['HD2', '28/11/2026', '6:30 PM', 'Quận 3', 'KH1', '90.000'],
    ['HD1', '28/11/2026', '09:05', 'Quận 1', 'KH1', '50.000'],
    ['HD3', '27/11/2026', '21:40', 'Quận 1', 'KH2', '40.000'],
  ];

  it('combines them, so the last store is the one of the latest sale that day', () => {
    const fields = detectHeader(rows, 'invoices')!.matches.map((match) => [match.field, match.header]);
    expect(fields).toContainEqual(['time', 'Giờ']);
    expect(fields).toContainEqual(['date', 'Ngày']);
    const customers = byCode(run({ invoices: { name: 'Hóa đơn', values: rows } }));
    expect(customers.KH1!.lastStore).toBe('Quận 3');
    expect(customers.KH1!.recencyDays).toBe(2);
  });

  it('reports a time it cannot read, on its cell', () => {
    const bad = rows.map((row, i) => (i === 3 ? [...row.slice(0, 2), '25:99', ...row.slice(3)] : row));
    const result = run({ invoices: { name: 'Hóa đơn', values: bad } });
    expect(result.issues.find((issue) => issue.column === 'C')).toMatchObject({ code: 'bad-date', row: 4 });
  });
});

describe('a marketplace pair: orders carry a per-order customer id, the customer sheet maps it to the person', () => {
  const customers: CellValue[][] = [
    ['customer_id', 'customer_unique_id', 'customer_zip_code_prefix', 'customer_city', 'customer_state'],
    ['c01a', 'u7f3a91', '01310', 'sao paulo', 'SP'],
    ['c02b', 'u7f3a91', '01310', 'sao paulo', 'SP'],
    ['c03c', 'u7f3a91', '01310', 'sao paulo', 'SP'],
    ['c04d', 'u2be001', '22790', 'rio de janeiro', 'RJ'],
    ['c05e', 'u5cc882', '30140', 'belo horizonte', 'MG'],
    ['c06f', 'u5cc882', '30140', 'belo horizonte', 'MG'],
  ];
  const orders: CellValue[][] = [
    [
      'order_id',
      'customer_id',
      'order_status',
      'order_purchase_timestamp',
      'order_delivered_customer_date',
      'payment_value',
    ],
    ['o1', 'c01a', 'delivered', '2026-09-02 10:11:00', '2026-09-09 12:00:00', '129.90'],
    ['o2', 'c02b', 'delivered', '2026-10-15 18:40:00', '2026-10-20 09:00:00', '59.90'],
    ['o3', 'c03c', 'delivered', '2026-11-20 08:05:00', '', '40.20'],
    ['o4', 'c04d', 'delivered', '2026-08-01 13:00:00', '2026-08-06 10:00:00', '19.80'],
    ['o5', 'c05e', 'canceled', '2026-11-01 11:00:00', '', '80.00'],
    ['o6', 'c06f', 'delivered', '2026-11-02 11:00:00', '2026-11-05 10:00:00', '80.00'],
  ];
  const result = run({
    invoices: { name: 'orders', values: orders },
    customers: { name: 'customers', values: customers },
  });

  it('makes one customer of a person with three orders under three ids: F = 3', () => {
    const people = byCode(result);
    expect(Object.keys(people).sort()).toEqual(['U2BE001', 'U5CC882', 'U7F3A91']);
    expect(people.U7F3A91).toMatchObject({ frequency: 3, totalSpend: 230, recencyDays: 10 });
    expect(people.U5CC882).toMatchObject({ frequency: 1, totalSpend: 80 });
  });

  it('reports the join in the facts, and the rows of one person are not data problems', () => {
    expect(result.summary.facts.aliasJoin).toEqual({
      referenceHeader: 'customer_id',
      memberHeader: 'customer_unique_id',
      // The cancelled order is not counted, so not joined either.
      invoices: 5,
    });
    expect(result.issues.filter((issue) => issue.code === 'merged-customers')).toEqual([]);
    expect(result.summary.facts.statuses).toEqual([
      { status: 'delivered', verdict: 'purchase', invoices: 5 },
      { status: 'canceled', verdict: 'not-purchase', invoices: 1 },
    ]);
  });
});

describe('exact money: equal spends tie whatever their line splits', () => {
  // 26 customers each spend $19.80 in a different number of lines (1 to 26 lines of whole cents); summed as
  // binary floats several of these give 19.799999999999997 or 19.800000000000004.
  // Each line names its item, so equal lines are not taken for a paste made twice.
  const rows: CellValue[][] = [['Order', 'Date', 'Customer ID', 'Item', 'Line total']];
  const splits: number[][] = [];
  for (let lines = 1; lines <= 26; lines++) {
    const cents = Array.from({ length: lines }, () => Math.floor(1980 / lines));
    cents[lines - 1]! += 1980 - cents.reduce((sum, c) => sum + c, 0);
    splits.push(cents);
    cents.forEach((c, k) =>
      rows.push([`#${lines}`, '2026-11-10', `C${lines}`, `item ${k + 1}`, `$${(c / 100).toFixed(2)}`]),
    );
  }
  // Two neighbours, a cent either side.
  rows.push(
    ['#90', '2026-11-10', 'C90', 'item 1', '$19.79'],
    ['#91', '2026-11-10', 'C91', 'item 1', '$19.81'],
  );
  const result = run({ invoices: { name: 'Orders', values: rows } });

  it('is a real trap for float sums', () => {
    const floatSums = splits.map((cents) => cents.reduce((sum, c) => sum + c / 100, 0));
    expect(floatSums.filter((sum) => sum !== 19.8).length).toBeGreaterThan(0);
  });

  it('gives all 26 exactly 19.8 and one M score, between the two neighbours', () => {
    const people = byCode(result);
    const tied = Array.from({ length: 26 }, (_, i) => people[`C${i + 1}`]!);
    expect(new Set(tied.map((customer) => customer.totalSpend))).toEqual(new Set([19.8]));
    expect(new Set(tied.map((customer) => customer.m)).size).toBe(1);
    // 28 buyers: 19.79 has w = 0 (M1); the 26 have w = 1 (1 + floor(5/28) = M1); 19.81 has w = 27 (M5).
    expect(people.C90!.m).toBe(1);
    expect(tied[0]!.m).toBe(1);
    expect(people.C91!.m).toBe(5);
  });

  it('keeps totals exact to the cent', () => {
    expect(result.summary.facts.totalSales).toBe(19.8 * 26 + 19.79 + 19.81);
    expect(result.summary.facts.moneyDigits).toBe(2);
    expect(
      result.summary.segments.reduce(
        (sum, segment) => (segment.kind === 'rfm' ? sum + segment.revenue : sum),
        0,
      ),
    ).toBeCloseTo(554.4, 9);
  });
});

describe('a run that understood nothing is an error, not a result', () => {
  it('no readable date in any row: the column and the reason', () => {
    const rows: CellValue[][] = [['Mã HĐ', 'Thời gian', 'Mã KH', 'Tổng tiền']];
    for (let i = 0; i < 12; i++) rows.push([`HD${i}`, 'hôm qua', `KH${i % 3}`, '10.000']);
    const error = failure({ invoices: { name: 'Hóa đơn', values: rows } });
    expect(error.message).toContain('0 invoices counted from 12 rows');
    expect(error.message).toContain('column B ("Thời gian")');
  });

  it('0 customers: invoices without any customer column', () => {
    const rows: CellValue[][] = [['Mã HĐ', 'Thời gian', 'Tổng tiền']];
    for (let i = 0; i < 5; i++) rows.push([`HD${i}`, '22/11/2026', '10.000']);
    const error = failure({ invoices: { name: 'Hóa đơn', values: rows } });
    expect(error.message).toContain('0 customers: no column was read as a customer code, phone or email');
  });

  it('more than half the rows rejected for one reason stops; a small share is a warning on top', () => {
    const rows: CellValue[][] = [['Mã HĐ', 'Thời gian', 'Mã KH', 'Tổng tiền']];
    for (let i = 0; i < 100; i++)
      rows.push([`HD${i}`, '22/11/2026', `KH${i % 7}`, i < 60 ? 'miễn phí' : '10.000']);
    expect(failure({ invoices: { name: 'Hóa đơn', values: rows } }).message).toContain(
      'more than half rejected: 60 of 100 invoices have no readable amount in column D ("Tổng tiền")',
    );
    const few = rows.map((row, i) => (i > 5 && i <= 60 ? [row[0], row[1], row[2], '10.000'] : row));
    const result = run({ invoices: { name: 'Hóa đơn', values: few } });
    expect(result.summary.facts.warnings).toEqual([
      'Hóa đơn: 5 of 100 invoices have no readable amount in column D ("Tổng tiền") (read as Invoice total).',
    ]);
    expect(result.plan.tabs[0]!.blocks[0]!.id).toBe('warnings');
  });

  it('shares of invoice-level reasons are of invoices, not of product lines', () => {
    // Three lines per invoice, as KiotViet's detail export: 6 of 10 invoices (18 of 30 lines) have no date.
    const rows: CellValue[][] = [['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Mã hàng', 'Thành tiền']];
    for (let i = 0; i < 10; i++)
      for (let line = 0; line < 3; line++)
        rows.push([
          `HD${i}`,
          i < 6 || line > 0 ? '' : '20/11/2026 10:00',
          `KH${i % 3}`,
          `SP${line}`,
          '10.000',
        ]);
    expect(failure({ invoices: { name: 'Hóa đơn', values: rows } }).message).toContain(
      'more than half rejected: 6 of 10 invoices have no readable date in column B ("Thời gian")',
    );
  });

  it('in Vietnamese too', () => {
    const rows: CellValue[][] = [['Mã HĐ', 'Thời gian', 'Tổng tiền']];
    for (let i = 0; i < 5; i++) rows.push([`HD${i}`, '22/11/2026', '10.000']);
    expect(failure({ invoices: { name: 'Hóa đơn', values: rows } }, { language: 'vi' }).message).toContain(
      '0 khách hàng',
    );
  });
});

test('a return invoice nets against the spend, is no purchase, and is listed in Data issues', () => {
  const rows: CellValue[][] = [
    ['Mã HĐ', 'Thời gian', 'Mã KH', 'Tổng tiền'],
    ['HD1', '20/11/2026', 'KH1', '300.000'],
    ['TH1', '25/11/2026', 'KH1', '-100.000'],
    ['HD2', '21/11/2026', 'KH2', '50.000'],
  ];
  const result = run({ invoices: { name: 'Hóa đơn', values: rows } });
  expect(byCode(result).KH1).toMatchObject({ frequency: 1, totalSpend: 200_000, recencyDays: 10 });
  expect(result.issues.filter((issue) => issue.code === 'non-positive-invoice')).toMatchObject([
    { sheet: 'Hóa đơn', row: 3, value: 'TH1' },
  ]);
});

test('without per-segment tabs, the Customers tab holds everyone and the Summary every segment', () => {
  const rows: CellValue[][] = [['Mã HĐ', 'Thời gian', 'Mã KH', 'Tổng tiền']];
  for (let i = 0; i < 30; i++)
    rows.push([`HD${i}`, `${(i % 27) + 1}/11/2026`, `KH${i % 9}`, `${(i + 1) * 10}.000`]);
  const input = { invoices: { name: 'Hóa đơn', values: rows } };
  const all = run(input);
  const without = run(input, { segmentTabs: false });
  expect(all.plan.tabs.some((tab) => tab.role === 'segment')).toBe(true);
  // The Portraits tab is one tab, kept when per-segment tabs are off.
  expect(without.plan.tabs.map((tab) => tab.role)).toEqual(['summary', 'customers', 'portraits', 'issues']);
  expect(without.plan.tabs[1]!.blocks[0]!.rows).toHaveLength(9);
  expect(without.summary.segments).toEqual(
    all.summary.segments.map((segment) => ({ ...segment, tabKey: segment.tabKey && undefined })),
  );
});
