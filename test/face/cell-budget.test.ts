/**
 * A shop too large for one spreadsheet (issue 16): 300,000 invoice rows hold about 8.6 million input cells,
 * so the results cannot fit beside them under Sheets' 10,000,000-cell limit. The run says so with the
 * figures and the ways out before writing anything: no tab is added, none is changed.
 */
import { generateShop, SAMPLE_OPTIONS, sheetValues } from '../../scripts/shop-generator.cjs';
import { sheetNames } from '../emulator';
import { CELL_LIMIT } from '../emulator/world';
import { callRun, prepareRun } from './full-run';

test('a 300k-row shop gets the budget message and no partial write', () => {
  const shop = generateShop({
    ...SAMPLE_OPTIONS,
    seed: 'face-300k',
    invoiceRows: 300_000,
    customers: 30_000,
  });
  const { session, request } = prepareRun(sheetValues(shop.invoices), sheetValues(shop.customers));
  const { emulator } = session;
  const names = sheetNames(emulator);
  const cells = emulator.world.book.cellCount();
  expect(cells).toBeLessThan(CELL_LIMIT);
  emulator.resetCalls();
  let message = '';
  try {
    callRun(session, request);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(
    /^Kết quả không vừa bảng tính: cần khoảng [\d.]+ ô, mà một bảng tính Google chỉ chứa tối đa 10\.000\.000 ô\. Dữ liệu đầu vào chiếm [\d.]+ ô/,
  );
  expect(message).toMatch(/Chưa ghi gì; các tab trước đó vẫn giữ nguyên\./);
  expect(message).toMatch(/xóa các cột và dòng trống của sheet đầu vào \(chúng chiếm [\d.]+ ô\)/);
  expect(message).toMatch(/dòng lệnh/);
  expect(sheetNames(emulator)).toEqual(names);
  expect(emulator.world.book.cellCount()).toBe(cells);
  // Not one document write: the check comes before the first.
  const writes = Object.keys(emulator.calls.toRecord()).filter(
    (method) =>
      /^(Spreadsheet|Sheet|Range)\.(set|insert|delete|create|add|hide)/.test(method) &&
      method !== 'Spreadsheet.createDeveloperMetadataFinder',
  );
  expect(writes).toEqual([]);
}, 300_000);
