/**
 * The sidebar's pure parts, without a browser: CSV bytes and escaping, export layouts, breakpoint input, and
 * the column-map rules. The journey itself is tested in Chromium (journey.test.ts).
 */
import { assignColumn, missingGroups, sheetSelection, mappingFrom } from '../../src/sidebar/confirm-columns';
import {
  CSV_BOM,
  csvField,
  exportFileName,
  exportTable,
  internationalPhone,
  neutraliseCell,
  toCsv,
} from '../../src/sidebar/csv';
import { strings } from '../../src/sidebar/i18n';
import { breakpointPlaceholder, draftFrom, parseThresholds, toRunSettings } from '../../src/sidebar/settings';
import type { RunSettings } from '../../src/shared/api';
import { referenceCandidates, referenceData } from '../../src/sidebar/filter-reference';
import { FILTER_FIELDS, OPERATORS_BY_TYPE } from '../../src/core/filter/fields';
import { parseFilter } from '../../src/core/filter/parse';
import { initialState } from '../../src/sidebar/state';
import type { ColumnDetection } from '../../src/shared/api';

describe('CSV cells (OWASP CSV injection)', () => {
  test.each([
    ['=HYPERLINK("http://x.example","Bấm")', `'=HYPERLINK("http://x.example","Bấm")`],
    ['+SUM(1,2)', `'+SUM(1,2)`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('%j starts like a formula and gets a leading quote', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  test.each(['+84901234567', '-120000', '-1.250.000', 'Nguyễn Thị Hoa', 'a=b', 'email@shop.vn'])(
    '%j cannot run as a formula and is kept',
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );

  test('fields with a comma, a quote or a line break are quoted, inner quotes doubled', () => {
    expect(csvField('Hoa, Lan')).toBe('"Hoa, Lan"');
    expect(csvField('Cô "Bông"')).toBe('"Cô ""Bông"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('Trần Văn Nam')).toBe('Trần Văn Nam');
  });

  test('the file is BOM, CRLF-separated rows, and a final CRLF; UTF-8 bytes start EF BB BF', () => {
    const text = toCsv([
      ['Tên', 'Điện thoại'],
      ['Lê Thị Ánh', '+84901234567'],
    ]);
    expect(text).toBe(`${CSV_BOM}Tên,Điện thoại\r\nLê Thị Ánh,+84901234567\r\n`);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('export layouts', () => {
  const header = ['Tên khách hàng', 'Điện thoại', 'Email', 'Mã khách hàng', 'Phân khúc'];
  const rows = [
    ['Nguyễn Văn An', '0901234567', 'An@Shop.vn', 'KH001', 'Khách trung thành'],
    ['=cmd|calc', '0912 345 678', '', 'KH002', 'Khách trung thành'],
    ['Phạm Thu', '', 'thu@shop.vn', 'KH003', 'Khách trung thành'],
    ['Nguyễn Văn An (trùng số)', '0901234567', 'an2@shop.vn', 'KH004', 'Khách trung thành'],
  ];

  test('Vietnamese phones become +84…, one row per phone; customers with no phone are counted, not written', () => {
    expect(internationalPhone('0901234567')).toBe('+84901234567');
    expect(internationalPhone('84 90 123 4567')).toBe('+84901234567');
    expect(internationalPhone('+6591234567')).toBe('+6591234567');
    expect(internationalPhone('024 3826 4567')).toBe('+842438264567');
    expect(internationalPhone('989881185')).toBe('+84989881185');
    expect(internationalPhone('19001234')).toBeNull();
    expect(internationalPhone('n/a')).toBeNull();
    const table = exportTable(header, rows, 'phone');
    expect(table.rows).toEqual([
      ['Phone', 'Name'],
      ['+84901234567', 'Nguyễn Văn An'],
      ['+84912345678', '=cmd|calc'],
    ]);
    expect(table.skipped).toBe(1);
    expect(toCsv(table.rows)).toContain("+84912345678,'=cmd|calc\r\n");
  });

  test('the email layout keeps customers with an email, lower-cased, with their phone', () => {
    const table = exportTable(header, rows, 'email');
    expect(table.rows).toEqual([
      ['Email', 'Name', 'Phone'],
      ['an@shop.vn', 'Nguyễn Văn An', '+84901234567'],
      ['thu@shop.vn', 'Phạm Thu', ''],
      ['an2@shop.vn', 'Nguyễn Văn An (trùng số)', '+84901234567'],
    ]);
    expect(table.skipped).toBe(1);
  });

  test('English tab headers are found too; a tab without the needed column says which', () => {
    const english = ['Name', 'Phone', 'Email'];
    expect(exportTable(english, [['Ann Lee', '0987654321', '']], 'phone').rows[1]).toEqual([
      '+84987654321',
      'Ann Lee',
    ]);
    expect(exportTable(['Name'], [['Ann']], 'email').missingColumns).toEqual(['email']);
  });

  test("the tool layouts take the headers of the user's language", () => {
    expect(exportTable(header, rows, 'phone', strings('vi').presetHeaders).rows[0]).toEqual([
      'Điện thoại',
      'Tên',
    ]);
    expect(exportTable(header, rows, 'email', strings('vi').presetHeaders).rows[0]).toEqual([
      'Email',
      'Tên',
      'Điện thoại',
    ]);
    expect(exportTable(header, rows, 'phone', strings('en').presetHeaders).rows[0]).toEqual([
      'Phone',
      'Name',
    ]);
  });

  test('plain keeps the whole tab', () => {
    expect(exportTable(header, rows, 'plain').rows).toEqual([header, ...rows]);
  });

  test('file names keep Vietnamese letters and drop path characters', () => {
    expect(exportFileName('Khách trung thành', 'phone', '2026-11-22')).toBe(
      'Khách-trung-thành_phone_2026-11-22.csv',
    );
    expect(exportFileName('a/b:c*?', 'plain', '2026-11-22')).toBe('abc_plain_2026-11-22.csv');
  });
});

describe('settings', () => {
  const t = strings('vi');

  test('placeholders show as many thresholds as the levels need, in a form the box reads back', () => {
    for (const levels of [3, 4, 5] as const)
      for (const metric of ['r', 'f', 'm'] as const)
        for (const language of ['vi', 'en'] as const) {
          const example = breakpointPlaceholder(metric, levels, strings(language));
          expect(parseThresholds(example)).toHaveLength(levels - 1);
        }
    expect(breakpointPlaceholder('m', 5, strings('vi'))).toBe('500.000, 1.000.000, 2.000.000, 5.000.000');
  });

  test('thresholds read commas and Vietnamese thousands dots', () => {
    expect(parseThresholds('30, 60, 90, 180')).toEqual([30, 60, 90, 180]);
    expect(parseThresholds('500.000; 1.000.000; 2.500.000; 5.000.000')).toEqual([
      500000, 1000000, 2500000, 5000000,
    ]);
    expect(parseThresholds('1.5, 2')).toEqual([1.5, 2]);
    expect(parseThresholds('30, abc')).toBeNull();
  });

  test('breakpoints must be levels − 1 rising numbers for each metric used', () => {
    const draft = initialState('vi').settings;
    draft.scoring = 'breakpoints';
    draft.levels = 3;
    draft.metrics = 'rf';
    draft.breakpointText = { r: '30, 90', f: '2, 5', m: 'ignored' };
    expect(toRunSettings(draft, t)).toEqual({
      settings: {
        asOf: 'today',
        metrics: 'rf',
        levels: 3,
        scoring: 'breakpoints',
        monetary: 'total',
        segmentTabs: true,
        breakpoints: { r: [30, 90], f: [2, 5] },
      },
    });
    draft.breakpointText.f = '5, 2';
    expect(toRunSettings(draft, t)).toEqual({ error: 'F: Cần đúng 2 số tăng dần.' });
  });

  test('per-segment tabs can be turned off, and the setting is remembered from the last run', () => {
    const draft = initialState('en').settings;
    expect(draft.segmentTabs).toBe(true);
    draft.segmentTabs = false;
    const made = toRunSettings(draft, strings('en'));
    expect(made).toMatchObject({ settings: { segmentTabs: false } });
    const again = draftFrom((made as { settings: RunSettings }).settings, initialState('en').settings);
    expect(again.segmentTabs).toBe(false);
  });

  test('a picked as-of date is required when "pick a date" is chosen', () => {
    const draft = initialState('en').settings;
    draft.asOfMode = 'pick';
    expect(toRunSettings(draft, strings('en'))).toEqual({ error: 'Pick a date.' });
    draft.asOfDay = '2026-10-31';
    expect(toRunSettings(draft, strings('en'))).toMatchObject({ settings: { asOf: '2026-10-31' } });
  });
});

describe('column map', () => {
  const detection: ColumnDetection = {
    sheet: 'Hóa đơn',
    kind: 'invoices',
    headerRow: 2,
    headers: ['Mã hóa đơn', 'Thời gian', 'Khách cần trả', 'Ghi chú'],
    fields: [
      {
        field: 'invoiceCode',
        label: 'Mã hóa đơn',
        column: 0,
        header: 'Mã hóa đơn',
        confidence: 1,
        required: false,
      },
      { field: 'date', label: 'Ngày', column: 1, header: 'Thời gian', confidence: 0.8, required: true },
      { field: 'invoiceTotal', label: 'Tổng tiền', column: -1, header: '', confidence: 0, required: true },
      { field: 'lineTotal', label: 'Thành tiền', column: -1, header: '', confidence: 0, required: true },
      { field: 'unitPrice', label: 'Đơn giá', column: -1, header: '', confidence: 0, required: true },
    ],
    missing: ['Tổng tiền / Thành tiền / Đơn giá'],
    preview: [],
    dateOrder: 'ambiguous',
    remembered: false,
  };

  test('a required group with no column is missing until one of its fields gets a column', () => {
    const mapping = mappingFrom(detection);
    expect(missingGroups(mapping)).toEqual(['Tổng tiền / Thành tiền / Đơn giá']);
    expect(mapping.dateOrder).toBeNull();
    assignColumn(mapping, 'lineTotal', 2);
    expect(missingGroups(mapping)).toEqual([]);
  });

  test('a column holds one field: giving it to another field takes it from the first', () => {
    const mapping = mappingFrom(detection);
    assignColumn(mapping, 'invoiceTotal', 1);
    expect(mapping.columnMap).toMatchObject({ date: -1, invoiceTotal: 1 });
    expect(missingGroups(mapping)).toEqual(['Ngày']);
    expect(mapping.changed.sort()).toEqual(['date', 'invoiceTotal']);
  });

  test('the run gets the confirmed map, header row and date order; changes survive a fresh detection', () => {
    const mapping = mappingFrom(detection);
    assignColumn(mapping, 'invoiceTotal', 2);
    mapping.dateOrder = 'mdy';
    const again = mappingFrom(
      { ...detection, fields: detection.fields.map((f) => ({ ...f, label: f.field })) },
      mapping,
    );
    expect(again.columnMap.invoiceTotal).toBe(2);
    expect(again.dateOrder).toBe('mdy');
    expect(sheetSelection(again)).toEqual({
      name: 'Hóa đơn',
      columnMap: { invoiceCode: 0, date: 1, invoiceTotal: 2, lineTotal: -1, unitPrice: -1 },
      headerRow: 2,
      dateOrder: 'mdy',
    });
  });
});

describe("the filter builder's reference", () => {
  test('every example it would show parses, so none is silently dropped', () => {
    const candidates = referenceCandidates();
    expect(candidates.length).toBeGreaterThan(10);
    for (const example of candidates) expect([example, parseFilter(example).ok]).toEqual([example, true]);
    for (const language of ['vi', 'en'] as const)
      expect(referenceData(language).types.flatMap((type) => type.examples)).toEqual(candidates);
  });

  test("it lists every field and each type's operators from the parser's catalogue", () => {
    const { fields, types } = referenceData('vi');
    expect(fields.map((field) => field.id)).toEqual(FILTER_FIELDS.map((field) => field.id));
    expect(fields.find((field) => field.id === 'invoices')?.label).toBe('Số hóa đơn');
    for (const type of types) expect(type.operators).toEqual(OPERATORS_BY_TYPE[type.type]);
    expect(new Set(types.map((type) => type.type))).toEqual(
      new Set(FILTER_FIELDS.map((field) => field.type)),
    );
  });
});
