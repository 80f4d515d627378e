/**
 * A hand-written scanner for date texts (a million of them must scan in a fraction of a second, so no regex
 * match arrays and no Date objects). It recognises the shapes and leaves the calendar to date.ts:
 * - day-month: `22/11/2026`, `22-11-2026 14:05`, `22.11.2026, 14:05:30`, `7/28/26 1:33 PM`, and time first
 *   `14:05:00 1/7/2025` (the separator `/`, `-` or `.` is the same twice; the year has 2 or 4 digits);
 * - ISO: `2026-11-22`, `2026-11-22T14:05[:30[.123]]`, `2026/11/22 14:05`, then an optional offset `Z`, `UTC`,
 *   `GMT`, `+07:00`, `+0700`, `+07`, with or without a space before it (`2022-01-11 04:32:31 -0500`).
 * Times: `h:mm`, `hh:mm:ss`, fractions of a second, `AM`/`PM`/`a.m.`/`p.m.` and the Vietnamese `SA`/`CH`.
 * Two-digit years follow the spreadsheet convention: 00–29 are 2000–2029, 30–99 are 1930–1999.
 */
import { isDigit, isSpaceCode } from './chars';

export interface DateTextParts {
  /** `day-month`: `first`/`second` are the two parts before the year, in the text's (unknown) order. */
  kind: 'day-month' | 'iso';
  year: number;
  /** day-month: the first part (day or month); iso: the month. */
  first: number;
  /** day-month: the second part (month or day); iso: the day. */
  second: number;
  /** Milliseconds into the day, 0 without a time, NaN for a time out of range (25:00, 13:00 PM). */
  timeMs: number;
  /** ISO offset in ms (local − UTC), undefined without one, NaN when out of range. */
  offsetMs?: number;
}

const NO_MATCH = -1;
const OUT_OF_RANGE = -2;

// The scanner's cursor: module state, as each scan runs to completion before the next begins.
let text = '';
let at = 0;

function skipSpaces(): number {
  const start = at;
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  return at - start;
}

/** Reads minDigits..maxDigits ASCII digits; NO_MATCH when fewer. */
function readNumber(minDigits: number, maxDigits: number): number {
  const start = at;
  let value = 0;
  while (at < text.length && at - start < maxDigits) {
    const code = text.charCodeAt(at);
    if (!isDigit(code)) break;
    value = value * 10 + code - 48;
    at++;
  }
  return at - start < minDigits ? NO_MATCH : value;
}

function accept(code: number): boolean {
  if (text.charCodeAt(at) !== code) return false;
  at++;
  return true;
}

/** Lower-case ASCII letter code at the cursor (other characters unchanged). */
function lowerCodeAt(index: number): number {
  const code = text.charCodeAt(index);
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** `AM`, `a.m.`, `PM`, `SA` (sáng), `CH` (chiều): 1 for morning, 2 for afternoon, 0 (cursor unmoved) if none. */
function readMeridiem(): number {
  const start = at;
  skipSpaces();
  const letter = lowerCodeAt(at);
  const next = lowerCodeAt(at + 1);
  let meridiem = 0;
  if (letter === 115 && next === 97)
    meridiem = 1; // sa
  else if (letter === 99 && next === 104) meridiem = 2; // ch
  if (meridiem !== 0) {
    at += 2;
    return meridiem;
  }
  if (letter !== 97 && letter !== 112) {
    at = start;
    return 0;
  }
  at++;
  accept(46);
  skipSpaces();
  if (lowerCodeAt(at) !== 109) {
    at = start;
    return 0;
  }
  at++;
  accept(46);
  return letter === 112 ? 2 : 1;
}

/** `h:mm[:ss[.fff]][ AM]` → ms into the day, NO_MATCH for another shape, OUT_OF_RANGE for 25:00. */
function readTime(): number {
  let hour = readNumber(1, 2);
  if (hour === NO_MATCH || !accept(58)) return NO_MATCH;
  const minute = readNumber(2, 2);
  if (minute === NO_MATCH) return NO_MATCH;
  let second = 0;
  let millis = 0;
  if (accept(58)) {
    second = readNumber(2, 2);
    if (second === NO_MATCH) return NO_MATCH;
    if (accept(46) || accept(44)) {
      const start = at;
      const fraction = readNumber(1, 9);
      if (fraction === NO_MATCH) return NO_MATCH;
      millis = Math.floor(fraction / 10 ** (at - start - 3));
    }
  }
  const meridiem = readMeridiem();
  if (meridiem !== 0) {
    if (hour < 1 || hour > 12) return OUT_OF_RANGE;
    hour = (hour % 12) + (meridiem === 2 ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return OUT_OF_RANGE;
  return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

function fullYear(value: number, digits: number): number {
  if (digits !== 2) return value;
  return value < 30 ? 2000 + value : 1900 + value;
}

/** `d/m/yyyy` (either order, `/`, `-` or `.`) into the parts object; false for another shape. */
function readDayMonth(parts: DateTextParts): boolean {
  const first = readNumber(1, 2);
  const separator = text.charCodeAt(at);
  if (first === NO_MATCH || (separator !== 47 && separator !== 45 && separator !== 46)) return false;
  at++;
  const second = readNumber(1, 2);
  if (second === NO_MATCH || !accept(separator)) return false;
  const start = at;
  const year = readNumber(2, 4);
  const digits = at - start;
  if (year === NO_MATCH || digits === 3) return false;
  parts.first = first;
  parts.second = second;
  parts.year = fullYear(year, digits);
  return true;
}

function timeValue(time: number): number {
  return time === OUT_OF_RANGE ? NaN : time;
}

function scanDayMonthFirst(parts: DateTextParts): boolean {
  if (!readDayMonth(parts)) return false;
  if (at === text.length) return true;
  const spaces = skipSpaces();
  if (accept(44)) skipSpaces();
  else if (spaces === 0) return false;
  const time = readTime();
  if (time === NO_MATCH) return false;
  parts.timeMs = timeValue(time);
  return at === text.length;
}

function scanTimeFirst(parts: DateTextParts): boolean {
  const time = readTime();
  if (time === NO_MATCH || skipSpaces() === 0 || !readDayMonth(parts)) return false;
  parts.timeMs = timeValue(time);
  return at === text.length;
}

/** `Z`, `UTC`, `GMT`, `+07:00`, `+0700`, `+07` → ms; NO_MATCH for anything else. */
function readOffset(): number {
  const code = text.charCodeAt(at);
  if (code === 90) {
    at++;
    return 0;
  }
  if (text.startsWith('UTC', at) || text.startsWith('GMT', at)) {
    at += 3;
    return 0;
  }
  if (code !== 43 && code !== 45) return NO_MATCH;
  at++;
  const hours = readNumber(2, 2);
  if (hours === NO_MATCH) return NO_MATCH;
  const minutes = accept(58) || at < text.length ? readNumber(2, 2) : 0;
  if (minutes === NO_MATCH) return NO_MATCH;
  if (hours > 14 || minutes > 59) return OUT_OF_RANGE;
  return (code === 45 ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function scanIso(parts: DateTextParts): boolean {
  const year = readNumber(4, 4);
  const separator = text.charCodeAt(at);
  if (year === NO_MATCH || (separator !== 45 && separator !== 47 && separator !== 46)) return false;
  at++;
  const month = readNumber(1, 2);
  if (month === NO_MATCH || !accept(separator)) return false;
  const day = readNumber(1, 2);
  if (day === NO_MATCH) return false;
  parts.year = year;
  parts.first = month;
  parts.second = day;
  if (at === text.length) return true;
  if (!accept(84) && skipSpaces() === 0) return false;
  const time = readTime();
  if (time === NO_MATCH) return false;
  parts.timeMs = timeValue(time);
  skipSpaces();
  if (at === text.length) return true;
  const offset = readOffset();
  if (offset === NO_MATCH) return false;
  parts.offsetMs = offset === OUT_OF_RANGE ? NaN : offset;
  return at === text.length;
}

/** Index of the first character that is not an ASCII digit. */
function firstNonDigit(): number {
  let i = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The parts of a trimmed date text, or undefined when it has none of the shapes above. The first separator
 * decides which shape to try: `yyyy-` is ISO, `h:` a time first, `d/` a day-month date.
 */
export function scanDateText(trimmed: string): DateTextParts | undefined {
  text = trimmed;
  at = 0;
  const k = firstNonDigit();
  if (k === 0 || k >= text.length) return undefined;
  const parts: DateTextParts = { kind: 'day-month', year: 0, first: 0, second: 0, timeMs: 0 };
  const separator = text.charCodeAt(k);
  let matched = false;
  if (k === 4) {
    parts.kind = 'iso';
    matched = scanIso(parts);
  } else if (k <= 2) {
    matched = separator === 58 ? scanTimeFirst(parts) : scanDayMonthFirst(parts);
  }
  text = '';
  return matched ? parts : undefined;
}

/** Month names and abbreviations (English, and Vietnamese `tháng`/`thg` + number), folded to lower case. */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]{3,9})\.?[\s\-/.,]+(\d{4})(.*)$/i;
const MONTH_NAME_DAY_YEAR = /^([a-z]{3,9})\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4})(.*)$/i;
const VIETNAMESE_MONTH = /^(\d{1,2})\s+(?:tháng|thg|th)\s*(\d{1,2}),?\s+(?:năm\s+)?(\d{4})(.*)$/i;

/**
 * A date with its month in words (`20 Nov 2026 10:15`, Lazada; `Nov 20, 2026 2:05 PM`; `Fri, 20 Nov 2026`;
 * `20 tháng 11, 2026`) rewritten as ISO (`2026-11-20 10:15`): the month's name settles the day/month order.
 * Undefined when the text has no month name.
 */
export function monthNameToIso(text: string): string | undefined {
  const trimmed = text.trim().replace(WEEKDAY, '');
  let day: string | undefined;
  let month: number | undefined;
  let year: string | undefined;
  let rest = '';
  const vietnamese = VIETNAMESE_MONTH.exec(trimmed);
  if (vietnamese) {
    [day, month, year, rest] = [vietnamese[1], Number(vietnamese[2]), vietnamese[3], vietnamese[4] ?? ''];
  } else {
    const dayFirst = DAY_MONTH_NAME_YEAR.exec(trimmed);
    const monthFirst = dayFirst ? undefined : MONTH_NAME_DAY_YEAR.exec(trimmed);
    if (dayFirst)
      [day, month, year, rest] = [
        dayFirst[1],
        MONTHS[dayFirst[2]!.toLowerCase()],
        dayFirst[3],
        dayFirst[4] ?? '',
      ];
    else if (monthFirst)
      [day, month, year, rest] = [
        monthFirst[2],
        MONTHS[monthFirst[1]!.toLowerCase()],
        monthFirst[3],
        monthFirst[4] ?? '',
      ];
  }
  if (!day || !month || !year || month < 1 || month > 12) return undefined;
  const time = rest.replace(/^\s*(?:,|at|lúc)?\s*/i, '').trim();
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return time ? `${iso} ${time}` : iso;
}

/** `scanDateText`, and dates with their month in words (`monthNameToIso`). */
export function scanAnyDateText(trimmed: string): DateTextParts | undefined {
  const parts = scanDateText(trimmed);
  if (parts || !/[a-z]/i.test(trimmed)) return parts;
  const iso = monthNameToIso(trimmed);
  return iso ? scanDateText(iso) : undefined;
}
