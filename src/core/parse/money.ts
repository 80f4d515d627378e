/**
 * Amounts and quantities. Numbers pass through; text is read by number-text.ts (thousands and decimal marks)
 * after this file removes what surrounds the digits:
 * - currency, first or last, any case: `₫`, `đ`, `VNĐ`, `VND`, `đồng`, `$`, `US$`, `USD`, and a bare `d` after
 *   the digits (`250.000d`, typed without the Vietnamese keyboard);
 * - signs: a leading `-` or `−`, brackets `(50.000)`, either side of the symbol (`-$0.95`, `$-0.95`); `+`;
 * - spaces of any kind, and a leading apostrophe (a sheet's "keep as text" mark).
 * Blank cells are the callers' business: they give `empty` here.
 */
import { isBlank, type CellValue } from '../cell';
import { isDigit } from './chars';
import { unsignedNumber } from './number-text';
import { EMPTY_REASON, notParsed, parsed, type Parsed } from './result';

const MONEY_REASON = 'expected an amount like 1.250.000 ₫ or $12.50';
/**
 * One bound on every number read (amounts, quantities, points): 10^13, thirteen digits before the decimal mark.
 * Past it a double no longer holds every cent, and no shop's single cell is that large: a 400-digit paste, an
 * id or a barcode in an amount column is refused, never summed into `Infinity`.
 */
export const MAX_NUMBER = 1e13;
const TOO_LARGE_REASON = 'too large to be an amount (more than 13 digits before the decimal mark)';
const QUANTITY_REASON = 'expected a number like 1.000 or 2,5';

/** Lower-case currency marks, longest first so `vnđ` is removed whole rather than its `đ`. */
const CURRENCY_EITHER_SIDE = ['đồng', 'vnđ', 'vnd', 'usd', 'us$', '₫', 'đ', '$'];
const CURRENCY_AFTER_ONLY = ['dong', 'd'];
const COMBINING_MARK = /[\u0300-\u036f]/;

/** Without one currency mark at the start or the end (trimmed); the text itself when it has none. */
function withoutCurrency(text: string): string {
  const lower = text.toLowerCase();
  for (const mark of CURRENCY_EITHER_SIDE) {
    if (lower.startsWith(mark)) return text.slice(mark.length).trim();
    if (lower.endsWith(mark)) return text.slice(0, text.length - mark.length).trim();
  }
  for (const mark of CURRENCY_AFTER_ONLY) {
    if (lower.endsWith(mark) && isDigit(lower.charCodeAt(lower.length - mark.length - 1))) {
      return text.slice(0, text.length - mark.length).trim();
    }
  }
  return text;
}

/** Trimmed, without a leading apostrophe, in NFC (an NFD `đồng` from a Mac is still a currency word). */
function cleanText(text: string): string {
  let clean = text.trim();
  if (clean.charCodeAt(0) === 39) clean = clean.slice(1).trim();
  return COMBINING_MARK.test(clean) ? clean.normalize('NFC') : clean;
}

/** A signed number text with signs, brackets and (when allowed) currency around it; NaN when not one. */
function signedNumber(text: string, currency: boolean): number {
  let rest = text;
  let negative = false;
  let marks = 0;
  // Each pass peels one layer: brackets, a currency mark, a sign; `(-$0.95)` needs several.
  for (let pass = 0; pass < 6; pass++) {
    const before = rest;
    const first = rest.charCodeAt(0);
    if (first === 40 && rest.charCodeAt(rest.length - 1) === 41) {
      if (negative) return NaN;
      negative = true;
      rest = rest.slice(1, -1).trim();
    } else if (first === 45 || first === 0x2212) {
      if (negative) return NaN;
      negative = true;
      rest = rest.slice(1).trim();
    } else if (first === 43) {
      rest = rest.slice(1).trim();
    } else if (currency && marks < 2) {
      rest = withoutCurrency(rest);
      if (rest !== before) marks++;
    }
    if (rest === before) break;
  }
  const value = unsignedNumber(rest);
  return negative && value !== 0 ? -value : value;
}

function bounded(value: number, reason: string): Parsed<number> {
  // A text of 400 digits reads as Infinity: too large, not unreadable.
  if (value !== value) return notParsed(reason);
  return Math.abs(value) < MAX_NUMBER ? parsed(value) : notParsed(TOO_LARGE_REASON);
}

function parseNumberCell(value: CellValue, currency: boolean, reason: string): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? bounded(value, reason) : notParsed(reason);
  if (typeof value !== 'string') return notParsed(isBlank(value) ? EMPTY_REASON : reason);
  // Fast path: plain digits with separators, as most exports write them.
  if (value.length > 0 && isDigit(value.charCodeAt(0)) && isDigit(value.charCodeAt(value.length - 1))) {
    const plain = unsignedNumber(value);
    if (plain === plain) return bounded(plain, reason);
  }
  const text = cleanText(value);
  if (text === '') return notParsed(EMPTY_REASON);
  return bounded(signedNumber(text, currency), reason);
}

/** An amount of money: `1.250.000 ₫`, `1,250,000`, `250.000đ`, `VND 1.250.000`, `$12.50`, `(50.000)`, `-$0.95`. */
export function parseMoney(value: CellValue): Parsed<number> {
  return parseNumberCell(value, true, MONEY_REASON);
}

/** A count, quantity or points: `3`, `1.000` (1000), `2,5` (2.5), `-1` (a returned line); no currency. */
export function parseQuantity(value: CellValue): Parsed<number> {
  return parseNumberCell(value, false, QUANTITY_REASON);
}
