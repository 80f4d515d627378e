/**
 * Writes a plan's tabs into the spreadsheet, safely (design.md §5, issue "Apps Script face"):
 *
 * 1. Stage: every new tab is written completely and marked as ours before anything old is touched. A tab
 *    whose name may still be held by a previous run's tab of the same key is staged under a temporary name
 *    (`~segment-tabs <run> <i>`); a tab whose name is free (a first run, a segment that is new this run) is
 *    staged under its final name, which saves the rename: the swap below never needs it.
 * 2. Swap: only then are the previous run's owned tabs that this run replaces deleted (roles in
 *    `replaceRoles`, and any owned tab whose key this run writes again, such as History), and the
 *    temporarily named tabs renamed. A user's tab that holds a final name keeps it; ours takes a suffix
 *    (`Lost (2)`).
 * 3. If a write fails midway, this run's half-written tabs are deleted and the previous outputs are untouched.
 *
 * Calls per tab are fixed, none per row: insert, mark, size, one range, then number formats, values and
 * backgrounds on that range, tab colour, a filter on tabs with data that ask for one, title fonts where a
 * block has a title, a chart builder per chart, and the rename when staged under a temporary name. Frozen
 * header rows cost one call per run, not per tab: tabs that freeze rows are inserted as copies of a blank
 * template tab that has them (`insertSheet(name, { template })` copies "all data" of the template, frozen rows
 * included), and the template is deleted before the swap. Nothing is read between the writes, so Apps Script
 * can queue them all.
 */
import { sanitisePlan, SHEETS_CELL_LIMIT } from '../core/plan/cell-limits';
import type { Language } from '../core/options';
import type { ChartPlan, TabPlan } from '../core/plan/types';
import type { ZoneClock } from '../core/parse/time-zone';
import { markOwned, type OwnedTab } from './ownership';
import { tabGrid, type TabGrid } from './tab-grid';

/** A fresh sheet has 1000 rows and 26 columns. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** Sheets refuses a tab name over 100 characters. */
const MAX_TAB_NAME = 100;
const MAX_NAME_ATTEMPTS = 20;
/** Sheets' message when a tab name is taken (Spreadsheet.insertSheet, Sheet.setName). */
const NAME_TAKEN = /already exists/i;

export interface WrittenTab {
  key: string;
  role: string;
  name: string;
  /** The written tab (to activate it, without looking it up by name). */
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export interface WriteOptions {
  run: string;
  language: Language;
  clock: ZoneClock;
  /** Called before each tab is written (progress). */
  onTab?: (index: number, count: number, name: string) => void;
}

function stagingName(run: string, index: number): string {
  return `~segment-tabs ${run} ${index + 1}`;
}

function templateName(run: string, frozenRows: number): string {
  return `~segment-tabs ${run} frozen ${frozenRows}`;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows the tab freezes: none when its blocks hold no data (a lone header has nothing to scroll past). */
function frozenRowsOf(tab: TabPlan): number {
  return tab.blocks.some((block) => block.rows.length > 0) ? tab.frozenRows : 0;
}

/**
 * One blank tab per frozen-row count the plan uses, with those rows frozen. It carries no ownership mark, so
 * copies made from it carry only their own (whether Sheets copies developer metadata is not documented).
 */
function makeTemplates(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: TabPlan[],
  run: string,
  made: Map<number, Sheet>,
): void {
  for (const tab of tabs) {
    const frozen = frozenRowsOf(tab);
    if (frozen === 0 || made.has(frozen)) continue;
    const template = spreadsheet.insertSheet(templateName(run, frozen));
    made.set(frozen, template);
    template.setFrozenRows(frozen);
  }
}

/**
 * Exactly one call per tab whatever its height, so the run's count does not depend on the data: delete the
 * spare rows of a short tab (a 20-row segment tab does not carry 980 empty rows towards the 10-million-cell
 * limit) or add the rows a long one needs. One spare row is kept: Sheets will not freeze every row of a tab.
 */
function sizeSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const wantedRows = rows + 1;
  if (wantedRows < NEW_SHEET_ROWS) sheet.deleteRows(wantedRows + 1, NEW_SHEET_ROWS - wantedRows);
  else if (wantedRows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, wantedRows - NEW_SHEET_ROWS);
  if (columns > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, columns - NEW_SHEET_COLUMNS);
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
  const first = Math.min(chart.labelColumn, ...chart.valueColumns);
  const last = Math.max(chart.labelColumn, ...chart.valueColumns);
  const headerRow = block.anchor.row + (block.title ? 1 : 0);
  const range = sheet.getRange(
    headerRow,
    block.anchor.column + first,
    block.rows.length + 1,
    last - first + 1,
  );
  const built = sheet
    .newChart()
    .setChartType(chartType(chart.kind))
    .addRange(range)
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

/** Writes a staged tab; its frozen rows came with the template it was copied from. */
function writeTab(sheet: Sheet, tab: TabPlan, options: WriteOptions): void {
  markOwned(sheet, { key: tab.key, role: tab.role, run: options.run });
  const grid = tabGrid(tab, options.language, options.clock);
  sizeSheet(sheet, grid.height, grid.width);
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

function truncateName(name: string, suffix: string): string {
  return name.slice(0, MAX_TAB_NAME - suffix.length) + suffix;
}

function isNameTaken(error: unknown): boolean {
  return NAME_TAKEN.test(error instanceof Error ? error.message : String(error));
}

/**
 * Inserts the tab a plan tab is staged in: under its final name when no previous tab of ours has the same key
 * (so no rename is needed later) and the name is free, else under a temporary name.
 */
function insertStaged(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: TabPlan,
  temporaryName: string,
  previousKeys: ReadonlySet<string>,
  template: Sheet | undefined,
): { sheet: Sheet; finalName: string | null } {
  const insert = (name: string) =>
    template ? spreadsheet.insertSheet(name, { template }) : spreadsheet.insertSheet(name);
  if (!previousKeys.has(tab.key)) {
    const name = truncateName(tab.name, '');
    try {
      return { sheet: insert(name), finalName: name };
    } catch (error) {
      // A user's tab (or one of ours of another key) holds the name: stage, and take a suffix at the swap.
      if (!isNameTaken(error)) throw error;
    }
  }
  return { sheet: insert(temporaryName), finalName: null };
}

/** Renames a staged tab to its final name; a user's tab holding that name keeps it and ours takes a suffix. */
function claimName(sheet: GoogleAppsScript.Spreadsheet.Sheet, wanted: string): string {
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = truncateName(wanted, attempt === 1 ? '' : ` (${attempt})`);
    try {
      sheet.setName(name);
      return name;
    } catch (error) {
      if (!isNameTaken(error)) throw error;
    }
  }
  throw new Error(`No free tab name for "${wanted}".`);
}

/**
 * Writes every tab of `tabs`, then replaces the owned tabs found before the run (`previous`) whose role is in
 * `replaceRoles` or whose key this run writes again; other owned tabs (such as a definitions tab the run does
 * not rewrite) are left alone. Tabs left by a run that died mid-write (Apps Script's time limit) are owned and
 * of these roles too, so the next successful run removes them.
 */
export function writeTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: TabPlan[],
  previous: OwnedTab[],
  replaceRoles: ReadonlySet<string>,
  options: WriteOptions,
): WrittenTab[] {
  // Sheets refuses a cell over 50,000 characters (the whole setValues fails); the core's sanitiser cuts it and
  // removes characters no cell can hold, as the .xlsx writer does with Excel's limit.
  sanitisePlan({ tabs }, SHEETS_CELL_LIMIT);
  const previousKeys = new Set(previous.map((old) => old.mark.key));
  const staged: { sheet: Sheet; finalName: string | null }[] = [];
  const templates = new Map<number, Sheet>();
  try {
    makeTemplates(spreadsheet, tabs, options.run, templates);
    tabs.forEach((tab, index) => {
      options.onTab?.(index, tabs.length, tab.name);
      const template = templates.get(frozenRowsOf(tab));
      const inserted = insertStaged(
        spreadsheet,
        tab,
        stagingName(options.run, index),
        previousKeys,
        template,
      );
      staged.push(inserted);
      writeTab(inserted.sheet, tab, options);
    });
    for (const [frozen, template] of templates) {
      spreadsheet.deleteSheet(template);
      templates.delete(frozen);
    }
  } catch (error) {
    removeStaged(spreadsheet, [...templates.values(), ...staged.map((entry) => entry.sheet)]);
    throw error;
  }
  const plannedKeys = new Set(tabs.map((tab) => tab.key));
  for (const old of previous) {
    if (replaceRoles.has(old.mark.role) || plannedKeys.has(old.mark.key)) spreadsheet.deleteSheet(old.sheet);
  }
  return tabs.map((tab, index) => {
    const { sheet, finalName } = staged[index]!;
    return { key: tab.key, role: tab.role, name: finalName ?? claimName(sheet, tab.name), sheet };
  });
}

/** Deletes this run's half-written tabs after a failure; the previous outputs were never touched. */
function removeStaged(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, staged: Sheet[]): void {
  for (const sheet of staged) {
    try {
      spreadsheet.deleteSheet(sheet);
    } catch {
      // Best effort: the run has already failed, and the error the user sees is the original one.
    }
  }
}
