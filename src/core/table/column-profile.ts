/**
 * What a column holds, from a sample of its cells (as frictionless-py infers a schema from a sample and agate's
 * TypeTester tries each value against each type): the share of filled cells, and among them the share that read
 * as a date, a time of day, an amount, a whole number, a customer phone, an email, or text with letters; how many
 * values are distinct; whether a value repeats on rows that are not neighbours. Header detection (header.ts)
 * scores each field against each column from its header **and** this profile, so an empty column never wins over
 * a filled one and a column of phones can be the customer reference whatever its header says.
 *
 * Every share is of the filled cells sampled (0 when none are filled); `filled` is of all sampled rows.
 */
import { isBlank, type CellValue } from '../cell';
import { scanAnyDateText } from '../parse/date-text';
import { normaliseEmail } from '../parse/email';
import { parseMoney } from '../parse/money';
import { isCustomerKeyPhone, normalisePhone } from '../parse/phone';
import { isTimeOfDayText } from '../parse/time-of-day';

/** Data rows sampled per column: enough to tell a filled column from an empty one and a type from noise. */
export const PROFILE_SAMPLE_ROWS = 300;

export interface ColumnProfile {
  /** Rows sampled (data rows below the header, blank rows included). */
  rows: number;
  /** Share of sampled rows with a value. */
  filled: number;
  /** Filled cells sampled. */
  values: number;
  date: number;
  time: number;
  /** Plain numbers in the range of spreadsheet serial dates 1970–2100 (a CSV of serial dates). */
  serial: number;
  money: number;
  /** Amounts written with a currency mark or thousands grouping (`1.250.000 ₫`, `$12.50`). */
  currency: number;
  integer: number;
  phone: number;
  email: number;
  letters: number;
  /** Distinct values / filled values. */
  distinct: number;
  /** Most decimals written in an amount (`19.80` → 2), up to 4: the column's minor unit. */
  decimals: number;
}

const SERIAL_1970 = 25_569;
const SERIAL_2100 = 73_051;
const LETTER = /\p{L}/u;
const CURRENCY_MARK = /[₫$€£¥]|\b(?:vnd|vnđ|usd|eur|đ)\b|[.,]\d{3}(?:\D|$)/iu;

/** A phone as people write one (leading `0` or `+`, grouped, or a number cell that lost its zero). */
function looksLikePhone(value: CellValue): boolean {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 100_000_000 || value >= 100_000_000_000) return false;
  } else if (typeof value !== 'string') return false;
  const parsed = normalisePhone(value);
  if (!parsed.ok || !isCustomerKeyPhone(parsed.value)) return false;
  if (typeof value === 'number') return true;
  const text = value.trim().replace(/^'/, '');
  return /^[+0(]/.test(text) || /\d[ .-]\d/.test(text) || /^\d{9,12}$/.test(text);
}

function decimalsOf(value: CellValue): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /[.,](\d{1,4})\D*$/.exec(text);
  if (!match) return 0;
  // `1.250` and `1,250` group thousands (number-text.ts): not decimals.
  if (typeof value === 'string' && match[1]!.length === 3) return 0;
  return match[1]!.length;
}

export function profileColumn(
  values: readonly (readonly CellValue[])[],
  rows: readonly number[],
  column: number,
): ColumnProfile {
  let filled = 0;
  let date = 0;
  let time = 0;
  let serial = 0;
  let money = 0;
  let currency = 0;
  let integer = 0;
  let phone = 0;
  let email = 0;
  let letters = 0;
  let decimals = 0;
  const distinct = new Set<unknown>();
  for (const row of rows) {
    const value = values[row]?.[column];
    if (isBlank(value)) continue;
    filled++;
    distinct.add(value instanceof Date ? value.getTime() : typeof value === 'string' ? value.trim() : value);
    if (value instanceof Date) {
      // Sheets gives a time-only cell as a Date on 30 December 1899.
      if (value.getUTCFullYear() < 1900) time++;
      else date++;
      continue;
    }
    if (typeof value === 'boolean') continue;
    const text = typeof value === 'string' ? value.trim() : '';
    if (typeof value === 'string') {
      if (isTimeOfDayText(text)) time++;
      else if (scanAnyDateText(text)) date++;
      if (LETTER.test(text)) letters++;
      if (text.includes('@') && normaliseEmail(text).ok) email++;
    }
    if (looksLikePhone(value)) phone++;
    const amount = parseMoney(value);
    if (amount.ok) {
      money++;
      if (Number.isInteger(amount.value)) integer++;
      if (
        amount.value >= SERIAL_1970 &&
        amount.value < SERIAL_2100 &&
        /^\d+(?:\.\d+)?$/.test(String(value).trim())
      )
        serial++;
      if (typeof value === 'string' && CURRENCY_MARK.test(text)) currency++;
      decimals = Math.max(decimals, decimalsOf(value));
    }
  }
  const share = (count: number) => (filled === 0 ? 0 : count / filled);
  return {
    rows: rows.length,
    filled: rows.length === 0 ? 0 : filled / rows.length,
    values: filled,
    date: share(date),
    time: share(time),
    serial: share(serial),
    money: share(money),
    currency: share(currency),
    integer: share(integer),
    phone: share(phone),
    email: share(email),
    letters: share(letters),
    distinct: share(distinct.size),
    decimals,
  };
}
