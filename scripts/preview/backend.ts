/**
 * The preview's spreadsheet side, run in a worker thread by scripts/preview.mjs: an emulated spreadsheet
 * (test/emulator) preloaded with the sample shop, and the built dist/Code.js running on it in a vm context,
 * exactly as Apps Script runs the pushed file. Each message is one execution: a server call, a read of the
 * spreadsheet for the view, or one of the preview's controls (paste a CSV, start over, fail the next run).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeCsv, parseCsv } from '../../src/cli/read-csv';
import { createEmulator, loadSheet, type Emulator } from '../../test/emulator';

interface Setup {
  root: string;
  /** The text of dist/Code.js. */
  serverCode: string;
  /** User locale language (`vi`, `en`): what Session.getActiveUserLocale() says. */
  language: string;
}

/** The sample shop's files and the tabs they are pasted into, as a shop's staff would name them. */
export const SAMPLE_TABS: readonly { file: string; tab: string }[] = [
  { file: 'invoices.csv', tab: 'Hóa đơn' },
  { file: 'customers.csv', tab: 'Khách hàng' },
];
/** Rows of a tab sent to the view; a big invoice paste is cut (the view says so). */
const ROWS_SHOWN = 500;
/** What "Make the next run fail" breaks: the run's first tab write, before anything is swapped in. */
const FAILING_CALL = 'Range.setValues';
/** Calls that only read: the view need not re-render after them. */
const READ_ONLY_CALLS = new Set([
  'getSetup',
  'detectColumns',
  'getProgress',
  'getSegmentRows',
  'listFilterSegments',
  'countFilterSegment',
  'getFilterTable',
]);

const setup = workerData as Setup;
const port = parentPort!;

interface Execution {
  emulator: Emulator;
  context: vm.Context;
}

let execution: Execution | null = null;
/** Whether the next run is set to fail (the view shows the button pressed). */
let failArmed = false;

/** The run's progress goes to the document cache; every write there is mirrored to the main thread. */
function mirrorDocumentCache(emulator: Emulator): void {
  const store = emulator.caches.document;
  const set = store.set.bind(store);
  const remove = store.delete.bind(store);
  const clear = store.clear.bind(store);
  store.set = (key, entry) => {
    port.postMessage({ type: 'cache', puts: [[key, entry.value, entry.expiresAt]], removes: [] });
    return set(key, entry);
  };
  store.delete = (key) => {
    port.postMessage({ type: 'cache', puts: [], removes: [key] });
    return remove(key);
  };
  store.clear = () => {
    port.postMessage({ type: 'cache', puts: [], removes: [], clear: true });
    clear();
  };
}

function readCsvText(text: string): string[][] {
  const rows = parseCsv(text);
  // A file's final line break leaves one empty record; a paste would not add that row.
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  return rows;
}

function start(): Execution {
  const emulator = createEmulator({
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi_VN',
    userLocale: setup.language,
    spreadsheetName: 'Cửa hàng mẫu',
    firstSheetName: SAMPLE_TABS[0]!.tab,
  });
  mirrorDocumentCache(emulator);
  port.postMessage({ type: 'cache', puts: [], removes: [], clear: true });
  for (const { file, tab } of SAMPLE_TABS) {
    const path = join(setup.root, 'sample', file);
    if (!existsSync(path)) throw new Error(`The sample shop is missing: ${path} does not exist.`);
    loadSheet(emulator, tab, readCsvText(decodeCsv(readFileSync(path), file)));
  }
  emulator.spreadsheet.setActiveSheet(emulator.spreadsheet.getSheets()[0]!);
  emulator.resetCalls();
  const context = vm.createContext({ ...emulator.globals });
  emulator.bindRealm(context);
  vm.runInContext(setup.serverCode, context, { filename: 'Code.js' });
  return { emulator, context };
}

/** A call as google.script.run makes it: JSON-like arguments in, JSON-like result out, one execution. */
function call(execution: Execution, name: string, args: unknown[]): unknown {
  const { context, emulator } = execution;
  const fn = vm.runInContext(`typeof ${name} === 'function' ? ${name} : null`, context) as
    ((...a: unknown[]) => unknown) | null;
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || !fn) throw new Error(`Script function not found: ${name}`);
  try {
    const parsed = (vm.runInContext('JSON.parse', context) as JSON['parse'])(
      JSON.stringify(args),
    ) as unknown[];
    const result = fn(...parsed);
    return result === undefined
      ? null
      : JSON.parse((vm.runInContext('JSON.stringify', context) as JSON['stringify'])(result));
  } finally {
    // The execution ends: Apps Script releases any lock it still held.
    emulator.locks.endExecution();
  }
}

function tabList(execution: Execution) {
  const spreadsheet = execution.emulator.spreadsheet;
  return {
    active: spreadsheet.getActiveSheet().getName(),
    failArmed: failArmed,
    tabs: spreadsheet.getSheets().map((sheet) => ({
      name: sheet.getName(),
      colour: sheet.getTabColor(),
      hidden: sheet.isSheetHidden(),
      rows: sheet.getLastRow(),
      columns: sheet.getLastColumn(),
    })),
  };
}

/** A tab's shown cells: display text with background, font colour and weight (defaults left out). */
function tabCells(execution: Execution, name: string) {
  const sheet = execution.emulator.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`No tab named ${name}`);
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  const shown = Math.min(rows, ROWS_SHOWN);
  const cells: { v: string; bg?: string; fc?: string; b?: boolean }[][] = [];
  if (shown > 0 && columns > 0) {
    const range = sheet.getRange(1, 1, shown, columns);
    const values = range.getDisplayValues();
    const backgrounds = range.getBackgrounds();
    const fontColours = range.getFontColors();
    const weights = range.getFontWeights();
    for (let r = 0; r < shown; r++) {
      cells.push(
        values[r]!.map((v, c) => ({
          v,
          bg: backgrounds[r]![c] === '#ffffff' ? undefined : backgrounds[r]![c],
          fc: fontColours[r]![c] === '#000000' ? undefined : fontColours[r]![c],
          b: weights[r]![c] === 'bold' || undefined,
        })),
      );
    }
  }
  return { name, rows, columns, frozenRows: sheet.getFrozenRows(), cells };
}

function paste(execution: Execution, name: unknown, csv: unknown): void {
  const tab = typeof name === 'string' ? name.trim() : '';
  if (!tab) throw new Error('The tab needs a name.');
  if (typeof csv !== 'string' || csv.trim() === '') throw new Error('The file is empty.');
  if (execution.emulator.spreadsheet.getSheetByName(tab))
    throw new Error(`A tab named "${tab}" already exists.`);
  loadSheet(execution.emulator, tab, readCsvText(csv));
}

interface Message {
  id: number;
  type: 'init' | 'call' | 'state' | 'tab' | 'paste' | 'reset' | 'fail' | 'activate';
  name?: string;
  args?: unknown[];
  csv?: string;
}

function handle(message: Message): { value?: unknown; changed: boolean } {
  if (message.type === 'init' || message.type === 'reset') {
    execution = start();
    failArmed = false;
    return { changed: true };
  }
  if (!execution) throw new Error('The preview backend has not started.');
  switch (message.type) {
    case 'call': {
      const name = message.name ?? '';
      try {
        return { value: call(execution, name, message.args ?? []), changed: !READ_ONLY_CALLS.has(name) };
      } finally {
        if (name === 'runSegmentation') {
          failArmed = false;
          execution.emulator.clearFailures();
        }
      }
    }
    case 'state':
      return { value: tabList(execution), changed: false };
    case 'tab':
      return { value: tabCells(execution, message.name ?? ''), changed: false };
    case 'paste':
      paste(execution, message.name, message.csv);
      return { changed: true };
    case 'activate': {
      // The user clicked a tab in the view: as in Sheets, that tab becomes the active one.
      const sheet = execution.emulator.spreadsheet.getSheetByName(message.name ?? '');
      if (!sheet) throw new Error(`No tab named ${message.name}`);
      execution.emulator.spreadsheet.setActiveSheet(sheet);
      return { changed: true };
    }
    case 'fail':
      execution.emulator.clearFailures();
      execution.emulator.failOn({ method: FAILING_CALL });
      failArmed = true;
      return { changed: true };
  }
}

port.on('message', (message: Message) => {
  try {
    const { value, changed } = handle(message);
    port.postMessage({ id: message.id, ok: true, value, changed });
  } catch (error) {
    const { name, message: text } = error as Error;
    // A failed call may still have changed the spreadsheet (a half-done run is the case to show).
    port.postMessage({ id: message.id, ok: false, error: { name, message: text }, changed: true });
  }
});
