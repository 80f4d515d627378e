/** Tabs speak the run language: customer columns show labels, not stored ids, and data issues are worded per language. */
import { runEngine } from '../../../src/core/engine';
import type { Language } from '../../../src/core/options';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

function customersTab(language: Language) {
  const result = runEngine(
    {
      invoices: {
        name: 'Hóa đơn',
        values: [
          ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Khách cần trả'],
          ['HD001', '13/11/2026 09:00', 'KH001', '120.000'],
          ['HD002', '14/11/2026 10:00', 'KH002', '80.000'],
        ],
      },
      customers: {
        name: 'Khách hàng',
        values: [
          ['Mã khách hàng', 'Tên khách hàng', 'Giới tính', 'Khu vực giao hàng'],
          ['KH001', 'Nguyễn Thị Lan', 'Nữ', 'Hà Nội - Quận Ba Đình'],
          ['KH002', 'Trần Văn Minh', '', 'TP.HCM - Phường Tân Định'],
        ],
      },
    },
    {
      ...DEFAULT_OPTIONS,
      asOf: '2026-11-22',
      now: Date.UTC(2026, 10, 22, 5),
      timeZone: 'Asia/Ho_Chi_Minh',
      language,
    },
  );
  const tab = result.plan.tabs.find((candidate) => candidate.role === 'customers')!;
  const block = tab.blocks[0]!;
  const column = (header: string) => block.columns.findIndex((c) => c.header === header);
  return { block, column };
}

test.each([
  ['vi', 'Miền', 'Giới tính', ['Miền Bắc', 'Nữ'], ['Miền Nam', '']],
  ['en', 'Region', 'Gender', ['North', 'Female'], ['South', '']],
] as const)(
  '%s: region and gender in the run language; an unknown gender stays blank',
  (language, region, gender, lan, minh) => {
    const { block, column } = customersTab(language);
    const shown = (name: string) => {
      const row = block.rows.find((candidate) => candidate.includes(name))!;
      return [row[column(region)], row[column(gender)]];
    };
    expect(shown('Nguyễn Thị Lan')).toEqual(lan);
    expect(shown('Trần Văn Minh')).toEqual(minh);
  },
);

describe('Data-issues details speak the run language', () => {
  const values = [
    ['Mã khách hàng', 'Tên khách hàng', 'Điện thoại'],
    ['KH001', 'Nguyễn Thị Lan', '0901234567'],
    ['KH002', 'Trần Văn Minh', '0912345678'],
    ['KH002', 'Trần Văn Minh', '0912345678'],
    ['KH045', 'Nguyễn Thị Lan', '+84 90 123 4567'],
  ];
  const details = (language: Language) => {
    const result = runEngine(
      {
        invoices: {
          name: 'Hóa đơn',
          values: [
            ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Khách cần trả'],
            ['HD001', '13/11/2026 09:00', 'KH001', '120.000'],
          ],
        },
        customers: { name: 'Khách hàng', values },
      },
      {
        ...DEFAULT_OPTIONS,
        asOf: '2026-11-22',
        now: Date.UTC(2026, 10, 22, 5),
        timeZone: 'Asia/Ho_Chi_Minh',
        language,
      },
    );
    const tab = result.plan.tabs.find((candidate) => candidate.role === 'issues')!;
    return tab.blocks[0]!.rows.map((row) => [row[1], row[4], row[5]]);
  };

  test('vi: the duplicate names its earlier row, the merge names the first row, the shared phone and its code', () => {
    expect(details('vi')).toEqual([
      ['4', 'Dòng trùng', 'Giống hệt dòng 3 ở mọi cột (dán hai lần?): chỉ tính một lần.'],
      ['5', 'Gộp khách hàng', 'Trùng số điện thoại 0901234567 với dòng 2 (KH001): gộp thành một khách hàng.'],
    ]);
  });

  test("en: the engine's own words", () => {
    expect(details('en')).toEqual([
      ['4', 'Duplicate row', 'Same as row 3 in every column (pasted twice?): counted once.'],
      ['5', 'Customers merged', expect.stringContaining('with row 2')],
    ]);
  });
});
