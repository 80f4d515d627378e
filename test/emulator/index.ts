/**
 * An in-memory emulator of the Apps Script services the add-on uses, for jest tests of the built bundle
 * (through `loadBundleWithEmulator`) and for a local preview.
 *
 * Behaviours, each documented beside its code with the reference page it follows:
 * - spreadsheet model: sheets.ts (Spreadsheet, Sheet), range.ts (Range, Filter), metadata.ts, builders.ts
 *   (charts, conditional formats), cells.ts + typed-input.ts + number-format.ts (value conversions);
 * - services: services.ts (SpreadsheetApp, LockService, CacheService, PropertiesService, Session, Utilities,
 *   Logger, console, ScriptApp, Charts), ui.ts (Ui, Menu, HtmlService);
 * - call counting and failure injection: core.ts.
 *
 * Formula cells: a string starting with `=` is stored as a formula (Range.getFormulas returns it); the
 * emulator does not evaluate formulas, so getValues / getDisplayValues return '' for such a cell.
 *
 * Not emulated: formula evaluation, filter criteria and sorting, protection, named ranges, data validation,
 * row/column metadata; inserting or deleting rows moves cell contents and formats but not the ranges of a
 * filter, chart or conditional-format rule; month names in vi_VN come from Intl and may differ in case from
 * Sheets' own.
 */
import type { Context } from 'node:vm';
import vm from 'node:vm';
import { writeCell, readBlock } from './cells';
import { DEFAULT_INJECTED_ERROR, type CallLog, type FailRule, type Timing } from './core';
import { SheetState, type ChartRecord, type RuleRecord } from './grid';
import {
  LockState,
  EmuCacheService,
  EmuCharts,
  EmuLockService,
  EmuLogger,
  EmuPropertiesService,
  EmuScriptApp,
  EmuSession,
  EmuSpreadsheetApp,
  EmuUtilities,
  makeConsole,
  type CacheStore,
  type LockKind,
  type PropertyStore,
} from './services';
import { copySheetState, EmuSheet, EmuSpreadsheet } from './sheets';
import { EmuHtmlService } from './ui';
import { World, type LogRecord, type MessageLanguage, type ToastRecord, type UiRecord } from './world';
import { isKnownTimeZone } from './zone';
import { a1Notation } from './a1';
import { displayCell } from './cells';

export interface EmulatorOptions {
  /** Spreadsheet time zone (File > Settings). Default America/New_York. */
  timeZone?: string;
  /** Spreadsheet locale: en_US (default), en_GB, vi_VN, de_DE. */
  locale?: string;
  /** What Session.getActiveUserLocale() returns; default the spreadsheet locale's language (`vi`, `en`). */
  userLocale?: string;
  /** Session.getScriptTimeZone(); default the spreadsheet's time zone. */
  scriptTimeZone?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  userEmail?: string;
  /** Folder HtmlService.createHtmlOutputFromFile reads `<name>.html` from (e.g. dist/). */
  htmlDir?: string;
  /** Name of the spreadsheet's first tab; default Sheet1. */
  firstSheetName?: string;
  /** Language of the services' error messages (Apps Script uses the user's); default en. See world.ts. */
  messageLanguage?: MessageLanguage;
  /**
   * Simulated latency on a virtual clock, which the script's `Date.now()` then reads too: a test can see a
   * run's time guard act, or Apps Script's limit kill it (`executionLimitMs`), without waiting.
   */
  timing?: Timing;
  /**
   * LockService.getDocumentLock() returns null: "if this method is called outside of the context of a
   * containing document (such as from a standalone script or webapp), null is returned"
   * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
   */
  noDocumentLock?: boolean;
}

export interface Emulator {
  /** The globals a script sees: SpreadsheetApp, LockService, CacheService, … */
  globals: Record<string, unknown>;
  /** The active spreadsheet (calls through it are counted like a script's). */
  spreadsheet: EmuSpreadsheet;
  calls: CallLog;
  totalCalls(): number;
  resetCalls(): void;
  /** Throws on the nth matching call from now on (default the next one), once. */
  failOn(rule: FailRule): void;
  /** Starts an execution: the limit of `timing.executionLimitMs` counts from here. */
  beginExecution(): void;
  /** Whether a kill (failOn with `kill`, or the time limit) ended the current execution. */
  killed(): boolean;
  clearFailures(): void;
  ui: UiRecord;
  toasts: ToastRecord[];
  logs: LogRecord[];
  sleeps: number[];
  locks: {
    /** Another execution holds the lock; it lets go after `releaseAfterMs` (never by default). */
    holdElsewhere(kind: LockKind, options?: { releaseAfterMs?: number }): void;
    releaseElsewhere(kind: LockKind): void;
    /** Ends this execution: Apps Script releases the locks an execution still holds when it ends. */
    endExecution(): void;
    state: Record<LockKind, LockState>;
  };
  caches: { document: CacheStore; script: CacheStore; user: CacheStore };
  properties: { document: PropertyStore; script: PropertyStore; user: PropertyStore };
  /** Moves the virtual clock (cache expiry, locks held elsewhere). */
  advanceTime(ms: number): void;
  /** Hands out Dates and Errors of the vm context the script runs in (see core.ts). */
  bindRealm(context: Context): void;
  world: World;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const locale = options.locale ?? 'en_US';
  const timeZone = options.timeZone ?? 'America/New_York';
  if (!isKnownTimeZone(timeZone)) throw new Error(`Unknown time zone ${timeZone}`);
  const world = new World({
    id: options.spreadsheetId ?? '1EmuLatedSpreadsheetId0000000000000000000000',
    name: options.spreadsheetName ?? 'Untitled spreadsheet',
    timeZone,
    locale,
    userLocale: options.userLocale ?? locale.split('_')[0]!,
    scriptTimeZone: options.scriptTimeZone ?? timeZone,
    userEmail: options.userEmail ?? 'owner@example.com',
  });
  world.htmlDir = options.htmlDir ?? null;
  world.messageLanguage = options.messageLanguage ?? 'en';
  world.timing = options.timing ?? null;
  world.noDocumentLock = options.noDocumentLock ?? false;
  const first = new SheetState(options.firstSheetName ?? 'Sheet1', world.book.newSheetId());
  world.book.sheets.push(first);
  world.book.active = first;

  const lockState: Record<LockKind, LockState> = {
    document: new LockState(),
    script: new LockState(),
    user: new LockState(),
  };
  const caches = { document: new Map(), script: new Map(), user: new Map() } as Emulator['caches'];
  const properties = { document: new Map(), script: new Map(), user: new Map() } as Emulator['properties'];

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new EmuSpreadsheetApp(world),
    LockService: new EmuLockService(world, lockState),
    CacheService: new EmuCacheService(world, caches),
    PropertiesService: new EmuPropertiesService(world, properties),
    HtmlService: new EmuHtmlService(world),
    Session: new EmuSession(world),
    Utilities: new EmuUtilities(world),
    Logger: new EmuLogger(world),
    ScriptApp: new EmuScriptApp(world),
    Charts: EmuCharts,
    console: makeConsole(world),
  };

  return {
    globals,
    spreadsheet: new EmuSpreadsheet(world),
    calls: world.calls,
    totalCalls: () => world.calls.total(),
    resetCalls: () => world.calls.reset(),
    failOn: (rule) => world.calls.arm(rule, DEFAULT_INJECTED_ERROR.replace('{id}', world.book.id)),
    clearFailures: () => world.calls.disarm(),
    beginExecution: () => {
      world.executionStart = world.now();
      world.calls.killed = false;
    },
    killed: () => world.calls.killed,
    ui: world.ui,
    toasts: world.toasts,
    logs: world.logs,
    sleeps: world.sleeps,
    locks: {
      holdElsewhere(kind, lockOptions) {
        const after = lockOptions?.releaseAfterMs;
        lockState[kind].heldElsewhereUntil = after === undefined ? Infinity : world.now() + after;
      },
      releaseElsewhere(kind) {
        lockState[kind].heldElsewhereUntil = null;
      },
      endExecution() {
        for (const state of Object.values(lockState)) state.heldHere = false;
        world.calls.killed = false;
      },
      state: lockState,
    },
    caches,
    properties,
    advanceTime: (ms) => world.advanceTime(ms),
    bindRealm(context) {
      world.realm = {
        Date: vm.runInContext('Date', context) as DateConstructor,
        Error: vm.runInContext('Error', context) as ErrorConstructor,
      };
      // With simulated timing (set now or later) the script's clock is the virtual one: Date.now() is what a
      // run's time guard reads.
      const realNow = world.realm.Date.now.bind(world.realm.Date);
      world.realm.Date.now = () => (world.timing ? world.now() : realNow());
    },
    world,
  };
}

// Test helpers: read and write the model directly, without counting calls. --------------------------------

function stateOf(sheet: EmuSheet | SheetState): SheetState {
  return sheet instanceof EmuSheet ? sheet.state : sheet;
}

function worldOf(target: Emulator | EmuSpreadsheet | EmuSheet): World {
  return 'world' in target ? target.world : target.core;
}

export function findSheet(target: Emulator | EmuSpreadsheet, name: string): EmuSheet | null {
  const world = worldOf(target);
  const state = world.book.findByName(name);
  return state ? new EmuSheet(world, state) : null;
}

/** Tab names in order. */
export function sheetNames(target: Emulator | EmuSpreadsheet): string[] {
  return worldOf(target).book.sheets.map((sheet) => sheet.name);
}

/** The sheet's data range as getValues returns it ([] for an empty sheet). */
export function sheetToValues(sheet: EmuSheet): (string | number | boolean | Date)[][] {
  const state = stateOf(sheet);
  const rows = state.lastRow();
  const columns = state.lastColumn();
  if (rows === 0) return [];
  return readBlock(sheet.core, state, { row0: 0, column0: 0, numRows: rows, numColumns: columns });
}

/** The sheet's data range as getDisplayValues returns it. */
export function sheetToDisplayValues(sheet: EmuSheet): string[][] {
  const state = stateOf(sheet);
  const out: string[][] = [];
  for (let r = 0; r < state.lastRow(); r++) {
    const row: string[] = [];
    for (let c = 0; c < state.lastColumn(); c++) row.push(displayCell(sheet.core, state, r, c));
    out.push(row);
  }
  return out;
}

/**
 * Pastes a 2-D array into a tab (created if missing) as a user would: strings are read in the spreadsheet's
 * locale like typed input (`'0901…'` becomes a number, `22/11/2026` a date in vi_VN), or kept as raw text with
 * `asDisplayText` (like pasting into a column formatted as plain text). The tab grows to fit, as a paste does.
 */
export function loadSheet(
  target: Emulator | EmuSpreadsheet,
  name: string,
  rows: unknown[][],
  options: { asDisplayText?: boolean } = {},
): EmuSheet {
  const world = worldOf(target);
  let state = world.book.findByName(name);
  if (!state) {
    state = new SheetState(name, world.book.newSheetId());
    world.checkCellLimit(state.cellCount());
    world.book.sheets.push(state);
  }
  const height = rows.length;
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  if (height > state.maxRows) {
    world.checkCellLimit((height - state.maxRows) * state.maxColumns);
    state.maxRows = height;
  }
  if (width > state.maxColumns) {
    world.checkCellLimit((width - state.maxColumns) * state.maxRows);
    state.maxColumns = width;
  }
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (options.asDisplayText && typeof value === 'string')
        state.values.set(r, c, value === '' ? undefined : value);
      else writeCell(world, state, r, c, value);
    });
  });
  return new EmuSheet(world, state);
}

/**
 * The user's Edit → Duplicate (or the tab menu's "Duplicate"): a copy named "Copy of <name>" right after the
 * original, with a new sheet id, its cells, formats, frozen rows, tab colour, filter, rules and charts. Whether
 * the copy carries the original's developer metadata is not documented (Sheet.copyTo and
 * Spreadsheet.insertSheet with a template say "all data"), so the test chooses: `copyMetadata` copies every
 * mark on the sheet with its value unchanged, as a copy of the sheet's properties would.
 */
export function duplicateTab(
  target: Emulator | EmuSpreadsheet,
  name: string,
  options: { copyMetadata: boolean },
): EmuSheet {
  const world = worldOf(target);
  const original = world.book.findByName(name);
  if (!original) throw new Error(`No tab named ${name}`);
  let copyName = `Copy of ${original.name}`;
  for (let n = 2; world.book.findByName(copyName); n++) copyName = `Copy of ${original.name} ${n}`;
  const copy = copySheetState(original, copyName, world.book.newSheetId());
  world.checkCellLimit(copy.cellCount());
  world.book.sheets.splice(world.book.sheets.indexOf(original) + 1, 0, copy);
  if (options.copyMetadata) {
    for (const meta of world.book.metadata.filter((candidate) => candidate.sheet === original)) {
      world.book.metadata.push({ ...meta, id: world.book.nextMetadataId++, sheet: copy });
    }
  }
  return new EmuSheet(world, copy);
}

/** Charts of a sheet as plain data. */
export function chartsOf(sheet: EmuSheet): (Omit<ChartRecord, 'ranges'> & { ranges: string[] })[] {
  return stateOf(sheet).charts.map((chart) => ({ ...chart, ranges: chart.ranges.map((range) => range.a1) }));
}

/** Conditional-format rules of a sheet as plain data (ranges in A1 notation). */
export function conditionalRulesOf(sheet: EmuSheet): (Omit<RuleRecord, 'ranges'> & { ranges: string[] })[] {
  return stateOf(sheet).rules.map((rule) => ({
    ...rule,
    ranges: rule.ranges.map((r) => a1Notation(r.row, r.column, r.numRows, r.numColumns)),
  }));
}

/** Developer metadata as plain data: on the spreadsheet (sheet null) or on a tab (its name). */
export function metadataOf(
  target: Emulator | EmuSpreadsheet,
): { key: string; value: string | null; visibility: string; sheet: string | null }[] {
  return worldOf(target).book.metadata.map((meta) => ({
    key: meta.key,
    value: meta.value,
    visibility: meta.visibility,
    sheet: meta.sheet ? meta.sheet.name : null,
  }));
}

export type { FailRule } from './core';
export { EmuSheet, EmuSpreadsheet } from './sheets';
export { EmuRange } from './range';
export { formatDate } from './services';
