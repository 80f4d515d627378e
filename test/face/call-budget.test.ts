/**
 * What a full run costs in Apps Script calls (defined in full-run.ts): the same on the sample shop and on a
 * shop ten times its size, within 12 calls per output tab, 4 per tab of the spreadsheet and 15 for the run,
 * and no reads once writing has started (Apps Script queues writes and flushes them at the next read, so a
 * read between writes costs a round trip per write).
 *
 * Issue 16 raised the budget from 10 per output tab plus 15, for stated reasons: the cell budget and the name
 * checks need every tab's id, name, rows and columns before the first write (4 per tab of the spreadsheet: no
 * single call gives the workbook's cell count or its names); each new tab's mark is bound to its sheet id
 * (Sheet.getSheetId after the insert) and its spare columns are trimmed (one call), 2 more per output tab; the
 * template tab is marked as ours (1 per run); an input tab is read with getDataRange().getValues() (2 calls,
 * documented on an empty sheet) instead of getSheetValues(1, 1, -1, -1) (1 call, undocumented there).
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
  // The id of a sheet the script just inserted: the Sheets API's reply to an addSheet request carries the new
  // sheet's properties, its id among them (AddSheetResponse.properties.sheetId), so nothing is read back.
  'Sheet.getSheetId',
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

/**
 * Calls the predictions add to a run that has them: a column insert (the Customers tab is 29 columns wide, past
 * a new sheet's 26), and the calibration chart's range, builder and insert.
 */
const PREDICTION_CALLS = 4;

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

  test('at most 12 calls per output tab, 4 per tab of the spreadsheet, 15 for the run and 4 for the predictions', () => {
    const surveyed = sample.callsByMethod['Sheet.getMaxRows'] ?? 0;
    expect(surveyed).toBe(3);
    const budget = 12 * sample.tabs.length + 4 * surveyed + 15 + PREDICTION_CALLS;
    console.log(
      `Full run on the sample: ${sample.calls} calls for ${sample.tabs.length} tabs (budget ${budget}); ` +
        `builder calls not counted: ${sample.builderCalls}; re-run: ${sampleRerun.calls} calls.\n` +
        JSON.stringify(sample.callsByMethod, null, 1),
    );
    expect(sample.calls).toBeLessThanOrEqual(budget);
  });

  test('a re-run costs at most 6 calls more per tab it replaces: delete, rename and four mark reads', () => {
    const replaced = sampleRerun.callsByMethod['Spreadsheet.deleteSheet'] ?? 0;
    const surveyed = sampleRerun.callsByMethod['Sheet.getMaxRows'] ?? 0;
    expect(replaced).toBeGreaterThanOrEqual(sampleRerun.tabs.length);
    expect(sampleRerun.callsByMethod['Sheet.setName']).toBe(sampleRerun.tabs.length);
    // Two more than a first run's fixed part: the user's active tab is read (a failed run puts them back), and
    // a re-run of the same as-of date now colours its Movement matrix (one setBackgrounds) like any later run.
    expect(sampleRerun.calls).toBeLessThanOrEqual(
      12 * sampleRerun.tabs.length + 4 * surveyed + 15 + PREDICTION_CALLS + 6 * replaced + 2,
    );
  });

  test('per tab: one range and one call each for formats, values and backgrounds; frozen rows once a run', () => {
    const tabs = sample.tabs.length;
    const calls = sample.callsByMethod;
    for (const method of ['Range.setNumberFormats', 'Range.setValues', 'Range.setBackgrounds'])
      expect(calls[method]).toBe(tabs);
    // Each tab's mark, and the template's (owned, so a run that dies leaves nothing unrecognised).
    expect(calls['Sheet.addDeveloperMetadata']).toBe(tabs + 1);
    expect(calls['Sheet.setTabColor']).toBe(tabs);
    expect(calls['Sheet.setFrozenRows']).toBe(1);
    expect(calls['Sheet.activate']).toBe(1);
    // A first run in a fresh spreadsheet names each tab as it inserts it: nothing to rename.
    expect(calls['Sheet.setName']).toBeUndefined();
    // One look-up of the owned tabs, one read of each input tab, one lock.
    expect(calls['DeveloperMetadataFinder.find']).toBe(1);
    expect(calls['Sheet.getDataRange']).toBe(2);
    expect(calls['Range.getValues']).toBe(2);
    expect(calls['Lock.tryLock']).toBe(1);
  });

  test('no document reads once writing has started', () => {
    for (const run of [sample, sampleRerun, tenfold]) {
      const firstWrite = run.callSequence.findIndex(isWrite);
      expect(firstWrite).toBeGreaterThan(0);
      const readsBefore = run.callSequence.slice(0, firstWrite).filter(isRead);
      expect(readsBefore).toContain('Range.getValues');
      expect(readsBefore).toContain('Sheet.getMaxRows');
      expect(run.callSequence.slice(firstWrite).filter(isRead)).toEqual([]);
    }
  });
});
