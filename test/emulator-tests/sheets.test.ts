import { chartsOf, conditionalRulesOf, createEmulator, loadSheet, metadataOf, sheetNames } from '../emulator';

function shop() {
  return createEmulator({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh', firstSheetName: 'Hóa đơn' });
}

describe('tab names', () => {
  test('names are unique ignoring case, with the real message on a clash', () => {
    const { spreadsheet } = shop();
    spreadsheet.insertSheet('Khách hàng');
    expect(() => spreadsheet.insertSheet('KHÁCH HÀNG')).toThrow(
      'A sheet with the name "KHÁCH HÀNG" already exists. Please enter another name.',
    );
    const other = spreadsheet.insertSheet('Champions');
    expect(() => other.setName('khách hàng')).toThrow(
      'A sheet with the name "khách hàng" already exists. Please enter another name.',
    );
    expect(other.setName('CHAMPIONS').getName()).toBe('CHAMPIONS');
    expect(sheetNames(spreadsheet)).toEqual(['Hóa đơn', 'Khách hàng', 'CHAMPIONS']);
  });

  test('a name over 100 characters or an empty name is refused', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.insertSheet('Lost');
    sheet.setName('x'.repeat(100));
    expect(() => sheet.setName('x'.repeat(101))).toThrow(/longer than 100 characters/);
    expect(() => sheet.setName('')).toThrow(/cannot be empty/);
    expect(sheet.getName()).toBe('x'.repeat(100));
  });

  test('getSheetByName ignores case and returns null for a missing tab', () => {
    const { spreadsheet } = shop();
    expect(spreadsheet.getSheetByName('HÓA ĐƠN')!.getName()).toBe('Hóa đơn');
    expect(spreadsheet.getSheetByName('Summary')).toBeNull();
  });
});

describe('inserting, deleting and ordering tabs', () => {
  test('a new tab is 1000 × 26, goes at the 0-based index, becomes active, and gets a fresh id', () => {
    const { spreadsheet } = shop();
    const first = spreadsheet.getSheets()[0]!;
    const summary = spreadsheet.insertSheet('Summary', 0);
    expect(summary.getMaxRows()).toBe(1000);
    expect(summary.getMaxColumns()).toBe(26);
    expect(summary.getIndex()).toBe(1);
    expect(first.getIndex()).toBe(2);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Summary');
    expect(first.getSheetId()).toBe(0);
    expect(summary.getSheetId()).not.toBe(0);
    expect(spreadsheet.insertSheet().getName()).toBe('Sheet3');
  });

  test('each call returns a new Sheet object: compare by id, as in Apps Script', () => {
    const { spreadsheet } = shop();
    const a = spreadsheet.getSheetByName('Hóa đơn')!;
    const b = spreadsheet.getSheets()[0]!;
    expect(a).not.toBe(b);
    expect(a.getSheetId()).toBe(b.getSheetId());
  });

  test('the last tab cannot be deleted; deleting a tab takes its metadata, filter and charts with it', () => {
    const emulator = shop();
    const { spreadsheet } = emulator;
    expect(() => spreadsheet.deleteSheet(spreadsheet.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
    const lost = spreadsheet.insertSheet('Lost');
    lost.addDeveloperMetadata('segment-tabs', '{"role":"segment"}');
    spreadsheet.addDeveloperMetadata('segment-tabs:version', '1');
    spreadsheet.deleteSheet(lost);
    expect(metadataOf(emulator)).toEqual([
      { key: 'segment-tabs:version', value: '1', visibility: 'DOCUMENT', sheet: null },
    ]);
    expect(() => lost.getRange('A1').getValues()).toThrow(/has been deleted/);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Hóa đơn');
  });

  test('the last visible tab cannot be hidden', () => {
    const { spreadsheet } = shop();
    const history = spreadsheet.insertSheet('History');
    history.hideSheet();
    expect(history.isSheetHidden()).toBe(true);
    expect(() => spreadsheet.getSheets()[0]!.hideSheet()).toThrow(
      "You can't hide all the sheets in a document.",
    );
    history.showSheet();
    spreadsheet.getSheets()[0]!.hideSheet();
  });

  test('moveActiveSheet moves to a 1-based position', () => {
    const { spreadsheet } = shop();
    spreadsheet.insertSheet('A');
    spreadsheet.insertSheet('B');
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('B')!);
    spreadsheet.moveActiveSheet(1);
    expect(sheetNames(spreadsheet)).toEqual(['B', 'Hóa đơn', 'A']);
  });
});

describe('the 10,000,000-cell limit', () => {
  test('inserting a tab or rows past the limit fails with the real message and changes nothing', () => {
    const { spreadsheet } = shop();
    const big = spreadsheet.getSheets()[0]!;
    // 1000 × 26 = 26,000 cells now; grow to 384,000 rows × 26 = 9,984,000 cells.
    big.insertRowsAfter(1000, 383_000);
    expect(big.getMaxRows()).toBe(384_000);
    const message =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expect(() => spreadsheet.insertSheet('Summary')).toThrow(message);
    expect(() => big.insertRowsAfter(1, 1000)).toThrow(message);
    expect(() => big.insertColumnsAfter(26, 1)).toThrow(message);
    expect(spreadsheet.getNumSheets()).toBe(1);
    big.insertRowsAfter(1, 615); // 16,000 cells fit exactly
    expect(big.getMaxRows() * big.getMaxColumns()).toBe(10_000_000 - 10);
  });
});

describe('ranges', () => {
  test('bounds are checked with the real messages', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.getSheets()[0]!;
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 26, 1, 2)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1001')).toThrow('Range not found');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  test('A1 notation: cells, blocks, whole and open-ended columns, and back', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.getSheets()[0]!;
    const block = sheet.getRange('B2:D5');
    expect([block.getRow(), block.getColumn(), block.getNumRows(), block.getNumColumns()]).toEqual([
      2, 2, 4, 3,
    ]);
    expect(sheet.getRange('$C$3').getA1Notation()).toBe('C3');
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A1:B1000');
    expect(sheet.getRange('A2:Z').getA1Notation()).toBe('A2:Z1000');
    expect(sheet.getRange('3:4').getA1Notation()).toBe('A3:Z4');
    expect(sheet.getRange(1, 27 - 1, 1, 1).getA1Notation()).toBe('Z1');
    expect(spreadsheet.getRange("'Hóa đơn'!B2").getA1Notation()).toBe('B2');
  });

  test('last row and column follow content, not formats; the data range starts at A1', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.getSheets()[0]!;
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('A1:Z1000').setBackground('#fce8b2');
    sheet.getRange('C7').setValue('KH007');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
    sheet.getRange('C7').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  test('getSheetValues with -1 reads up to the last row and column with data', () => {
    const emulator = shop();
    const sheet = loadSheet(emulator, 'Khách hàng', [
      ['Mã KH', 'Tên'],
      ['KH001', 'Nguyễn Thị Lan'],
      ['KH002', 'Trần Văn Bình'],
    ]);
    expect(sheet.getSheetValues(2, 1, -1, -1)).toEqual([
      ['KH001', 'Nguyễn Thị Lan'],
      ['KH002', 'Trần Văn Bình'],
    ]);
    expect(emulator.spreadsheet.getSheets()[0]!.getSheetValues(1, 1, -1, -1)).toEqual([]);
  });

  test('formats: backgrounds, font colours and weights default to what a new sheet reports', () => {
    const { spreadsheet } = shop();
    const range = spreadsheet.getSheets()[0]!.getRange('A1:B1');
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getNumberFormats()).toEqual([['General', 'General']]);
    range.setBackgrounds([['#F4CCCC', null]]);
    range.setFontColors([['red', '#00f']]);
    range.setFontWeights([['bold', null]]);
    expect(range.getBackgrounds()).toEqual([['#f4cccc', '#ffffff']]);
    expect(range.getFontColors()).toEqual([['#ff0000', '#0000ff']]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal']]);
    range.clearFormat();
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
  });
});

describe('rows, columns and freezing', () => {
  test('inserting rows shifts content and formats down', () => {
    const emulator = shop();
    const sheet = loadSheet(emulator, 'Khách hàng', [['Mã KH'], ['KH001'], ['KH002']]);
    sheet.getRange('A2').setBackground('#d9ead3');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['Mã KH'], [''], [''], ['KH001'], ['KH002']]);
    expect(sheet.getRange('A4').getBackground()).toBe('#d9ead3');
    expect(sheet.getMaxRows()).toBe(1002);
  });

  test('deleting rows: out of bounds, and never every unfrozen row', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.insertSheet('Summary');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 1000)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    expect(() => sheet.setFrozenRows(2)).toThrow("You can't freeze all visible rows on the sheet.");
    expect(sheet.getFrozenRows()).toBe(1);
  });

  test('tab colour, frozen columns and column widths are kept', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.insertSheet('Champions');
    sheet.setTabColor('#1E8E3E').setColumnWidths(1, 3, 180);
    sheet.setFrozenColumns(2);
    expect(sheet.getTabColor()).toBe('#1e8e3e');
    expect(sheet.getFrozenColumns()).toBe(2);
    expect(sheet.getColumnWidth(3)).toBe(180);
    expect(sheet.getColumnWidth(4)).toBe(100);
    sheet.setTabColor(null);
    expect(sheet.getTabColor()).toBeNull();
  });
});

describe('filters, conditional formats and charts', () => {
  test('one filter per sheet, with the real message for a second one', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.insertSheet('Customers');
    expect(sheet.getFilter()).toBeNull();
    sheet.getRange('A1:F200').createFilter();
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:F200');
    expect(() => sheet.getRange('A1:B2').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    sheet.getFilter()!.remove();
    sheet.getRange('A1:B2').createFilter();
  });

  test('conditional-format rules: boolean and gradient rules are recorded and replaced as a set', () => {
    const emulator = shop();
    const sheet = emulator.spreadsheet.insertSheet('Summary');
    const app = emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const high = app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(100)
      .setBackground('#B7E1CD')
      .setRanges([sheet.getRange('B2:F6') as unknown as GoogleAppsScript.Spreadsheet.Range])
      .build();
    const heat = app
      .newConditionalFormatRule()
      .setGradientMinpointWithValue('#FFFFFF', app.InterpolationType.NUMBER, '0')
      .setGradientMaxpointWithValue('#E67C73', app.InterpolationType.PERCENTILE, '100')
      .setRanges([sheet.getRange('H2:L6') as unknown as GoogleAppsScript.Spreadsheet.Range])
      .build();
    sheet.setConditionalFormatRules([high, heat]);
    expect(conditionalRulesOf(sheet)).toEqual([
      {
        ranges: ['B2:F6'],
        condition: { type: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [100] },
        format: { background: '#b7e1cd' },
        gradient: null,
      },
      {
        ranges: ['H2:L6'],
        condition: null,
        format: {},
        gradient: {
          min: { colour: '#ffffff', type: 'NUMBER', value: '0' },
          max: { colour: '#e67c73', type: 'PERCENTILE', value: '100' },
        },
      },
    ]);
    expect(sheet.getConditionalFormatRules()[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual([100]);
    sheet.setConditionalFormatRules([]);
    expect(conditionalRulesOf(sheet)).toEqual([]);
  });

  test('charts are recorded with their type, ranges, position and options', () => {
    const emulator = shop();
    const sheet = emulator.spreadsheet.insertSheet('Summary');
    const charts = emulator.globals.Charts as { ChartType: Record<string, string> };
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.BAR as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange(3, 1, 12, 2))
      .setNumHeaders(1)
      .setPosition(3, 8, 0, 0)
      .setOption('title', 'Khách hàng theo nhóm')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    expect(chartsOf(sheet)).toEqual([
      {
        id: expect.stringMatching(/^chart-\d+$/),
        type: 'BAR',
        ranges: ['Summary!A3:B14'],
        anchor: { row: 3, column: 8, offsetX: 0, offsetY: 0 },
        options: { title: 'Khách hàng theo nhóm' },
        numHeaders: 1,
      },
    ]);
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('Khách hàng theo nhóm');
  });
});

describe('clearing', () => {
  test('clear() removes contents and formats; clearContents keeps formats', () => {
    const emulator = shop();
    const sheet = loadSheet(emulator, 'Customers', [['Tên'], ['Lan']]);
    sheet.getRange('A1').setBackground('#cccccc').setNumberFormat('@');
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getBackground()).toBe('#cccccc');
    sheet.clear();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
  });
});
