/**
 * The preview's spreadsheet side, run in a worker thread by scripts/preview.mjs: an emulated spreadsheet
 * (test/emulator) preloaded with the sample shop, and the built dist/Code.js running on it in a vm context,
 * exactly as Apps Script runs the pushed file. Each message is one execution: a server call, a read of the
 * spreadsheet for the view, or one of the preview's controls (add a CSV or pasted cells as a tab, add every
 * sheet of an .xlsx as tabs, start over, fail the next run).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeCsv, parseCsv } from '../../src/cli/read-csv';
import { readXlsxBytes, WorkbookReadError } from '../../src/cli/read-xlsx';
import { chartsOf, createEmulator, loadSheet, type Emulator } from '../../test/emulator';

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
/** The range a server call last selected (`selectCell`, a data-issue link): the view outlines it. */
let selection: { sheet: string; a1: string } | null = null;

/**
 * Records what `Range.activate()` selects: the emulator keeps only the active sheet, and the view shows the
 * selected cell as Sheets would. Wrapped once per emulator (each reset makes a new one).
 */
function recordSelections(emulator: Emulator): void {
  const probe = emulator.spreadsheet.getSheets()[0]!.getRange(1, 1);
  const prototype = Object.getPrototypeOf(probe) as {
    activate: (this: typeof probe) => typeof probe;
    __recorded?: boolean;
  };
  if (prototype.__recorded) return;
  const activate = prototype.activate;
  prototype.activate = function (this: typeof probe) {
    const result = activate.call(this);
    selection = { sheet: this.getSheet().getName(), a1: this.getA1Notation() };
    return result;
  };
  prototype.__recorded = true;
}
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
  recordSelections(emulator);
  selection = null;
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
    language: setup.language,
    selection,
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
  // The first rows, or, when a selected cell lies further down, the rows around it (as Sheets scrolls there).
  const selectedRow = selection?.sheet === name ? Number(/(\d+)/.exec(selection.a1)?.[1] ?? 0) : 0;
  const firstRow =
    selectedRow > ROWS_SHOWN ? Math.max(1, Math.min(selectedRow - ROWS_SHOWN / 2, rows - ROWS_SHOWN + 1)) : 1;
  const shown = Math.min(rows - firstRow + 1, ROWS_SHOWN);
  const cells: { v: string; bg?: string; fc?: string; b?: boolean }[][] = [];
  if (shown > 0 && columns > 0) {
    const range = sheet.getRange(firstRow, 1, shown, columns);
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
  return {
    name,
    rows,
    columns,
    firstRow,
    frozenRows: sheet.getFrozenRows(),
    cells,
    charts: chartData(sheet),
  };
}

/**
 * The tab's embedded charts with the values they plot (header row first), so the view can draw them: the
 * emulator records charts, it does not render them.
 */
function chartData(sheet: ReturnType<Emulator['spreadsheet']['getSheets']>[number]) {
  return chartsOf(sheet).map((chart) => {
    // The labels' range, then the series' ranges (rows aligned): side by side, as one table.
    const parts = chart.ranges.map((range) => sheet.getRange(range.replace(/^.*!/, '')).getValues());
    const values = (parts[0] ?? []).map((row, r) => [
      ...row,
      ...parts.slice(1).flatMap((part) => part[r] ?? []),
    ]);
    return {
      type: String(chart.type).toLowerCase(),
      title: typeof chart.options.title === 'string' ? chart.options.title : '',
      anchor: { row: chart.anchor.row, column: chart.anchor.column },
      values: values.map((row) =>
        row.map((value) => (typeof value === 'number' ? value : String(value ?? ''))),
      ),
    };
  });
}

/** Words of the preview's own errors, in the preview's language. */
const say = (vi: string, en: string) => (setup.language === 'vi' ? vi : en);

/**
 * Adds a tab from a CSV text or from cells (pasted from a spreadsheet's clipboard), each text read as typed
 * input in the spreadsheet's locale, as Sheets reads a paste (`0901…` becomes a number). With `unique`, a name
 * that is taken gets ` (2)`, ` (3)`…, as Sheets does when sheets are imported; otherwise it is refused. With
 * `asText`, texts stay text (an .xlsx's text cells, whose numbers and dates are typed already).
 */
function paste(
  execution: Execution,
  name: unknown,
  csv: unknown,
  cells?: unknown,
  unique = false,
  asText = false,
): string {
  let tab = typeof name === 'string' ? name.trim() : '';
  if (!tab) throw new Error(say('Tab cần có tên.', 'The tab needs a name.'));
  const rows = Array.isArray(cells)
    ? cells.map((row) => (Array.isArray(row) ? row.map((cell) => (cell ?? '') as unknown) : []))
    : typeof csv === 'string'
      ? readCsvText(csv)
      : [];
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  if (rows.length === 0 || rows.every((row) => row.every((cell) => cell === '')))
    throw new Error(say('Không có ô nào có dữ liệu.', 'There are no cells with data.'));
  const spreadsheet = execution.emulator.spreadsheet;
  if (spreadsheet.getSheetByName(tab)) {
    if (!unique) throw new Error(say(`Đã có tab tên "${tab}".`, `A tab named "${tab}" already exists.`));
    let n = 2;
    while (spreadsheet.getSheetByName(`${tab} (${n})`)) n++;
    tab = `${tab} (${n})`;
  }
  const width = Math.max(...rows.map((row) => row.length));
  loadSheet(
    execution.emulator,
    tab,
    rows.map((row) => [...row, ...Array<unknown>(width - row.length).fill('')]),
    { asDisplayText: asText },
  );
  return tab;
}

/** Every worksheet of an .xlsx (sent as base64) becomes a tab, hidden ones too, in the workbook's order. */
async function addWorkbook(execution: Execution, base64: unknown): Promise<string[]> {
  if (typeof base64 !== 'string' || base64 === '') throw new Error(say('Tệp trống.', 'The file is empty.'));
  const sheets = await readXlsxBytes(Buffer.from(base64, 'base64')).catch((error: unknown) => {
    throw error instanceof WorkbookReadError
      ? new Error(
          say('Tệp hỏng hoặc không phải tệp Excel (.xlsx).', 'The file is damaged or not an .xlsx workbook.'),
        )
      : error;
  });
  const added: string[] = [];
  for (const sheet of sheets) {
    if (sheet.values.length === 0) continue;
    added.push(paste(execution, sheet.name, undefined, sheet.values, true, true));
  }
  if (added.length === 0)
    throw new Error(say('Tệp không có trang tính nào có dữ liệu.', 'The workbook has no sheet with data.'));
  return added;
}

interface Message {
  id: number;
  type: 'init' | 'call' | 'state' | 'tab' | 'paste' | 'xlsx' | 'reset' | 'fail' | 'activate';
  name?: string;
  args?: unknown[];
  csv?: string;
  /** Pasted cells, rows of strings (the clipboard's tab-separated text, split by the view). */
  cells?: unknown[][];
  /** An .xlsx file's bytes, base64. */
  base64?: string;
}

function handle(
  message: Message,
): { value?: unknown; changed: boolean } | Promise<{ value?: unknown; changed: boolean }> {
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
      // Pasted cells get a free name; a CSV file keeps its own and is refused when it is taken.
      return {
        value: {
          tab: paste(execution, message.name, message.csv, message.cells, message.cells !== undefined),
        },
        changed: true,
      };
    case 'xlsx':
      return addWorkbook(execution, message.base64).then((tabs) => ({ value: { tabs }, changed: true }));
    case 'activate': {
      // The user clicked a tab in the view: as in Sheets, that tab becomes the active one.
      const sheet = execution.emulator.spreadsheet.getSheetByName(message.name ?? '');
      if (!sheet) throw new Error(`No tab named ${message.name}`);
      execution.emulator.spreadsheet.setActiveSheet(sheet);
      selection = null;
      return { changed: true };
    }
    case 'fail':
      execution.emulator.clearFailures();
      execution.emulator.failOn({ method: FAILING_CALL });
      failArmed = true;
      return { changed: true };
  }
}

function failedWith(message: Message, error: unknown): void {
  const { name, message: text } = error as Error;
  // A failed call may still have changed the spreadsheet (a half-done run is the case to show).
  port.postMessage({ id: message.id, ok: false, error: { name, message: text }, changed: true });
}

port.on('message', (message: Message) => {
  try {
    const answer = handle(message);
    if (answer instanceof Promise) {
      answer.then(
        ({ value, changed }) => port.postMessage({ id: message.id, ok: true, value, changed }),
        (error: unknown) => failedWith(message, error),
      );
      return;
    }
    port.postMessage({ id: message.id, ok: true, value: answer.value, changed: answer.changed });
  } catch (error) {
    failedWith(message, error);
  }
});
