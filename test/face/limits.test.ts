/**
 * The Sheets face at its limits and under faults (issue 16), through the built bundle on the emulator: Apps
 * Script's kill at each phase of a write followed by a normal run, the time guard, a re-run that only fits in
 * place, name clashes in another language, duplicated tabs, the definitions tab after a run, a null document
 * lock, and the live filter count.
 */
import { generateShop, sheetValues } from '../../scripts/shop-generator.cjs';
import type { FilterCount, FilterSegmentList, FilterTable, SetupInfo, TabRows } from '../../src/shared/api';
import { countOnTable } from '../../src/sidebar/filter-model';
import { duplicateTab, findSheet, loadSheet, sheetNames, type Emulator } from '../emulator';
import { CELL_LIMIT } from '../emulator/world';
import { callServer } from '../emulator/bundle';
import { callRun, fullRunOnEmulator, newFaceSession, prepareRun, type FaceSession } from './full-run';
import { readTab } from './read-tab';

const shop = generateShop({ seed: 'face-limits', invoiceRows: 1500, customers: 150 });
const invoices = () => sheetValues(shop.invoices);
const customers = () => sheetValues(shop.customers);
const HISTORY = 'Lịch sử phân khúc';

const strays = (emulator: Emulator) => sheetNames(emulator).filter((name) => name.includes('~segment-tabs'));
const owned = (emulator: Emulator) => sheetNames(emulator).filter((name) => readTab(emulator, name).mark);
/** The owned tabs a run rewrites (the definitions tab is written by the first run only, then by the sidebar). */
const rewritten = (emulator: Emulator) =>
  owned(emulator).filter((name) => readTab(emulator, name).mark!.role !== 'definitions');
const cells = (emulator: Emulator) => emulator.world.book.cellCount();
const historyRows = (emulator: Emulator) => readTab(emulator, HISTORY).display.length;

/** Every tab's name and cells as displayed. */
function everything(emulator: Emulator) {
  return sheetNames(emulator).map((name) => ({ name, cells: readTab(emulator, name).display }));
}

/** History rows after `runs` clean runs of the shop (the reference for a run after a kill). */
function historyAfterCleanRuns(runs: number): number {
  const first = fullRunOnEmulator(invoices(), customers());
  for (let i = 1; i < runs; i++) fullRunOnEmulator([], [], { on: first.session });
  return historyRows(first.session.emulator);
}

let afterTwo = 0;
let afterThree = 0;
beforeAll(() => {
  afterTwo = historyAfterCleanRuns(2);
  afterThree = historyAfterCleanRuns(3);
}, 120_000);

describe('Apps Script kills the run (6 minutes): catch and finally never run', () => {
  test('a kill while staging leaves the previous tabs; the next run removes what it left and says so', () => {
    const { session } = fullRunOnEmulator(invoices(), customers());
    const { emulator } = session;
    const before = everything(emulator);
    const { request } = prepareRun([], [], { on: session, runId: 'killed' });
    emulator.failOn({ method: 'Range.setValues', nth: 4, kill: true });
    expect(() => callRun(session, request)).toThrow('Exceeded maximum execution time');
    // Nothing of the catch ran: the template and the staged tabs are still there, the previous tabs too.
    expect(strays(emulator).length).toBeGreaterThan(1);
    expect(everything(emulator).filter((tab) => !tab.name.includes('~segment-tabs'))).toEqual(before);
    // The leftovers are owned: the sidebar never offers them as input sheets.
    const setup = callServer<SetupInfo>(session.context, 'getSetup');
    expect(setup.sheets.map((sheet) => sheet.name).filter((name) => name.includes('~'))).toEqual([]);

    const next = fullRunOnEmulator([], [], { on: session, runId: 'after-kill' });
    expect(strays(emulator)).toEqual([]);
    expect(sheetNames(emulator)).toHaveLength(before.length);
    for (const name of rewritten(emulator)) expect(readTab(emulator, name).mark!.run).toBe('after-kill');
    expect(next.result.warnings.join(' ')).toMatch(
      /Lần chạy trước bị dừng giữa chừng; đã xóa các tab dở dang/,
    );
    // History was read from the previous complete tabs: two runs' rows, not the killed run's.
    expect(historyRows(emulator)).toBe(afterTwo);
  });

  test('a kill between a template’s insert and its mark: never offered as input, removed by the next run', () => {
    const { session } = fullRunOnEmulator(invoices(), customers());
    const { emulator } = session;
    const count = sheetNames(emulator).length;
    const { request } = prepareRun([], [], { on: session, runId: 'killed-early' });
    emulator.failOn({ method: 'Sheet.addDeveloperMetadata', kill: true });
    expect(() => callRun(session, request)).toThrow('Exceeded maximum execution time');
    expect(strays(emulator)).toEqual(['~segment-tabs killed-early frozen 1']);
    expect(readTab(emulator, strays(emulator)[0]!).mark).toBeNull();
    const setup = callServer<SetupInfo>(session.context, 'getSetup');
    expect(setup.sheets.map((sheet) => sheet.name).filter((name) => name.includes('~'))).toEqual([]);
    const next = fullRunOnEmulator([], [], { on: session });
    expect(strays(emulator)).toEqual([]);
    expect(sheetNames(emulator)).toHaveLength(count);
    expect(next.result.warnings.join(' ')).toMatch(/~segment-tabs killed-early frozen 1/);
  });

  test('a kill during the swap, after some old tabs went: the next run leaves exactly one set of tabs', () => {
    const { session } = fullRunOnEmulator(invoices(), customers());
    const { emulator } = session;
    const count = sheetNames(emulator).length;
    const { request } = prepareRun([], [], { on: session, runId: 'killed-in-swap' });
    // Deletions of the re-run: the template (end of staging), then the old tabs (the swap).
    emulator.failOn({ method: 'Spreadsheet.deleteSheet', nth: 3, kill: true });
    expect(() => callRun(session, request)).toThrow('Exceeded maximum execution time');
    expect(strays(emulator).length).toBeGreaterThan(0);

    const next = fullRunOnEmulator([], [], { on: session, runId: 'after-swap-kill' });
    expect(strays(emulator)).toEqual([]);
    expect(sheetNames(emulator)).toHaveLength(count);
    for (const name of rewritten(emulator)) expect(readTab(emulator, name).mark!.run).toBe('after-swap-kill');
    // The killed run had finished staging: its History (with its own rows) is the latest complete one.
    expect(historyRows(emulator)).toBe(afterThree);
    expect(next.result.summaryTab).toBe('Tổng quan RFM');
  });
});

describe('the time guard', () => {
  test('a re-run that would pass 5 minutes stops cleanly before Apps Script kills it; nothing is replaced', () => {
    const { session } = fullRunOnEmulator(invoices(), customers());
    const { emulator } = session;
    const before = everything(emulator);
    const { request } = prepareRun([], [], { on: session });
    // 1.2 s a call: the reads alone take about two minutes, the tabs another four.
    // 900 ms a call: a re-run (about 460 calls) cannot finish in 6 minutes, yet the Summary and a few more tabs
    // are replaced before the guard stops it.
    emulator.world.timing = { perCallMs: 900, perCellMs: 0, executionLimitMs: 6 * 60_000 };
    let message = '';
    try {
      callRun(session, request);
    } catch (error) {
      message = (error as Error).message;
    }
    emulator.world.timing = null;
    expect(emulator.killed()).toBe(false);
    expect(message).toMatch(
      /^Đã dừng sau \d+ giây .*Chưa thay tab nào; các tab kết quả trước đó vẫn giữ nguyên/,
    );
    expect(everything(emulator)).toEqual(before);
  });
});

describe('the 10-million-cell limit', () => {
  test('a shop that fits once but not staged twice re-runs tab by tab in place', () => {
    // The output's size, measured on a separate spreadsheet.
    const probe = fullRunOnEmulator(invoices(), customers());
    const probeEmulator = probe.session.emulator;
    const output = owned(probeEmulator).reduce((sum, name) => {
      const state = findSheet(probeEmulator, name)!.state;
      return sum + state.maxRows * state.maxColumns;
    }, 0);
    const session = newFaceSession();
    const { emulator } = session;
    // The user's old data, sized so the first run fits staged (output + a template + an insert, and half the
    // output to spare) and a re-run (old and new output side by side) does not.
    const filler = loadSheet(emulator, 'Dữ liệu cũ', [['2019']]);
    loadSheet(emulator, 'Hóa đơn', invoices());
    loadSheet(emulator, 'Khách hàng', customers());
    filler.state.maxColumns = 1;
    filler.state.maxRows = CELL_LIMIT - cells(emulator) - output - 2 * 26_000 - Math.ceil(output / 2);
    const first = fullRunOnEmulator([], null, { on: session, invoiceTab: 'Hóa đơn' });
    expect(first.result.warnings.join(' ')).not.toMatch(/giới hạn 10 triệu ô/);
    const tabs = sheetNames(emulator).length;

    const rerun = fullRunOnEmulator([], null, { on: session, invoiceTab: 'Hóa đơn', runId: 'in-place' });
    expect(rerun.result.warnings.join(' ')).toMatch(/các tab được thay lần lượt từng tab/);
    expect(strays(emulator)).toEqual([]);
    expect(sheetNames(emulator)).toHaveLength(tabs);
    for (const name of rewritten(emulator)) expect(readTab(emulator, name).mark!.run).toBe('in-place');
    expect(cells(emulator)).toBeLessThanOrEqual(CELL_LIMIT);
    expect(readTab(emulator, 'Dữ liệu cũ').display).toEqual([['2019']]);
  });

  test('in place, the time guard names the tabs already replaced; the next run completes the set', () => {
    const probe = fullRunOnEmulator(invoices(), customers());
    const output = owned(probe.session.emulator).reduce((sum, name) => {
      const state = findSheet(probe.session.emulator, name)!.state;
      return sum + state.maxRows * state.maxColumns;
    }, 0);
    const session = newFaceSession();
    const { emulator } = session;
    const filler = loadSheet(emulator, 'Dữ liệu cũ', [['2019']]);
    loadSheet(emulator, 'Hóa đơn', invoices());
    filler.state.maxColumns = 1;
    filler.state.maxRows = CELL_LIMIT - cells(emulator) - output - 2 * 26_000 - Math.ceil(output / 2);
    fullRunOnEmulator([], null, { on: session, invoiceTab: 'Hóa đơn' });
    const tabs = sheetNames(emulator).length;
    const { request } = prepareRun([], null, { on: session, invoiceTab: 'Hóa đơn' });
    // 900 ms a call: a re-run (about 460 calls) cannot finish in 6 minutes, yet the Summary and a few more tabs
    // are replaced before the guard stops it.
    emulator.world.timing = { perCallMs: 900, perCellMs: 0, executionLimitMs: 6 * 60_000 };
    let message = '';
    try {
      callRun(session, request);
    } catch (error) {
      message = (error as Error).message;
    }
    emulator.world.timing = null;
    expect(emulator.killed()).toBe(false);
    expect(message).toMatch(
      /^Đã dừng sau \d+ giây .*Các tab đã được thay: Tổng quan RFM, .+\. Các tab kết quả khác vẫn là của lần chạy trước\./,
    );
    expect(strays(emulator)).toEqual([]);
    const next = fullRunOnEmulator([], null, { on: session, invoiceTab: 'Hóa đơn', runId: 'completes' });
    expect(strays(emulator)).toEqual([]);
    expect(sheetNames(emulator)).toHaveLength(tabs);
    for (const name of rewritten(emulator)) expect(readTab(emulator, name).mark!.run).toBe('completes');
    expect(next.result.summaryTab).toBe('Tổng quan RFM');
  });

  test('every owned tab is trimmed to what it holds, rows and columns; the definitions tab keeps room', () => {
    const { session } = fullRunOnEmulator(invoices(), customers());
    const { emulator } = session;
    for (const name of owned(emulator)) {
      const view = readTab(emulator, name);
      const state = findSheet(emulator, name)!.state;
      const width = Math.max(1, ...view.display.map((row) => row.length));
      if (view.mark!.role === 'definitions') {
        expect(state.maxRows).toBe(view.display.length + 50);
        expect(state.maxColumns).toBe(26);
      } else {
        expect(state.maxRows).toBe(Math.max(1, view.display.length) + 1);
        expect(state.maxColumns).toBe(width);
      }
    }
  });
});

describe('names and ownership', () => {
  test('in a Vietnamese-language account a user tab holding our name makes ours take (2), run after run', () => {
    const session = newFaceSession({ messageLanguage: 'vi' });
    const { emulator } = session;
    loadSheet(emulator, 'Tổng quan RFM', [['Ghi chú của tôi']]);
    // The emulator speaks Vietnamese: matching Sheets' English text would fail here.
    expect(() => emulator.spreadsheet.insertSheet('Tổng quan RFM')).toThrow(/^Đã có một trang tính tên/);
    const first = fullRunOnEmulator(invoices(), customers(), { on: session });
    expect(first.result.summaryTab).toBe('Tổng quan RFM (2)');
    const second = fullRunOnEmulator([], [], { on: session });
    expect(second.result.summaryTab).toBe('Tổng quan RFM (2)');
    expect(readTab(emulator, 'Tổng quan RFM').display).toEqual([['Ghi chú của tôi']]);
    expect(readTab(emulator, 'Tổng quan RFM').mark).toBeNull();
    expect(strays(emulator)).toEqual([]);
  });

  test.each([true, false])(
    'a duplicated result tab (metadata copied: %s) is the user’s: a re-run leaves it alone',
    (copyMetadata) => {
      const first = fullRunOnEmulator(invoices(), customers());
      const { emulator } = first.session;
      const segmentTab = first.result.segments.find((segment) => segment.tab)!.tab!;
      const copy = duplicateTab(emulator, segmentTab, { copyMetadata });
      loadSheet(emulator, copy.getName(), [['Đã gọi điện']]);
      const annotated = readTab(emulator, copy.getName()).display;
      fullRunOnEmulator([], [], { on: first.session });
      expect(readTab(emulator, copy.getName()).display).toEqual(annotated);
      const setup = callServer<SetupInfo>(first.session.context, 'getSetup');
      expect(setup.sheets.map((sheet) => sheet.name)).toContain(copy.getName());
      expect(() =>
        callServer<TabRows>(first.session.context, 'getSegmentRows', copy.getName(), 'vi'),
      ).toThrow(/không phải tab kết quả/);
    },
  );
});

describe('filter segments after a run', () => {
  const draft = (name: string, definition: string) => ({
    name,
    colour: '#1e88e5',
    definition,
    enabled: true,
    abGroups: null,
  });

  test('two segments, then sixty more, are saved into the trimmed definitions tab; the next run writes them', () => {
    const first = fullRunOnEmulator(invoices(), customers());
    const { context, emulator } = first.session;
    const save = (name: string, definition: string) =>
      callServer<FilterSegmentList>(context, 'saveFilterSegment', draft(name, definition), null, 'vi');
    save('Ba lần trở lên', 'invoices >= 3');
    const list = save('Một lần', 'invoices = 1');
    expect(list.segments.map((segment) => segment.name)).toEqual(
      expect.arrayContaining(['Ba lần trở lên', 'Một lần']),
    );
    for (let i = 0; i < 60; i++) save(`Nhóm ${i}`, `invoices >= ${i + 1}`);
    const definitions = owned(emulator).find((name) => readTab(emulator, name).mark!.role === 'definitions')!;
    expect(readTab(emulator, definitions).display.map((row) => row[0])).toContain('Nhóm 59');
    const rerun = fullRunOnEmulator([], [], { on: first.session });
    expect(rerun.tabs).toEqual(expect.arrayContaining(['Ba lần trở lên', 'Một lần']));
  });

  test('the live count is counted in the sidebar on a table fetched once, and equals the run', () => {
    const first = fullRunOnEmulator(invoices(), customers());
    const { context, emulator } = first.session;
    callServer(context, 'saveFilterSegment', draft('Ba lần trở lên', 'invoices >= 3'), null, 'vi');
    const prepared = prepareRun([], [], { on: first.session });
    const data = {
      invoices: prepared.request.invoices,
      customers: prepared.request.customers,
      settings: prepared.request.settings,
      language: prepared.request.language,
    };
    const table = callServer<FilterTable>(context, 'getFilterTable', data);
    emulator.resetCalls();
    const edits = ['invoices >= 1', 'invoices >= 2', 'invoices >= 3', 'total_spend > 1000000 AND r >= 4'];
    const local = edits.map((definition) => countOnTable(table, definition, 'vi'));
    // Counting each edit reads nothing: no service call at all.
    expect(emulator.totalCalls()).toBe(0);
    edits.forEach((definition, i) => {
      const server = callServer<FilterCount>(context, 'countFilterSegment', { ...data, definition });
      expect(local[i]).toEqual(server);
    });
    const run = fullRunOnEmulator([], [], { on: first.session });
    expect(run.tabs).toContain('Ba lần trở lên');
    const members = readTab(emulator, 'Ba lần trở lên').display.length - 1;
    expect(local[2]).toMatchObject({ ok: true, count: members });
  });
});

describe('a script outside a document: LockService.getDocumentLock() is null', () => {
  test('a run and a save say so instead of crashing', () => {
    const session: FaceSession = newFaceSession({ noDocumentLock: true });
    const { request } = prepareRun(invoices(), customers(), { on: session });
    expect(() => callRun(session, request)).toThrow(/^Không lấy được khóa của bảng tính này/);
    expect(() =>
      callServer(
        session.context,
        'saveFilterSegment',
        { name: 'A', colour: '#1e88e5', definition: 'invoices >= 1', enabled: true, abGroups: null },
        null,
        'vi',
      ),
    ).toThrow(/^Không lấy được khóa/);
    expect(strays(session.emulator)).toEqual([]);
  });
});
