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

export function runSegmentation(request: RunRequest): RunResult {
  return run(request);
}

export function getProgress(runId: string): Progress | null {
  return readProgress(runId);
}

/** Shows a result tab (the sidebar's segment list links here). */
export function openTab(name: string): void {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)?.activate();
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
