/**
 * Ownership: every tab the add-on writes carries developer metadata under our key, with its role, plan key, the
 * run that wrote it and the id of the sheet it was written on as the value. Tabs are recognised by that mark
 * alone, never by name, so a user's tab called "Lost" is never touched.
 *
 * The mark is bound to its sheet id: whether Sheets copies developer metadata when a user duplicates a tab is
 * not documented (Spreadsheet.insertSheet: "All data from the template sheet object is copied"; Sheet.copyTo
 * says nothing about metadata), so a "Copy of Lost" may carry our mark. Its sheet id is new, so a mark whose
 * `sheetId` is not the id of the sheet it sits on is not ours: that tab is the user's. Marks written before the
 * binding (no `sheetId`) are still ours.
 *
 * One finder call returns every mark; each mark's value, location, sheet and the sheet's id are then asked of
 * it (four calls per owned tab, counted as round trips by the emulator: whether Apps Script answers them
 * locally is not documented).
 */
import type { TabRole } from '../core/plan/types';

export const OWNER_KEY = 'segment-tabs';

/** The blank tab a run copies frozen header rows from (write-plan.ts); owned so the next run can tidy it. */
export type OwnedRole = TabRole | 'template';

export interface OwnerMark {
  key: string;
  role: OwnedRole;
  /** Run that wrote the tab: lets a failed run find and remove only its own half-written tabs. */
  run: string;
  /** Id of the sheet the mark was written on (absent on marks written before the binding). */
  sheetId?: number;
  /** When the run that wrote the tab started (ms since 1970); 0 on older marks. */
  started: number;
  /** Order of the tab within its run (0 first); the last one of a run that died may be half-written. */
  seq: number;
}

export interface OwnedTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetId: number;
  mark: OwnerMark;
  metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

export function parseMark(value: string | null): OwnerMark | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<OwnerMark>;
    if (typeof parsed.key !== 'string' || typeof parsed.role !== 'string') return null;
    return {
      key: parsed.key,
      role: parsed.role,
      run: String(parsed.run ?? ''),
      sheetId: typeof parsed.sheetId === 'number' ? parsed.sheetId : undefined,
      started: typeof parsed.started === 'number' ? parsed.started : 0,
      seq: typeof parsed.seq === 'number' ? parsed.seq : 0,
    };
  } catch {
    return null;
  }
}

/** Whether a mark read on sheet `sheetId` is ours: written on that sheet (or before marks named their sheet). */
export function markIsOurs(mark: OwnerMark, sheetId: number): boolean {
  return mark.sheetId === undefined || mark.sheetId === sheetId;
}

export function findOwnedTabs(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): OwnedTab[] {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
  const owned: OwnedTab[] = [];
  for (const metadata of found) {
    const mark = parseMark(metadata.getValue());
    if (!mark) continue;
    // getSheet() is null unless the metadata sits on a whole sheet (DeveloperMetadataLocation reference), so
    // the location type need not be asked separately.
    const sheet = metadata.getLocation().getSheet();
    if (!sheet) continue;
    const sheetId = sheet.getSheetId();
    if (markIsOurs(mark, sheetId)) owned.push({ sheet, sheetId, mark, metadata });
  }
  return owned;
}

/** Marks a tab as ours; `sheetId` is the tab's own id (asked once by the caller). */
export function markOwned(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  mark: Omit<OwnerMark, 'sheetId'>,
  sheetId: number,
): void {
  sheet.addDeveloperMetadata(
    OWNER_KEY,
    JSON.stringify({ ...mark, sheetId }),
    SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
  );
}
