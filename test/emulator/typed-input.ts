/**
 * What a string becomes when written with Range.setValue(s): Sheets parses it as if the user had typed it
 * ("USER_ENTERED": https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), in the
 * spreadsheet's locale:
 * - a leading apostrophe forces text and is not part of the value;
 * - in a cell formatted as plain text (`@`) nothing is converted;
 * - `=…` is a formula;
 * - `TRUE` / `FALSE` in any case are booleans;
 * - numbers with the locale's decimal and grouping separators (`0901234567` → 901234567, so leading zeros
 *   are lost), an optional sign, `%` (divided by 100) and the locale's currency symbol;
 * - dates in the locale's day/month order (`22/11/2026` in vi_VN, `11/22/2026` in en_US), ISO `2026-11-22`,
 *   each with an optional time, and a bare time `14:05`.
 * A General cell that receives a converted grouped number, percent, currency amount, date or time also gets a
 * matching number format, as it does in Sheets (the value then displays as typed).
 */
import { isFiniteNumber, toNumber } from './intrinsics';
import type { LocaleRules } from './locale';
import { serialOfCalendar } from './zone';

export type StoredValue = string | number | boolean;

export interface TypedResult {
  /** The cell's value; undefined for an empty cell. */
  value: StoredValue | undefined;
  formula?: string;
  /** Number format to give the cell when its format is General. */
  format?: string;
}

interface NumberPattern {
  regex: RegExp;
}

const patterns = new Map<string, NumberPattern>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function numberPattern(locale: LocaleRules): NumberPattern {
  let found = patterns.get(locale.code);
  if (!found) {
    const g = escape(locale.group);
    const d = escape(locale.decimal);
    const c = escape(locale.currencySymbol);
    // sign, currency, sign, integer (grouped by 3 or plain), decimals, exponent, percent, currency
    const source =
      `^([+-])?\\s*(${c})?\\s*([+-])?` +
      `(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?` +
      `(?:[eE]([+-]?\\d+))?\\s*(%)?\\s*(${c})?$`;
    found = { regex: new RegExp(source) };
    patterns.set(locale.code, found);
  }
  return found;
}

function parseNumber(text: string, locale: LocaleRules): TypedResult | null {
  const match = numberPattern(locale).regex.exec(text);
  if (!match) return null;
  const [, sign1, currency1, sign2, integer, decimals, exponent, percent, currency2] = match;
  if (integer === undefined && decimals === undefined) return null;
  if (sign1 && sign2) return null;
  if (currency1 && currency2) return null;
  const currency = Boolean(currency1 || currency2);
  if (currency && (percent || exponent)) return null;
  const digits = (integer ?? '0').split(locale.group).join('');
  let value = toNumber(`${digits}.${decimals ?? '0'}${exponent ? `e${exponent}` : ''}`);
  if (percent) value /= 100;
  if ((sign1 ?? sign2) === '-') value = -value;
  if (!isFiniteNumber(value)) return null;
  const places = decimals?.length ?? 0;
  const zeros = places > 0 ? `.${'0'.repeat(places)}` : '';
  let format: string | undefined;
  if (currency) format = locale.currencyFormat;
  else if (percent) format = `0${zeros}%`;
  else if (integer !== undefined && integer.includes(locale.group)) format = `#,##0${zeros}`;
  return { value: value === 0 ? 0 : value, format };
}

const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp][Mm]))?';
const ISO_DATE = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]${TIME})?$`);
const LOCAL_DATE = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:\\s+${TIME})?$`);
const BARE_TIME = new RegExp(`^${TIME}$`);

function timeFraction(h?: string, m?: string, s?: string, ampm?: string): number | null {
  if (h === undefined) return 0;
  let hours = Number(h);
  const minutes = Number(m);
  const seconds = Number(s ?? 0);
  if (ampm) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return ((hours * 60 + minutes) * 60 + seconds) / 86400;
}

/** Two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999 (Sheets' cut-over). */
function fullYear(year: string): number {
  if (year.length === 4) return Number(year);
  const yy = Number(year);
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function parseDate(text: string, locale: LocaleRules): TypedResult | null {
  let year: number;
  let month: number;
  let day: number;
  let time: RegExpExecArray | string[];
  let iso = false;
  const isoMatch = ISO_DATE.exec(text);
  if (isoMatch) {
    year = Number(isoMatch[1]);
    month = Number(isoMatch[3]);
    day = Number(isoMatch[4]);
    time = isoMatch.slice(5);
    iso = true;
  } else {
    const local = LOCAL_DATE.exec(text);
    if (!local) {
      const bare = BARE_TIME.exec(text);
      if (!bare) return null;
      const fraction = timeFraction(bare[1], bare[2], bare[3], bare[4]);
      return fraction === null ? null : { value: fraction, format: locale.timeFormat };
    }
    const first = Number(local[1]);
    const second = Number(local[3]);
    [month, day] = locale.dateOrder === 'mdy' ? [first, second] : [second, first];
    year = fullYear(local[4]!);
    time = local.slice(5);
  }
  const fraction = timeFraction(time[0], time[1], time[2], time[3]);
  if (fraction === null) return null;
  const serial = serialOfCalendar(year, month, day);
  if (serial === null) return null;
  const withTime = time[0] !== undefined;
  const format = iso
    ? withTime
      ? 'yyyy-mm-dd H:mm:ss'
      : 'yyyy-mm-dd'
    : withTime
      ? locale.dateTimeFormat
      : locale.dateFormat;
  return { value: serial + fraction, format };
}

/** Characters a convertible string can start with (after spaces): digits, signs, decimal point, currency. */
function mayConvert(first: string, locale: LocaleRules): boolean {
  return (
    (first >= '0' && first <= '9') ||
    first === '+' ||
    first === '-' ||
    first === '.' ||
    first === ',' ||
    first === locale.currencySymbol
  );
}

/** Reads a typed string as Sheets does; `textFormat` is true when the cell's number format is `@`. */
export function typedValue(raw: string, locale: LocaleRules, textFormat: boolean): TypedResult {
  if (raw === '') return { value: undefined };
  const first = raw[0]!;
  if (first === "'") {
    const text = raw.slice(1);
    return { value: text === '' ? undefined : text };
  }
  if (textFormat) return { value: raw };
  if (first === '=' && raw.length > 1) return { value: undefined, formula: raw };
  const text = raw.trim();
  if (text === '') return { value: raw };
  if (text.length === 4 || text.length === 5) {
    const lower = text.toLowerCase();
    if (lower === 'true') return { value: true };
    if (lower === 'false') return { value: false };
  }
  if (!mayConvert(text[0]!, locale)) return { value: raw };
  return parseNumber(text, locale) ?? parseDate(text, locale) ?? { value: raw };
}
