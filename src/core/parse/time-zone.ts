/**
 * Wall-clock time in an IANA time zone, and calendar days.
 *
 * - An **instant** is epoch ms (what `Date.getTime()` gives; Apps Script date cells are instants).
 * - **Local epoch ms** is the spreadsheet's wall clock read as if it were UTC: `2026-11-21 23:30` in
 *   Asia/Ho_Chi_Minh is `Date.UTC(2026, 10, 21, 23, 30)`. Calendar arithmetic on it needs no time zone.
 * - A **day number** is `floor(localMs / MS_PER_DAY)`: whole days since 1970-01-01 on that calendar.
 *
 * Offsets come from `Intl.DateTimeFormat` (the only zone database Apps Script, Node and browsers share) and are
 * cached per UTC day (per hour on a day with a DST change), so a million conversions cost a million map
 * look-ups, not a million formatter calls.
 */

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Beyond this many cached days (or hours) a cache is emptied: a bound on memory for data spread over centuries. */
const MAX_CACHED_SPANS = 200_000;

export interface ZoneClock {
  /** The IANA zone name, e.g. `Asia/Ho_Chi_Minh`. */
  zone: string;
  /** Instant → local epoch ms (the wall clock in `zone`). */
  toLocalMs(instantMs: number): number;
  /**
   * Local epoch ms → instant. A wall-clock time skipped by a DST jump moves forward by the jump (02:30 on a
   * spring-forward night is 03:30); a repeated one (fall back) takes the earlier instant. This is the
   * "compatible" rule of JavaScript dates and Temporal.
   */
  toInstantMs(localMs: number): number;
}

/** Day number of a local epoch ms. */
export function dayNumber(localMs: number): number {
  return Math.floor(localMs / MS_PER_DAY);
}

/**
 * Day number of a proleptic Gregorian date (month 1–12), by arithmetic (H. Hinnant's days_from_civil):
 * no Date object, and years 0–99 are not shifted to 1900–1999 as `Date.UTC` would.
 */
export function dayNumberFromYmd(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (inverse of `dayNumberFromYmd`). */
export function ymdFromDayNumber(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfMonth };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `yyyy-mm-dd` of a day number. */
export function formatDay(day: number): string {
  const { year, month, day: dayOfMonth } = ymdFromDayNumber(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new Error(`Unknown time zone "${zone}"`);
  }
}

/** Offset (local − instant, ms) at one instant, read from the formatter; exact to the second. */
function offsetFromFormatter(formatter: Intl.DateTimeFormat, instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeChrist = false;
  for (const part of formatter.formatToParts(wholeSecond)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        beforeChrist = part.value.startsWith('B');
        break;
    }
  }
  if (beforeChrist) year = 1 - year;
  const local =
    dayNumberFromYmd(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
  return local - wholeSecond;
}

const clocks = new Map<string, ZoneClock>();

/**
 * The clock of an IANA zone (clocks are shared per zone, with their offset cache).
 * Throws `Error('Unknown time zone "X"')` for a name the platform does not know.
 */
export function zoneClock(zone: string): ZoneClock {
  const known = clocks.get(zone);
  if (known) return known;
  const formatter = formatterFor(zone);
  // Offsets by UTC day; a day holding a transition is split into hours, an hour holding one is not cached.
  const dayOffsets = new Map<number, number>();
  const hourOffsets = new Map<number, number>();
  const TRANSITION = NaN;

  const constantOffset = (start: number, length: number): number => {
    const first = offsetFromFormatter(formatter, start);
    return first === offsetFromFormatter(formatter, start + length - 1) ? first : TRANSITION;
  };

  const offsetAt = (instantMs: number): number => {
    const day = Math.floor(instantMs / MS_PER_DAY);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      if (dayOffsets.size >= MAX_CACHED_SPANS) dayOffsets.clear();
      offset = constantOffset(day * MS_PER_DAY, MS_PER_DAY);
      dayOffsets.set(day, offset);
    }
    if (offset === offset) return offset; // not NaN: no transition that day
    const hour = Math.floor(instantMs / MS_PER_HOUR);
    offset = hourOffsets.get(hour);
    if (offset === undefined) {
      if (hourOffsets.size >= MAX_CACHED_SPANS) hourOffsets.clear();
      offset = constantOffset(hour * MS_PER_HOUR, MS_PER_HOUR);
      hourOffsets.set(hour, offset);
    }
    return offset === offset ? offset : offsetFromFormatter(formatter, instantMs);
  };

  const toLocalMs = (instantMs: number): number => instantMs + offsetAt(instantMs);

  const toInstantMs = (localMs: number): number => {
    // At most one transition lies within a day of any moment, so the offsets a day before and a day after
    // are the only candidates.
    const before = offsetAt(localMs - MS_PER_DAY);
    const after = offsetAt(localMs + MS_PER_DAY);
    const early = localMs - Math.max(before, after);
    const late = localMs - Math.min(before, after);
    if (toLocalMs(early) === localMs) return early;
    if (toLocalMs(late) === localMs) return late;
    // Skipped wall-clock time: read it with the offset in force before the jump, which lands after the jump.
    return localMs - before;
  };

  const clock: ZoneClock = { zone, toLocalMs, toInstantMs };
  clocks.set(zone, clock);
  return clock;
}
