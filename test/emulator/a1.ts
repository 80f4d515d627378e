/**
 * A1 notation (https://developers.google.com/sheets/api/guides/concepts#cell) and colour strings.
 */

export interface A1Box {
  row: number;
  column: number;
  /** Null for an open end (`A:A`, `A2:B`): up to the sheet's last row or column. */
  lastRow: number | null;
  lastColumn: number | null;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses `A1`, `A1:C3`, `A:C`, `2:5`, `A2:C` (with or without `$`); null when not A1 notation. */
export function parseA1(text: string): A1Box | null {
  const [start, end, extra] = text.trim().split(':');
  if (extra !== undefined || !start) return null;
  const a = CELL.exec(start);
  const b = end === undefined ? a : CELL.exec(end);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return null;
  const startColumn = a[1] ? columnNumber(a[1]) : 1;
  const startRow = a[2] ? Number(a[2]) : 1;
  if (end === undefined) {
    if (!a[1] || !a[2]) return null;
    return { row: startRow, column: startColumn, lastRow: startRow, lastColumn: startColumn };
  }
  // Whole rows (`2:5`) need digits on both sides, whole columns (`A:C`) letters on both sides.
  if (!a[1] !== !b[1] && !(a[1] && a[2] && b[1])) return null;
  const endColumn = b[1] ? columnNumber(b[1]) : null;
  const endRow = b[2] ? Number(b[2]) : null;
  if (startRow < 1 || (endRow !== null && endRow < 1)) return null;
  return {
    row: Math.min(startRow, endRow ?? startRow),
    column: Math.min(startColumn, endColumn ?? startColumn),
    lastRow: endRow === null ? null : Math.max(startRow, endRow),
    lastColumn: a[1] ? (endColumn === null ? null : Math.max(startColumn, endColumn)) : null,
  };
}

export function a1Notation(row: number, column: number, numRows: number, numColumns: number): string {
  const first = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

const NAMED_COLOURS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
};

/**
 * Colours as Range.getBackgrounds returns them: lowercase `#rrggbb` (Range.setBackground accepts CSS
 * notation such as `#fff` or `red`: https://developers.google.com/apps-script/reference/spreadsheet/range#setbackgroundcolor ).
 * Unknown strings are kept as given.
 */
export function normaliseColour(colour: string): string {
  const text = colour.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${text[1]}${text[1]}${text[2]}${text[2]}${text[3]}${text[3]}`;
  return NAMED_COLOURS[text] ?? colour;
}
