/**
 * Date and date-time cells, read as **local epoch ms** on the spreadsheet's wall clock (see time-zone.ts).
 *
 * Accepted:
 * - Date cells: instants (Apps Script gives instants; the CLI passes a UTC clock for xlsx, whose dates are
 *   wall-clock times already), converted with the sheet's clock;
 * - numbers: spreadsheet serials, days since 1899-12-30 with the fraction as time of day (Excel's fictitious
 *   29/02/1900 makes its serials below 61 one day off; no sale is that old); and, in a column whose texts look
 *   like serials (`46341`, `46347.34375`, as a CSV export of date cells gives them), the same serials as text;
 * - text in the shapes of date-text.ts: day and month in the column's order (`22/11/2026 14:05`, Sapo's
 *   `22-11-2026 14:05`, US `7/28/26 1:33 PM`, Vietnamese time first `14:05:00 1/7/2025`), or ISO whatever the
 *   column's order. ISO with an offset (`Z`, `+07:00`, Shopify's ` -0500`) is an instant and is converted with
 *   the sheet's clock; any other text is already wall-clock time.
 * Calendar dates and times are validated (31/02 and 25:00 are not dates). Every date, whatever its form, must
 * fall between 1900 and 2100: a year outside is a typo (`1/1/0202`, `2206`), and an earlier one would be written
 * as a negative serial.
 */
import { isBlank, type CellValue } from '../cell';
import { excerpt } from '../text';
import { scanAnyDateText, scanDateText } from './date-text';
import { EMPTY_REASON, notParsed, parsed, type Parsed } from './result';
import { dayNumberFromYmd, daysInMonth, MS_PER_DAY, type ZoneClock } from './time-zone';

export type DateOrder = 'dmy' | 'mdy';

export interface DateOrderDecision {
  order: DateOrder | 'ambiguous';
  /** Text values that only read day first (first part > 12). */
  dmyOnly: number;
  /** Text values that only read month first (second part > 12). */
  mdyOnly: number;
  /**
   * Up to five distinct example texts to show the user: when the order is ambiguous, values that read either
   * way (or, on a tie, both kinds of evidence); when the order was decided against some evidence, the values that
   * contradict it (they will be reported as bad dates).
   */
  samples: string[];
}

/** Serial 25569 is 1970-01-01: the spreadsheet epoch 1899-12-30 is 25569 days before the Unix epoch. */
const SERIAL_UNIX_EPOCH = 25_569;
/** The years a date may fall in. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;
const DAY_MIN = dayNumberFromYmd(DATE_YEARS.min, 1, 1);
/** The first day after the range. */
const DAY_END = dayNumberFromYmd(DATE_YEARS.max + 1, 1, 1);
const SERIAL_MIN = DAY_MIN + SERIAL_UNIX_EPOCH;
const SERIAL_END = DAY_END + SERIAL_UNIX_EPOCH;
const OUT_OF_RANGE = `expected a date between ${DATE_YEARS.min} and ${DATE_YEARS.max}`;
/** A spreadsheet serial written as text: five digits (1927–2173), an optional fraction of a day. */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
const MAX_SAMPLES = 5;

const EXPECTED = 'expected a date like 22/11/2026 14:05';
const EXPECTED_ORDER: Record<DateOrder, string> = {
  dmy: 'expected a day-first date like 28/7/2026 (this column reads day first)',
  mdy: 'expected a month-first date like 7/28/2026 (this column reads month first)',
};

function cleanText(text: string): string {
  const trimmed = text.trim();
  // A leading apostrophe is how a sheet is told to keep a value as text.
  return trimmed.charCodeAt(0) === 39 ? trimmed.slice(1).trim() : trimmed;
}

function calendarDay(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return dayNumberFromYmd(year, month, day);
}

/** Local ms of a local ms when its day is in the range; the range's reason otherwise. */
function inRange(local: number, shown: string): Parsed<number> {
  const day = Math.floor(local / MS_PER_DAY);
  return day >= DAY_MIN && day < DAY_END ? parsed(local) : notParsed(`${OUT_OF_RANGE}; ${shown} is not`);
}

function parseSerial(value: number, shown: string): Parsed<number> {
  if (!(value >= SERIAL_MIN && value < SERIAL_END)) {
    return notParsed(
      value === value && Math.abs(value) !== Infinity && value >= 1 && value <= 2_958_465
        ? `${OUT_OF_RANGE}; the serial ${shown} is not`
        : `expected a date; the number ${shown} is not a spreadsheet date`,
    );
  }
  return parsed(Math.round((value - SERIAL_UNIX_EPOCH) * MS_PER_DAY));
}

/** True for a text that reads as a spreadsheet serial (`46341`, `46347.34375`); see `looksLikeSerialColumn`. */
export function isSerialText(value: CellValue): boolean {
  return typeof value === 'string' && SERIAL_TEXT.test(cleanText(value));
}

/**
 * Whether a date column's texts are spreadsheet serials: most of its text values (at least 80%) read as serials
 * and at least one does. Only then are number-like texts read as dates: elsewhere `46341` is no date.
 */
export function looksLikeSerialColumn(values: readonly CellValue[]): boolean {
  let texts = 0;
  let serials = 0;
  for (const value of values) {
    if (typeof value !== 'string' || isBlank(value)) continue;
    texts++;
    if (isSerialText(value)) serials++;
  }
  return serials > 0 && serials >= texts * 0.8;
}

function parseDateText(raw: string, order: DateOrder, clock: ZoneClock, serialText: boolean): Parsed<number> {
  const text = cleanText(raw);
  if (text === '') return notParsed(EMPTY_REASON);
  if (serialText && SERIAL_TEXT.test(text)) return parseSerial(Number(text), excerpt(text));
  const parts = scanAnyDateText(text);
  if (!parts) return notParsed(EXPECTED);
  const dayFirst = parts.kind === 'day-month' && order === 'dmy';
  const month = dayFirst ? parts.second : parts.first;
  const day = dayFirst ? parts.first : parts.second;
  if (parts.year < DATE_YEARS.min || parts.year > DATE_YEARS.max)
    return notParsed(`${OUT_OF_RANGE}; ${text} is not`);
  const dayNumber = calendarDay(parts.year, month, day);
  if (dayNumber !== dayNumber) {
    if (parts.kind === 'day-month' && month > 12 && day <= 12) return notParsed(EXPECTED_ORDER[order]);
    return notParsed(`expected a real calendar date; ${text} has no such day`);
  }
  if (parts.timeMs !== parts.timeMs)
    return notParsed(`expected a time of day from 00:00 to 23:59 in ${text}`);
  const local = dayNumber * MS_PER_DAY + parts.timeMs;
  const offset = parts.offsetMs;
  if (offset === undefined) return parsed(local);
  if (offset !== offset) return notParsed(`expected a time-zone offset like +07:00 in ${text}`);
  return inRange(clock.toLocalMs(local - offset), text);
}

/**
 * Parses one cell to local epoch ms on the spreadsheet's clock; see the top of this file for what is accepted.
 * `serialText`: the column's texts are serials (`looksLikeSerialColumn`), so `46341` as text is a date.
 */
export function parseDateCell(
  value: CellValue,
  order: DateOrder,
  clock: ZoneClock,
  serialText = false,
): Parsed<number> {
  if (typeof value === 'string') return parseDateText(value, order, clock, serialText);
  if (typeof value === 'number') return parseSerial(value, String(value));
  if (value instanceof Date) {
    const instant = value.getTime();
    if (instant !== instant) return notParsed('expected a valid date cell');
    return inRange(clock.toLocalMs(instant), value.toISOString().slice(0, 10));
  }
  if (isBlank(value)) return notParsed(EMPTY_REASON);
  return notParsed(EXPECTED);
}

/**
 * Decides a column's day/month order from its text values (Date cells, serials and ISO texts do not vote, as
 * their order is fixed). A text whose first part is over 12 proves day first; whose second part is over 12 proves
 * month first; a text with both parts ≤ 12 reads either way (unless both are equal, `05/05/2025`, which reads the
 * same). The order with more proofs wins, and the contradicting values are kept as samples; a tie, or a column
 * whose every day-month text reads either way, is `ambiguous` (the user chooses). A column with no day-month
 * text at all gets `dmy`: the order is irrelevant to it.
 */
export function decideDateOrder(values: readonly CellValue[]): DateOrderDecision {
  let dmyOnly = 0;
  let mdyOnly = 0;
  const dmySamples: string[] = [];
  const mdySamples: string[] = [];
  const eitherSamples: string[] = [];
  const keep = (samples: string[], text: string) => {
    if (samples.length < MAX_SAMPLES && !samples.includes(text)) samples.push(text);
  };
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = cleanText(value);
    const parts = scanDateText(text);
    if (!parts || parts.kind !== 'day-month') continue;
    const { first, second } = parts;
    if (first > 12 && second <= 12) {
      dmyOnly++;
      keep(dmySamples, text);
    } else if (second > 12 && first <= 12) {
      mdyOnly++;
      keep(mdySamples, text);
    } else if (first <= 12 && second <= 12 && first !== second) {
      keep(eitherSamples, text);
    }
  }
  if (dmyOnly > mdyOnly) return { order: 'dmy', dmyOnly, mdyOnly, samples: mdySamples };
  if (mdyOnly > dmyOnly) return { order: 'mdy', dmyOnly, mdyOnly, samples: dmySamples };
  if (dmyOnly > 0) {
    const samples = [...dmySamples.slice(0, 2), ...mdySamples.slice(0, 2)];
    return { order: 'ambiguous', dmyOnly, mdyOnly, samples };
  }
  if (eitherSamples.length > 0) return { order: 'ambiguous', dmyOnly, mdyOnly, samples: eitherSamples };
  return { order: 'dmy', dmyOnly, mdyOnly, samples: [] };
}
