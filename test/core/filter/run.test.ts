import { abGroup } from '../../../src/core/filter/ab-split';
import {
  describeFilterSegmentError,
  evaluateFilterSegments,
  type SavedFilterSegment,
} from '../../../src/core/filter/run';
import { AS_OF, makeCustomer, makeProspect } from './customer-factory';

const ctx = { asOfDay: AS_OF };

const customers = [
  makeCustomer({ name: 'Lan', city: 'Hà Nội', frequency: 1, tags: ['sinh viên'] }),
  makeCustomer({ name: 'Minh', city: 'TP Hồ Chí Minh', frequency: 5, tags: ['vip'] }),
  makeCustomer({ name: 'Hoa', city: 'Ha Noi', frequency: 3, tags: [] }),
  makeProspect({ name: 'Tuấn', city: 'Đà Nẵng', tags: ['vip'] }),
];

const segment = (
  name: string,
  definition: string,
  extra: Partial<SavedFilterSegment> = {},
): SavedFilterSegment => ({
  name,
  colour: '#1E88E5',
  definition,
  enabled: true,
  ...extra,
});

describe('evaluateFilterSegments', () => {
  test('a broken definition is reported with the segment and column; the others still run', () => {
    const { results, errors } = evaluateFilterSegments(
      [
        segment('Khách Hà Nội', 'city = "Hà Nội"'),
        segment('Sai chính tả', 'citty = "Hà Nội" AND invoices >= 1'),
        segment('VIP tags', 'tags CONTAINS vip'),
      ],
      customers,
      ctx,
    );
    expect(results).toEqual([
      { name: 'Khách Hà Nội', colour: '#1e88e5', memberIndexes: [0, 2] },
      { name: 'VIP tags', colour: '#1e88e5', memberIndexes: [1, 3] },
    ]);
    expect(errors).toEqual([
      {
        name: 'Sai chính tả',
        position: 1,
        message: 'unknown field "citty" at column 1 — did you mean "city"?',
      },
    ]);
    expect(describeFilterSegmentError(errors[0]!)).toBe(
      'Filter segment "Sai chính tả": unknown field "citty" at column 1 — did you mean "city"?',
    );
  });

  test('disabled segments are neither run nor reported', () => {
    const { results, errors } = evaluateFilterSegments(
      [segment('Off', 'this is not a filter', { enabled: false }), segment('Loyal', 'invoices >= 3')],
      customers,
      ctx,
    );
    expect(results.map((result) => result.name)).toEqual(['Loyal']);
    expect(errors).toEqual([]);
  });

  test('an RFM segment is split into A/B groups by a filter segment on it, named by id or by its label', () => {
    const shop = [
      makeCustomer({ name: 'Lan', segmentId: 'champions' }),
      makeCustomer({ name: 'Minh', segmentId: 'lost' }),
      makeCustomer({ name: 'Hoa', segmentId: 'champions' }),
    ];
    const { results, errors } = evaluateFilterSegments(
      [
        segment('Champions A/B', 'segment = champions', { abGroups: 2 }),
        segment('Xuất sắc A/B/C', 'segment = "Khách hàng xuất sắc"', { abGroups: 3 }),
      ],
      shop,
      ctx,
    );
    expect(errors).toEqual([]);
    expect(results.map((result) => result.memberIndexes)).toEqual([
      [0, 2],
      [0, 2],
    ]);
    expect(results[0]!.groups).toEqual([0, 2].map((i) => abGroup(shop[i]!.key, 'Champions A/B', 2)));
    expect(results[1]!.groups).toEqual([0, 2].map((i) => abGroup(shop[i]!.key, 'Xuất sắc A/B/C', 3)));
  });

  test('an A/B split gives each member the group of the deterministic hash', () => {
    const { results } = evaluateFilterSegments(
      [
        segment('Mua lại', 'invoices >= 1', { abGroups: 2 }),
        segment('No split', 'invoices >= 1', { abGroups: 1 }),
      ],
      customers,
      ctx,
    );
    expect(results[0]!.memberIndexes).toEqual([0, 1, 2]);
    expect(results[0]!.groups).toEqual([0, 1, 2].map((i) => abGroup(customers[i]!.key, 'Mua lại', 2)));
    expect(results[1]!.groups).toBeUndefined();
  });

  test('rows with no name, a repeated name or a bad A/B count are skipped and reported; a bad colour runs grey', () => {
    const { results, errors } = evaluateFilterSegments(
      [
        segment('  ', 'invoices >= 1'),
        segment('Loyal', 'invoices >= 3'),
        segment('LOYAL', 'invoices >= 5'),
        segment('Split', 'invoices >= 1', { abGroups: 7 }),
        segment('Blue', 'invoices >= 1', { colour: 'blue' }),
      ],
      customers,
      ctx,
    );
    expect(results.map((result) => [result.name, result.colour])).toEqual([
      ['Loyal', '#1e88e5'],
      ['Blue', '#9e9e9e'],
    ]);
    expect(errors).toEqual([
      { name: '', position: 0, message: 'a segment with the definition "invoices >= 1" has no name' },
      {
        name: 'LOYAL',
        position: 0,
        message: 'another segment is already named "LOYAL"; this one is skipped',
      },
      { name: 'Split', position: 0, message: 'A/B groups must be 2 to 5 (or empty for no split), found 7' },
      {
        name: 'Blue',
        position: 0,
        message: 'colour "blue" is not a #rrggbb colour; the tab uses grey #9e9e9e',
      },
    ]);
  });

  test('in a Vietnamese run every report is in Vietnamese, naming the segment, the column and the token', () => {
    const { results, errors } = evaluateFilterSegments(
      [
        segment('Khách Hà Nội', 'city = "Hà Nội"'),
        segment('Sai chính tả', 'ctiy = "Hà Nội" AND invoices >= 1'),
        segment('Thiếu ngoặc', '(invoices >= 1 OR tags CONTAINS "vip"'),
        segment('  ', 'invoices >= 1'),
        segment('khách hà nội', 'invoices >= 5'),
        segment('Chia nhóm', 'invoices >= 1', { abGroups: 9 }),
        segment('Màu lạ', 'invoices >= 1', { colour: 'xanh' }),
      ],
      customers,
      ctx,
      'vi',
    );
    expect(results.map((result) => result.name)).toEqual(['Khách Hà Nội', 'Màu lạ']);
    expect(errors).toEqual([
      {
        name: 'Sai chính tả',
        position: 1,
        message: 'Không có trường "ctiy" ở cột 1 — có phải ý bạn là "city"?',
      },
      { name: 'Thiếu ngoặc', position: 1, message: 'Thiếu ")" cho "(" mở ở cột 1' },
      { name: '', position: 0, message: 'Một phân khúc có điều kiện "invoices >= 1" chưa có tên' },
      {
        name: 'khách hà nội',
        position: 0,
        message: 'Đã có một phân khúc khác tên "khách hà nội"; phân khúc này bị bỏ qua',
      },
      {
        name: 'Chia nhóm',
        position: 0,
        message: 'Số nhóm A/B phải từ 2 đến 5 (để trống nếu không chia), nhưng là 9',
      },
      {
        name: 'Màu lạ',
        position: 0,
        message: 'Màu "xanh" không phải dạng #rrggbb; tab dùng màu xám #9e9e9e',
      },
    ]);
    expect(describeFilterSegmentError(errors[0]!, 'vi')).toBe(
      'Phân khúc lọc "Sai chính tả": Không có trường "ctiy" ở cột 1 — có phải ý bạn là "city"?',
    );
    expect(describeFilterSegmentError(errors[1]!, 'vi')).toBe(
      'Phân khúc lọc "Thiếu ngoặc": Thiếu ")" cho "(" mở ở cột 1.',
    );
  });
});
