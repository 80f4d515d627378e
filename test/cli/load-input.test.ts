import { applyColumnMap, checkColumnMap, columnIndex, InputError } from '../../src/cli/load-input';
import type { SheetInput } from '../../src/core/options';

const SAPO: SheetInput = {
  name: 'Đơn hàng',
  values: [
    ['Báo cáo đơn hàng Sapo', '', '', '', ''],
    ['Mã đơn', 'Ngày tạo', 'SĐT người mua', 'Tổng tiền', 'Tag'],
    ['SON001', '15/10/2026', '0903123456', '1.200.000', 'vip'],
  ],
};

describe('applyColumnMap', () => {
  it('maps header texts, compared without case or diacritics, and fixes the header row they sit on', () => {
    const sheet = applyColumnMap(SAPO, 'invoices', { invoiceCode: 'MA DON', phone: 'sđt người mua' }, 'en');
    expect(sheet.columnMap).toEqual({ invoiceCode: 0, phone: 2 });
    expect(sheet.headerRow).toBe(1);
  });

  it('maps column letters, and a letter-like header to its own column', () => {
    const sheet = applyColumnMap(SAPO, 'invoices', { invoiceTotal: 'D', tags: 'Tag' }, 'en');
    expect(sheet.columnMap).toEqual({ invoiceTotal: 3, tags: 4 });
    expect(sheet.headerRow).toBeUndefined();
  });

  it('refuses a header that is not there, listing the headers seen', () => {
    expect(() => applyColumnMap(SAPO, 'invoices', { invoiceTotal: 'Khách cần trả' }, 'en')).toThrow(
      new InputError(
        '--map: no column "Khách cần trả" in sheet "Đơn hàng". Seen: Mã đơn, Ngày tạo, SĐT người mua, Tổng tiền, Tag.',
      ),
    );
  });

  it('refuses a column letter past the last column', () => {
    expect(() => applyColumnMap(SAPO, 'invoices', { invoiceTotal: 'K' }, 'vi')).toThrow(
      '--map: invoices.invoiceTotal = "K": sheet "Đơn hàng" không có cột này (chỉ có 5 cột).',
    );
  });
});

describe('checkColumnMap', () => {
  it('accepts both sheet kinds and trims the names', () => {
    expect(checkColumnMap({ invoices: { date: ' Ngày tạo ' }, customers: { phone: 'C' } }, 'm.json')).toEqual(
      {
        invoices: { date: 'Ngày tạo' },
        customers: { phone: 'C' },
      },
    );
  });

  it.each([
    [
      [],
      '--map m.json: expected an object such as {"invoices": {"invoiceCode": "Mã hóa đơn"}, "customers": {...}}.',
    ],
    [{ orders: {} }, '--map m.json: "orders" is not a sheet kind; use "invoices" and "customers".'],
    [
      { invoices: ['A'] },
      '--map m.json: "invoices" must map field names to headers, e.g. {"phone": "Điện thoại"}.',
    ],
    [{ invoices: { date: 3 } }, '--map m.json: invoices.date must be a header text or a column letter.'],
    [{ customers: { invoiceCode: 'A' } }, '--map m.json: "invoiceCode" is not a field of customers.'],
  ])('refuses %j', (json, message) => {
    expect(() => checkColumnMap(json, 'm.json')).toThrow(message);
  });
});

describe('columnIndex', () => {
  it('reads column letters as A1 notation does', () => {
    expect([
      columnIndex('A'),
      columnIndex('z'),
      columnIndex('AA'),
      columnIndex('AZ'),
      columnIndex('BA'),
    ]).toEqual([0, 25, 26, 51, 52]);
  });
});
