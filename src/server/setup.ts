import { findOwnedTabs } from '../sheets/ownership';
import { isUnmarkedLeftover } from '../sheets/write-plan';
import { KIND_SNIFF_ROWS, sniffKind } from '../sheets/detect-columns';
import { lastSettings } from '../sheets/settings-store';
import type { Language, SetupInfo, SheetChoice } from '../shared/api';

export function userLanguage(): Language {
  const locale =
    Session.getActiveUserLocale() || SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale() || 'en';
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** The tabs a user may pick (never the add-on's own), each with the kind its header suggests. */
export function getSetup(): SetupInfo {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const owned = new Set(findOwnedTabs(spreadsheet).map((tab) => tab.sheetId));
  const sheets: SheetChoice[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (owned.has(sheet.getSheetId())) continue;
    const rows = sheet.getLastRow();
    const columns = sheet.getLastColumn();
    const name = sheet.getName();
    // A tab a killed run inserted but never marked (the next run removes it): never an input.
    if (
      rows === 0 &&
      name.startsWith('~segment-tabs ') &&
      isUnmarkedLeftover(name, sheet.getMaxRows() * sheet.getMaxColumns())
    )
      continue;
    const top =
      rows > 0 && columns > 0
        ? sheet.getRange(1, 1, Math.min(rows, KIND_SNIFF_ROWS), columns).getValues()
        : [];
    sheets.push({ name, rows, columns, kind: sniffKind(top) });
  }
  return {
    language: userLanguage(),
    timeZone,
    today: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'),
    sheets,
    invoiceSheet: sheets.find((sheet) => sheet.kind === 'invoices')?.name ?? null,
    customerSheet: sheets.find((sheet) => sheet.kind === 'customers')?.name ?? null,
    lastSettings: lastSettings(),
  };
}
