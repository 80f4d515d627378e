/**
 * An .xlsx workbook as the engine wants it: per worksheet, a rectangular 2-D array of cell values as Apps
 * Script's `Range.getValues()` would give them: text, numbers, booleans, Dates, and `''` for empty cells.
 *
 * ExcelJS hands date cells over as JS Dates whose UTC fields are the wall-clock time typed in the cell, so the
 * CLI runs the engine with `dateCellZone: 'UTC'`. Rich text, hyperlinks and formulas become their text or
 * their cached result, as a person sees them in the cell.
 */
import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/cell';
import { excerpt } from '../core/text';

export interface WorksheetValues {
  name: string;
  values: CellValue[][];
  /** Hidden or very hidden in the workbook: read only when no visible sheet holds the same kind of data. */
  hidden?: boolean;
}

/** Raised when the file is not a readable .xlsx workbook (another format, or damaged). */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

function richText(parts: ExcelJS.RichText[]): string {
  return parts.map((part) => part.text).join('');
}

/** One ExcelJS cell value → the value the engine reads. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return richText(value.richText);
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return richText(text.richText as ExcelJS.RichText[]);
    return value.hyperlink;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
  }
  if ('error' in value) return value.error;
  return '';
}

/** Every worksheet's values of a workbook file (see `readXlsxBytes`). */
export async function readXlsxFile(path: string): Promise<WorksheetValues[]> {
  return readXlsxBytes(readFileSync(path));
}

/**
 * Every worksheet's values, hidden sheets too (a shop may hide its raw export), each marked hidden or not so the
 * sheet picker can prefer the visible ones.
 */
export async function readXlsxBytes(bytes: Buffer): Promise<WorksheetValues[]> {
  // Loaded on first use: ExcelJS takes about half a second to load, which a CSV run does not need.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // ExcelJS's messages (`End of data reached`, `Can't find end of central directory`) say little to a shop.
    const detail = excerpt(error instanceof Error ? error.message : String(error), 120);
    throw new WorkbookReadError(`the file is damaged or not a workbook (${detail})`);
  }
  return workbook.worksheets.map((sheet) => {
    const width = sheet.actualColumnCount === 0 ? 0 : sheet.columnCount;
    const height = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
    const values: CellValue[][] = [];
    for (let r = 1; r <= height; r++) {
      const row = new Array<CellValue>(width).fill('');
      const source = sheet.findRow(r);
      source?.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column <= width) row[column - 1] = plainValue(cell.value);
      });
      values.push(row);
    }
    return { name: sheet.name, values, hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden' };
  });
}
