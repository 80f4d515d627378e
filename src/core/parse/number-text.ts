/**
 * Numbers written by people and POS screens, Vietnamese or English style, read without regexes or string
 * building (a million amounts must parse quickly):
 * - `.` or `,` may group thousands, and the other (or the same, see below) marks decimals; spaces and no-break
 *   spaces also group thousands (`1 250 000`);
 * - both `.` and `,` present: the last one is the decimal mark (`1,234.56`, `1.234,56`);
 * - one kind only, several times: thousands (`1.200.000`, `1,250,000`);
 * - one kind, once: thousands when exactly three digits follow and the integer part is not `0` (`1.250` is
 *   1250 — a VND amount almost never has a fraction), otherwise a decimal mark (`12.50`, `12,5`, `0.125`);
 * - thousands groups must be three digits (`1.25.000` is refused, not guessed);
 * - an exponent (`1.25E+06`, as spreadsheets print large numbers in CSV) is read as a plain number.
 * Signs, brackets and currency symbols are the callers' business (money.ts).
 */
import { isDigit, isSpaceCode } from './chars';

const DOT = 46;
const COMMA = 44;
const EXPONENT = /^\d+(?:\.\d+)?[eE][+-]?\d{1,3}$/;

/** The value of an unsigned number text (`1.250.000`, `12,50`, `1 250`), or NaN when it is not one. */
export function unsignedNumber(text: string): number {
  const length = text.length;
  if (length === 0 || !isDigit(text.charCodeAt(0))) return NaN;
  // First pass: which separators occur, how often, and where the last one is.
  let dots = 0;
  let commas = 0;
  let spaces = 0;
  let last = -1;
  let lastCode = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) continue;
    if (code === DOT) dots++;
    else if (code === COMMA) commas++;
    else if (isSpaceCode(code)) spaces++;
    else if (code === 69 || code === 101) return EXPONENT.test(text) ? Number(text) : NaN;
    else return NaN;
    last = i;
    lastCode = code;
  }
  if (last === -1) return Number(text);
  if (last === length - 1) return NaN;

  // Decide the decimal mark's position (-1: none).
  let decimalAt = -1;
  if (dots > 0 && commas > 0) {
    if (isSpaceCode(lastCode) || (lastCode === DOT ? dots : commas) !== 1) return NaN;
    decimalAt = last;
  } else if (dots + commas === 1 && !isSpaceCode(lastCode)) {
    const digitsAfter = length - 1 - last;
    const leadingZero = text.charCodeAt(0) === 48;
    if (digitsAfter !== 3 || leadingZero || spaces > 0) decimalAt = last;
  }
  const thousandsCode = decimalAt === -1 ? (dots > 0 ? DOT : COMMA) : lastCode === DOT ? COMMA : DOT;

  // Second pass: value and grouping (first group 1–3 digits, the next ones exactly 3).
  const integerEnd = decimalAt === -1 ? length : decimalAt;
  let value = 0;
  let groupLength = 0;
  let grouped = false;
  for (let i = 0; i < integerEnd; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      value = value * 10 + (code - 48);
      groupLength++;
      continue;
    }
    if (code !== thousandsCode && !isSpaceCode(code)) return NaN;
    if (groupLength === 0 || groupLength > 3 || (grouped && groupLength !== 3)) return NaN;
    grouped = true;
    groupLength = 0;
  }
  if (grouped && groupLength !== 3) return NaN;
  if (decimalAt === -1) return value;
  let fraction = 0;
  let scale = 1;
  for (let i = decimalAt + 1; i < length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return NaN;
    fraction = fraction * 10 + (code - 48);
    scale *= 10;
  }
  // Both operands are exact integers, so one correctly rounded division gives the nearest double.
  return (value * scale + fraction) / scale;
}
