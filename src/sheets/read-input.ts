/**
 * Reads a tab with two calls: `getDataRange()` is "a Range corresponding to the dimensions in which data is
 * present" (A1 on an empty sheet), and one `getValues()` of it. `getSheetValues(1, 1, -1, -1)` would be one
 * call, but what it does on an empty sheet is not documented.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
 */
import type { CellValue } from '../core/cell';
import { say } from '../core/i18n';
import type { Language } from '../core/options';
import { UserError } from './user-error';

export function findSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  language: Language,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) {
    throw new UserError(
      say(
        language,
        `Không tìm thấy sheet "${name}". Sheet có thể đã bị đổi tên hoặc xóa.`,
        `Sheet "${name}" was not found. It may have been renamed or deleted.`,
      ),
    );
  }
  return sheet;
}

export function readValues(sheet: GoogleAppsScript.Spreadsheet.Sheet): CellValue[][] {
  const values = sheet.getDataRange().getValues() as CellValue[][];
  // An empty sheet's data range is A1 alone, holding ''.
  const empty =
    values.length === 1 && (values[0]!.length === 0 || (values[0]!.length === 1 && values[0]![0] === ''));
  return empty ? [] : values;
}
