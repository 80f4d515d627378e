import { createEmulator, loadSheet, sheetToValues } from '../emulator';

/** A vi_VN shop spreadsheet in Ho Chi Minh City time, as most of the add-on's users have. */
function vietnameseShop() {
  return createEmulator({
    locale: 'vi_VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    spreadsheetName: 'Cửa hàng Hoa Mai',
  });
}

function englishShop() {
  return createEmulator({ locale: 'en_US', timeZone: 'America/New_York' });
}

describe('setValues converts typed strings as Sheets does', () => {
  test('a phone number written as text loses its leading zero, unless the cell is plain text or escaped', () => {
    const emulator = vietnameseShop();
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    const range = sheet.getRange(1, 1, 1, 3);
    sheet.getRange(1, 2).setNumberFormat('@');
    range.setValues([['0901234567', '0901234567', "'0901234567"]]);
    expect(range.getValues()).toEqual([[901234567, '0901234567', '0901234567']]);
    expect(range.getDisplayValues()).toEqual([['901234567', '0901234567', '0901234567']]);
  });

  test('formatting a column as text after writing does not bring the zero back', () => {
    const emulator = vietnameseShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:A2');
    range.setValues([['0987654321'], ['0912345678']]);
    range.setNumberFormats([['@'], ['@']]);
    expect(range.getValues()).toEqual([[987654321], [912345678]]);
  });

  test('strings starting with = become formulas; the emulator does not evaluate them', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:C1');
    range.setValues([['=HYPERLINK("http://evil.example","Nguyễn Văn A")', "'=SUM(A1)", '=']]);
    expect(range.getFormulas()).toEqual([['=HYPERLINK("http://evil.example","Nguyễn Văn A")', '', '']]);
    expect(range.getValues()).toEqual([['', '=SUM(A1)', '=']]);
  });

  test('a formula-looking name in a plain-text cell stays text', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('B2');
    range.setNumberFormat('@').setValue('=1+1');
    expect(range.getFormula()).toBe('');
    expect(range.getValue()).toBe('=1+1');
  });

  test('TRUE / false in any case become booleans; other words stay text', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:D1');
    range.setValues([['TRUE', 'false', 'True ', 'Trúc']]);
    expect(range.getValues()).toEqual([[true, false, true, 'Trúc']]);
    expect(range.getDisplayValues()).toEqual([['TRUE', 'FALSE', 'TRUE', 'Trúc']]);
  });

  test('vi_VN reads 1.250.000 as a number and 1.250.000 ₫ as a currency amount; đ and VND stay text', () => {
    const emulator = vietnameseShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:F1');
    range.setValues([['1.250.000', '1.250.000 ₫', '1.250.000đ', '1250000 VND', '12,5', '15%']]);
    expect(range.getValues()).toEqual([[1250000, 1250000, '1.250.000đ', '1250000 VND', 12.5, 0.15]]);
    expect(range.getNumberFormats()[0]).toEqual([
      '#,##0',
      '#,##0 [$₫-42A]',
      'General',
      'General',
      'General',
      '0%',
    ]);
    expect(range.getDisplayValues()[0]).toEqual([
      '1.250.000',
      '1.250.000 ₫',
      '1.250.000đ',
      '1250000 VND',
      '12,5',
      '15%',
    ]);
  });

  test('en_US reads 1,250,000.50 and $1,200; 1.250.000 is text there', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:D1');
    range.setValues([['1,250,000.50', '$1,200', '1.250.000', '-42']]);
    expect(range.getValues()).toEqual([[1250000.5, 1200, '1.250.000', -42]]);
    expect(range.getDisplayValues()).toEqual([['1,250,000.50', '$1,200.00', '1.250.000', '-42']]);
  });

  test('dates are read in the locale order: 03/04/2026 is 3 April in vi_VN and 4 March in en_US', () => {
    const vi = vietnameseShop();
    const en = englishShop();
    const viCell = vi.spreadsheet.getSheets()[0]!.getRange('A1');
    const enCell = en.spreadsheet.getSheets()[0]!.getRange('A1');
    viCell.setValue('03/04/2026');
    enCell.setValue('03/04/2026');
    // Midnight in each spreadsheet's time zone.
    expect((viCell.getValue() as Date).toISOString()).toBe('2026-04-02T17:00:00.000Z');
    expect((enCell.getValue() as Date).toISOString()).toBe('2026-03-04T05:00:00.000Z');
    expect(viCell.getNumberFormat()).toBe('dd/MM/yyyy');
    expect(viCell.getDisplayValue()).toBe('03/04/2026');
    expect(enCell.getDisplayValue()).toBe('3/4/2026');
  });

  test('a date with a time, an ISO date and a bare time; impossible dates stay text', () => {
    const emulator = vietnameseShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:E1');
    range.setValues([['22/11/2026 14:05', '2026-11-22', '14:05', '31/02/2026', '13/13/2026']]);
    const [dateTime, iso, time, feb31, month13] = range.getValues()[0]!;
    expect((dateTime as Date).toISOString()).toBe('2026-11-22T07:05:00.000Z');
    expect((iso as Date).toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(time).toBeInstanceOf(Date);
    expect(feb31).toBe('31/02/2026');
    expect(month13).toBe('13/13/2026');
    expect(range.getDisplayValues()[0]!.slice(0, 3)).toEqual([
      '22/11/2026 14:05:00',
      '2026-11-22',
      '14:05:00',
    ]);
  });

  test('numbers, booleans and Dates are kept as they are; a Date gets a date-time format', () => {
    const emulator = vietnameseShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:D1');
    const bought = new Date('2026-11-22T07:05:00Z');
    range.setValues([[1250000, true, bought, 0.1 + 0.2]]);
    const values = range.getValues()[0]!;
    expect(values[0]).toBe(1250000);
    expect(values[1]).toBe(true);
    expect((values[2] as Date).getTime()).toBe(bought.getTime());
    expect(values[2]).not.toBe(bought);
    expect(values[3]).toBe(0.1 + 0.2);
    expect(range.getNumberFormats()[0]![2]).toBe('dd/MM/yyyy HH:mm:ss');
    expect(range.getDisplayValues()[0]).toEqual(['1250000', 'TRUE', '22/11/2026 14:05:00', '0,3']);
  });

  test('null, undefined and empty strings empty the cell', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:C1');
    range.setValues([['x', 'y', 'z']]);
    range.setValues([[null, undefined, '']]);
    expect(range.getValues()).toEqual([['', '', '']]);
    expect(range.isBlank()).toBe(true);
  });

  test('the format decides the type read back: a number under a date format is a Date, and back', () => {
    const emulator = vietnameseShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1');
    range.setValue(46348); // serial of 22/11/2026
    range.setNumberFormat('dd/mm/yyyy');
    expect((range.getValue() as Date).toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(range.getDisplayValue()).toBe('22/11/2026');
    range.setNumberFormat('#,##0');
    expect(range.getValue()).toBe(46348);
    expect(range.getDisplayValue()).toBe('46.348');
  });

  test('setValue writes every cell of a multi-cell range', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange('A1:B2');
    range.setValue('Khách lẻ');
    expect(range.getValues()).toEqual([
      ['Khách lẻ', 'Khách lẻ'],
      ['Khách lẻ', 'Khách lẻ'],
    ]);
  });
});

describe('getDisplayValues renders the number format in the spreadsheet locale', () => {
  const formats: [string, number | Date, string, string][] = [
    ['General', 1234567.5, '1234567,5', '1234567.5'],
    ['@', 1234567.5, '1234567,5', '1234567.5'],
    ['#,##0', 1234567.5, '1.234.568', '1,234,568'],
    ['#,##0.00', 1234567.5, '1.234.567,50', '1,234,567.50'],
    ['#,##0.0', -0.04, '0,0', '0.0'],
    ['0', 41.5, '42', '42'],
    ['0%', 0.125, '13%', '13%'],
    ['0.0%', 0.125, '12,5%', '12.5%'],
    ['#,##0 ₫', 1250000, '1.250.000 ₫', '1,250,000 ₫'],
    ['#,##0 [$₫-42A]', -1250000, '-1.250.000 ₫', '-1,250,000 ₫'],
    ['#,##0;(#,##0)', -1500, '(1.500)', '(1,500)'],
    ['dd/mm/yyyy', new Date('2026-01-05T03:00:00Z'), '05/01/2026', '04/01/2026'],
    ['dd/MM/yyyy HH:mm:ss', new Date('2026-01-05T03:04:05Z'), '05/01/2026 10:04:05', '04/01/2026 22:04:05'],
    ['yyyy-mm-dd', new Date('2026-11-22T12:00:00Z'), '2026-11-22', '2026-11-22'],
    ['h:mm AM/PM', new Date('2026-11-22T12:00:00Z'), '7:00 PM', '7:00 AM'],
    ['d/m/yy h:mm', new Date('2026-11-22T12:34:00Z'), '22/11/26 19:34', '22/11/26 7:34'],
  ];

  test.each(formats)('%s', (format, value, vi, en) => {
    for (const [locale, timeZone, expected] of [
      ['vi_VN', 'Asia/Ho_Chi_Minh', vi],
      ['en_US', 'America/New_York', en],
    ] as const) {
      const emulator = createEmulator({ locale, timeZone });
      const cell = emulator.spreadsheet.getSheets()[0]!.getRange('C3');
      cell.setNumberFormat(format);
      cell.setValue(value);
      expect([locale, cell.getDisplayValue()]).toEqual([locale, expected]);
    }
  });
});

test('month and weekday names follow the locale (en_US)', () => {
  const emulator = englishShop();
  const cell = emulator.spreadsheet.getSheets()[0]!.getRange('A1');
  cell.setNumberFormat('dddd, mmmm d, yyyy').setValue(new Date('2026-11-22T17:00:00Z'));
  expect(cell.getDisplayValue()).toBe('Sunday, November 22, 2026');
});

describe('shape and size errors carry Apps Script messages', () => {
  test('rows and columns of the data must match the range', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange(1, 1, 3, 2);
    expect(() => range.setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setValues([['a'], ['b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setBackgrounds([['#ffffff', '#ffffff']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setNumberFormats([['@'], ['@'], ['@']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('a failed setValues writes nothing', () => {
    const emulator = englishShop();
    const range = emulator.spreadsheet.getSheets()[0]!.getRange(1, 1, 2, 2);
    expect(() => range.setValues([['a', 'b'], ['c']])).toThrow();
    expect(range.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('a cell holds at most 50,000 characters', () => {
    const emulator = englishShop();
    const cell = emulator.spreadsheet.getSheets()[0]!.getRange('A1');
    cell.setValue('x'.repeat(50000));
    expect(() => cell.setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });
});

describe('loadSheet pastes like a user', () => {
  test('strings are read in the locale, or kept as displayed text', () => {
    const emulator = vietnameseShop();
    const rows = [
      ['Mã KH', 'Điện thoại', 'Ngày mua', 'Tổng tiền'],
      ['KH001', '0901234567', '22/11/2026', '1.250.000'],
    ];
    const typed = loadSheet(emulator.spreadsheet, 'Hóa đơn', rows);
    const raw = loadSheet(emulator.spreadsheet, 'Khách hàng', rows, { asDisplayText: true });
    const typedValues = sheetToValues(typed);
    expect(typedValues[1]![0]).toBe('KH001');
    expect(typedValues[1]![1]).toBe(901234567);
    expect(typedValues[1]![2]).toBeInstanceOf(Date);
    expect(typedValues[1]![3]).toBe(1250000);
    expect(sheetToValues(raw)).toEqual(rows);
    expect(emulator.totalCalls()).toBe(0);
  });

  test('a paste taller than the tab grows it', () => {
    const emulator = englishShop();
    const rows = Array.from({ length: 1500 }, (_, i) => [`INV${i}`, i]);
    const sheet = loadSheet(emulator.spreadsheet, 'Invoices', rows);
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getLastRow()).toBe(1500);
  });
});
