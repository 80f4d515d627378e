/**
 * Reads an input tab in one call: `getSheetValues(1, 1, -1, -1)` returns the rectangle up to the last row and
 * column with data (Apps Script: "-1 … is equivalent to getting the very last row or column that has data").
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
  const values = sheet.getSheetValues(1, 1, -1, -1) as CellValue[][];
  return values.length === 1 && values[0]!.length === 0 ? [] : values;
}
