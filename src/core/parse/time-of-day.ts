/**
 * A time of day in a column of its own (`Giờ`, `Time`: Toast, SumUp, Clover and hand-kept sheets put the date
 * and the time in two columns). Read as milliseconds into the day, added to the date column's day.
 *
 * Accepted: text `14:05`, `14:05:33`, `14:05:33.250`, `2:05 PM`, `2:05 p.m.`, `02:05 SA`/`CH` (Vietnamese
 * morning/afternoon), `14h05`; a Date cell (Sheets gives a time-only cell as a Date on 30 December 1899: its
 * wall-clock hours and minutes on the sheet's clock); a number from 0 to below 1 (a spreadsheet serial time).
 */
import { isBlank, type CellValue } from '../cell';
import { EMPTY_REASON, notParsed, parsed, type Parsed } from './result';
import { MS_PER_DAY, type ZoneClock } from './time-zone';

const TIME_TEXT = /^(\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?\s*(a\.?m\.?|p\.?m\.?|sa|ch)?$/i;
const REASON = 'expected a time of day like 14:05 or 2:05 PM';

function timeFromText(text: string): number | undefined {
  const match = TIME_TEXT.exec(text.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] ? Number(match[3]) : 0;
  const ms = match[4] ? Number(match[4].padEnd(3, '0')) : 0;
  const half = match[5]?.replace(/\./g, '').toLowerCase();
  if (half) {
    if (hours < 1 || hours > 12) return undefined;
    const afternoon = half === 'pm' || half === 'ch';
    hours = (hours % 12) + (afternoon ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** Whether a text is a time of day alone (no date): what tells a Time column from a Date column. */
export function isTimeOfDayText(text: string): boolean {
  return text.length <= 16 && timeFromText(text) !== undefined;
}

/** Milliseconds into the day of a time cell (see the top of the file). */
export function parseTimeOfDay(value: CellValue, clock: ZoneClock): Parsed<number> {
  if (isBlank(value)) return notParsed(EMPTY_REASON);
  if (value instanceof Date) {
    const local = clock.toLocalMs(value.getTime());
    return parsed(((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
  }
  if (typeof value === 'number') {
    return value >= 0 && value < 1 ? parsed(Math.round(value * MS_PER_DAY)) : notParsed(REASON);
  }
  if (typeof value !== 'string') return notParsed(REASON);
  const ms = timeFromText(value);
  return ms === undefined ? notParsed(REASON) : parsed(ms);
}
