/** The sidebar's server functions other than setup: thin wrappers over the Apps Script face. */
import { detectColumns as detect } from '../sheets/detect-columns';
import { readProgress } from '../sheets/progress';
import { runSegmentation as run } from '../sheets/run-segmentation';
import type { ColumnDetection, Language, Progress, RunRequest, RunResult, SheetKind } from '../shared/api';

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
