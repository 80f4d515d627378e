/**
 * Ownership: every tab the add-on writes carries developer metadata under our key, with its role and plan key
 * as the value. Tabs are recognised by that mark alone, never by name, so a user's tab called "Lost" is never
 * touched. One finder call returns every mark; each mark's value, location and sheet are then asked of it (three
 * calls per owned tab, counted as round trips by the emulator: whether Apps Script answers them locally is not
 * documented).
 */
import type { TabRole } from '../core/plan/types';

export const OWNER_KEY = 'segment-tabs';

export interface OwnerMark {
  key: string;
  role: TabRole;
  /** Run that wrote the tab: lets a failed run find and remove only its own half-written tabs. */
  run: string;
}

export interface OwnedTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  mark: OwnerMark;
  metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

function parseMark(value: string | null): OwnerMark | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<OwnerMark>;
    return typeof parsed.key === 'string' && typeof parsed.role === 'string'
      ? { key: parsed.key, role: parsed.role, run: String(parsed.run ?? '') }
      : null;
  } catch {
    return null;
  }
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
    if (sheet) owned.push({ sheet, mark, metadata });
  }
  return owned;
}

export function markOwned(sheet: GoogleAppsScript.Spreadsheet.Sheet, mark: OwnerMark): void {
  sheet.addDeveloperMetadata(
    OWNER_KEY,
    JSON.stringify(mark),
    SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
  );
}
