/**
 * One full run of the built add-on (dist/Code.js) on the Apps Script emulator, as the sidebar drives it:
 * getSetup → detectColumns for each chosen tab → runSegmentation with the confirmed column maps. Used by the
 * face tests and by the benchmark (bundled with esbuild from bench/), so it stays free of jest globals.
 *
 * What counts as a call (the run's cost in Apps Script round trips; see `isCountedCall`): every method called
 * on an object of the Apps Script services the run uses — SpreadsheetApp, Spreadsheet, Sheet, Range, Filter,
 * DeveloperMetadata and its location and finder, Charts' EmbeddedChart, LockService and Lock, CacheService and
 * Cache, PropertiesService and Properties, Session, Utilities — with one documented exception: the chained
 * methods of a builder (EmbeddedChartBuilder.setChartType/addRange/…/build, ConditionalFormatRuleBuilder.*,
 * TextStyleBuilder.*, and a DeveloperMetadataFinder's `with…` filters). A builder only assembles a request
 * inside the script; the call that hands it to the spreadsheet is counted (Sheet.newChart and
 * Sheet.insertChart, Range.setConditionalFormatRules, DeveloperMetadataFinder.find). Reading an enum
 * (`SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT`, `Charts.ChartType.BAR`) is a property, not a call.
 * Only `runSegmentation` is counted: getSetup and detectColumns are separate executions before the run.
 */
import type vm from 'node:vm';
import { mappingFrom, sheetSelection } from '../../src/sidebar/confirm-columns';
import type {
  ColumnDetection,
  Language,
  RunRequest,
  RunResult,
  RunSettings,
  SetupInfo,
} from '../../src/shared/api';
import { createEmulator, findSheet, loadSheet, type Emulator, type EmulatorOptions } from '../emulator';
import { callServer, DIST, loadBundleWithEmulator } from '../emulator/bundle';

/** Tabs the sample's staff paste into (as a KiotViet export is usually named). */
export const INVOICE_TAB = 'Hóa đơn';
export const CUSTOMER_TAB = 'Khách hàng';

export const DEFAULT_SETTINGS: RunSettings = {
  asOf: '2026-11-22',
  metrics: 'rfm',
  levels: 5,
  scoring: 'quintile',
  monetary: 'total',
};

const BUILDER_CLASSES = new Set(['EmbeddedChartBuilder', 'ConditionalFormatRuleBuilder', 'TextStyleBuilder']);

/** Whether a `Class.method` the emulator logged counts as a round trip (see the definition above). */
export function isCountedCall(method: string): boolean {
  const [owner = '', name = ''] = method.split('.');
  if (BUILDER_CLASSES.has(owner)) return false;
  return !(owner === 'DeveloperMetadataFinder' && name.startsWith('with'));
}

export interface FullRunOptions {
  /** Spreadsheet locale; default vi_VN (text in the pasted sheets is read as Sheets reads it there). */
  locale?: string;
  /** Session.getActiveUserLocale(); default the spreadsheet locale's language. */
  userLocale?: string;
  settings?: Partial<RunSettings>;
  runId?: string;
  /**
   * Run in an existing spreadsheet (a re-run, or a spreadsheet with the user's own tabs): the input tabs are
   * pasted only when `invoices` / `customers` are given, so `[]` with this option re-uses what is there.
   */
  on?: FaceSession;
  /** Paste as plain text (a column formatted as text before the paste): strings stay strings. */
  asDisplayText?: boolean;
  invoiceTab?: string;
  customerTab?: string;
}

/** The emulated spreadsheet with the built bundle loaded in it. */
export interface FaceSession {
  emulator: Emulator;
  context: vm.Context;
}

export interface FullRun {
  /** Service calls of runSegmentation (see the definition at the top of this file). */
  calls: number;
  /** The counted calls by `Class.method`. */
  callsByMethod: Record<string, number>;
  /** Builder calls left out of `calls`. */
  builderCalls: number;
  /** `Class.method` of every counted call of runSegmentation, in order. */
  callSequence: string[];
  /** Cells written by value (`Range.setValues`): the sum of every written rectangle's rows × columns. */
  cellsWritten: number;
  /** Names of the tabs the run wrote, in the result's order. */
  tabs: string[];
  result: RunResult;
  setup: SetupInfo;
  detections: ColumnDetection[];
  session: FaceSession;
}

export function newFaceSession(
  options: Pick<
    EmulatorOptions,
    'locale' | 'userLocale' | 'messageLanguage' | 'timing' | 'noDocumentLock'
  > = {},
): FaceSession {
  const emulator = createEmulator({
    locale: options.locale ?? 'vi_VN',
    userLocale: options.userLocale,
    messageLanguage: options.messageLanguage,
    timing: options.timing,
    noDocumentLock: options.noDocumentLock,
    timeZone: 'Asia/Ho_Chi_Minh',
    htmlDir: DIST,
    spreadsheetName: 'Cà Phê Phố Cũ — bán hàng',
    firstSheetName: 'Trang tính1',
  });
  return { emulator, context: loadBundleWithEmulator(emulator) };
}

/**
 * Records the order of the emulator's counted calls by wrapping its call log's counter (the log itself keeps
 * only totals). Returns the list it fills and a function that stops recording.
 */
function recordCalls(emulator: Emulator): { sequence: string[]; cells: { written: number }; stop(): void } {
  const log = emulator.calls;
  const sequence: string[] = [];
  const cells = { written: 0 };
  const hit = log.hit;
  log.hit = function recordingHit(this: typeof log, method: string): void {
    sequence.push(method);
    hit.call(this, method);
  };
  return {
    sequence,
    cells,
    stop: () => {
      log.hit = hit;
    },
  };
}

function countWrittenCells(emulator: Emulator, recorder: { cells: { written: number } }): () => void {
  // Range.setValues is a prototype method of every range the script gets; its argument's shape is the cells.
  const app = emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const anyRange = app.getActiveSpreadsheet().getSheets()[0]!.getRange(1, 1);
  const proto = Object.getPrototypeOf(anyRange) as { setValues: (values: unknown[][]) => unknown };
  const original = proto.setValues;
  proto.setValues = function countingSetValues(this: unknown, values: unknown[][]) {
    recorder.cells.written += values.length * (values[0]?.length ?? 0);
    return original.call(this, values);
  };
  return () => {
    proto.setValues = original;
  };
}

export interface PreparedRun {
  session: FaceSession;
  setup: SetupInfo;
  detections: ColumnDetection[];
  /** What the sidebar sends once the user has confirmed the detected columns. */
  request: RunRequest;
}

/** Pastes the input and walks the sidebar up to the run: getSetup, then detectColumns for each chosen tab. */
export function prepareRun(
  invoices: unknown[][],
  customers: unknown[][] | null,
  options: FullRunOptions = {},
): PreparedRun {
  const session = options.on ?? newFaceSession({ locale: options.locale, userLocale: options.userLocale });
  const { emulator, context } = session;
  const invoiceTab = options.invoiceTab ?? INVOICE_TAB;
  const customerTab = options.customerTab ?? CUSTOMER_TAB;
  const paste = { asDisplayText: options.asDisplayText ?? false };
  if (invoices.length > 0) loadSheet(emulator, invoiceTab, invoices, paste);
  if (customers && customers.length > 0) loadSheet(emulator, customerTab, customers, paste);

  const setup = callServer<SetupInfo>(context, 'getSetup');
  const language: Language = setup.language;
  const chosen: { name: string; kind: 'invoices' | 'customers' }[] = [{ name: invoiceTab, kind: 'invoices' }];
  if (customers) chosen.push({ name: customerTab, kind: 'customers' });
  const detections = chosen.map(({ name, kind }) =>
    callServer<ColumnDetection>(context, 'detectColumns', name, kind, language),
  );
  const [invoiceMapping, customerMapping] = detections.map((detection) => mappingFrom(detection));
  const request: RunRequest = {
    invoices: sheetSelection(invoiceMapping!),
    customers: customerMapping ? sheetSelection(customerMapping) : undefined,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    language,
    runId: options.runId ?? `run-${Math.random().toString(36).slice(2, 10)}`,
  };
  return { session, setup, detections, request };
}

/** Calls runSegmentation as google.script.run does, ending the execution afterwards (its locks go). */
export function callRun(session: FaceSession, request: RunRequest): RunResult {
  session.emulator.beginExecution();
  try {
    return callServer<RunResult>(session.context, 'runSegmentation', request);
  } finally {
    // Apps Script releases the locks an execution still holds when it ends, even after a failure.
    session.emulator.locks.endExecution();
  }
}

export function fullRunOnEmulator(
  invoices: unknown[][],
  customers: unknown[][] | null,
  options: FullRunOptions = {},
): FullRun {
  const prepared = prepareRun(invoices, customers, options);
  const { session } = prepared;
  const { emulator } = session;
  const recorder = recordCalls(emulator);
  const stopCounting = countWrittenCells(emulator, recorder);
  // The prototype look-up of countWrittenCells made counted calls of its own: start from zero.
  emulator.resetCalls();
  recorder.sequence.length = 0;
  let result: RunResult;
  try {
    result = callRun(session, prepared.request);
  } finally {
    recorder.stop();
    stopCounting();
  }
  const tabs = result.tabs.map((tab) => tab.name);
  for (const name of tabs) {
    if (!findSheet(emulator, name)) throw new Error(`The run reported tab "${name}", which does not exist`);
  }
  const counted = recorder.sequence.filter(isCountedCall);
  const callsByMethod: Record<string, number> = {};
  for (const method of [...counted].sort()) callsByMethod[method] = (callsByMethod[method] ?? 0) + 1;
  return {
    calls: counted.length,
    callsByMethod,
    builderCalls: recorder.sequence.length - counted.length,
    callSequence: counted,
    cellsWritten: recorder.cells.written,
    tabs,
    result,
    setup: prepared.setup,
    detections: prepared.detections,
    session,
  };
}
