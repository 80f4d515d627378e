/**
 * Writes a plan's tabs into the spreadsheet, safely (design.md §5, §7; issue 16):
 *
 * 0. Survey and budget: every tab's name and size is asked once (Spreadsheet.getSheets, then per tab its id,
 *    name, rows and columns), before anything is written. Name clashes are decided from these names (Sheets'
 *    error messages are in the user's language, so an exception's text cannot be matched), and the cells the
 *    run will occupy are checked against the 10-million-cell limit (limits.ts): all new tabs beside all old
 *    ones ("staged"), else each old tab replaced in turn ("in place"), else nothing is written at all.
 * 1. Tidy: tabs left by a run Apps Script killed (its owned template tabs, and every tab of that run) are
 *    deleted first: they hold cells the run needs.
 * 2. Stage: every new tab is written completely and marked as ours before anything old is touched, under its
 *    final name when that is free, else under a temporary name (`~segment-tabs <run> <i>`).
 * 3. Swap: only then are the previous run's owned tabs this run replaces deleted (roles in `replaceRoles`, and
 *    any owned tab whose key this run writes again, such as History), and the temporarily named tabs renamed.
 *    A user's tab that holds a final name keeps it; ours takes a suffix (`Lost (2)`).
 * 4. If a write fails while staging, this run's tabs are deleted and the previous outputs are untouched; a
 *    failure after some previous tabs were deleted says which ones (PartialWriteError).
 *
 * In place (only when the staged copy does not fit): per tab, the new tab is written beside the old one when
 * that still fits, else the old one is deleted first. A failure or a stop then leaves the tabs already replaced
 * replaced, and says so; the tab being written when Apps Script kills the run is lost until the next run.
 *
 * A time guard (limits.ts) predicts each tab from the run's own measurements and stops cleanly before a step
 * that would pass 5 minutes (Apps Script kills at 6, without running catch or finally).
 *
 * Calls per tab are fixed, none per row: insert, id, mark, rows, columns, one range, then number formats,
 * values and backgrounds on that range, tab colour, a filter on tabs with data that ask for one, title fonts
 * where a block has a title, a chart builder per chart, and the rename when staged under a temporary name.
 * Frozen header rows cost a few calls per run, not per tab: tabs that freeze rows are inserted as copies of a
 * blank template tab that has them (`insertSheet(name, { template })` copies "all data" of the template, frozen
 * rows included); the template is owned (so a run that dies leaves nothing the next run cannot recognise) and
 * deleted before the swap. Nothing is read between the writes, so Apps Script can queue them all.
 */
import { sanitisePlan, SHEETS_CELL_LIMIT } from '../core/plan/cell-limits';
import type { Language } from '../core/options';
import type { ChartPlan, TabPlan } from '../core/plan/types';
import type { ZoneClock } from '../core/parse/time-zone';
import {
  CELL_LIMIT,
  NEW_SHEET_CELLS,
  overBudgetError,
  PartialWriteError,
  planBudget,
  timeUpError,
  TimeGuard,
  type Budget,
  type BudgetInput,
} from './limits';
import { markOwned, type OwnedTab } from './ownership';
import { gridSize, tabGrid, type TabGrid } from './tab-grid';

/** A fresh sheet has 1000 rows and 26 columns. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** Sheets refuses a tab name over 100 characters. */
const MAX_TAB_NAME = 100;
const MAX_NAME_ATTEMPTS = 20;
/**
 * The definitions tab is edited by the user and by the sidebar: it keeps this many empty rows below its
 * segments, and Sheets' 26 columns (room for the shop's own notes right of column E).
 */
export const DEFINITIONS_SPARE_ROWS = 50;
/** Calls a tab costs besides its charts (see above), for the time guard. */
const CALLS_PER_TAB = 14;

export interface WrittenTab {
  key: string;
  role: string;
  name: string;
  /** The written tab (to activate it, without looking it up by name). */
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

/** One tab of the spreadsheet as surveyed before the write. */
export interface SheetInfo {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  id: number;
  name: string;
  cells: number;
}

export interface WriteOptions {
  run: string;
  language: Language;
  clock: ZoneClock;
  /** When the run started (ms), and the clock its time guard reads (Date.now). */
  started: number;
  now: () => number;
  /** Names of the input tabs (their cells are reported apart in the budget message). */
  inputNames: string[];
  /** Cells of the input tabs' data as read (rows × columns). */
  inputDataCells: number;
  /** Called before each tab is written (progress). */
  onTab?: (index: number, count: number, name: string) => void;
}

export interface WriteOutcome {
  tabs: WrittenTab[];
  mode: 'staged' | 'in-place';
  budget: Budget;
  /** Names of the tabs a run that died had left, deleted by this one. */
  tidied: string[];
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A tab a killed run inserted but had not yet marked (Apps Script ended it between the insert and the mark;
 * only the id is asked in between): it has our temporary name and is still a fresh tab's 1000 × 26 cells,
 * since every tab is sized right after its mark. Both together are the test; a name alone would not do.
 */
const UNMARKED_LEFTOVER = /^~segment-tabs \S+ (?:frozen )?\d+$/;

export function isUnmarkedLeftover(name: string, cells: number): boolean {
  return cells === NEW_SHEET_ROWS * NEW_SHEET_COLUMNS && UNMARKED_LEFTOVER.test(name);
}

function stagingName(run: string, index: number): string {
  return `~segment-tabs ${run} ${index + 1}`;
}

function templateName(run: string, frozenRows: number): string {
  return `~segment-tabs ${run} frozen ${frozenRows}`;
}

/** Every tab with its id, name and size: 1 + 4 calls per tab, all before anything is written. */
export function surveyWorkbook(spreadsheet: Spreadsheet): SheetInfo[] {
  return spreadsheet.getSheets().map((sheet) => ({
    sheet,
    id: sheet.getSheetId(),
    name: sheet.getName(),
    cells: sheet.getMaxRows() * sheet.getMaxColumns(),
  }));
}

/** Runs whose template tab is still there: Apps Script ended them while they were staging. */
function unfinishedRuns(owned: readonly OwnedTab[]): Set<string> {
  return new Set(owned.filter((tab) => tab.mark.role === 'template').map((tab) => tab.mark.run));
}

/**
 * Owned tabs a run that died left behind: its templates and every tab it wrote, but for the definitions tab
 * (written once, by a first run, then edited by the user and the sidebar: it is never a leftover).
 */
export function leftoverTabs(owned: readonly OwnedTab[]): OwnedTab[] {
  const unfinished = unfinishedRuns(owned);
  return owned.filter((tab) => unfinished.has(tab.mark.run) && tab.mark.role !== 'definitions');
}

/**
 * The tab of `role` whose values a run reads back (History, snapshot, definitions): a finished run's, the
 * latest first; else a tab a run that died had completed (not its last one, which may be half-written).
 */
export function savedTab(owned: readonly OwnedTab[], role: string): OwnedTab | undefined {
  const unfinished = unfinishedRuns(owned);
  const lastSeq = new Map<string, number>();
  for (const tab of owned) {
    if (tab.mark.role === 'template' || !unfinished.has(tab.mark.run)) continue;
    lastSeq.set(tab.mark.run, Math.max(lastSeq.get(tab.mark.run) ?? -1, tab.mark.seq));
  }
  const candidates = owned.filter(
    (tab) =>
      tab.mark.role === role && !(unfinished.has(tab.mark.run) && lastSeq.get(tab.mark.run) === tab.mark.seq),
  );
  const rank = (tab: OwnedTab) => (unfinished.has(tab.mark.run) ? 0 : 1);
  candidates.sort((a, b) => rank(b) - rank(a) || b.mark.started - a.mark.started);
  return candidates[0];
}

/** Rows the tab freezes: none when its blocks hold no data (a lone header has nothing to scroll past). */
function frozenRowsOf(tab: TabPlan): number {
  return tab.blocks.some((block) => block.rows.length > 0) ? tab.frozenRows : 0;
}

/**
 * The size a tab is trimmed to: its grid plus one spare row (Sheets will not freeze every row of a tab), and
 * exactly its columns; the definitions tab keeps room to edit.
 */
export function trimmedSize(tab: TabPlan): { rows: number; columns: number } {
  const { height, width } = gridSize(tab);
  if (tab.role === 'definitions')
    return { rows: height + DEFINITIONS_SPARE_ROWS, columns: Math.max(width, NEW_SHEET_COLUMNS) };
  return { rows: height + 1, columns: width };
}

/**
 * One call for the rows and one for the columns whatever the tab's size, so the run's count does not depend on
 * the data: delete the spare rows and columns of a small tab (a 20-row segment tab does not carry 980 empty
 * rows towards the 10-million-cell limit) or add what a large one needs.
 */
function sizeSheet(sheet: Sheet, size: { rows: number; columns: number }): void {
  const { rows, columns } = size;
  if (rows < NEW_SHEET_ROWS) sheet.deleteRows(rows + 1, NEW_SHEET_ROWS - rows);
  else if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
  if (columns < NEW_SHEET_COLUMNS) sheet.deleteColumns(columns + 1, NEW_SHEET_COLUMNS - columns);
  else if (columns > NEW_SHEET_COLUMNS)
    sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, columns - NEW_SHEET_COLUMNS);
}

function chartType(kind: ChartPlan['kind']): GoogleAppsScript.Charts.ChartType {
  const types = Charts.ChartType;
  return kind === 'bar'
    ? types.BAR
    : kind === 'column'
      ? types.COLUMN
      : kind === 'line'
        ? types.LINE
        : types.PIE;
}

function addChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabPlan, chart: ChartPlan): void {
  const block = tab.blocks.find((candidate) => candidate.id === chart.blockId);
  if (!block || block.rows.length === 0) return;
  const headerRow = block.anchor.row + (block.title ? 1 : 0);
  const columns = (first: number, last: number) =>
    sheet.getRange(headerRow, block.anchor.column + first, block.rows.length + 1, last - first + 1);
  // The label column and the planned value columns only: one range when they are side by side, else the
  // labels (the domain) then each run of adjacent value columns (Revenue without Customers and Share).
  const runs: [number, number][] = [[chart.labelColumn, chart.labelColumn]];
  for (const column of [...chart.valueColumns].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1]!;
    if (column === run[1] + 1) run[1] = column;
    else runs.push([column, column]);
  }
  let builder = sheet.newChart().setChartType(chartType(chart.kind));
  for (const [first, last] of runs) builder = builder.addRange(columns(first, last));
  const built = builder
    .setNumHeaders(1)
    .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
    .setOption('title', chart.title)
    .setOption('legend', { position: 'none' })
    .build();
  sheet.insertChart(built);
}

/** Cells, formats and colours of the whole tab, each in one call on one range. */
function paint(range: GoogleAppsScript.Spreadsheet.Range, grid: TabGrid): void {
  // Formats first: Sheets converts number-looking text when it is written (`0901234567` becomes 901234567)
  // unless the cell is already formatted as text (`@`), and a date written into a text cell would stay text.
  range.setNumberFormats(grid.formats);
  range.setValues(grid.values);
  range.setBackgrounds(grid.backgrounds);
  if (grid.fontWeights) range.setFontWeights(grid.fontWeights);
  if (grid.fontColours) range.setFontColors(grid.fontColours);
}

/** The plan's tabs with what the writer needs of each: trimmed size, cells, predicted calls. */
interface Sized {
  tab: TabPlan;
  size: { rows: number; columns: number };
  cells: number;
  /** Cells written (values, formats, backgrounds: the grid). */
  written: number;
  calls: number;
}

function sizeTabs(tabs: TabPlan[]): Sized[] {
  return tabs.map((tab) => {
    const size = trimmedSize(tab);
    const { height, width } = gridSize(tab);
    return {
      tab,
      size,
      cells: size.rows * size.columns,
      written: height * width,
      calls: CALLS_PER_TAB + 2 * tab.charts.length,
    };
  });
}

/** Tab names in use, compared ignoring case as Sheets does; kept up to date as the run inserts and renames. */
class TakenNames {
  private readonly names = new Map<string, number>();

  constructor(survey: readonly SheetInfo[]) {
    for (const info of survey) this.names.set(info.name.toLowerCase(), info.id);
  }

  has(name: string): boolean {
    return this.names.has(name.toLowerCase());
  }

  take(name: string, id: number): void {
    this.names.set(name.toLowerCase(), id);
  }

  /** Tabs in the spreadsheet (each has one name). */
  count(): number {
    return this.names.size;
  }

  release(name: string): void {
    this.names.delete(name.toLowerCase());
  }

  /** The wanted name if free, else `name (2)`, `name (3)`, … (each cut to 100 characters). */
  free(wanted: string): string {
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
      const name = truncateName(wanted, attempt === 1 ? '' : ` (${attempt})`);
      if (!this.has(name)) return name;
    }
    throw new Error(`No free tab name for "${wanted}".`);
  }
}

function truncateName(name: string, suffix: string): string {
  return name.slice(0, MAX_TAB_NAME - suffix.length) + suffix;
}

/** Writes a new tab; its frozen rows came with the template it was copied from. */
function writeTab(sheet: Sheet, id: number, sized: Sized, seq: number, options: WriteOptions): void {
  const { tab } = sized;
  markOwned(sheet, { key: tab.key, role: tab.role, run: options.run, started: options.started, seq }, id);
  const grid = tabGrid(tab, options.language, options.clock);
  sizeSheet(sheet, sized.size);
  const range = sheet.getRange(1, 1, grid.height, grid.width);
  paint(range, grid);
  sheet.setTabColor(tab.tabColour);
  // Tabs that ask for a filter hold one block at A1, so the grid range is the block; a lone header has
  // nothing to filter.
  const hasData = tab.blocks.some((block) => block.rows.length > 0);
  if (hasData && tab.filter) range.createFilter();
  for (const chart of tab.charts) addChart(sheet, tab, chart);
  if (tab.hidden) sheet.hideSheet();
}

/**
 * Writes every tab of `tabs`, and replaces the owned tabs found before the run (`owned`) whose role is in
 * `replaceRoles` or whose key this run writes again; other owned tabs are left alone. `survey` is every tab of
 * the spreadsheet as it stands (surveyWorkbook).
 */
export function writeTabs(
  spreadsheet: Spreadsheet,
  tabs: TabPlan[],
  owned: OwnedTab[],
  survey: SheetInfo[],
  replaceRoles: ReadonlySet<string>,
  options: WriteOptions,
): WriteOutcome {
  // Sheets refuses a cell over 50,000 characters (the whole setValues fails); the core's sanitiser cuts it and
  // removes characters no cell can hold, as the .xlsx writer does with Excel's limit.
  sanitisePlan({ tabs }, SHEETS_CELL_LIMIT);
  const cellsOf = new Map(survey.map((info) => [info.id, info.cells]));
  const nameOf = new Map(survey.map((info) => [info.id, info.name]));
  const leftovers = leftoverTabs(owned);
  const leftoverIds = new Set(leftovers.map((tab) => tab.sheetId));
  const ownedIds = new Set(owned.map((tab) => tab.sheetId));
  const unmarked = survey.filter(
    (info) => !ownedIds.has(info.id) && isUnmarkedLeftover(info.name, info.cells),
  );
  const plannedKeys = new Set(tabs.map((tab) => tab.key));
  const toReplace = owned.filter(
    (old) =>
      !leftoverIds.has(old.sheetId) && (replaceRoles.has(old.mark.role) || plannedKeys.has(old.mark.key)),
  );
  const sized = sizeTabs(tabs);
  const frozenCounts = [...new Set(tabs.map(frozenRowsOf).filter((rows) => rows > 0))];
  const inputNames = new Set(options.inputNames.map((name) => name.toLowerCase()));
  const budgetInput: BudgetInput = {
    current: survey.reduce((sum, info) => sum + info.cells, 0),
    input: survey
      .filter((info) => inputNames.has(info.name.toLowerCase()))
      .reduce((sum, info) => sum + info.cells, 0),
    inputData: options.inputDataCells,
    tidied:
      leftovers.reduce((sum, tab) => sum + (cellsOf.get(tab.sheetId) ?? 0), 0) +
      unmarked.reduce((sum, info) => sum + info.cells, 0),
    replaced: toReplace.map((old) => ({ key: old.mark.key, cells: cellsOf.get(old.sheetId) ?? 0 })),
    tabs: sized.map((entry) => ({ key: entry.tab.key, role: entry.tab.role, cells: entry.cells })),
    templates: frozenCounts.length,
  };
  const budget = planBudget(budgetInput);
  if (budget.mode === 'over') throw overBudgetError(budgetInput, budget, options.language);

  const guard = new TimeGuard(options.now, options.started);
  const swapCalls = toReplace.length + tabs.length;
  const allCalls =
    sized.reduce((sum, entry) => sum + entry.calls, 0) + swapCalls + leftovers.length + unmarked.length;
  const allCells = sized.reduce((sum, entry) => sum + entry.written, 0);
  // The whole write, predicted before anything is touched: a run that cannot finish writes nothing.
  if (guard.wouldPass(allCalls, allCells)) throw timeUpError(options.language, guard.elapsedSeconds(), []);

  const names = new TakenNames(survey);
  const tidied: string[] = [];
  for (const tab of [...leftovers, ...unmarked.map((info) => ({ sheet: info.sheet, sheetId: info.id }))]) {
    const name = nameOf.get(tab.sheetId);
    spreadsheet.deleteSheet(tab.sheet);
    if (name !== undefined) {
      names.release(name);
      tidied.push(name);
    }
  }
  const context: WriteContext = {
    spreadsheet,
    sized,
    options,
    names,
    guard,
    templates: new Map(),
    inserted: [],
  };
  const written =
    budget.mode === 'staged'
      ? writeStaged(context, toReplace, nameOf)
      : writeInPlace(context, toReplace, nameOf, cellsOf, budgetInput.current - budgetInput.tidied);
  return { tabs: written, mode: budget.mode, budget, tidied };
}

interface WriteContext {
  spreadsheet: Spreadsheet;
  sized: Sized[];
  options: WriteOptions;
  names: TakenNames;
  guard: TimeGuard;
  /** Template tab per frozen-row count, while they exist. */
  templates: Map<number, { sheet: Sheet; name: string }>;
  /** Every tab this run inserted, from the moment it is inserted (a failure midway removes it too). */
  inserted: Sheet[];
}

/**
 * One blank tab per frozen-row count the plan uses, with those rows frozen, owned with the role `template`: a
 * template still there tells the next run that this run never finished staging.
 */
function makeTemplates(context: WriteContext): void {
  const { spreadsheet, options, names, templates } = context;
  context.sized.forEach((entry) => {
    const frozen = frozenRowsOf(entry.tab);
    if (frozen === 0 || templates.has(frozen)) return;
    const name = names.free(templateName(options.run, frozen));
    // At the end: without an index Sheets inserts after the active tab, among the user's tabs.
    const sheet = spreadsheet.insertSheet(name, names.count());
    const id = sheet.getSheetId();
    names.take(name, id);
    templates.set(frozen, { sheet, name });
    markOwned(
      sheet,
      { key: `template:${frozen}`, role: 'template', run: options.run, started: options.started, seq: -1 },
      id,
    );
    sheet.setFrozenRows(frozen);
  });
}

function deleteTemplates(context: WriteContext): void {
  for (const [frozen, template] of context.templates) {
    context.spreadsheet.deleteSheet(template.sheet);
    context.names.release(template.name);
    context.templates.delete(frozen);
  }
}

/** Inserts and writes one tab under `name`, measured by the time guard. */
function insertAndWrite(context: WriteContext, index: number, name: string): Sheet {
  const { spreadsheet, sized, options, names, guard } = context;
  const entry = sized[index]!;
  options.onTab?.(index, sized.length, entry.tab.name);
  return guard.measure(entry.calls, entry.written, () => {
    const template = context.templates.get(frozenRowsOf(entry.tab))?.sheet;
    // At the end (an index): without one Sheets inserts after the active tab, among the user's tabs.
    const at = names.count();
    const sheet = template
      ? spreadsheet.insertSheet(name, at, { template })
      : spreadsheet.insertSheet(name, at);
    context.inserted.push(sheet);
    const id = sheet.getSheetId();
    names.take(name, id);
    writeTab(sheet, id, entry, index, options);
    return sheet;
  });
}

/** Deletes this run's tabs after a failure or a stop (best effort: the user sees the original error). */
function removeQuietly(spreadsheet: Spreadsheet, sheets: Sheet[]): void {
  for (const sheet of sheets) {
    try {
      spreadsheet.deleteSheet(sheet);
    } catch {
      // The run has already failed, and the error the user sees is the original one.
    }
  }
}

/** All new tabs beside all old ones, then the swap. */
function writeStaged(
  context: WriteContext,
  toReplace: OwnedTab[],
  nameOf: Map<number, string>,
): WrittenTab[] {
  const { spreadsheet, sized, options, names, guard } = context;
  const staged: { sheet: Sheet; name: string; final: boolean }[] = [];
  const ours = () => [...[...context.templates.values()].map((t) => t.sheet), ...context.inserted];
  const stop = () => {
    removeQuietly(spreadsheet, ours());
    return timeUpError(options.language, guard.elapsedSeconds(), []);
  };
  const swapCalls = toReplace.length + sized.length;
  try {
    makeTemplates(context);
    sized.forEach((entry, index) => {
      if (guard.wouldPass(entry.calls + swapCalls + staged.length, entry.written)) throw stop();
      // A free final name saves the rename; a taken one (the old tab of this key, or a user's tab) waits.
      const final = !names.has(truncateName(entry.tab.name, ''));
      const name = final ? truncateName(entry.tab.name, '') : names.free(stagingName(options.run, index));
      staged.push({ sheet: insertAndWrite(context, index, name), name, final });
    });
    deleteTemplates(context);
    if (guard.wouldPass(swapCalls + staged.length, 0)) throw stop();
  } catch (error) {
    if (!(error instanceof Error && error.name === 'UserError')) removeQuietly(spreadsheet, ours());
    throw error;
  }
  const replaced: string[] = [];
  try {
    for (const old of toReplace) {
      spreadsheet.deleteSheet(old.sheet);
      const name = nameOf.get(old.sheetId);
      if (name !== undefined) {
        names.release(name);
        replaced.push(name);
      }
    }
    return sized.map((entry, index) => {
      const { sheet, name, final } = staged[index]!;
      if (final) return { key: entry.tab.key, role: entry.tab.role, name, sheet };
      const wanted = names.free(entry.tab.name);
      sheet.setName(wanted);
      names.release(name);
      names.take(wanted, -1);
      return { key: entry.tab.key, role: entry.tab.role, name: wanted, sheet };
    });
  } catch (error) {
    if (replaced.length === 0) {
      removeQuietly(spreadsheet, context.inserted);
      throw error;
    }
    throw new PartialWriteError(error, replaced);
  }
}

/**
 * Tab by tab (the staged copy does not fit): the old tabs no key of this run replaces go first; then each new
 * tab is written beside its old one when that still fits, else after the old one is deleted.
 */
function writeInPlace(
  context: WriteContext,
  toReplace: OwnedTab[],
  nameOf: Map<number, string>,
  cellsOf: Map<number, number>,
  startCells: number,
): WrittenTab[] {
  const { spreadsheet, sized, options, names, guard } = context;
  const plannedKeys = new Set(sized.map((entry) => entry.tab.key));
  const replaced: string[] = [];
  const written: WrittenTab[] = [];
  let level = startCells;
  const remove = (old: OwnedTab) => {
    spreadsheet.deleteSheet(old.sheet);
    level -= cellsOf.get(old.sheetId) ?? 0;
    const name = nameOf.get(old.sheetId);
    if (name !== undefined) {
      names.release(name);
      replaced.push(name);
    }
  };
  try {
    for (const old of toReplace) if (!plannedKeys.has(old.mark.key)) remove(old);
    makeTemplates(context);
    level += context.templates.size * NEW_SHEET_CELLS;
    sized.forEach((entry, index) => {
      if (guard.wouldPass(entry.calls + 2, entry.written)) {
        removeQuietly(
          spreadsheet,
          [...context.templates.values()].map((template) => template.sheet),
        );
        throw timeUpError(options.language, guard.elapsedSeconds(), replaced);
      }
      const olds = toReplace.filter((old) => old.mark.key === entry.tab.key);
      const beside = level + Math.max(entry.cells, NEW_SHEET_CELLS) <= CELL_LIMIT;
      if (!beside) olds.forEach(remove);
      const wanted = truncateName(entry.tab.name, '');
      const name = names.has(wanted) ? names.free(stagingName(options.run, index)) : wanted;
      const sheet = insertAndWrite(context, index, name);
      level += entry.cells;
      let finalName = name;
      if (beside) {
        olds.forEach(remove);
        if (name !== wanted) {
          finalName = names.free(entry.tab.name);
          sheet.setName(finalName);
          names.release(name);
          names.take(finalName, -1);
        }
      }
      written.push({ key: entry.tab.key, role: entry.tab.role, name: finalName, sheet });
    });
    deleteTemplates(context);
    return written;
  } catch (error) {
    if (error instanceof Error && error.name === 'UserError') throw error;
    removeQuietly(spreadsheet, [
      ...[...context.templates.values()].map((template) => template.sheet),
      ...context.inserted.slice(written.length),
    ]);
    if (replaced.length === 0) throw error;
    throw new PartialWriteError(error, replaced);
  }
}
