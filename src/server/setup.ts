import type { SetupInfo } from '../shared/api';

export function getSetup(): SetupInfo {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const locale = Session.getActiveUserLocale() || spreadsheet.getSpreadsheetLocale() || 'en';
  return {
    language: locale.toLowerCase().startsWith('vi') ? 'vi' : 'en',
    timeZone,
    today: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'),
    sheets: spreadsheet.getSheets().map((sheet) => ({
      name: sheet.getName(),
      rows: sheet.getLastRow(),
      columns: sheet.getLastColumn(),
    })),
  };
}
