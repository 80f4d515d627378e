import { createEmulator } from '../emulator';

/** A generated invoice export: 200,000 rows × 12 columns of realistic cells. */
function invoiceRows(count: number): (string | number | Date)[][] {
  const rows: (string | number | Date)[][] = [];
  for (let i = 0; i < count; i++) {
    rows.push([
      `HD${String(i).padStart(6, '0')}`,
      new Date(Date.UTC(2026, i % 12, (i % 28) + 1, 3)),
      `KH${i % 5000}`,
      'Nguyễn Thị Lan',
      `09${String(10_000_000 + i).slice(-8)}`,
      125_000 + (i % 97) * 1000,
      i % 3,
      'Chi nhánh Quận 1',
      'Hồ Chí Minh',
      i % 50 === 0 ? 'Đã hủy' : 'Hoàn thành',
      'POS',
      (i % 7) * 0.05,
    ]);
  }
  return rows;
}

// Speed is measured by `npm run bench`, not here: this checks that a 200k-row export keeps its types and formats.
test('200,000 × 12 cells: text-formatted phones keep their zero, dates stay dates, money shows in đồng', () => {
  const emulator = createEmulator({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
  const rows = invoiceRows(200_000);
  const sheet = emulator.spreadsheet.insertSheet('Hóa đơn');
  sheet.insertRowsAfter(1000, 199_000);
  const range = sheet.getRange(1, 1, 200_000, 12);
  const formats = rows.map(() => [
    '@',
    'dd/mm/yyyy',
    '@',
    '@',
    '@',
    '#,##0 ₫',
    '0',
    '@',
    '@',
    '@',
    '@',
    '0%',
  ]);

  range.setNumberFormats(formats);
  range.setValues(rows);
  const values = range.getValues();
  const display = range.getDisplayValues();

  expect(values).toHaveLength(200_000);
  expect(values[1]![4]).toBe('0910000001');
  expect((values[1]![1] as Date).getTime()).toBe(Date.UTC(2026, 1, 2, 3));
  expect(display[1]!.slice(0, 6)).toEqual([
    'HD000001',
    '02/02/2026',
    'KH1',
    'Nguyễn Thị Lan',
    '0910000001',
    '126.000 ₫',
  ]);
  expect(display[199_999]![0]).toBe('HD199999');
});
