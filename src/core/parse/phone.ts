/**
 * Phone numbers, normalised to one canonical form (pos-formats.md "Phones"):
 * - stripped of a leading `'`, spaces, `.`, `-`, `/`, brackets and a trailing `.0` (a number cell that lost its
 *   text format: `912345678.0`); a foreign trunk `(0)` (`+44 (0)20…`) is dropped;
 * - Vietnam: `+84`/`84`/`0084` → `0`; 9 digits (lost leading zero) → `0` + digits; 11 digits starting `01` (old
 *   mobile numbers) → the 2018 10-digit form by the table below;
 * - kinds: mobile `0[35789]` + 8 digits; landline `02` + 9 digits; service `1800`/`1900` + 4 or 6 digits;
 *   foreign: a `+` (or `00`) with another country code, kept as `+<digits>` (7 to 15 digits, as E.164 allows).
 * Anything else is refused with a reason (letters, too short, too long, an old prefix with no 2018 form).
 */
import { isBlank, type CellValue } from '../cell';
import { isDigit, isSpaceCode } from './chars';
import { EMPTY_REASON, notParsed, parsed, type Parsed } from './result';

export interface PhoneInfo {
  /** `0912345678` (Vietnam, mobile or landline), `19001234` (service), `+14155552671` (foreign). */
  canonical: string;
  kind: 'mobile' | 'landline' | 'service' | 'foreign';
}

/**
 * The 2018 renumbering of 11-digit mobile numbers: only the prefix changes (`0162 345 6789` → `032 345 6789`).
 * Viettel 0162–0169 → 032–039; MobiFone 0120 → 070, 0121 → 079, 0122 → 077, 0126 → 076, 0128 → 078;
 * VinaPhone 0123 → 083, 0124 → 084, 0125 → 085, 0127 → 081, 0129 → 082; Vietnamobile 0186 → 056,
 * 0188 → 058; Gmobile 0199 → 059.
 */
export const PREFIXES_2018: Readonly<Record<string, string>> = {
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

const EXPECTED = 'expected a phone number like 0912 345 678';
const MIN_FOREIGN_DIGITS = 7;
const MAX_FOREIGN_DIGITS = 15;

/** Characters people put between digits: space (any kind), `.`, `-`, `/`, `(`, `)`. */
function isPunctuation(code: number): boolean {
  return isSpaceCode(code) || code === 46 || code === 45 || code === 47 || code === 40 || code === 41;
}

/** The digits of a phone text and whether it began with `+`; a reason string when it holds anything else. */
function digitsOf(raw: string): { digits: string; plus: boolean } | string {
  let text = raw.trim();
  if (text.charCodeAt(0) === 39) text = text.slice(1).trim();
  if (text.endsWith('.0')) text = text.slice(0, -2);
  if (text.includes('(0)')) text = text.replace('(0)', '');
  let allDigits = text.length > 0;
  for (let i = 0; i < text.length && allDigits; i++) allDigits = isDigit(text.charCodeAt(i));
  if (allDigits) return { digits: text, plus: false }; // the usual case, without building a string
  let digits = '';
  let plus = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) digits += text[i];
    else if (code === 43 && digits === '' && !plus) plus = true;
    else if (!isPunctuation(code)) {
      return (code | 32) >= 97 && (code | 32) <= 122
        ? 'expected a phone number with no letters, like 0912 345 678'
        : EXPECTED;
    }
  }
  return { digits, plus };
}

/** A national number (starting `0`) or a service number, classified; a reason string when it is neither. */
function vietnamese(national: string): PhoneInfo | string {
  const length = national.length;
  if (national.startsWith('1800') || national.startsWith('1900')) {
    return length === 8 || length === 10 ? { canonical: national, kind: 'service' } : EXPECTED;
  }
  if (national.charCodeAt(0) !== 48) return EXPECTED;
  if (length === 11 && national.startsWith('01')) {
    const newPrefix = PREFIXES_2018[national.slice(0, 4)];
    if (newPrefix === undefined) {
      return `expected a current phone number; the old prefix ${national.slice(0, 4)} has no 2018 equivalent`;
    }
    return { canonical: newPrefix + national.slice(4), kind: 'mobile' };
  }
  const second = national.charCodeAt(1);
  if (length === 10 && (second === 51 || second === 53 || second === 55 || second === 56 || second === 57)) {
    return { canonical: national, kind: 'mobile' };
  }
  if (length === 11 && second === 50) return { canonical: national, kind: 'landline' };
  if (length < 10) return 'expected a phone number of 10 digits; this one is too short';
  if (length > 11) return 'expected one phone number of 10 digits; this one has too many digits';
  return EXPECTED;
}

function classify(digits: string, plus: boolean): PhoneInfo | string {
  if (digits.length === 0) return EXPECTED;
  let international = plus;
  let number = digits;
  if (!plus && digits.startsWith('00')) {
    international = true;
    number = digits.slice(2);
  }
  if (international) {
    if (number.startsWith('84')) return vietnamese('0' + number.slice(number.charCodeAt(2) === 48 ? 3 : 2));
    if (number.length < MIN_FOREIGN_DIGITS) return 'expected an international number with its country code';
    if (number.length > MAX_FOREIGN_DIGITS) return 'expected one phone number; this one has too many digits';
    return { canonical: '+' + number, kind: 'foreign' };
  }
  const length = number.length;
  if (number.startsWith('1800') || number.startsWith('1900')) return vietnamese(number);
  // `84` + 9 digits (mobile) or + 10 digits (landline, old mobile): a country code written without `+`.
  if ((length === 11 || length === 12) && number.startsWith('84')) return vietnamese('0' + number.slice(2));
  // The leading zero lost by a number cell: 9 digits (mobile), 10 digits (landline, old mobile).
  if (number.charCodeAt(0) !== 48 && (length === 9 || length === 10)) return vietnamese('0' + number);
  return vietnamese(number);
}

/** The canonical phone of a cell; see the top of this file. */
export function normalisePhone(value: CellValue): Parsed<PhoneInfo> {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') {
    if (!Number.isInteger(value) || value <= 0) return notParsed(EXPECTED);
    text = String(value);
  } else return notParsed(isBlank(value) ? EMPTY_REASON : EXPECTED);
  const found = digitsOf(text);
  if (typeof found === 'string') return notParsed(found);
  if (found.digits === '' && !found.plus) return notParsed(text.trim() === '' ? EMPTY_REASON : EXPECTED);
  const info = classify(found.digits, found.plus);
  return typeof info === 'string' ? notParsed(info) : parsed(info);
}

/** Mobiles and foreign numbers identify a customer; landlines and 1800/1900 lines are shared, so they do not. */
export function isCustomerKeyPhone(info: PhoneInfo): boolean {
  return info.kind === 'mobile' || info.kind === 'foreign';
}
