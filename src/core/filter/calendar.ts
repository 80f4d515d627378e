/**
 * Calendar arithmetic on day numbers (whole days since 1970-01-01 on the spreadsheet's calendar, see model.ts).
 * Day numbers carry no time zone, so the UTC functions of `Date` do the civil-date conversion exactly.
 */
const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The day number of a calendar date, or undefined when the date does not exist (`2026-02-30`). */
export function dayFromCivil(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(0, 0, 0, 0);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(date.getTime() / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the next month = the last day of this one
  return date.getUTCDate();
}

/**
 * The same day of the month `months` calendar months earlier; a day the shorter month lacks clamps to its last
 * day (31 March minus one month is 28 February, or the 29th in a leap year).
 */
export function monthsBefore(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDay(dayNumber);
  const monthIndex = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const clamped = Math.min(day, daysInMonth(targetYear, targetMonth));
  return dayFromCivil(targetYear, targetMonth, clamped)!;
}
