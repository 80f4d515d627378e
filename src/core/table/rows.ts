/**
 * Which rows under the header are data. Pastes bring blank rows, a second copy of the header (the export pasted
 * twice, title rows included) and totals rows (`Tổng cộng`); each is skipped and reported, never read as a sale.
 */
import { cellText, columnLetter, isBlank, type CellValue } from '../cell';
import type { DataIssue } from '../issues';
import { compactKey, firstCompactChar, hasCompactKey } from '../text';
import type { ColumnMatch } from './header';

/** First cells of a totals row, folded: `Tổng cộng`, `Tổng`, `Cộng`, `Total`, `Grand total`, `Sum`. */
const TOTALS_WORDS = new Set(['tongcong', 'tong', 'cong', 'total', 'totals', 'grandtotal', 'sum', 'tongso']);
/** Totals labels sit in the first few columns. */
const TOTALS_LABEL_COLUMNS = 4;

export interface DataRows {
  /** 0-based indexes of the data rows, in sheet order. */
  rows: number[];
  issues: DataIssue[];
}

/** More than half of the mapped columns hold their own header's name. */
function isRepeatedHeader(row: CellValue[], headerKeys: string[], matches: ColumnMatch[]): boolean {
  let same = 0;
  let differing = 0;
  for (const match of matches) {
    const cell = row[match.column];
    if (typeof cell === 'string' && hasCompactKey(cell, headerKeys[match.column]!)) same++;
    // Stop once half the columns differ: a data row is rejected after half its mapped cells, not all of them.
    else if (++differing * 2 >= matches.length) return false;
  }
  return same * 2 > matches.length;
}

function totalsLabel(row: CellValue[]): string | null {
  const limit = Math.min(row.length, TOTALS_LABEL_COLUMNS);
  for (let column = 0; column < limit; column++) {
    const cell = row[column];
    if (isBlank(cell)) continue;
    if (typeof cell !== 'string') return null;
    // The first letter rules out nearly every row (a store, a code) before any word is compared.
    const first = firstCompactChar(cell);
    for (const word of TOTALS_WORDS) if (word[0] === first && hasCompactKey(cell, word)) return cell;
    return null;
  }
  return null;
}

/** How many cells of the row are filled, counting no further than `enough`. */
function filledCells(row: CellValue[], enough: number): number {
  let count = 0;
  // Stops at `enough`: a row only needs to be told apart from a blank row and a one-cell title line.
  for (let i = 0; i < row.length && count < enough; i++) if (!isBlank(row[i])) count++;
  return count;
}

/**
 * Classifies every row under the header. Blank rows are reported only when data follows them (the empty tail
 * of a range is not a finding); a row with a single filled cell is a title line (as when a whole export with its
 * title rows is pasted below the first).
 */
export function findDataRows(
  values: CellValue[][],
  headerRow: number,
  matches: ColumnMatch[],
  sheet: string,
): DataRows {
  const headerKeys = (values[headerRow] ?? []).map((cell) => compactKey(cellText(cell)));
  const rows: number[] = [];
  const issues: DataIssue[] = [];
  let pendingBlanks: number[] = [];
  const minimumCells = matches.length >= 3 ? 2 : 1;
  for (let index = headerRow + 1; index < values.length; index++) {
    const row = values[index] ?? [];
    const filled = filledCells(row, minimumCells);
    if (filled === 0) {
      pendingBlanks.push(index);
      continue;
    }
    for (const blank of pendingBlanks) {
      issues.push({ code: 'blank-row', sheet, row: blank + 1, message: 'Blank row skipped.' });
    }
    pendingBlanks = [];
    if (isRepeatedHeader(row, headerKeys, matches)) {
      issues.push({
        code: 'repeated-header',
        sheet,
        row: index + 1,
        message: 'Header row repeated (a second paste?): skipped.',
      });
      continue;
    }
    const label = totalsLabel(row);
    if (label !== null) {
      issues.push({
        code: 'totals-row',
        sheet,
        row: index + 1,
        value: label,
        message: 'Totals row skipped: it sums other rows and is not a sale or a customer.',
      });
      continue;
    }
    if (filled < minimumCells) {
      const column = row.findIndex((cell) => !isBlank(cell));
      issues.push({
        code: 'title-row',
        sheet,
        row: index + 1,
        column: columnLetter(column),
        value: cellText(row[column]),
        message: 'A row with a single filled cell is a title or note, not data: skipped.',
      });
      continue;
    }
    rows.push(index);
  }
  return { rows, issues };
}
