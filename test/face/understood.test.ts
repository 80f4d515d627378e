/**
 * A run that understood nothing, through the built bundle as the sidebar drives it: the run stops with a message
 * naming the sheet, the column and the reason, writes no tab at all, and leaves the user's tabs as they were.
 */
import { sheetNames } from '../emulator';
import { callRun, prepareRun } from './full-run';

test('every date unreadable: an error naming the column, in Vietnamese, and no tab written', () => {
  const invoices: unknown[][] = [
    ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Khách cần trả'],
    ...Array.from({ length: 20 }, (_, i) => [`HD${i}`, 'hôm qua', `KH${i % 4}`, '120.000']),
  ];
  const prepared = prepareRun(invoices, null);
  const before = sheetNames(prepared.session.emulator);
  expect(() => callRun(prepared.session, prepared.request)).toThrow(
    'Sheet "Hóa đơn": 0 hóa đơn được tính từ 20 dòng: 20/20 hóa đơn không có ngày đọc được ở cột B ("Thời gian")',
  );
  expect(sheetNames(prepared.session.emulator)).toEqual(before);
});

test('no customer column at all: 0 customers is an error, not an empty result', () => {
  const invoices: unknown[][] = [
    ['Mã hóa đơn', 'Thời gian', 'Khách cần trả'],
    ...Array.from({ length: 8 }, (_, i) => [`HD${i}`, `2${i}/11/2026 10:00`, '50.000']),
  ];
  const prepared = prepareRun(invoices, null);
  const before = sheetNames(prepared.session.emulator);
  expect(() => callRun(prepared.session, prepared.request)).toThrow('0 khách hàng');
  expect(sheetNames(prepared.session.emulator)).toEqual(before);
});
