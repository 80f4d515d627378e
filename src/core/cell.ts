/**
 * A cell value as `Range.getValues()` returns it: text, number, boolean, a Date for date cells, and `''` for an
 * empty cell. Every face hands the core 2-D arrays of these.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** True for an empty cell (or one holding only spaces). */
export function isBlank(value: CellValue): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Fast path (every cell of a big paste comes here): a first character that is not whitespace (as trim sees
  // it: ASCII spaces and controls up to U+0020, U+00A0, and spaces from U+1680 up) means not blank.
  const first = value.charCodeAt(0);
  if (first > 32 && first !== 0xa0 && first < 0x1680) return false;
  return value.trim() === '';
}

/** The column letter(s) of a 0-based column index, as in A1 notation: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell's text as a person would read it, for messages and text fields. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

/** Two rows identical in every column (an export pasted twice); dates compare by their instant, blanks alike. */
export function sameRow(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : (x ?? '') !== (y ?? ''))
      return false;
  }
  return true;
}
