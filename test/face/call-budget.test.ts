/**
 * What a full run costs in Apps Script calls (defined in full-run.ts): the same on the sample shop and on a
 * shop ten times its size, within 10 calls per output tab plus 15 for the run, and no reads once writing has
 * started (Apps Script queues writes and flushes them at the next read, so a read between writes costs a
 * round trip per write).
 */
import { generateShop, SAMPLE_OPTIONS, sampleShop, sheetValues } from '../../scripts/shop-generator.cjs';
import { fullRunOnEmulator, type FullRun } from './full-run';

/**
 * Getters that hand out an object without reading the document (a range is only a reference until its values
 * are asked for); every other `get…`/`is…` call reads the document.
 */
const HANDLES = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'Sheet.getRange',
  'LockService.getDocumentLock',
  'CacheService.getDocumentCache',
  'PropertiesService.getDocumentProperties',
]);
const isRead = (method: string) => /\.(get|is)[A-Z]/.test(method) && !HANDLES.has(method);
/** Calls that change the spreadsheet (progress and settings go to the cache and properties, not the document). */
const isWrite = (method: string) =>
  /^(Spreadsheet|Sheet|Range)\.(set|insert|delete|create|add|hide|activate)/.test(method) &&
  method !== 'Spreadsheet.createDeveloperMetadataFinder';

/**
 * The counts by method with the one sizing call per tab under one name: a short tab loses its spare rows
 * (deleteRows), a long one gains rows (insertRowsAfter), one call either way.
 */
function bySizing(calls: Record<string, number>): Record<string, number> {
  const { 'Sheet.deleteRows': deleted = 0, 'Sheet.insertRowsAfter': inserted = 0, ...rest } = calls;
  return { ...rest, 'sizing (deleteRows or insertRowsAfter)': deleted + inserted };
}

let sample: FullRun;
let tenfold: FullRun;
let sampleRerun: FullRun;
let tenfoldRerun: FullRun;

beforeAll(() => {
  const small = sampleShop();
  sample = fullRunOnEmulator(sheetValues(small.invoices), sheetValues(small.customers));
  sampleRerun = fullRunOnEmulator([], [], { on: sample.session });
  const big = generateShop({
    ...SAMPLE_OPTIONS,
    invoiceRows: SAMPLE_OPTIONS.invoiceRows * 10,
    customers: (SAMPLE_OPTIONS.customers ?? 0) * 10,
  });
  tenfold = fullRunOnEmulator(sheetValues(big.invoices), sheetValues(big.customers));
  tenfoldRerun = fullRunOnEmulator([], [], { on: tenfold.session });
}, 120_000);

describe('service calls of a full run', () => {
  test('the count does not depend on the number of rows: the sample and a 10× shop cost the same', () => {
    expect(tenfold.cellsWritten).toBeGreaterThan(sample.cellsWritten * 8);
    expect(tenfold.tabs.length).toBe(sample.tabs.length);
    expect(bySizing(tenfold.callsByMethod)).toEqual(bySizing(sample.callsByMethod));
    expect(tenfold.calls).toBe(sample.calls);
    // A re-run (which also reads the previous History and snapshot, and replaces every owned tab) too.
    expect(bySizing(tenfoldRerun.callsByMethod)).toEqual(bySizing(sampleRerun.callsByMethod));
    expect(tenfoldRerun.calls).toBe(sampleRerun.calls);
  });

  test('at most 10 calls per output tab plus 15 for the run', () => {
    const budget = 10 * sample.tabs.length + 15;
    console.log(
      `Full run on the sample: ${sample.calls} calls for ${sample.tabs.length} tabs (budget ${budget}); ` +
        `builder calls not counted: ${sample.builderCalls}; re-run: ${sampleRerun.calls} calls.\n` +
        JSON.stringify(sample.callsByMethod, null, 1),
    );
    expect(sample.calls).toBeLessThanOrEqual(budget);
  });

  test('a re-run costs at most 5 calls more per tab it replaces: delete, rename and three mark reads', () => {
    const replaced = sampleRerun.callsByMethod['Spreadsheet.deleteSheet'] ?? 0;
    expect(replaced).toBeGreaterThanOrEqual(sampleRerun.tabs.length);
    expect(sampleRerun.callsByMethod['Sheet.setName']).toBe(sampleRerun.tabs.length);
    // Two more than a first run's fixed part: the user's active tab is read (a failed run puts them back), and
    // a re-run of the same as-of date now colours its Movement matrix (one setBackgrounds) like any later run.
    expect(sampleRerun.calls).toBeLessThanOrEqual(10 * sampleRerun.tabs.length + 15 + 5 * replaced + 2);
  });

  test('per tab: one range and one call each for formats, values and backgrounds; frozen rows once a run', () => {
    const tabs = sample.tabs.length;
    const calls = sample.callsByMethod;
    for (const method of ['Range.setNumberFormats', 'Range.setValues', 'Range.setBackgrounds'])
      expect(calls[method]).toBe(tabs);
    expect(calls['Sheet.addDeveloperMetadata']).toBe(tabs);
    expect(calls['Sheet.setTabColor']).toBe(tabs);
    expect(calls['Sheet.setFrozenRows']).toBe(1);
    expect(calls['Sheet.activate']).toBe(1);
    // A first run in a fresh spreadsheet names each tab as it inserts it: nothing to rename.
    expect(calls['Sheet.setName']).toBeUndefined();
    // One look-up of the owned tabs, one read of each input tab, one lock.
    expect(calls['DeveloperMetadataFinder.find']).toBe(1);
    expect(calls['Sheet.getSheetValues']).toBe(2);
    expect(calls['Lock.tryLock']).toBe(1);
  });

  test('no document reads once writing has started', () => {
    for (const run of [sample, sampleRerun, tenfold]) {
      const firstWrite = run.callSequence.findIndex(isWrite);
      expect(firstWrite).toBeGreaterThan(0);
      const readsBefore = run.callSequence.slice(0, firstWrite).filter(isRead);
      expect(readsBefore).toContain('Sheet.getSheetValues');
      expect(run.callSequence.slice(firstWrite).filter(isRead)).toEqual([]);
    }
  });
});
