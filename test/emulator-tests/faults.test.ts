/**
 * The emulator's faults and limits (issue 16), each with its source in the code it tests: a kill that skips
 * catch/finally, simulated time and the 6-minute limit, service messages in Vietnamese, where insertSheet puts a
 * tab, a duplicated tab with or without its metadata, and a null document lock.
 */
import vm from 'node:vm';
import { createEmulator, duplicateTab, loadSheet, metadataOf, sheetNames } from '../emulator';
import { runInEmulator } from '../emulator/bundle';
import { EXECUTION_KILLED } from '../emulator/core';
import type { EmuLockService } from '../emulator/services';

describe('a kill (failOn with kill)', () => {
  test('the call throws, and so does every later call: nothing a catch or finally does reaches the document', () => {
    const emulator = createEmulator();
    const book = emulator.spreadsheet;
    emulator.failOn({ method: 'Spreadsheet.insertSheet', nth: 2, kill: true });
    book.insertSheet('A');
    expect(() => book.insertSheet('B')).toThrow(EXECUTION_KILLED);
    expect(emulator.killed()).toBe(true);
    // What a catch block would try: delete what it made.
    expect(() => book.deleteSheet(book.getSheetByName('A')!)).toThrow(EXECUTION_KILLED);
    expect(sheetNames(emulator)).toEqual(['Sheet1', 'A']);
    emulator.locks.endExecution();
    expect(emulator.killed()).toBe(false);
    book.deleteSheet(book.getSheetByName('A')!);
    expect(sheetNames(emulator)).toEqual(['Sheet1']);
  });

  test('an ordinary failure rule still throws once and lets the script go on', () => {
    const emulator = createEmulator();
    emulator.failOn({ method: 'Spreadsheet.insertSheet' });
    expect(() => emulator.spreadsheet.insertSheet('A')).toThrow(/Service Spreadsheets failed/);
    expect(emulator.killed()).toBe(false);
    emulator.spreadsheet.insertSheet('A');
    expect(sheetNames(emulator)).toEqual(['Sheet1', 'A']);
  });
});

describe('simulated timing', () => {
  test('calls and cells move the virtual clock, which the script reads through Date.now()', () => {
    const emulator = createEmulator({ timing: { perCallMs: 100, perCellMs: 1 } });
    const context = runInEmulator(emulator, 'function now() { return Date.now(); }');
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    const start = vm.runInContext('now()', context) as number;
    const range = sheet.getRange(1, 1, 2, 3); // one call
    range.setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]); // one call, six cells
    expect((vm.runInContext('now()', context) as number) - start).toBe(100 + 100 + 6);
  });

  test('a call that ends past the execution limit kills the execution', () => {
    const emulator = createEmulator({ timing: { perCallMs: 1000, perCellMs: 0, executionLimitMs: 5000 } });
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    emulator.beginExecution();
    for (let i = 0; i < 5; i++) sheet.getName();
    expect(() => sheet.getName()).toThrow(EXECUTION_KILLED);
    expect(emulator.killed()).toBe(true);
    emulator.beginExecution();
    expect(sheet.getName()).toBe('Sheet1');
  });
});

describe('service messages in the user’s language', () => {
  test('with messageLanguage vi, a taken tab name is refused in Vietnamese', () => {
    const emulator = createEmulator({ messageLanguage: 'vi' });
    expect(() => emulator.spreadsheet.insertSheet('sheet1')).toThrow(
      'Đã có một trang tính tên "sheet1". Vui lòng nhập tên khác.',
    );
    const sheet = emulator.spreadsheet.getSheets()[0]!;
    expect(() => sheet.getRange(1001, 1)).toThrow('Tọa độ của dải ô nằm ngoài kích thước của trang tính.');
  });

  test('in English by default', () => {
    const emulator = createEmulator();
    expect(() => emulator.spreadsheet.insertSheet('Sheet1')).toThrow(
      /^A sheet with the name "Sheet1" already exists/,
    );
  });
});

describe('insertSheet position', () => {
  test('without an index after the active tab, which the new tab becomes; with one, there', () => {
    const emulator = createEmulator();
    const book = emulator.spreadsheet;
    loadSheet(emulator, 'Data', [['x']]);
    book.insertSheet('A'); // after Sheet1, the active tab
    book.insertSheet('B'); // after A, now active
    expect(sheetNames(emulator)).toEqual(['Sheet1', 'A', 'B', 'Data']);
    book.insertSheet('Last', book.getNumSheets());
    expect(sheetNames(emulator)).toEqual(['Sheet1', 'A', 'B', 'Data', 'Last']);
  });
});

describe('a duplicated tab', () => {
  test.each([true, false])(
    'metadata copied: %s; new id, "Copy of" name, right after the original',
    (copy) => {
      const emulator = createEmulator();
      const sheet = loadSheet(emulator, 'Lost', [['a', 'b']]);
      sheet.addDeveloperMetadata('segment-tabs', '{"key":"segment:lost"}');
      const duplicate = duplicateTab(emulator, 'Lost', { copyMetadata: copy });
      expect(duplicate.getName()).toBe('Copy of Lost');
      expect(duplicate.getSheetId()).not.toBe(sheet.getSheetId());
      expect(sheetNames(emulator)).toEqual(['Sheet1', 'Lost', 'Copy of Lost']);
      expect(duplicate.getRange(1, 1, 1, 2).getValues()).toEqual([['a', 'b']]);
      const marks = metadataOf(emulator).filter((meta) => meta.sheet === 'Copy of Lost');
      expect(marks.map((meta) => meta.value)).toEqual(copy ? ['{"key":"segment:lost"}'] : []);
    },
  );
});

test('LockService.getDocumentLock() is null outside a document (noDocumentLock)', () => {
  const emulator = createEmulator({ noDocumentLock: true });
  expect((emulator.globals.LockService as EmuLockService).getDocumentLock()).toBeNull();
});
