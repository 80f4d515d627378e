/**
 * The sidebar's filter-segment functions through the built bundle on the emulator: listing (starters while no
 * definitions tab exists), the live count (reads each input tab once, writes nothing), and saving, renaming,
 * switching off and deleting rows of the owned definitions tab, never a user's tab of the same name.
 */
import type { FilterCount, FilterDataRequest, FilterSegmentList } from '../../src/shared/api';
import { metadataOf, sheetToValues } from '../emulator';
import {
  call,
  openShop,
  paste,
  selection,
  SETTINGS,
  tabValues,
  type CustomerRow,
  type InvoiceRow,
} from './small-shop';

const CUSTOMERS: CustomerRow[] = [
  ['KH001', 'Nguyễn Văn An', '0901000001', 'Hà Nội', 'vip, sỉ'],
  ['KH002', 'Trần Thị Bình', '0901000002', 'TP. Hồ Chí Minh', 'vip'],
  ['KH003', 'Lê Minh Chi', '0901000003', 'Ha Noi', ''],
  ['KH004', 'Phạm Quốc Dũng', '0901000004', 'HÀ NỘI', ''],
];
// An 3 invoices, Bình 3, Chi 1, Dũng none.
const INVOICES: InvoiceRow[] = [
  ['HD001', '01/11/2026 10:00', 'KH001', '500.000'],
  ['HD002', '10/11/2026 10:00', 'KH001', '500.000'],
  ['HD003', '20/11/2026 10:00', 'KH001', '500.000'],
  ['HD004', '02/11/2026 10:00', 'KH002', '200.000'],
  ['HD005', '12/11/2026 10:00', 'KH002', '200.000'],
  ['HD006', '22/11/2026 10:00', 'KH002', '200.000'],
  ['HD007', '15/11/2026 10:00', 'KH003', '100.000'],
];

function shopWithData() {
  const shop = openShop();
  paste(shop, CUSTOMERS, INVOICES);
  const data: FilterDataRequest = { ...selection(shop), settings: SETTINGS('2026-11-30'), language: 'vi' };
  return { shop, data };
}

describe('countFilterSegment', () => {
  test('counts the members a run would put in the tab, with sample names, reading each tab once and writing nothing', () => {
    const { shop, data } = shopWithData();
    const before = shop.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName());
    shop.emulator.resetCalls();
    // Hà Nội, however it is typed (Hà Nội, Ha Noi, HÀ NỘI), with at least one invoice: An and Chi.
    const count = call<FilterCount>(shop, 'countFilterSegment', {
      ...data,
      definition: 'city = "Hà Nội" AND invoices >= 1',
    });
    expect(count).toEqual({
      ok: true,
      count: 2,
      customers: 4,
      asOf: '2026-11-30',
      samples: ['Nguyễn Văn An', 'Lê Minh Chi'],
    });
    // Each input tab read once: getDataRange().getValues() (documented on an empty sheet; issue 16).
    expect(shop.emulator.calls.of('Range.getValues')).toBe(2);
    expect(shop.emulator.calls.of('Sheet.getDataRange')).toBe(2);
    for (const write of [
      'Range.setValues',
      'Range.setValue',
      'Spreadsheet.insertSheet',
      'Sheet.addDeveloperMetadata',
    ])
      expect(shop.emulator.calls.of(write)).toBe(0);
    expect(shop.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(before);
  });

  test('tags are a list: CONTAINS finds a tag among several', () => {
    const { shop, data } = shopWithData();
    const count = call<FilterCount>(shop, 'countFilterSegment', {
      ...data,
      definition: 'tags CONTAINS "vip"',
    });
    expect(count).toMatchObject({ ok: true, count: 2, samples: ['Nguyễn Văn An', 'Trần Thị Bình'] });
  });

  test('a definition that does not parse is answered with its position, in the sidebar’s language, before any data is read', () => {
    const { shop, data } = shopWithData();
    shop.emulator.resetCalls();
    const definition = 'invoices >= 3 AND citty = "Huế"';
    expect(call<FilterCount>(shop, 'countFilterSegment', { ...data, definition })).toEqual({
      ok: false,
      problem: { position: 19, message: 'Không có trường "citty" ở cột 19 — có phải ý bạn là "city"?' },
    });
    expect(call<FilterCount>(shop, 'countFilterSegment', { ...data, language: 'en', definition })).toEqual({
      ok: false,
      problem: { position: 19, message: 'unknown field "citty" at column 19 — did you mean "city"?' },
    });
    expect(shop.emulator.calls.of('Sheet.getSheetValues')).toBe(0);
  });
});

describe('the definitions tab', () => {
  test('without a tab, the list is the starters (off), and per-store starters need the data', () => {
    const { shop, data } = shopWithData();
    const list = call<FilterSegmentList>(shop, 'listFilterSegments', 'vi', null);
    expect(list.tab).toBeNull();
    expect(list.segments.length).toBeGreaterThan(5);
    expect(list.segments.every((segment) => !segment.enabled && segment.problem === null)).toBe(true);
    expect(list.starters.map((starter) => starter.name)).toContain('Khách quen (từ 3 hóa đơn)');
    // This shop's invoices have no store column: no per-store starter, even with the data.
    const withData = call<FilterSegmentList>(shop, 'listFilterSegments', 'vi', data);
    expect(withData.starters.map((starter) => starter.id)).toEqual(
      list.starters.map((starter) => starter.id),
    );
    expect(shop.emulator.spreadsheet.getSheetByName('Phân khúc lọc')).toBeNull();
  });

  test('a user tab named like ours is left alone; ours is created owned, beside it, with a free name', () => {
    const { shop } = shopWithData();
    const user = shop.emulator.spreadsheet.insertSheet('Phân khúc lọc');
    user.getRange(1, 1, 2, 2).setValues([
      ['Ghi chú', 'Ai'],
      ['Gọi lại khách VIP', 'Lan'],
    ]);
    const list = call<FilterSegmentList>(
      shop,
      'saveFilterSegment',
      { name: 'Hà Nội', colour: '#1E88E5', definition: 'city = "Hà Nội"', enabled: true, abGroups: null },
      null,
      'vi',
    );
    expect(list.tab).toBe('Phân khúc lọc (2)');
    expect(sheetToValues(user)).toEqual([
      ['Ghi chú', 'Ai'],
      ['Gọi lại khách VIP', 'Lan'],
    ]);
    // The only mark is on our tab.
    expect(metadataOf(shop.emulator).map(({ sheet, value }) => [sheet, JSON.parse(value!).role])).toEqual([
      ['Phân khúc lọc (2)', 'definitions'],
    ]);
    const ours = shop.emulator.spreadsheet.getSheetByName('Phân khúc lọc (2)')!;
    const rows = sheetToValues(ours);
    expect(rows[0]).toEqual([
      'Tên (Name)',
      'Màu (Colour)',
      'Điều kiện (Definition)',
      'Bật (Enabled)',
      'Nhóm A/B (A/B groups)',
    ]);
    // The starters first (off), then the saved segment, its colour as #rrggbb in lower case.
    expect(rows.at(-1)).toEqual(['Hà Nội', '#1e88e5', 'city = "Hà Nội"', true, '']);
    expect(rows.filter((row) => row[3] === true)).toHaveLength(1);
  });

  test('save, rename, switch off, delete: one row per segment, found by name whatever its case', () => {
    const { shop } = shopWithData();
    const save = (draft: object, original: string | null) =>
      call<FilterSegmentList>(shop, 'saveFilterSegment', draft, original, 'en');
    save(
      { name: 'VIP tags', colour: '#f9a825', definition: 'tags CONTAINS "vip"', enabled: true, abGroups: 2 },
      null,
    );
    let list = save(
      {
        name: 'VIP  khách ',
        colour: '#f9a825',
        definition: 'tags CONTAINS "vip"',
        enabled: true,
        abGroups: 3,
      },
      'vip TAGS',
    );
    const names = () => list.segments.map((segment) => segment.name);
    expect(list.tab).toBe('Filter segments');
    expect(names().filter((name) => name.startsWith('VIP '))).toEqual(['VIP khách']);
    expect(list.segments.find((segment) => segment.name === 'VIP khách')).toMatchObject({
      abGroups: 3,
      enabled: true,
    });

    list = call<FilterSegmentList>(shop, 'setFilterSegmentEnabled', 'vip KHÁCH', false, 'en');
    expect(list.segments.find((segment) => segment.name === 'VIP khách')?.enabled).toBe(false);
    const count = list.segments.length;
    list = call<FilterSegmentList>(shop, 'deleteFilterSegment', 'VIP khách', 'en');
    expect(list.segments).toHaveLength(count - 1);
    expect(names()).not.toContain('VIP khách');
    // The tab holds exactly the listed rows: the removed row is blanked, not left behind.
    const values = tabValues(shop, 'Filter segments').filter((row) => row[0] !== '');
    expect(values.slice(1).map((row) => row[0])).toEqual(names());
  });

  test('a definition broken in the tab itself is listed with its problem in the sidebar’s language', () => {
    const { shop } = shopWithData();
    const saved = call<FilterSegmentList>(
      shop,
      'saveFilterSegment',
      { name: 'Khách Huế', colour: '#1e88e5', definition: 'city = "Huế"', enabled: true, abGroups: null },
      null,
      'vi',
    );
    // Staff edit the definitions tab as text: the closing quote and bracket go missing.
    const row = tabValues(shop, saved.tab!).findIndex((r) => r[0] === 'Khách Huế') + 1;
    shop.emulator.spreadsheet
      .getSheetByName(saved.tab!)!
      .getRange(row, 3)
      .setValue('(city = "Huế" OR invoices >= 3');
    const problem = (language: string) =>
      call<FilterSegmentList>(shop, 'listFilterSegments', language, null).segments.find(
        (segment) => segment.name === 'Khách Huế',
      )?.problem;
    expect(problem('vi')).toEqual({ position: 1, message: 'Thiếu ")" cho "(" mở ở cột 1' });
    expect(problem('en')).toEqual({ position: 1, message: 'unclosed "(" opened at column 1' });
  });

  test('what the server refuses, in the user’s words', () => {
    const { shop } = shopWithData();
    const save =
      (draft: object, original: string | null = null) =>
      () =>
        call(shop, 'saveFilterSegment', draft, original, 'vi');
    const ok = { name: 'Khách Hà Nội', colour: '#1e88e5', definition: 'city = "Hà Nội"', enabled: true };
    expect(save({ ...ok, definition: 'city = Hà Nội' })).toThrow(
      'Điều kiện lỗi ở ký tự 11: Cần AND hoặc OR ở cột 11, nhưng gặp "Nội" — chữ có khoảng trắng phải đặt trong ngoặc kép ("…")',
    );
    expect(save({ ...ok, name: '  ' })).toThrow('Hãy đặt tên cho phân khúc.');
    expect(save({ ...ok, colour: 'red' })).toThrow('Màu "red" không hợp lệ (cần #rrggbb).');
    expect(save({ ...ok, abGroups: 7 })).toThrow('Số nhóm A/B phải từ 2 đến 5.');
    expect(save(ok, 'Không có')).toThrow('Không có phân khúc lọc nào tên "Không có".');
    // A starter is already called "Khách VIP": a second segment may not take the name (case aside).
    expect(save({ ...ok, name: 'khách vip' })).toThrow('Đã có phân khúc tên "Khách VIP"');
    // Nothing above wrote anything.
    expect(shop.emulator.spreadsheet.getSheetByName('Phân khúc lọc')).toBeNull();
  });

  test('a save waits for a run holding the document lock, then says a run is in progress', () => {
    const { shop } = shopWithData();
    shop.emulator.locks.holdElsewhere('document');
    expect(() =>
      call(
        shop,
        'saveFilterSegment',
        { name: 'A', colour: '#000000', definition: 'invoices = 1', enabled: true },
        null,
        'en',
      ),
    ).toThrow('A run is in progress in this spreadsheet. Wait for it to finish, then save again.');
  });
});
