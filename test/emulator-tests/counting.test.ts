import vm from 'node:vm';
import { createEmulator } from '../emulator';
import { runInEmulator } from '../emulator/bundle';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function shop() {
  const emulator = createEmulator({
    locale: 'vi_VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    firstSheetName: 'Hóa đơn',
  });
  return { emulator, app: emulator.globals.SpreadsheetApp as App };
}

describe('every service call is counted by Class.method', () => {
  test('a read of one input tab is three round trips', () => {
    const { emulator, app } = shop();
    app.getActiveSpreadsheet().getSheetByName('Hóa đơn')!.getDataRange().getValues();
    expect(emulator.calls.toRecord()).toEqual({
      'Range.getValues': 1,
      'Sheet.getDataRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(emulator.totalCalls()).toBe(4);
  });

  test('builders, metadata, locks, caches and properties count too; reset zeroes the counts', () => {
    const { emulator, app } = shop();
    const g = emulator.globals as Record<string, never>;
    const sheet = app.getActiveSpreadsheet().insertSheet('Summary');
    sheet.addDeveloperMetadata('segment-tabs', 'summary');
    app.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey('segment-tabs').find()[0]!.getValue();
    (g.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock().tryLock(100);
    (g.CacheService as GoogleAppsScript.Cache.CacheService).getDocumentCache()!.put('k', 'v');
    (g.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty('k');
    app.newConditionalFormatRule().whenNumberBetween(1, 5).setBackground('#ffffff').build();
    expect(emulator.calls.of('DeveloperMetadataFinder.withKey')).toBe(1);
    expect(emulator.calls.of('DeveloperMetadata.getValue')).toBe(1);
    expect(emulator.calls.of('Lock.tryLock')).toBe(1);
    expect(emulator.calls.of('Cache.put')).toBe(1);
    expect(emulator.calls.of('Properties.getProperty')).toBe(1);
    expect(emulator.calls.of('ConditionalFormatRuleBuilder.whenNumberBetween')).toBe(1);
    expect(emulator.calls.of('SpreadsheetApp.getActiveSpreadsheet')).toBe(2);
    expect(emulator.totalCalls()).toBe(18);
    emulator.resetCalls();
    expect(emulator.totalCalls()).toBe(0);
    expect(emulator.calls.size).toBe(0);
  });

  test('a call costs the same however many cells it moves', () => {
    const { emulator, app } = shop();
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange(1, 1, 1000, 26).setValues(Array.from({ length: 1000 }, () => new Array(26).fill('x')));
    sheet.getRange(1, 1, 1000, 26).getDisplayValues();
    expect(emulator.calls.of('Range.setValues')).toBe(1);
    expect(emulator.calls.of('Range.getDisplayValues')).toBe(1);
  });
});

describe('failure injection', () => {
  test('throws on the nth matching call, once, with the transient Sheets error by default', () => {
    const { emulator, app } = shop();
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    emulator.failOn({ method: 'Range.setValues', nth: 2 });
    sheet.getRange('A1').setValues([['KH001']]);
    sheet.getRange('A2').setValue('not counted as setValues');
    expect(() => sheet.getRange('A3').setValues([['KH003']])).toThrow(
      'Service Spreadsheets failed while accessing document with id 1EmuLatedSpreadsheetId0000000000000000000000.',
    );
    sheet.getRange('A4').setValues([['KH004']]);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([
      ['KH001'],
      ['not counted as setValues'],
      [''],
      ['KH004'],
    ]);
    // The failed call was made, so it is counted.
    expect(emulator.calls.of('Range.setValues')).toBe(3);
  });

  test('a custom message; rules survive a count reset and can be cleared', () => {
    const { emulator, app } = shop();
    const spreadsheet = app.getActiveSpreadsheet();
    emulator.failOn({ method: 'Spreadsheet.insertSheet', error: 'Exceeded maximum execution time' });
    emulator.resetCalls();
    expect(() => spreadsheet.insertSheet('Customers')).toThrow('Exceeded maximum execution time');
    expect(spreadsheet.getSheetByName('Customers')).toBeNull();
    emulator.failOn({ method: 'Spreadsheet.insertSheet', nth: 1 });
    emulator.clearFailures();
    spreadsheet.insertSheet('Customers');
  });

  test('nth must be a positive integer', () => {
    const { emulator } = shop();
    expect(() => emulator.failOn({ method: 'Range.setValues', nth: 0 })).toThrow(/positive integer/);
  });
});

describe('inside a vm context, values belong to the script realm', () => {
  test('dates are the script’s Date, errors the script’s Error, and the script’s Dates are read back', () => {
    const { emulator } = shop();
    const context = runInEmulator(
      emulator,
      `
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange('A1:B1').setValues([['22/11/2026', new Date(Date.UTC(2026, 0, 5, 3))]]);
      var row = sheet.getRange('A1:B1').getValues()[0];
      var isDate = row[0] instanceof Date && row[1] instanceof Date;
      var second = row[1].toISOString();
      var caught;
      try { sheet.getRange(0, 1); } catch (e) { caught = e; }
      var isError = caught instanceof Error;
      var message = caught.message;
      `,
    );
    expect(vm.runInContext('isDate', context)).toBe(true);
    expect(vm.runInContext('second', context)).toBe('2026-01-05T03:00:00.000Z');
    expect(vm.runInContext('isError', context)).toBe(true);
    expect(vm.runInContext('message', context)).toBe('The starting row of the range is too small.');
    expect(vm.runInContext('typeof require + typeof process', context)).toBe('undefinedundefined');
  });

  test('injected failures are script-realm Errors too', () => {
    const { emulator } = shop();
    emulator.failOn({ method: 'Sheet.setName', error: 'boom' });
    const context = runInEmulator(
      emulator,
      `var e; try { SpreadsheetApp.getActiveSheet().setName('X'); } catch (err) { e = err; }
       var ok = e instanceof Error && e.message === 'boom';`,
    );
    expect(vm.runInContext('ok', context)).toBe(true);
  });
});
