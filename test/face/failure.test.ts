/**
 * A run that fails while writing (Sheets gives up on the k-th write: a transient service error) leaves the
 * previous run's tabs exactly as they were, no temporary tab behind, and tells the user nothing was lost.
 */
import { generateShop, sheetValues } from '../../scripts/shop-generator.cjs';
import { sheetNames, type Emulator } from '../emulator';
import { callRun, fullRunOnEmulator, prepareRun, type FaceSession } from './full-run';
import { readTab } from './read-tab';

const shop = generateShop({ seed: 'face-failure', invoiceRows: 1500, customers: 150 });

/** Calls that change the document (see call-budget.test.ts). */
const isWrite = (method: string) =>
  /^(Spreadsheet|Sheet|Range)\.(set|insert|delete|create|add|hide|activate)/.test(method) &&
  method !== 'Spreadsheet.createDeveloperMetadataFinder';

/** Makes the k-th document write from now fail as Sheets does (an Error of the script's realm), once. */
function failOnWrite(emulator: Emulator, k: number): () => void {
  const log = emulator.calls;
  const hit = log.hit;
  let writes = 0;
  log.hit = function failingHit(this: typeof log, method: string): void {
    hit.call(this, method);
    if (isWrite(method) && ++writes === k) {
      emulator.world.fail(
        `Service Spreadsheets failed while accessing document with id ${emulator.spreadsheet.getId()}.`,
      );
    }
  };
  return () => {
    log.hit = hit;
  };
}

/** Every tab with its cells, formats of the header row, colour, frozen rows, filter and mark. */
function wholeSpreadsheet(emulator: Emulator) {
  return sheetNames(emulator).map((name) => {
    const view = readTab(emulator, name);
    return {
      name,
      values: view.display,
      headerFormats: view.display[0]?.map((_, column) => view.format(1, column)),
      headerBackgrounds: view.display[0]?.map((_, column) => view.background(0, column)),
      colour: view.tabColour,
      frozen: view.frozenRows,
      filter: view.filter,
      hidden: view.hidden,
      mark: view.mark,
    };
  });
}

/** A spreadsheet after one successful run, and the writes a second run of it makes before its swap. */
function afterOneRun(): { session: FaceSession; stagingWrites: number } {
  const first = fullRunOnEmulator(sheetValues(shop.invoices), sheetValues(shop.customers));
  // Count the writes of a successful re-run on a copy of the same spreadsheet, up to the swap (the first
  // deletion of a previous tab, after the last tab's values are written).
  const probe = fullRunOnEmulator(sheetValues(shop.invoices), sheetValues(shop.customers));
  const rerun = fullRunOnEmulator([], [], { on: probe.session });
  const writes = rerun.callSequence.filter(isWrite);
  const lastValues = writes.lastIndexOf('Range.setValues');
  const swap = writes.indexOf('Spreadsheet.deleteSheet', lastValues + 1);
  // The template tab's deletion ends the staging; the next deletion starts the swap.
  const stagingWrites = writes.indexOf('Spreadsheet.deleteSheet', swap + 1);
  return { session: first.session, stagingWrites };
}

describe('a failure while writing', () => {
  let session: FaceSession;
  let emulator: Emulator;
  let stagingWrites = 0;
  beforeAll(() => {
    ({ session, stagingWrites } = afterOneRun());
    emulator = session.emulator;
  }, 60_000);
  /** Which write fails: early ones (the template, the first tab), then a third, half and the last of staging. */
  const choices: [string, () => number][] = [
    ['1', () => 1],
    ['2', () => 2],
    ['3', () => 3],
    ['7', () => 7],
    ['a third of the way', () => Math.floor(stagingWrites / 3)],
    ['half way', () => Math.floor(stagingWrites / 2)],
    ['the last before the swap', () => stagingWrites - 1],
  ];

  test('the staging phase makes enough writes for the chosen failures', () => {
    expect(stagingWrites).toBeGreaterThan(100);
  });

  test.each(choices)(
    'failing on write %s leaves the previous tabs as they were, with no temporary tab',
    (_, which) => {
      const k = which();
      const before = wholeSpreadsheet(emulator);
      const prepared = prepareRun([], [], { on: session });
      const restore = failOnWrite(emulator, k);
      try {
        expect(() => callRun(session, prepared.request)).toThrow(
          'Lần chạy thất bại: Service Spreadsheets failed while accessing document with id ' +
            `${emulator.spreadsheet.getId()}. Các tab kết quả trước đó vẫn giữ nguyên.`,
        );
      } finally {
        restore();
      }
      expect(wholeSpreadsheet(emulator)).toEqual(before);
      expect(sheetNames(emulator).join('|')).not.toMatch(/~segment-tabs/);
    },
  );

  test('after the failures, the next run succeeds and replaces the previous tabs', () => {
    const previous = sheetNames(emulator);
    const run = fullRunOnEmulator([], [], { on: session, runId: 'after-failures' });
    expect(sheetNames(emulator)).toEqual(expect.arrayContaining(run.tabs));
    expect(sheetNames(emulator)).toHaveLength(previous.length);
    for (const name of run.tabs)
      expect(readTab(emulator, name).mark).toMatchObject({ run: 'after-failures' });
  });
});
