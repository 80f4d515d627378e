/**
 * Writes a plan's tabs into the spreadsheet, safely (design.md §5, issue "Apps Script face"):
 *
 * 1. Stage: every new tab is written completely under a temporary name and marked as ours (role `staging`).
 * 2. Swap: only then are the previous run's owned tabs of the same roles deleted, and the new tabs renamed to
 *    their final names. A user's tab that holds a final name keeps it; ours takes a suffix (`Lost (2)`).
 * 3. If a write fails midway, the half-written temporaries are deleted and the previous outputs are untouched.
 *
 * Calls per tab are fixed (insert, mark, size, one range, values, formats, backgrounds, tab colour, rename,
 * plus frozen rows, filter and chart where the plan asks), none per row; nothing is read between the writes,
 * so Apps Script can batch them.
 */
import type { Language } from '../core/options';
import type { ChartPlan, TabPlan } from '../core/plan/types';
import type { ZoneClock } from '../core/parse/time-zone';
import { markOwned, type OwnedTab } from './ownership';
import { tabGrid } from './tab-grid';

/** A fresh sheet has 1000 rows and 26 columns. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** Sheets refuses a tab name over 100 characters. */
const MAX_TAB_NAME = 100;
const MAX_NAME_ATTEMPTS = 20;

export interface WrittenTab {
  key: string;
  role: string;
  name: string;
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

function sizeSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  // One spare row: Sheets will not freeze every row of a tab, and a header-only tab is legal.
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

function writeTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: TabPlan,
  name: string,
  options: WriteOptions,
  onInserted: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void,
): void {
  const sheet = spreadsheet.insertSheet(name);
  onInserted(sheet);
  markOwned(sheet, { key: tab.key, role: tab.role, run: options.run });
  const grid = tabGrid(tab, options.language, options.clock);
  sizeSheet(sheet, grid.height, grid.width);
  const range = sheet.getRange(1, 1, grid.height, grid.width);
  range.setValues(grid.values);
  range.setNumberFormats(grid.formats);
  range.setBackgrounds(grid.backgrounds);
  sheet.setTabColor(tab.tabColour);
  if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
  // Tabs that ask for a filter hold one block at A1, so the grid range is the block.
  if (tab.filter) range.createFilter();
  for (const chart of tab.charts) addChart(sheet, tab, chart);
  if (tab.hidden) sheet.hideSheet();
}

function truncateName(name: string, suffix: string): string {
  return name.slice(0, MAX_TAB_NAME - suffix.length) + suffix;
}

/** Renames a staged tab to its final name; a user's tab holding that name keeps it and ours takes a suffix. */
function claimName(sheet: GoogleAppsScript.Spreadsheet.Sheet, wanted: string): string {
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = truncateName(wanted, attempt === 1 ? '' : ` (${attempt})`);
    try {
      sheet.setName(name);
      return name;
    } catch (error) {
      if (!/already exists/i.test(String(error))) throw error;
    }
  }
  throw new Error(`No free tab name for "${wanted}".`);
}

/**
 * Writes every tab of `tabs`, then replaces the owned tabs (`previous`, found before the run) whose role is in
 * `replaceRoles` (tabs of other roles,
 * such as History, are left for their own writer). Tabs left by a run that died mid-write (Apps Script's time
 * limit) carry one of these roles too, so the next successful run removes them.
 */
export function writeTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: TabPlan[],
  previous: OwnedTab[],
  replaceRoles: ReadonlySet<string>,
  options: WriteOptions,
): WrittenTab[] {
  const staged: GoogleAppsScript.Spreadsheet.Sheet[] = [];
  try {
    tabs.forEach((tab, index) => {
      options.onTab?.(index, tabs.length, tab.name);
      writeTab(spreadsheet, tab, stagingName(options.run, index), options, (sheet) => staged.push(sheet));
    });
  } catch (error) {
    removeStaged(spreadsheet, staged);
    throw error;
  }
  for (const old of previous) if (replaceRoles.has(old.mark.role)) spreadsheet.deleteSheet(old.sheet);
  return tabs.map((tab, index) => ({
    key: tab.key,
    role: tab.role,
    name: claimName(staged[index]!, tab.name),
  }));
}

/** Deletes this run's half-written tabs after a failure; the previous outputs were never touched. */
function removeStaged(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  staged: GoogleAppsScript.Spreadsheet.Sheet[],
): void {
  for (const sheet of staged) {
    try {
      spreadsheet.deleteSheet(sheet);
    } catch {
      // Best effort: the run has already failed, and the error the user sees is the original one.
    }
  }
}
