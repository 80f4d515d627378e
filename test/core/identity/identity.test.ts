/**
 * Who is who (design.md §2): a customer is one member code; where codes are missing, one phone, then one email.
 * These go through runEngine, as a user's sheets would, so the assertions are on what the tabs will show.
 */
import { runEngine } from '../../../src/core/engine';
import type { CellValue } from '../../../src/core/cell';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

const OPTIONS = {
  ...DEFAULT_OPTIONS,
  asOf: '2026-11-22',
  now: Date.UTC(2026, 10, 22, 5),
  timeZone: 'Asia/Ho_Chi_Minh',
  language: 'en' as const,
};

const CUSTOMER_HEADER = ['Mã khách hàng', 'Tên khách hàng', 'Điện thoại', 'Email', 'Tỉnh/Thành phố'];
const INVOICE_HEADER = ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Điện thoại', 'Email', 'Khách cần trả'];

function run(customers: CellValue[][] | null, invoices: CellValue[][]) {
  return runEngine(
    {
      invoices: { name: 'Hóa đơn', values: [INVOICE_HEADER, ...invoices] },
      customers: customers ? { name: 'Khách hàng', values: [CUSTOMER_HEADER, ...customers] } : undefined,
    },
    OPTIONS,
  );
}

describe('with a customer sheet', () => {
  const result = run(
    [
      ['KH001', 'Nguyễn Thị Lan', '0901234567', 'lan.nguyen@gmail.com', 'Hà Nội'],
      // The same person signed up again at another store: a second code, her phone spelled the +84 way.
      ['KH045', 'Nguyễn Thị Lan', '+84 90 123 4567', '', 'Hà Nội'],
      ['KH002', 'Trần Văn Minh', '0912 345 678', 'minh.tran@yahoo.com', 'TP Hồ Chí Minh'],
      ['KH003', 'Lê Thu Hà', '', 'thuha.le@gmail.com', 'Đà Nẵng'],
      // The list pasted twice: an identical row.
      ['KH002', 'Trần Văn Minh', '0912 345 678', 'minh.tran@yahoo.com', 'TP Hồ Chí Minh'],
    ],
    [
      ['HD001', '01/11/2026 09:00', 'KH001', '', '', '100.000'],
      ['HD002', '05/11/2026 10:00', 'KH045', '', '', '200.000'],
      // No code: found by phone, in yet another spelling.
      ['HD003', '10/11/2026 11:00', '', '84901234567', '', '50.000'],
      // Found by email, typed in capitals with a trailing space.
      ['HD004', '12/11/2026 12:00', '', '', 'THUHA.LE@GMAIL.COM ', '300.000'],
      ['HD005', '15/11/2026 13:00', 'KH002', '', '', '80.000'],
      // A code nobody has: counted as unmatched, reported, not dropped silently.
      ['HD006', '16/11/2026 14:00', 'KH999', '', '', '70.000'],
      // A walk-in sale: no code, no phone, no email.
      ['HD007', '17/11/2026 15:00', 'Khách lẻ', '', '', '40.000'],
    ],
  );
  const byName = (name: string) => result.customers.filter((customer) => customer.name === name);

  test('two member codes sharing one phone are one customer, and the merge is reported with both rows', () => {
    const lan = byName('Nguyễn Thị Lan');
    expect(lan).toHaveLength(1);
    expect(lan[0]!.phone).toBe('0901234567');
    expect(lan[0]!.sourceRows.sort()).toEqual([2, 3]);
    expect(result.issues.some((issue) => issue.code === 'merged-customers')).toBe(true);
  });

  test('invoices under either code, or only her phone, all count towards the merged customer', () => {
    const lan = byName('Nguyễn Thị Lan')[0]!;
    expect(lan.frequency).toBe(3);
    expect(lan.totalSpend).toBe(350_000);
  });

  test('an invoice with only an email finds the customer whatever the case and spaces', () => {
    const ha = byName('Lê Thu Hà')[0]!;
    expect([ha.frequency, ha.totalSpend]).toEqual([1, 300_000]);
  });

  test('the customer list pasted twice gives one customer and a duplicate-row issue naming the row', () => {
    expect(byName('Trần Văn Minh')).toHaveLength(1);
    const duplicate = result.issues.find(
      (issue) => issue.code === 'duplicate-row' && issue.sheet === 'Khách hàng',
    );
    expect(duplicate?.row).toBe(6);
  });

  test('a phone first seen on an invoice with her code finds her on a later invoice that has only that phone', () => {
    // Minh's card has his old number; at the till he gave his code and a new mobile, later only the new mobile.
    const learned = run(
      [['KH002', 'Trần Văn Minh', '0912 345 678', '', 'TP Hồ Chí Minh']],
      [
        ['HD101', '02/11/2026 09:00', 'KH002', '0987 654 321', '', '120.000'],
        ['HD102', '20/11/2026 18:30', '', '+84 987 654 321', '', '60.000'],
        // Both phone-only invoices are later than the one that gave the new mobile with his code.
        ['HD103', '21/11/2026 08:15', '', '0987654321', '', '30.000'],
      ],
    );
    const minh = learned.customers.find((customer) => customer.code === 'KH002')!;
    expect([minh.frequency, minh.totalSpend]).toEqual([3, 210_000]);
    expect(learned.summary.facts.unmatchedInvoices).toBe(0);
  });

  test('an invoice for an unknown code is counted as unmatched and reported with its row', () => {
    expect(result.summary.facts.unmatchedInvoices).toBe(1);
    const issue = result.issues.find((candidate) => candidate.code === 'unmatched-invoice');
    expect(issue).toMatchObject({ sheet: 'Hóa đơn', row: 7 });
    expect(result.customers.some((customer) => customer.code === 'KH999')).toBe(false);
  });

  test('a walk-in sale is counted in the facts but belongs to no customer', () => {
    expect(result.summary.facts.walkInInvoices).toBe(1);
    expect(result.customers).toHaveLength(3);
  });
});

describe('without a customer sheet', () => {
  const result = run(null, [
    ['HD001', '13/11/2026 09:00', '', '0901234567', '', '100.000'],
    ['HD002', '14/11/2026 09:00', '', '090.123.4567', '', '120.000'],
    ['HD003', '15/11/2026 09:00', '', '', 'an.pham@gmail.com', '90.000'],
    ['HD004', '16/11/2026 09:00', '', '', 'An.Pham@Gmail.com', '60.000'],
    ['HD005', '17/11/2026 09:00', 'KH010', '0987654321', '', '70.000'],
  ]);

  test('each distinct reference becomes a customer: phones in two spellings are one, emails in two cases are one', () => {
    expect(
      result.customers.map((customer) => [customer.key, customer.frequency, customer.totalSpend]).sort(),
    ).toEqual([
      ['code:KH010', 1, 70_000],
      ['email:an.pham@gmail.com', 2, 150_000],
      ['phone:0901234567', 2, 220_000],
    ]);
  });
});

describe('walk-in sales written in the customer-code column', () => {
  const result = run(null, [
    ['HD201', '13/11/2026 09:00', 'KHÁCH LẺ', '', '', '100.000'],
    ['HD202', '13/11/2026 10:00', 'Khách vãng lai', '', '', '120.000'],
    ['HD203', '13/11/2026 11:00', 'Walk-in customer', '', '', '90.000'],
    ['HD204', '13/11/2026 12:00', 'Guest', '', '', '60.000'],
    // A member code that starts like "Khách" is still a member.
    ['HD205', '13/11/2026 13:00', 'KHACH01', '', '', '70.000'],
  ]);

  test('every spelling of a walk-in is a walk-in, not a member code', () => {
    expect(result.summary.facts.walkInInvoices).toBe(4);
    expect(result.customers.map((customer) => customer.key)).toEqual(['code:KHACH01']);
  });
});

describe('duplicate invoices', () => {
  const result = run(null, [
    // A three-line invoice whose POS repeats the invoice total on every line: counted once.
    ['HD100', '20/11/2026 18:30', 'KH020', '', '', '450.000'],
    ['HD100', '20/11/2026 18:30', 'KH020', '', '', '450.000'],
    ['HD100', '20/11/2026 18:30', 'KH020', '', '', '450.000'],
    ['HD101', '21/11/2026 08:00', 'KH020', '', '', '30.000'],
  ]);

  test('an invoice code on several rows is one invoice with its total counted once', () => {
    const customer = result.customers[0]!;
    expect([customer.frequency, customer.totalSpend]).toEqual([2, 480_000]);
  });
});
