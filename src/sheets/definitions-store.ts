/**
 * The owned definitions tab as the sidebar reads and writes it (design.md §4: definitions live in the
 * spreadsheet, one segment per row, so they travel with a copy of the file). The tab is found by its ownership
 * mark only; a user's tab with the same name is never read or written, and a new tab takes a free name.
 *
 * A write rewrites columns A–E of the tab in one rectangle (formats, values, backgrounds: three calls), as tall
 * as the old content or the new, whichever is taller, so rows that were removed are blanked. Columns right of E
 * (a shop's own notes) are left alone. The tab is grown first when the rectangle is taller or wider than the
 * tab (a run trims its tabs, and a range outside the sheet fails: "The coordinates of the range are outside
 * the dimensions of the sheet"), which costs two calls to ask its size.
 */
import type { CellValue } from '../core/cell';
import { readDefinitions, type DefinitionRow } from '../core/definitions/definitions-table';
import type { SavedFilterSegment } from '../core/filter/run';
import type { Language } from '../core/options';
import { zoneClock } from '../core/parse/time-zone';
import { definitionsTab } from '../core/plan/history-tabs';
import { findOwnedTabs, markOwned, type OwnedTab } from './ownership';
import { readValues } from './read-input';
import { AUTOMATIC_FORMAT, tabGrid } from './tab-grid';
import { DEFINITIONS_SPARE_ROWS } from './write-plan';

/** Written into the ownership mark's `run` field: the tab was made by the sidebar, not by a run. */
const SIDEBAR_WRITER = 'sidebar';
const MAX_NAME_ATTEMPTS = 20;

export interface StoredDefinitions {
  /** The owned tab, when it exists. */
  tab: OwnedTab | undefined;
  /** Its values as read (one read); undefined without a tab. */
  values: CellValue[][] | undefined;
  rows: DefinitionRow[];
}

export function loadDefinitions(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): StoredDefinitions {
  const tab = findOwnedTabs(spreadsheet).find((owned) => owned.mark.role === 'definitions');
  const values = tab ? readValues(tab.sheet) : undefined;
  return { tab, values, rows: readDefinitions(values) };
}

/** A name no tab has: the wanted one, else `name (2)`, `name (3)`, … */
function freeTabName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, wanted: string): string {
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = attempt === 1 ? wanted : `${wanted} (${attempt})`;
    if (!spreadsheet.getSheetByName(name)) return name;
  }
  throw new Error(`No free tab name for "${wanted}".`);
}

/** Writes `rows` as the definitions tab (creating and marking it when `stored.tab` is missing); returns its name. */
export function storeDefinitions(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  stored: StoredDefinitions,
  rows: readonly SavedFilterSegment[],
  language: Language,
): string {
  const plan = definitionsTab(rows, language);
  const grid = tabGrid(plan, language, zoneClock(spreadsheet.getSpreadsheetTimeZone()));
  let sheet = stored.tab?.sheet;
  if (!sheet) {
    // At the end: without an index Sheets inserts after the active tab.
    sheet = spreadsheet.insertSheet(freeTabName(spreadsheet, plan.name), spreadsheet.getNumSheets());
    markOwned(
      sheet,
      { key: plan.key, role: plan.role, run: SIDEBAR_WRITER, started: Date.now(), seq: 0 },
      sheet.getSheetId(),
    );
    sheet.setTabColor(plan.tabColour);
    sheet.setFrozenRows(plan.frozenRows);
  }
  const height = Math.max(grid.height, stored.values?.length ?? 0);
  const width = grid.width;
  const pad = <T>(rows: T[][], blank: T) =>
    Array.from({ length: height }, (_, r) => rows[r] ?? new Array<T>(width).fill(blank));
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  // Room to edit after this write too, as a run leaves it (write-plan.ts).
  if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows + DEFINITIONS_SPARE_ROWS);
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  const range = sheet.getRange(1, 1, height, width);
  // Formats first: a text-formatted (`@`) cell keeps what is written as typed.
  range.setNumberFormats(pad(grid.formats, AUTOMATIC_FORMAT));
  range.setValues(pad(grid.values, ''));
  range.setBackgrounds(pad(grid.backgrounds, null));
  return sheet.getName();
}
