import { ymdFromDayNumber } from '../parse/time-zone';

/** Whole years from a birth day to a day (both day numbers): the age a person gives on that day. */
export function ageOn(birthDay: number, day: number): number {
  const birth = ymdFromDayNumber(birthDay);
  const on = ymdFromDayNumber(day);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

/** Age bands shops target; 18–25 and 26–35 split students from young professionals. */
export const AGE_BANDS: readonly { label: string; max: number }[] = [
  { label: '<18', max: 17 },
  { label: '18-25', max: 25 },
  { label: '26-35', max: 35 },
  { label: '36-45', max: 45 },
  { label: '46-55', max: 55 },
  { label: '>55', max: Infinity },
];

export function ageBand(age: number | undefined): string {
  if (age === undefined) return '';
  return AGE_BANDS.find((band) => age <= band.max)!.label;
}

/** Ages outside this range come from typos (`1/1/1900`, a birth date in the future) and are not shown. */
export const PLAUSIBLE_AGE = { min: 0, max: 110 };
