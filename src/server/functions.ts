/** The sidebar's server functions other than setup: thin wrappers over the Apps Script face. */
import { detectColumns as detect } from '../sheets/detect-columns';
import { readProgress } from '../sheets/progress';
import { runSegmentation as run } from '../sheets/run-segmentation';
import { say } from '../core/i18n';
import { markIsOurs, OWNER_KEY, parseMark } from '../sheets/ownership';
import { UserError } from '../sheets/user-error';
import type {
  ColumnDetection,
  Language,
  Progress,
  RunRequest,
  RunResult,
  SheetKind,
  TabRows,
} from '../shared/api';

export function detectColumns(sheet: string, kind: SheetKind, language: Language): ColumnDetection {
  return detect(sheet, kind, language);
}

/**
 * Runs the segmentation. A run that fails leaves the user on the tab they were on: writing makes new tabs
 * (each becomes the active one as it is inserted), and a failure halfway would otherwise leave the user looking
 * at a staged or hidden tab (Filter segments, the snapshot).
 */
export function runSegmentation(request: RunRequest): RunResult {
  // One call: the run's own calls are counted against a budget (test/face/call-budget.test.ts).
  const before = SpreadsheetApp.getActiveSheet();
  try {
    return run(request);
  } catch (error) {
    try {
      before.activate();
    } catch {
      // The tab the user was on is gone (it was one of ours and the run replaced it): nothing to go back to.
    }
    throw error;
  }
}

export function getProgress(runId: string): Progress | null {
  return readProgress(runId);
}

/** Shows a result tab (the sidebar's segment list links here). */
export function openTab(name: string): void {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)?.activate();
}

/**
 * Selects one cell (or a row, `12:12`) of a tab: the sidebar's data-issue links land on the cell at fault.
 * Only A1 references are accepted; a tab that is gone says so.
 */
export function selectCell(sheetName: string, a1: string, language: Language): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) {
    throw new UserError(
      say(language, `Không còn tab "${sheetName}".`, `There is no tab named "${sheetName}" any more.`),
    );
  }
  if (!/^(?:[A-Z]{1,3}[1-9]\d*|[1-9]\d*:[1-9]\d*)$/.test(a1)) {
    throw new UserError(say(language, `"${a1}" không phải một ô.`, `"${a1}" is not a cell.`));
  }
  sheet.getRange(a1).activate();
}

/** A result tab's cells as displayed, for the CSV export; only tabs the add-on owns are read. */
export function getSegmentRows(tabName: string, language: Language): TabRows {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tabName);
  // Ours only when our mark was written on this very sheet (a duplicated tab may carry a copy of it).
  const id = sheet?.getSheetId();
  const ours =
    sheet?.getDeveloperMetadata().some((metadata) => {
      if (metadata.getKey() !== OWNER_KEY) return false;
      const mark = parseMark(metadata.getValue());
      return mark !== null && markIsOurs(mark, id!);
    }) ?? false;
  if (!sheet || !ours) {
    throw new UserError(
      say(
        language,
        `"${tabName}" không phải tab kết quả của Segment Tabs.`,
        `"${tabName}" is not a Segment Tabs result tab.`,
      ),
    );
  }
  const [header = [], ...rows] = sheet.getDataRange().getDisplayValues();
  return { name: tabName, header, rows };
}
